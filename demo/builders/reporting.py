"""Party-work reporting: which meetings units must hold and report, the rating scales of 2016-2025, each year's
ratings of the organizations and counts of members per level, and a few meetings of 6 tháng đầu năm 2025 so that
the reporting matrix shows every state (reported on time, late, held but not reported, missing)."""

from datetime import date, timedelta

from articles.models import Article
from demo import data
from demo.builders import meetings
from organizations.models import Meeting, Organization
from reporting.models import MemberRatingCount, OrganizationRating, RatingLevel, RatingScheme, ReportingRule

K, MK = Organization.Kind, Meeting.Kind
SHOWCASE = (2025, 1)  # 6 tháng đầu năm 2025
RULES = [
    (unit_kind, meeting_kind, period_kind, number)
    for unit_kind in (K.UPPER, K.GRASSROOTS)
    for meeting_kind, period_kind, number in ((MK.SO_KET_6_THANG, "half", 1), (MK.TONG_KET_NAM, "year", 0))
]
FOUR_LEVELS = [
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
]
SCHEMES = [
    (
        "Xếp loại tổ chức cơ sở Đảng (trước năm 2018)",
        RatingScheme.Subject.ORGANIZATION,
        data.FIRST_YEAR,
        2017,
        ["Trong sạch, vững mạnh tiêu biểu", "Trong sạch, vững mạnh", "Hoàn thành tốt nhiệm vụ", "Yếu kém"],
        (15, 55, 27, 3),
    ),
    (
        "Xếp loại tổ chức Đảng (từ năm 2018)",
        RatingScheme.Subject.ORGANIZATION,
        2018,
        None,
        FOUR_LEVELS,
        (18, 62, 18, 2),
    ),
    (
        "Xếp loại đảng viên (trước năm 2018)",
        RatingScheme.Subject.MEMBER,
        data.FIRST_YEAR,
        2017,
        [
            "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ",
            "Đủ tư cách, hoàn thành tốt nhiệm vụ",
            "Đủ tư cách, hoàn thành nhiệm vụ",
            "Vi phạm tư cách hoặc không hoàn thành nhiệm vụ",
        ],
        (20, 70, 9, 1),
    ),
    (
        "Xếp loại đảng viên (từ năm 2018)",
        RatingScheme.Subject.MEMBER,
        2018,
        None,
        FOUR_LEVELS,
        (17, 72, 10, 1),
    ),
]


def build(demo, *, held_back):
    for unit_kind, meeting_kind, period_kind, number in RULES:
        ReportingRule.objects.create(
            unit_kind=unit_kind, meeting_kind=meeting_kind, period_kind=period_kind, period_number=number
        )
    rate(demo, schemes())
    Article.objects.filter(meeting__in=held_back).update(status=Article.Status.SUBMITTED, published_at=None)


def schemes():
    """{(subject, year): (levels, weights)} for every demo year."""
    by_year = {}
    for name, subject, first, last, names, weights in SCHEMES:
        scheme = RatingScheme.objects.create(name=name, subject=subject, first_year=first, last_year=last)
        levels = RatingLevel.objects.bulk_create(
            RatingLevel(scheme=scheme, name=level, order=order) for order, level in enumerate(names, start=1)
        )
        for year in range(first, (last or data.LAST_YEAR) + 1):
            by_year[(subject, year)] = (levels, weights)
    return by_year


def rate(demo, by_year):
    """Each Party organization below the province rated every year it worked through; members counted per cell."""
    rng, ratings, counts = demo.rng, [], []
    for key, unit in demo.units.items():
        if unit.kind not in K.party_kinds() or unit.kind == K.PROVINCIAL:
            continue
        for year in range(data.FIRST_YEAR, data.LAST_YEAR + 1):
            if not demo.exists(key, date(year, 12, 31)):
                continue
            levels, weights = by_year[(RatingScheme.Subject.ORGANIZATION, year)]
            ratings.append(OrganizationRating(unit=unit, year=year, level=rng.choices(levels, weights)[0]))
            if unit.kind == K.CELL:
                levels, weights = by_year[(RatingScheme.Subject.MEMBER, year)]
                members = rng.randint(8, 45)
                for level, weight in zip(levels, weights, strict=True):
                    if count := round(members * weight / 100 * rng.uniform(0.6, 1.4)):
                        counts.append(MemberRatingCount(unit=unit, year=year, level=level, count=count))
    OrganizationRating.objects.bulk_create(ratings)
    MemberRatingCount.objects.bulk_create(counts)


def hold_reviews(demo):
    """The units due to review 6 tháng đầu năm 2025 without a meeting yet: the blocs and districts one in each
    state, the grassroots mostly on time, two late (a meeting held late, reported at once), two held but not
    reported, two still missing. Runs with the other meetings (their articles get photos and tags); returns the
    meetings whose reports `build` holds back."""
    year, end = SHOWCASE[0], date(SHOWCASE[0], 6, 30)
    held = set(
        Meeting.objects.filter(kind=MK.SO_KET_6_THANG, period_start=date(year, 1, 1), period_end=end).values_list(
            "host__slug", flat=True
        )
    )
    due = {"upper": [], "grassroots": []}
    for key, info in sorted(demo.info.items()):
        if info["level"] in due and demo.exists(key, end) and demo.units[key].slug not in held:
            due[info["level"]].append(key)
    on_time, late, unreported = date(year, 7, 14), date(year, 8, 20), None
    plans = {
        "upper": [on_time, late, unreported],
        "grassroots": [late + timedelta(days=12), unreported, late, unreported],
    }
    plans["grassroots"] += [on_time + timedelta(days=n % 9) for n in range(max(0, len(due["grassroots"]) - 6))]
    held_back = []
    for level, keys in due.items():
        for key, day in zip(keys, plans[level], strict=False):
            meeting = meetings.report(
                demo, {"kind": MK.SO_KET_6_THANG, "host": key, "on": day or on_time, "year": year}
            )
            if day is None:
                held_back.append(meeting)
    return held_back
