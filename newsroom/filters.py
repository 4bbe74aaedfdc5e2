"""Filter helpers every public list shares: the reporting period, and the chips of the filters in use."""

from datetime import date

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.forms import PeriodSelect
from newsroom.periods import Period, read_period


class PeriodField(forms.CharField):
    """A period code ("2021-H1", case-insensitive) or phrase ("6 tháng đầu năm 2021") → Period; a list to pick from."""

    widget = PeriodSelect

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return read_period(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Kỳ “%(value)s” không hợp lệ: hãy chọn một kỳ trong danh sách."),
                params={"value": value[:40]},
            ) from None


class PeriodFilter(django_filters.Filter):
    field_class = PeriodField

    def filter(self, qs, value):
        return qs.in_period(value) if value else qs


class PublicFilterSet(django_filters.FilterSet):
    """Filters of a public list: the ones in use are shown as chips, each removable on its own."""

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
            chips.append((self.filters[name].label, self._shown(name, value), params.urlencode()))
        return chips

    def _shown(self, name, value):
        if isinstance(value, Period):
            return value.label
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        field = self.form.fields[name]
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            return dict(field.choices).get(value, value)  # a meeting kind by its name, not its code
        return value
