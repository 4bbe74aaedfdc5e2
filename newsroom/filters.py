"""Filter helpers every public list shares: the reporting period, and the chips of the filters in use."""

import hashlib
from datetime import date
from html import escape

import django_filters
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from newsroom import pagecache
from newsroom.forms import PeriodSelect
from newsroom.periods import Period, read_period


class LongSelect(forms.Select):
    """A select of hundreds of options (the units) written directly, as Django's own template writes it, from
    options kept in the cache for the content generation: reading the rows and running the template engine once
    per option would cost more than the rest of the page.

    With `shown` (a test of a choice's row), only the options it passes are written, plus the one chosen: thousands
    of options would weigh more than the rest of the page; `suggest_url` then answers the rest by name
    (static/js/suggest.js turns the select into a box that asks it as one types)."""

    def __init__(self, attrs=None, *, shown=None, suggest_url=None):
        super().__init__(attrs)
        self.shown, self.suggest_url = shown, suggest_url

    def options(self):
        """(value, the option's opening up to its value, the rest, whether it is listed): written once per
        generation."""
        queryset = getattr(self.choices, "queryset", None)
        current = pagecache.generation() if queryset is not None else None
        key = current and "pagecache:options:" + hashlib.md5(f"{current}:{queryset.query}".encode()).hexdigest()
        options = cache.get(key) if key else None
        if options is None:
            options = []
            for value, label in self.choices:
                listed = not (self.shown and value) or self.shown(value.instance)
                value = str("" if value is None else value)
                options.append((value, f'<option value="{escape(value)}"', f">{escape(str(label))}</option>", listed))
            if key:
                cache.set(key, options, settings.PAGE_CACHE_SECONDS or 300)
        return options

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = "".join(
            f"{opening} selected{rest}" if value in chosen else f"{opening}{rest}"
            for value, opening, rest, listed in self.options()
            if listed or value in chosen  # one not listed, chosen among the suggestions: listed too
        )
        attrs = self.build_attrs(self.attrs, attrs)
        if self.suggest_url:
            attrs["data-suggest"] = str(self.suggest_url)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(attrs), mark_safe(options))


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
