from datetime import datetime, time, timedelta

import django_filters
from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.filters import LongSelect, PeriodFilter, PublicFilterSet
from newsroom.periods import FIRST_YEAR, LAST_YEAR
from organizations.models import Meeting, Organization

from .models import Article, Category, Tag

MAX_QUERY_LENGTH = 200


class DateInput(forms.DateInput):
    """The browser's date picker: it holds only ISO dates, so a date from the URL (31/12/2021 or 2021-12-31) is shown
    as one, and a bad date is not echoed (its error is)."""

    input_type = "date"

    def format_value(self, value):
        try:
            value = forms.DateField().to_python(value)
        except forms.ValidationError:
            return None
        return value.isoformat() if value else None


def start_of_day(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def validate_day(day):
    """A day the site can hold news of: the years of the periods (and within what datetimes can hold)."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Ngày phải trong khoảng năm %(first)s đến năm %(last)s."),
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


# The unit select lists the upper levels (a few hundred units at most); any unit is found by name as one types.
LISTED_UNIT_DEPTH = 3


class UnitFilter(django_filters.ModelChoiceFilter):
    """A unit by its slug: the rows of that unit and of its sub-units (the queryset's `in_unit`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("empty_label", _("Tất cả đơn vị"))
        kwargs.setdefault(
            "widget",
            LongSelect(
                shown=lambda unit: unit.depth <= LISTED_UNIT_DEPTH,
                suggest_url=reverse_lazy("articles:unit-suggestions"),
            ),
        )
        units = Organization.objects.only("slug", "name", "path", "depth")
        super().__init__(queryset=units, to_field_name="slug", **kwargs)

    def filter(self, qs, value):
        return qs.in_unit(value) if value else qs


class ArticleFilter(PublicFilterSet):
    """The public filters: they compose, and every one of them stays in the URL."""

    q = django_filters.CharFilter(
        label=_("Từ khóa"),
        method="search",
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Từ khóa quá dài: tối đa %(limit_value)d ký tự, hãy rút gọn lại.")},
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("vd. hoi nghi so ket")}),
    )
    unit = UnitFilter(label=_("Đơn vị"))
    period = PeriodFilter(label=_("Kỳ"))
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
        label=_("Loại hội nghị"), method="of_kind", choices=Meeting.Kind.choices, empty_label=_("Tất cả")
    )
    date_from = django_filters.DateFilter(
        label=_("Từ ngày"), method="published_from", widget=DateInput, validators=[validate_day]
    )
    date_to = django_filters.DateFilter(
        label=_("Đến ngày"), method="published_to", widget=DateInput, validators=[validate_day]
    )

    class Meta:
        model = Article
        fields = []

    def filter_queryset(self, queryset):
        # the search last: it takes the newest matches among the articles the other filters let through
        values = self.form.cleaned_data
        for name in sorted(values, key=lambda name: name == "q"):
            queryset = self.filters[name].filter(queryset, values[name])
        return queryset

    def search(self, queryset, name, value):
        return queryset.search(value)

    def of_kind(self, queryset, name, value):
        return queryset.of_kind(value)

    # Local days as ranges of published_at, so that its index serves them (a cast to date would not).
    def published_from(self, queryset, name, day):
        return queryset.filter(published_at__gte=start_of_day(day))

    def published_to(self, queryset, name, day):
        return queryset.filter(published_at__lt=start_of_day(day + timedelta(days=1)))


class MeetingFilter(PublicFilterSet):
    unit = UnitFilter(label=_("Đơn vị"))
    period = PeriodFilter(label=_("Kỳ"))
    kind = django_filters.ChoiceFilter(label=_("Loại hội nghị"), choices=Meeting.Kind.choices, empty_label=_("Tất cả"))

    class Meta:
        model = Meeting
        fields = []


# The URL says ?from=...&to=... ("from" cannot be a Python attribute name).
ArticleFilter.base_filters["from"] = ArticleFilter.base_filters.pop("date_from")
ArticleFilter.base_filters["to"] = ArticleFilter.base_filters.pop("date_to")
