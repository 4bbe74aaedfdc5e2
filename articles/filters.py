from datetime import date

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.periods import Period
from organizations.models import Meeting, Organization

from .models import Article, Category, Tag

MAX_QUERY_LENGTH = 200


class PeriodField(forms.CharField):
    """A period code ("2021-H1", case-insensitive) or phrase ("6 tháng đầu năm 2021") → Period."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return Period.parse(value)
        except ValueError:
            period = Period.from_text(value)
        if period is None:
            raise forms.ValidationError(
                _("Kỳ “%(value)s” không hợp lệ. Ví dụ: 2021, 2021-H1, 2021-Q3, 2021-06, 2020-2025."),
                params={"value": value[:40]},
            )
        return period


class PeriodFilter(django_filters.Filter):
    field_class = PeriodField

    def filter(self, qs, value):
        return qs.in_period(value) if value else qs


class ArticleFilter(django_filters.FilterSet):
    """The public filters: they compose, and every one of them stays in the URL."""

    q = django_filters.CharFilter(
        label=_("Từ khóa"), method="search", max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("vd. hoi nghi so ket")}),
    )  # fmt: skip
    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị"), queryset=Organization.objects.all(), to_field_name="slug", method="in_unit",
        empty_label=_("Tất cả đơn vị"),
    )  # fmt: skip
    period = PeriodFilter(label=_("Kỳ"), widget=forms.TextInput(attrs={"placeholder": "2021-H1"}))
    category = django_filters.ModelChoiceFilter(
        label=_("Chuyên mục"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        empty_label=_("Tất cả chuyên mục"),
    )
    tag = django_filters.ModelChoiceFilter(
        label=_("Thẻ"), field_name="tags", queryset=Tag.objects.all(), to_field_name="slug", widget=forms.TextInput
    )
    kind = django_filters.ChoiceFilter(
        label=_("Loại hội nghị"), field_name="meeting__kind", choices=Meeting.Kind.choices, empty_label=_("Tất cả")
    )
    date_from = django_filters.DateFilter(
        label=_("Từ ngày"),
        field_name="published_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        label=_("Đến ngày"),
        field_name="published_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Article
        fields = []

    def in_unit(self, queryset, name, unit):
        return queryset.in_unit(unit)

    def search(self, queryset, name, value):
        return queryset.search(value)

    def chosen(self):
        """(label, value shown, query string without this filter) for each filter in use: removable chips."""
        if not self.is_bound or not self.is_valid():
            return []
        chips = []
        for name, value in self.form.cleaned_data.items():
            if value in (None, ""):
                continue
            params = self.data.copy()
            params.pop(name, None)
            params.pop("page", None)
            shown = (
                value.label
                if isinstance(value, Period)
                else value.strftime("%d/%m/%Y")
                if isinstance(value, date)
                else value
            )
            chips.append((self.filters[name].label, shown, params.urlencode()))
        return chips


# The URL says ?from=...&to=... ("from" cannot be a Python attribute name).
ArticleFilter.base_filters["from"] = ArticleFilter.base_filters.pop("date_from")
ArticleFilter.base_filters["to"] = ArticleFilter.base_filters.pop("date_to")
