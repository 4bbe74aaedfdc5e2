import calendar
import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from functools import total_ordering

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.text import fold

FIRST_YEAR, LAST_YEAR = 1930, 2100
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ROMAN_NAMES = {number: name.upper() for name, number in ROMAN.items()}
MONTHS_IN = {"month": 1, "quarter": 3, "half": 6}

CODE = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<last>\d{4})(?P<mid>-mid)?|(?P<month>\d\d)|q(?P<quarter>\d)|h(?P<half>\d)|(?P<nine>9m)))?",
    re.ASCII,
)
RANGE = r"\d{4}\ ?[-–—]\ ?\d{4}"
PHRASE = re.compile(
    rf"""(?<![\w/])(?:
        (?P<months>[69])\ thang\ (?P<part>dau\ |cuoi\ )?nam(?:\ (?P<months_year>\d{{4}}))?
      | (?P<midterm>giua)\ nhiem\ k[yi](?:\ (?P<midterm_years>{RANGE}))?
      | nhiem\ k[yi]\ (?P<term_years>{RANGE})
      | qu[yi]\ (?P<quarter>iv|i{{1,3}}|\d)(?:\ ?[/-]\ ?|\ nam\ )(?P<quarter_year>\d{{4}})
      | thang\ (?P<month>\d\d?)(?:\ ?[/-]\ ?|\ nam\ )(?P<month_year>\d{{4}})
      | (?<!viet\ )nam\ (?P<year>\d{{4}})
      | (?P<code>\d{{4}}-(?:q\d|h\d|9m|\d{{4}}-mid))
    )(?![\w/])""",
    re.ASCII | re.VERBOSE,
)
CLAUSE_YEAR = re.compile(r"[^.;!?]*?(?<!\d)(\d{4})(?!\d)")
CLAUSE_RANGE = re.compile(rf"[^.;!?]*?(?<!\d)({RANGE})(?!\d)")


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    HALF = "half", _("6 tháng")
    NINE_MONTHS = "nine_months", _("9 tháng")
    YEAR = "year", _("Năm")
    MIDTERM = "midterm", _("Giữa nhiệm kỳ")
    TERM = "term", _("Nhiệm kỳ")


def _month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def _years(text):
    first, last = re.findall(r"\d{4}", text)
    return int(first), int(last)


def _index(kind, month):
    return (month - 1) // MONTHS_IN[kind] + 1 if kind in MONTHS_IN else 0


def _later_in_clause(pattern, phrase):
    found = pattern.match(phrase.string, phrase.end(), phrase.end() + 200)
    return found[1] if found else None


@total_ordering
@dataclass(frozen=True)
class Period:
    """A reporting period. Term a-b: Jan 1 of a..Dec 31 of b; mid-term: its first half (2020-2025-mid: to 2022)."""

    kind: PeriodKind
    start_year: int
    number: int = 0  # the month, quarter or half; the last year of a term

    def __post_init__(self):
        object.__setattr__(self, "kind", PeriodKind(self.kind))
        if not FIRST_YEAR <= self.start_year <= LAST_YEAR:
            raise ValueError(f"Năm {self.start_year} nằm ngoài khoảng {FIRST_YEAR} - {LAST_YEAR}.")
        if self.kind in MONTHS_IN and not 1 <= self.number <= 12 // MONTHS_IN[self.kind]:
            raise ValueError(f"Số thứ tự {self.number} không hợp lệ (từ 1 đến {12 // MONTHS_IN[self.kind]}).")
        if self.kind in (PeriodKind.TERM, PeriodKind.MIDTERM) and not self.start_year < self.number <= LAST_YEAR:
            raise ValueError(f"Nhiệm kỳ {self.start_year} - {self.number} không hợp lệ.")
        if self.kind in (PeriodKind.NINE_MONTHS, PeriodKind.YEAR) and self.number:
            raise ValueError("Kỳ 9 tháng và kỳ năm không có số thứ tự.")

    @classmethod
    def month(cls, year, month):
        return cls(PeriodKind.MONTH, year, month)

    @classmethod
    def quarter(cls, year, quarter):
        return cls(PeriodKind.QUARTER, year, quarter)

    @classmethod
    def half(cls, year, half):
        return cls(PeriodKind.HALF, year, half)

    @classmethod
    def nine_months(cls, year):
        return cls(PeriodKind.NINE_MONTHS, year)

    @classmethod
    def year(cls, year):
        return cls(PeriodKind.YEAR, year)

    @classmethod
    def term(cls, start_year, end_year):
        return cls(PeriodKind.TERM, start_year, end_year)

    @classmethod
    def midterm(cls, start_year, end_year):
        return cls(PeriodKind.MIDTERM, start_year, end_year)

    @classmethod
    def parse(cls, code):
        match = CODE.fullmatch(code.strip().lower()) if len(code) < 40 else None
        if not match:
            raise ValueError(f"Mã kỳ “{code[:40]}” không hợp lệ.")
        year = int(match["year"])
        if match["last"]:
            return cls(PeriodKind.MIDTERM if match["mid"] else PeriodKind.TERM, year, int(match["last"]))
        if match["month"]:
            return cls.month(year, int(match["month"]))
        if match["quarter"]:
            return cls.quarter(year, int(match["quarter"]))
        if match["half"]:
            return cls.half(year, int(match["half"]))
        return cls.nine_months(year) if match["nine"] else cls.year(year)

    @classmethod
    def from_text(cls, text):
        """The first period named in `text`; "6 tháng đầu năm" without a year takes the next year in its clause."""
        with suppress(ValueError):
            return cls.parse(text)
        return next(cls.find_all(text), None)

    @classmethod
    def find_all(cls, text):
        """Every period named in `text`, in order of appearance."""
        for line in text.splitlines():
            line = fold(line)
            for match in PHRASE.finditer(line):
                with suppress(ValueError):
                    if period := cls._from_phrase(match):
                        yield period

    @classmethod
    def _from_phrase(cls, match):
        if match["months"]:
            year = match["months_year"] or _later_in_clause(CLAUSE_YEAR, match)
            if not year:
                return None
            if match["months"] == "9":
                return cls.nine_months(int(year))
            return cls.half(int(year), 2 if match["part"] == "cuoi " else 1)
        if match["midterm"]:
            years = match["midterm_years"] or _later_in_clause(CLAUSE_RANGE, match)
            return cls.midterm(*_years(years)) if years else None
        if match["term_years"]:
            return cls.term(*_years(match["term_years"]))
        if match["quarter"]:
            return cls.quarter(int(match["quarter_year"]), ROMAN.get(match["quarter"]) or int(match["quarter"]))
        if match["month"]:
            return cls.month(int(match["month_year"]), int(match["month"]))
        if match["year"]:
            return cls.year(int(match["year"]))
        return cls.parse(match["code"])

    @classmethod
    def from_range(cls, kind, start, end):
        kind = PeriodKind(kind)
        if kind == PeriodKind.TERM:
            number = end.year
        elif kind == PeriodKind.MIDTERM:
            number = start.year - 1 + ((end.year - start.year) * 12 + end.month) // 6
        else:
            number = _index(kind, start.month)
        period = cls(kind, start.year, number)
        if (period.start, period.end) != (start, end):
            raise ValueError(f"Khoảng {start:%d/%m/%Y} - {end:%d/%m/%Y} không khớp với loại kỳ đã chọn.")
        return period

    @classmethod
    def containing(cls, day, kind):
        kind = PeriodKind(kind)
        if kind in (PeriodKind.TERM, PeriodKind.MIDTERM):
            raise ValueError("Không thể suy ra nhiệm kỳ từ một ngày.")
        period = cls(kind, day.year, _index(kind, day.month))
        if day not in period:
            raise ValueError(f"Ngày {day:%d/%m/%Y} không thuộc kỳ 9 tháng nào.")
        return period

    @property
    def start(self):
        months = MONTHS_IN.get(self.kind)
        return date(self.start_year, (self.number - 1) * months + 1 if months else 1, 1)

    @property
    def end(self):
        if self.kind == PeriodKind.TERM:
            return date(self.number, 12, 31)
        if self.kind == PeriodKind.MIDTERM:
            months = (self.number - self.start_year + 1) * 6
            return _month_end(self.start_year + (months - 1) // 12, (months - 1) % 12 + 1)
        if self.kind in MONTHS_IN:
            return _month_end(self.start_year, self.number * MONTHS_IN[self.kind])
        return _month_end(self.start_year, 9 if self.kind == PeriodKind.NINE_MONTHS else 12)

    @property
    def code(self):
        year, number = self.start_year, self.number
        return {
            "month": f"{year}-{number:02}",
            "quarter": f"{year}-Q{number}",
            "half": f"{year}-H{number}",
            "nine_months": f"{year}-9M",
            "year": f"{year}",
            "midterm": f"{year}-{number}-mid",
            "term": f"{year}-{number}",
        }[self.kind]

    @property
    def slug(self):
        return self.code.lower()

    @property
    def label(self):
        year, number = self.start_year, self.number
        return {
            "month": f"Tháng {number}/{year}",
            "quarter": f"Quý {ROMAN_NAMES.get(number)}/{year}",
            "half": f"6 tháng {'đầu' if number == 1 else 'cuối'} năm {year}",
            "nine_months": f"9 tháng năm {year}",
            "year": f"Năm {year}",
            "midterm": f"Giữa nhiệm kỳ {year} - {number}",
            "term": f"Nhiệm kỳ {year} - {number}",
        }[self.kind]

    def contains(self, other):
        if isinstance(other, date):
            return self.start <= other <= self.end
        return self.start <= other.start and other.end <= self.end

    __contains__ = contains

    def __lt__(self, other):
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def _sort_key(self):
        return self.start, -self.end.toordinal(), self.code

    def __str__(self):
        return self.code

    def __repr__(self):
        return f"Period({self.code!r})"


def read_period(value):
    """A Period from a code ("2021-H1") or a Vietnamese phrase ("6 tháng đầu năm 2021"); None when blank."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return Period.parse(value)
    except ValueError:
        found = Period.from_text(value)
    if found is None:
        raise ValidationError(_("Không hiểu kỳ báo cáo “%(value)s”."), params={"value": value[:60]}, code="period")
    return found


class PeriodConverter:
    regex = r"[0-9]{4}(?:-(?:[0-9]{4}(?:-[mM][iI][dD])?|[0-9]{2}|[qQ][1-4]|[hH][12]|9[mM]))?"

    def to_python(self, value):
        return Period.parse(value)

    def to_url(self, value):
        return Period.parse(str(value)).slug
