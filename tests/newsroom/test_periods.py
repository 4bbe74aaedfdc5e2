import re
import time
import unicodedata
from datetime import date

import pytest

from newsroom.periods import Period, PeriodConverter, PeriodKind

ALL = [
    Period.month(2021, 6),
    Period.quarter(2021, 3),
    Period.half(2021, 1),
    Period.half(2021, 2),
    Period.nine_months(2021),
    Period.year(2021),
    Period.midterm(2020, 2025),
    Period.term(2020, 2025),
]


@pytest.mark.parametrize(
    "code, expected",
    [
        ("2021-06", Period.month(2021, 6)),
        ("2021-Q3", Period.quarter(2021, 3)),
        ("2021-H1", Period.half(2021, 1)),
        ("2021-H2", Period.half(2021, 2)),
        ("2021-9M", Period.nine_months(2021)),
        ("2021", Period.year(2021)),
        ("2020-2025-mid", Period.midterm(2020, 2025)),
        ("2020-2025", Period.term(2020, 2025)),
    ],
)
def test_parse_reads_every_code_form(code, expected):
    assert Period.parse(code) == expected


@pytest.mark.parametrize(
    "code, expected",
    [
        ("2021-h1", Period.half(2021, 1)),
        (" 2021-q3 ", Period.quarter(2021, 3)),
        ("2020-2025-MID", Period.midterm(2020, 2025)),
        ("2021-9m\n", Period.nine_months(2021)),
    ],
)
def test_parse_ignores_case_and_surrounding_whitespace(code, expected):
    assert Period.parse(code) == expected


@pytest.mark.parametrize(
    "code",
    ["2021-H9", "2021-H0", "2021-13", "2021-00", "2021-Q0", "2021-Q5", "abc", "2025-2020", "2020-2020", "", "   "]
    + ["1929", "2101", "2021-6", "2021-Q3x", "21-Q3", "2021-H1-mid", "2021-9M-mid", "２０２１", "1" * 10_000],
)
def test_parse_rejects_invalid_codes(code):
    with pytest.raises(ValueError):
        Period.parse(code)


def test_parse_error_message_is_vietnamese():
    with pytest.raises(ValueError, match="không hợp lệ"):
        Period.parse("2021-H9")


def test_parse_of_long_input_is_fast():
    started = time.perf_counter()
    for text in ("1" * 10_000, "2021-" * 2_000, "2021-Q" + "1" * 10_000):
        with pytest.raises(ValueError):
            Period.parse(text)
    assert time.perf_counter() - started < 0.1


@pytest.mark.parametrize("period", ALL, ids=str)
def test_code_round_trips_through_parse(period):
    assert Period.parse(str(period)) == period


def test_code_and_str_use_upper_case_letters():
    assert [p.code for p in ALL] == [str(p) for p in ALL]
    assert [str(p) for p in ALL] == [
        "2021-06",
        "2021-Q3",
        "2021-H1",
        "2021-H2",
        "2021-9M",
        "2021",
        "2020-2025-mid",
        "2020-2025",
    ]


def test_slug_is_lower_case_code():
    assert Period.half(2021, 1).slug == "2021-h1"


@pytest.mark.parametrize(
    "make, args",
    [
        (Period.month, (2021, 13)),
        (Period.month, (2021, 0)),
        (Period.quarter, (2021, 5)),
        (Period.half, (2021, 3)),
        (Period.year, (1929,)),
        (Period.nine_months, (2101,)),
        (Period.term, (2025, 2020)),
        (Period.midterm, (2020, 2020)),
    ],
)
def test_constructors_validate_their_arguments(make, args):
    with pytest.raises(ValueError):
        make(*args)


def test_period_is_hashable_and_frozen():
    assert len({Period.parse("2021-h1"), Period.half(2021, 1)}) == 1
    with pytest.raises(AttributeError):
        Period.half(2021, 1).number = 2


def test_kind_is_a_text_choice():
    assert Period.parse("2021-9M").kind == PeriodKind.NINE_MONTHS
    assert PeriodKind.values == ["month", "quarter", "half", "nine_months", "year", "midterm", "term"]


@pytest.mark.parametrize(
    "text, code",
    [
        ("6 tháng đầu năm 2021", "2021-H1"),
        ("6 tháng cuối năm 2021", "2021-H2"),
        ("9 tháng đầu năm 2021", "2021-9M"),
        ("9 tháng năm 2021", "2021-9M"),
        ("quý III/2021", "2021-Q3"),
        ("quý 3 năm 2021", "2021-Q3"),
        ("Quý I năm 2022", "2022-Q1"),
        ("Quý IV/2021", "2021-Q4"),
        ("tháng 6/2021", "2021-06"),
        ("tháng 6 năm 2021", "2021-06"),
        ("Tháng 12/2020", "2020-12"),
        ("năm 2015", "2015"),
        ("giữa nhiệm kỳ 2020 - 2025", "2020-2025-mid"),
        ("giữa nhiệm kỳ 2020-2025", "2020-2025-mid"),
        ("nhiệm kỳ 2020 - 2025", "2020-2025"),
        ("nhiệm kỳ 2020 – 2025", "2020-2025"),
        ("Nhiệm kỳ 2021-2026", "2021-2026"),
        ("2021-Q3", "2021-Q3"),
        ("Báo cáo kỳ 2021-h1 của chi bộ", "2021-H1"),
    ],
)
def test_from_text_reads_vietnamese_phrases(text, code):
    assert Period.from_text(text) == Period.parse(code)


@pytest.mark.parametrize(
    "text",
    [
        "6 thang dau nam 2021",
        "6 THÁNG ĐẦU NĂM 2021",
        unicodedata.normalize("NFD", "6 tháng đầu năm 2021"),
        "Sơ kết 6   tháng\u00a0đầu năm 2021",
    ],
)
def test_from_text_ignores_diacritics_case_and_spacing(text):
    assert Period.from_text(text) == Period.half(2021, 1)


@pytest.mark.parametrize("text", ["quý II/2021", "quí II/2021", "Qui II/2021"])
def test_from_text_accepts_both_spellings_of_quarter(text):
    assert Period.from_text(text) == Period.quarter(2021, 2)


@pytest.mark.parametrize("text", ["Nhiệm kỳ 2020 - 2025", "nhiệm kì 2020 - 2025", "NHIEM KY 2020-2025"])
def test_from_text_accepts_spellings_of_term(text):
    assert Period.from_text(text) == Period.term(2020, 2025)


def test_from_text_prefers_the_half_over_the_year_and_month():
    assert Period.from_text("Sơ kết 6 tháng đầu năm 2021") == Period.half(2021, 1)


def test_from_text_prefers_the_midterm_over_the_term():
    assert Period.from_text("Sơ kết giữa nhiệm kỳ 2020 - 2025") == Period.midterm(2020, 2025)


def test_from_text_takes_the_year_of_a_half_from_its_clause():
    text = "Hội nghị sơ kết công tác Đảng 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2021"
    assert Period.from_text(text) == Period.half(2021, 1)


def test_from_text_does_not_take_a_year_from_the_next_sentence():
    assert Period.from_text("Sơ kết 6 tháng đầu năm. Kế hoạch năm 2022") == Period.year(2022)


def test_from_text_takes_the_term_of_a_midterm_from_its_clause():
    text = "Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội lần thứ XIII, nhiệm kỳ 2020 - 2025."
    assert Period.from_text(text) == Period.midterm(2020, 2025)


@pytest.mark.parametrize(
    "title, code",
    [
        (
            "Đảng bộ Sở Tài nguyên và Môi trường tổ chức Hội nghị sơ kết công tác Đảng 6 tháng đầu năm, "
            "nhiệm vụ 6 tháng cuối năm 2021",
            "2021-H1",
        ),
        (
            "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm "
            "6 tháng cuối năm 2021.",
            "2021-H1",
        ),
        ("Về Hội nghị tổng kết công tác xây dựng Đảng năm 2015. Năm 2015, BCH Đảng bộ Sở đã lãnh đạo", "2015"),
        ("Sơ kết tình hình thực hiện Nghị quyết Đảng ủy Văn phòng UBND tỉnh 6 tháng đầu năm 2021", "2021-H1"),
        ("Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết (NQ) Đại hội, nhiệm kỳ 2020 - 2025.", "2020-2025-mid"),
    ],
)
def test_from_text_reads_seed_titles(title, code):
    assert Period.from_text(title) == Period.parse(code)


@pytest.mark.parametrize(
    "text",
    [
        "Vừa qua, Đảng bộ tổ chức hội nghị",
        "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Hội nghị sơ kết giữa nhiệm kỳ",
        "Ngày 17-5-2023, 09/07/2021 - 12:07",
        "Sơ kết 6 tháng đầu năm",
        "Thành phố Hồ Chí Minh, Việt Nam 2021",
        "",
    ],
)
def test_from_text_returns_none_without_a_period(text):
    assert Period.from_text(text) is None


def test_from_text_skips_impossible_phrases():
    assert Period.from_text("tháng 13/2021 và quý III/2021") == Period.quarter(2021, 3)


def test_from_text_does_not_read_a_half_inside_a_larger_number():
    assert Period.from_text("16 tháng đầu năm 2021") == Period.year(2021)


def test_from_text_is_fast_on_long_text():
    started = time.perf_counter()
    assert Period.from_text("6 tháng đầu năm, " * 2_000 + "1" * 10_000) is None
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize(
    "period, start, end",
    [
        (Period.month(2021, 6), date(2021, 6, 1), date(2021, 6, 30)),
        (Period.month(2024, 2), date(2024, 2, 1), date(2024, 2, 29)),
        (Period.quarter(2021, 3), date(2021, 7, 1), date(2021, 9, 30)),
        (Period.half(2021, 1), date(2021, 1, 1), date(2021, 6, 30)),
        (Period.half(2021, 2), date(2021, 7, 1), date(2021, 12, 31)),
        (Period.nine_months(2021), date(2021, 1, 1), date(2021, 9, 30)),
        (Period.year(2021), date(2021, 1, 1), date(2021, 12, 31)),
        (Period.midterm(2020, 2025), date(2020, 1, 1), date(2022, 12, 31)),
        (Period.term(2020, 2025), date(2020, 1, 1), date(2025, 12, 31)),
    ],
    ids=str,
)
def test_start_and_end_dates(period, start, end):
    assert (period.start, period.end) == (start, end)


def test_midterm_of_an_even_span_ends_mid_year():
    assert Period.midterm(2020, 2024).end == date(2022, 6, 30)


def test_year_contains_first_half():
    assert Period.year(2021).contains(Period.half(2021, 1))


def test_first_half_contains_second_quarter():
    assert Period.half(2021, 1).contains(Period.quarter(2021, 2))


def test_second_quarter_contains_june():
    assert Period.quarter(2021, 2).contains(Period.month(2021, 6))


def test_first_half_does_not_contain_third_quarter():
    assert not Period.half(2021, 1).contains(Period.quarter(2021, 3))


def test_nine_months_contains_third_quarter_but_not_fourth():
    assert Period.nine_months(2021).contains(Period.quarter(2021, 3))
    assert not Period.nine_months(2021).contains(Period.quarter(2021, 4))


def test_term_contains_its_midterm_and_its_years():
    term = Period.term(2020, 2025)
    assert term.contains(Period.midterm(2020, 2025))
    assert term.contains(Period.year(2021))
    assert not term.contains(Period.year(2026))


def test_month_does_not_contain_its_year():
    assert not Period.month(2021, 6).contains(Period.year(2021))


def test_in_checks_a_date():
    assert date(2021, 6, 3) in Period.parse("2021-H1")
    assert date(2021, 7, 1) not in Period.parse("2021-H1")


@pytest.mark.parametrize(
    "kind, expected",
    [
        (PeriodKind.MONTH, "2021-08"),
        (PeriodKind.QUARTER, "2021-Q3"),
        (PeriodKind.HALF, "2021-H2"),
        (PeriodKind.NINE_MONTHS, "2021-9M"),
        ("year", "2021"),
    ],
)
def test_containing_finds_the_period_of_a_date(kind, expected):
    assert Period.containing(date(2021, 8, 15), kind) == Period.parse(expected)


@pytest.mark.parametrize("kind", [PeriodKind.NINE_MONTHS, PeriodKind.TERM, PeriodKind.MIDTERM])
def test_containing_rejects_kinds_that_cannot_hold_the_date(kind):
    with pytest.raises(ValueError):
        Period.containing(date(2021, 10, 1), kind)


def test_sorting_is_chronological_with_wider_periods_first():
    assert [str(p) for p in sorted(reversed(ALL))] == [
        "2020-2025",
        "2020-2025-mid",
        "2021",
        "2021-9M",
        "2021-H1",
        "2021-06",
        "2021-H2",
        "2021-Q3",
    ]


@pytest.mark.parametrize(
    "period, label",
    [
        (Period.month(2021, 6), "Tháng 6/2021"),
        (Period.quarter(2021, 3), "Quý III/2021"),
        (Period.quarter(2021, 4), "Quý IV/2021"),
        (Period.half(2021, 1), "6 tháng đầu năm 2021"),
        (Period.half(2021, 2), "6 tháng cuối năm 2021"),
        (Period.nine_months(2021), "9 tháng năm 2021"),
        (Period.year(2021), "Năm 2021"),
        (Period.midterm(2020, 2025), "Giữa nhiệm kỳ 2020 - 2025"),
        (Period.term(2020, 2025), "Nhiệm kỳ 2020 - 2025"),
    ],
    ids=str,
)
def test_labels_are_vietnamese(period, label):
    assert period.label == label


@pytest.mark.parametrize("period", [*ALL, Period.midterm(2020, 2024), Period.month(2024, 2)], ids=str)
def test_round_trip_through_kind_and_dates(period):
    assert Period.from_range(period.kind, period.start, period.end) == period


@pytest.mark.parametrize(
    "kind, start, end",
    [
        ("month", date(2021, 6, 2), date(2021, 6, 30)),
        ("quarter", date(2021, 2, 1), date(2021, 4, 30)),
        ("half", date(2021, 1, 1), date(2021, 9, 30)),
        ("midterm", date(2020, 1, 1), date(2022, 9, 30)),
        ("term", date(2020, 3, 1), date(2025, 12, 31)),
        ("week", date(2021, 1, 1), date(2021, 1, 7)),
    ],
)
def test_from_range_rejects_dates_that_are_not_a_period(kind, start, end):
    with pytest.raises(ValueError):
        Period.from_range(kind, start, end)


@pytest.mark.parametrize("value", ["2021-h1", "2021-H1"])
def test_converter_to_python_parses_codes(value):
    assert PeriodConverter().to_python(value) == Period.half(2021, 1)


def test_converter_to_python_rejects_bad_values():
    with pytest.raises(ValueError):
        PeriodConverter().to_python("2021-H9")


def test_converter_to_url_gives_the_slug():
    assert PeriodConverter().to_url(Period.midterm(2020, 2025)) == "2020-2025-mid"
    assert PeriodConverter().to_url(Period.quarter(2021, 3)) == "2021-q3"


@pytest.mark.parametrize("period", ALL, ids=str)
def test_converter_regex_matches_codes_and_slugs(period):
    assert re.fullmatch(PeriodConverter.regex, period.code)
    assert re.fullmatch(PeriodConverter.regex, period.slug)
