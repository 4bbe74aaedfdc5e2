"""The leaders' work schedule of a week: the meetings of the units and the schedule entries, day by day."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from articles.models import Article
from organizations.models import Meeting, MeetingParticipant, Position

from .models import PART_OF_DAY_HOURS, ScheduleEntry

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
WEEK_CODE = re.compile(r"^(\d{4})-W(\d{1,2})$", re.IGNORECASE)


def week_code(monday):
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def read_week(value):
    """The Monday of an ISO week "2021-W28" (what the URL says); None if `value` is not one."""
    match = WEEK_CODE.match((value or "").strip())
    if not match:
        return None
    try:
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None


def monday_of(day):
    return day - timedelta(days=day.weekday())


@dataclass
class Item:
    """One line of the schedule, from a meeting or a schedule entry."""

    uid: str
    day: date
    starts: time | None
    ends: time | None
    when: str
    title: str
    unit: object
    location: str
    leaders: list = field(default_factory=list)
    url: str = ""
    all_day: bool = False


def meeting_item(meeting):
    hours = PART_OF_DAY_HOURS.get(meeting.part_of_day, (None, None))
    return Item(
        uid=f"hoi-nghi-{meeting.pk}",
        day=meeting.held_on,
        starts=hours[0],
        ends=hours[1],
        when=meeting.get_part_of_day_display() or "Cả ngày",
        title=meeting.title,
        unit=meeting.host,
        location=meeting.location,
        leaders=[p.person.full_name for p in meeting.chairs],
        url=meeting.get_absolute_url() if meeting.reported else "",
        all_day=hours[0] is None,
    )


def entry_item(entry):
    starts = timezone.localtime(entry.starts_at)
    ends = timezone.localtime(entry.ends_at) if entry.ends_at else None
    return Item(
        uid=f"lich-{entry.pk}",
        day=starts.date(),
        starts=starts.time(),
        ends=ends.time() if ends and ends.date() == starts.date() else None,
        when=f"{starts:%H:%M}",
        title=entry.title,
        unit=entry.unit,
        location=entry.location,
        leaders=[person.full_name for person in entry.leaders.all()],
    )


def schedule_items(first_day, last_day, unit=None):
    """Every item from `first_day` to `last_day` (of `unit` and its sub-units, if given), in time order: 2 queries
    for the meetings and their chairs, 2 for the entries and their leaders, however many there are."""
    public_chairs = MeetingParticipant.objects.filter(
        role=MeetingParticipant.Role.CHAIR,
        person__in=Position.objects.public().values("person"),
    ).select_related("person")
    meetings = (
        Meeting.objects.filter(held_on__gte=first_day, held_on__lte=last_day)
        .annotate(reported=Exists(Article.objects.published().filter(meeting=OuterRef("pk"))))
        .select_related("host")
        .prefetch_related(Prefetch("participations", queryset=public_chairs, to_attr="chairs"))
    )
    entries = ScheduleEntry.objects.public().between(first_day, last_day).for_listing()
    if unit is not None:
        meetings, entries = meetings.in_unit(unit), entries.in_unit(unit)
    items = [meeting_item(m) for m in meetings] + [entry_item(e) for e in entries]
    return sorted(items, key=lambda item: (item.day, item.starts or time.min, item.title))


def week_days(monday, unit=None):
    """[(label, day, [items])] for the seven days of the week starting `monday`."""
    items = schedule_items(monday, monday + timedelta(days=6), unit)
    days = []
    for offset, label in enumerate(WEEKDAYS):
        day = monday + timedelta(days=offset)
        days.append((label, day, [item for item in items if item.day == day]))
    return days


def combine(day, moment):
    return timezone.make_aware(datetime.combine(day, moment))
