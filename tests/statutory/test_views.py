from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organizations.models import Meeting, MeetingParticipant, Organization
from statutory.models import ScheduleEntry
from statutory.schedule import read_week, week_code
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    OrganizationFactory,
    PersonFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db

MONDAY = date(2021, 7, 12)  # ISO week 2021-W28


def at(day, hour, minute=0):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


@pytest.fixture
def province():
    province = OrganizationFactory(
        name="Đảng bộ tỉnh",
        kind=Organization.Kind.PROVINCIAL,
        description="Lãnh đạo toàn diện các mặt công tác của tỉnh.",
        phone="0275 3822 123",
    )
    bloc = OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh", kind=Organization.Kind.UPPER, parent=province)
    OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường", parent=bloc)
    OrganizationFactory(name="Đảng bộ đã giải thể", parent=province, valid_to=date(2020, 1, 1))
    secretary = PersonFactory(full_name="Hoàng Thanh Oai", bio="Sinh năm 1970, quê Bến Tre; cử nhân luật.")
    PositionFactory(person=secretary, organization=province, title="Bí thư Tỉnh ủy")
    PositionFactory(person=PersonFactory(full_name="Người Nội Bộ"), organization=province, is_public=False)
    province.contact_person = secretary
    province.save()
    return province


def test_the_introduction_is_built_from_the_records(client, province):
    page = client.get(reverse("statutory:unit-introduction", args=[province.slug])).content.decode()
    assert "Lãnh đạo toàn diện các mặt công tác của tỉnh." in page
    assert "Đảng bộ Khối các cơ quan tỉnh" in page and "Đảng bộ Sở Tài nguyên và Môi trường" in page
    assert "Đảng bộ đã giải thể" not in page
    assert "Hoàng Thanh Oai</strong> – Bí thư Tỉnh ủy" in page and "cử nhân luật" in page
    assert "Người Nội Bộ" not in page
    assert "0275 3822 123" in page and "Người đầu mối" in page


def test_an_unknown_unit_is_not_found(client):
    assert client.get(reverse("statutory:unit-introduction", args=["khong-co"])).status_code == 404
    assert client.get(reverse("statutory:unit-schedule", args=["khong-co"])).status_code == 404


def test_week_codes_read_and_write_iso_weeks():
    assert (read_week("2021-W28"), read_week("2021-w28"), week_code(MONDAY)) == (MONDAY, MONDAY, "2021-W28")
    assert read_week("2021-W60") is None and read_week("tuần sau") is None


@pytest.fixture
def week(province):
    bloc = province.get_children().get(kind=Organization.Kind.UPPER)
    meeting = MeetingFactory(
        host=bloc,
        title="Hội nghị sơ kết 6 tháng đầu năm 2021",
        held_on=MONDAY + timedelta(days=2),
        part_of_day=Meeting.PartOfDay.AFTERNOON,
        location="Hội trường Khối",
    )
    MeetingParticipantFactory(
        meeting=meeting, person=province.positions.get(is_public=True).person, role=MeetingParticipant.Role.CHAIR
    )
    entry = ScheduleEntry.objects.create(
        unit=province, title="Làm việc với Đảng ủy Khối", starts_at=at(MONDAY, 8, 30), location="Phòng họp số 1"
    )
    entry.leaders.add(province.positions.get(is_public=True).person)
    ScheduleEntry.objects.create(unit=province, title="Việc nội bộ", starts_at=at(MONDAY, 14), is_public=False)
    next_monday = at(MONDAY + timedelta(days=7), 8)
    ScheduleEntry.objects.create(unit=province, title="Việc của tuần kế tiếp", starts_at=next_monday)
    return {"bloc": bloc, "meeting": meeting}


def test_the_week_shows_meetings_and_entries_day_by_day(client, week):
    response = client.get(reverse("statutory:schedule") + "?tuan=2021-W28")
    page = response.content.decode()
    assert "Tuần từ 12/07/2021 đến 18/07/2021" in page
    assert page.index("Làm việc với Đảng ủy Khối") < page.index("Hội nghị sơ kết 6 tháng đầu năm 2021")
    assert "08:30" in page and "Chiều" in page and "Hoàng Thanh Oai" in page and "Hội trường Khối" in page
    assert "Việc nội bộ" not in page and "Việc của tuần kế tiếp" not in page
    assert "?tuan=2021-W27" in page and "?tuan=2021-W29" in page
    assert page.count("Không có lịch.") == 5


def test_a_reported_meeting_links_to_its_page(client, week):
    ArticleFactory(meeting=week["meeting"])
    page = client.get(reverse("statutory:schedule") + "?tuan=2021-W28").content.decode()
    assert week["meeting"].get_absolute_url() in page


def test_a_unit_schedule_shows_that_unit_and_its_sub_units_only(client, week, province):
    page = client.get(reverse("statutory:unit-schedule", args=[week["bloc"].slug]) + "?tuan=2021-W28")
    page = page.content.decode()
    assert "Hội nghị sơ kết 6 tháng đầu năm 2021" in page and "Làm việc với Đảng ủy Khối" not in page


def test_a_bad_week_says_so_and_shows_this_week(client):
    response = client.get(reverse("statutory:schedule") + "?tuan=tuan-sau")
    assert response.status_code == 200
    assert "Tuần đã chọn không hợp lệ" in response.content.decode()
    assert response.context["monday"] == timezone.localdate() - timedelta(days=timezone.localdate().weekday())


def test_the_feed_is_an_icalendar_of_the_coming_weeks(client, province):
    soon = timezone.localdate() + timedelta(days=3)
    entry = ScheduleEntry.objects.create(
        unit=province, title="Tiếp đoàn công tác; làm việc, trao đổi", starts_at=at(soon, 8, 30), location="Tỉnh ủy"
    )
    MeetingFactory(host=province, title="Hội nghị Tỉnh ủy", held_on=soon, part_of_day="")
    response = client.get(reverse("statutory:schedule-feed"))
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert f"UID:lich-{entry.pk}@testserver" in body
    assert "SUMMARY:Tiếp đoàn công tác\\; làm việc\\, trao đổi" in body
    assert f"DTSTART;VALUE=DATE:{soon:%Y%m%d}" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_an_entry_time_is_written_in_utc(client, province):
    soon = timezone.localdate() + timedelta(days=1)
    ScheduleEntry.objects.create(unit=province, title="Họp giao ban", starts_at=at(soon, 8))
    body = client.get(reverse("statutory:schedule-feed")).content.decode()
    assert f"DTSTART:{soon:%Y%m%d}T010000Z" in body  # 8:00 in Hanoi is 1:00 UTC


def measure(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_pages_run_as_many_queries_with_many_rows_as_with_few(client, week, province):
    pages = [
        reverse("statutory:schedule") + "?tuan=2021-W28",
        reverse("statutory:unit-schedule", args=[province.slug]) + "?tuan=2021-W28",
        reverse("statutory:unit-introduction", args=[province.slug]),
        reverse("statutory:schedule-feed"),
    ]
    soon = timezone.localdate() + timedelta(days=2)
    ScheduleEntry.objects.create(unit=province, title="Sắp tới", starts_at=at(soon, 8)).leaders.add(PersonFactory())
    MeetingFactory(host=province, held_on=soon)
    few = [measure(client, url) for url in pages]
    for n in range(12):
        person = PersonFactory(bio="Tiểu sử.")
        PositionFactory(person=person, organization=province, title=f"Ủy viên Ban Thường vụ {n}")
        OrganizationFactory(parent=province.get_children().first())
        meeting = MeetingFactory(host=week["bloc"], held_on=MONDAY + timedelta(days=n % 7), part_of_day="morning")
        MeetingParticipantFactory(meeting=meeting, person=person, role=MeetingParticipant.Role.CHAIR)
        entry = ScheduleEntry.objects.create(unit=province, title=f"Việc {n}", starts_at=at(MONDAY, 9 + n % 8))
        entry.leaders.add(person)
        ScheduleEntry.objects.create(unit=province, title=f"Sắp tới {n}", starts_at=timezone.now() + timedelta(days=n))
    assert [measure(client, url) for url in pages] == few
