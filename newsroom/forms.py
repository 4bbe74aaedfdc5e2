"""Form widgets every app shares: periods picked from lists labelled in Vietnamese, their codes kept for URLs."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.periods import FIRST_YEAR, Period, PeriodKind, read_period

ROMAN = ["I", "II", "III", "IV"]
TERM_YEARS = 5
# What a part of the year (or a term from that year) adds to the year's code.
PARTS = [
    ("year", _("Cả năm")),
    ("h1", _("6 tháng đầu năm")),
    ("h2", _("6 tháng cuối năm")),
    ("9m", _("9 tháng")),
    *((f"q{n}", _("Quý %(roman)s") % {"roman": ROMAN[n - 1]}) for n in range(1, 5)),
    *((f"{n:02}", _("Tháng %(month)s") % {"month": n}) for n in range(1, 13)),
    ("term", _("Cả nhiệm kỳ (5 năm từ năm này)")),
    ("mid", _("Giữa nhiệm kỳ (5 năm từ năm này)")),
]
PICKER_HELP = _("Chọn năm và kỳ, vd. 2021 và “6 tháng đầu năm”; nhiệm kỳ 2020 - 2025: năm 2020 và “Cả nhiệm kỳ”.")


def code_of(year, part):
    """The period code of a year and a part of PARTS ("" when no year is chosen)."""
    if not year:
        return ""
    year = int(year)
    if part == "term":
        return Period.term(year, year + TERM_YEARS).code
    if part == "mid":
        return Period.midterm(year, year + TERM_YEARS).code
    return f"{year}" if part in ("", "year") else f"{year}-{part}".upper()


def parts_of(value):
    """(year, part) of a period, code or phrase: what the two lists show."""
    try:
        period = value if isinstance(value, Period) else read_period(value)
    except forms.ValidationError:
        return None, None
    if period is None:
        return None, None
    year = period.start_year
    if period.kind in (PeriodKind.TERM, PeriodKind.MIDTERM):
        return year, "term" if period.kind == PeriodKind.TERM else "mid"
    rest = period.code[5:].lower()
    return year, rest or "year"


def year_choices(value_year=None):
    this_year = timezone.localdate().year
    years = list(range(this_year + 1, 1989, -1))
    if value_year and value_year not in years and value_year >= FIRST_YEAR:
        years.append(value_year)
    return [("", _("— năm —")), *((year, year) for year in years)]


class PeriodPicker(forms.MultiWidget):
    """A period as two lists, the year and its part ("6 tháng đầu năm"), posted as one code ("2021-H1").

    A form posted with the plain field name (a code or a phrase) is read as such."""

    def __init__(self, attrs=None):
        widgets = {
            "year": forms.Select(attrs={"aria-label": _("Năm")}, choices=year_choices()),
            "part": forms.Select(attrs={"aria-label": _("Kỳ trong năm")}, choices=PARTS),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        return list(parts_of(value))

    def get_context(self, name, value, attrs):
        year, _part = parts_of(value)
        self.widgets[0].choices = year_choices(year)
        return super().get_context(name, value, attrs)

    def value_from_datadict(self, data, files, name):
        if name in data:
            return data[name]
        year, part = super().value_from_datadict(data, files, name)
        try:
            return code_of(year, part)
        except ValueError:
            return f"{year}-{part}"  # the field says what is wrong with it

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


def use_period_picker(form, field="period_code"):
    """Make `field` of an admin form a PeriodPicker, with a help text in the editor's words."""
    if field in form.fields:
        form.fields[field].widget = PeriodPicker()
        form.fields[field].help_text = PICKER_HELP


def public_period_choices(value=None, years=12):
    """The periods a reader picks from, grouped by year, newest first, then the terms; `value` is always offered."""
    this_year = timezone.localdate().year
    groups = []
    for year in range(this_year, this_year - years, -1):
        periods = [
            Period.year(year),
            Period.half(year, 1),
            Period.half(year, 2),
            Period.nine_months(year),
            *(Period.quarter(year, n) for n in range(1, 5)),
        ]
        groups.append((_("Năm %(year)s") % {"year": year}, [(p.code, p.label) for p in periods]))
    first_term = 2025 + (this_year - 2025) // TERM_YEARS * TERM_YEARS
    terms = []
    for start in range(first_term, first_term - 4 * TERM_YEARS, -TERM_YEARS):
        terms += [Period.term(start, start + TERM_YEARS), Period.midterm(start, start + TERM_YEARS)]
    groups.append((_("Nhiệm kỳ"), [(p.code, p.label) for p in terms]))
    offered = {code for _label, options in groups for code, _name in options}
    if isinstance(value, Period) and value.code not in offered:
        groups.insert(0, (_("Đang chọn"), [(value.code, value.label)]))
    return [("", _("Tất cả các kỳ")), *groups]


class PeriodSelect(forms.Select):
    """One list of periods by their Vietnamese names, whose values are the codes that go in the URL."""

    def get_context(self, name, value, attrs):
        try:
            period = value if isinstance(value, Period) else read_period(value)
        except forms.ValidationError:
            period = None
        self.choices = public_period_choices(period)
        return super().get_context(name, period.code if period else "", attrs)
