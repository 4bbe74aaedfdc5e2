import re
from datetime import date, timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, SiteSettings
from organizations.models import Meeting, MeetingParticipant, Organization
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    OrganizationFactory,
    PersonFactory,
    PositionFactory,
)
from tests.reader import heading, hrefs, links, region, text


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def tree(db):
    """Tỉnh ủy > (Khối A > Sở Tài chính > Chi bộ Phòng Ngân sách, Khối B)."""
    province = OrganizationFactory(name="Đảng bộ tỉnh Bến Tre", kind=Organization.Kind.PROVINCIAL)
    bloc_a = OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh", kind=Organization.Kind.UPPER, parent=province)
    dept = OrganizationFactory(
        name="Đảng bộ Sở Tài chính",
        parent=bloc_a,
        description="Lãnh đạo thực hiện nhiệm vụ chính trị của Sở.",
        address="Số 3 đường Cách Mạng Tháng Tám, phường An Hội",
        phone="0275 3822 123",
        email="dangbo@stc.bentre.gov.vn",
        contact_person=PersonFactory(full_name="Lê Thị Hồng"),
    )
    cell = OrganizationFactory(name="Chi bộ Phòng Ngân sách", kind=Organization.Kind.CELL, parent=dept)
    bloc_b = OrganizationFactory(name="Đảng bộ Khối doanh nghiệp", kind=Organization.Kind.UPPER, parent=province)
    return {"province": province, "bloc_a": bloc_a, "dept": dept, "cell": cell, "bloc_b": bloc_b}


def card_titles(response):
    found = re.findall(r'class="card__title">(.*?)</h', response.content.decode(), re.S)
    return [unescape(re.sub(r"<[^>]+>", "", title)).strip() for title in found]


# --- The unit tree ---


def test_unit_tree_lists_every_unit_in_tree_order(client, tree):
    page = text(client.get("/don-vi/"))
    order = ["Đảng bộ tỉnh Bến Tre", "Đảng bộ Khối các cơ quan tỉnh", "Đảng bộ Sở Tài chính", "Chi bộ Phòng Ngân sách"]
    assert [page.index(name) for name in order] == sorted(page.index(name) for name in order)
    assert page.index("Chi bộ Phòng Ngân sách") < page.index("Đảng bộ Khối doanh nghiệp")


def test_unit_tree_links_each_unit_page(client, tree):
    assert {unit.get_absolute_url() for unit in tree.values()} <= set(hrefs(client.get("/don-vi/")))


def test_unit_tree_shows_what_a_dissolved_unit_became(client, tree):
    OrganizationFactory(
        name="Đảng bộ Sở Kế hoạch cũ", parent=tree["bloc_a"], valid_to=date(2025, 3, 1), succeeded_by=tree["dept"]
    )
    assert "Đảng bộ Sở Kế hoạch cũ (đến 01/03/2025, nay là Đảng bộ Sở Tài chính)" in text(client.get("/don-vi/"))


def test_unit_tree_does_not_query_once_per_unit(client, tree):
    SiteSettings.current()  # the footer's row, cached as on the live site
    with CaptureQueriesContext(connection) as few:
        client.get("/don-vi/")
    for _ in range(20):
        OrganizationFactory(parent=tree["bloc_b"], valid_to=date(2024, 1, 1), succeeded_by=tree["dept"])
    SiteSettings.current()  # kept per content generation, which the new units moved on: read once, as on the site
    with CaptureQueriesContext(connection) as many:
        client.get("/don-vi/")
    assert len(many) == len(few)


# --- A unit's page ---


def test_unit_page_shows_name_and_kind(client, tree):
    response = client.get(tree["dept"].get_absolute_url())
    assert heading(response) == "Đảng bộ Sở Tài chính"
    assert "Đảng bộ cơ sở" in text(response)


def test_unit_page_breadcrumb_lists_the_parent_units(client, tree):
    crumbs = region(client.get(tree["cell"].get_absolute_url()), "Vị trí")
    order = ["Đảng bộ tỉnh Bến Tre", "Đảng bộ Khối các cơ quan tỉnh", "Đảng bộ Sở Tài chính", "Chi bộ Phòng Ngân sách"]
    assert [crumbs.index(name) for name in order] == sorted(crumbs.index(name) for name in order)
    assert "Đảng bộ Khối doanh nghiệp" not in crumbs


def test_unit_page_shows_the_description(client, tree):
    assert "Lãnh đạo thực hiện nhiệm vụ chính trị của Sở." in text(client.get(tree["dept"].get_absolute_url()))


def test_unit_page_shows_the_contacts_and_contact_person(client, tree):
    contacts = region(client.get(tree["dept"].get_absolute_url()), "Liên hệ")
    assert "Số 3 đường Cách Mạng Tháng Tám, phường An Hội" in contacts
    assert "0275 3822 123" in contacts
    assert "dangbo@stc.bentre.gov.vn" in contacts
    assert "Lê Thị Hồng" in contacts


def test_unit_page_lists_its_sub_units(client, tree):
    response = client.get(tree["bloc_a"].get_absolute_url())
    assert "Đảng bộ Sở Tài chính" in region(response, "Đơn vị trực thuộc")
    assert tree["dept"].get_absolute_url() in hrefs(response)


@pytest.fixture
def leadership(client, tree):
    today, dept = timezone.localdate(), tree["dept"]
    PositionFactory(organization=dept, person=PersonFactory(full_name="Nguyễn Văn Bình"), title="Bí thư Đảng ủy")
    PositionFactory(organization=dept, person=PersonFactory(full_name="Trần Văn Cũ"), ends_on=today - timedelta(1))
    PositionFactory(organization=dept, person=PersonFactory(full_name="Phạm Thị Kín"), is_public=False)
    PositionFactory(organization=dept, person=PersonFactory(full_name="Đỗ Văn Sắp"), starts_on=today + timedelta(7))
    PositionFactory(organization=tree["cell"], person=PersonFactory(full_name="Võ Văn Chi"), title="Bí thư Chi bộ")
    return region(client.get(dept.get_absolute_url()), "Lãnh đạo")


def test_unit_page_shows_current_public_leaders(leadership):
    assert "Nguyễn Văn Bình – Bí thư Đảng ủy" in leadership


def test_unit_page_hides_an_ended_position(leadership):
    assert "Trần Văn Cũ" not in leadership


def test_unit_page_hides_a_non_public_position(leadership):
    assert "Phạm Thị Kín" not in leadership


def test_unit_page_hides_a_position_not_yet_started(leadership):
    assert "Đỗ Văn Sắp" not in leadership


def test_unit_page_leaders_are_the_unit_own_not_its_sub_units(leadership):
    assert "Võ Văn Chi" not in leadership


def test_unit_page_lists_its_and_its_sub_units_articles(client, tree):
    ArticleFactory(title="Tin của Sở", unit=tree["dept"])
    ArticleFactory(title="Tin của Chi bộ", unit=tree["cell"])
    ArticleFactory(title="Tin của Khối doanh nghiệp", unit=tree["bloc_b"])
    ArticleFactory(title="Bản nháp của Sở", unit=tree["dept"], status=Article.Status.DRAFT)
    ArticleFactory(title="Tin hẹn giờ của Sở", unit=tree["dept"], published_at=timezone.now() + timedelta(hours=1))
    assert sorted(card_titles(client.get(tree["dept"].get_absolute_url()))) == ["Tin của Chi bộ", "Tin của Sở"]


def test_unit_page_shows_20_articles_a_page(client, tree):
    for n in range(21):
        ArticleFactory(unit=tree["cell"], published_at=timezone.now() - timedelta(hours=n + 1))
    url = tree["dept"].get_absolute_url()
    assert len(card_titles(client.get(url))) == 20
    assert len(card_titles(client.get(url + "?page=2"))) == 1


def test_unit_page_offers_the_years_its_articles_report_on(client, tree):
    ArticleFactory(unit=tree["cell"], period_code="2021-H1")
    ArticleFactory(unit=tree["dept"], period_code="2023")
    ArticleFactory(unit=tree["bloc_b"], period_code="2019")
    ArticleFactory(unit=tree["dept"], period_code="2018", status=Article.Status.DRAFT)
    response = client.get(tree["dept"].get_absolute_url())
    slug = tree["dept"].slug
    offered = [href for href in hrefs(response) if href.startswith(f"/don-vi/{slug}/ky/")]
    assert offered == [f"/don-vi/{slug}/ky/2023/", f"/don-vi/{slug}/ky/2021/"]


def test_unit_page_offers_no_year_that_only_a_term_report_starts_in(client, tree):
    ArticleFactory(unit=tree["dept"], period_code="2020-2025")
    ArticleFactory(unit=tree["dept"], period_code="2020-2025-mid")
    ArticleFactory(unit=tree["dept"], period_code="2023-Q2")
    slug = tree["dept"].slug
    offered = [href for href in hrefs(client.get(f"/don-vi/{slug}/")) if href.startswith(f"/don-vi/{slug}/ky/")]
    assert offered == [f"/don-vi/{slug}/ky/2023/"]


def test_renamed_unit_page_shows_its_successor(client, tree):
    old = OrganizationFactory(
        name="Đảng bộ Sở Kế hoạch cũ", parent=tree["bloc_a"], valid_to=date(2025, 3, 1), succeeded_by=tree["dept"]
    )
    response = client.get(old.get_absolute_url())
    assert "nay là Đảng bộ Sở Tài chính" in text(response)
    assert tree["dept"].get_absolute_url() in hrefs(response)


def test_successor_page_links_back_to_its_predecessors(client, tree):
    old = OrganizationFactory(
        name="Đảng bộ Sở Kế hoạch cũ", parent=tree["bloc_a"], valid_to=date(2025, 3, 1), succeeded_by=tree["dept"]
    )
    response = client.get(tree["dept"].get_absolute_url())
    assert "Tiền thân: Đảng bộ Sở Kế hoạch cũ (đến 01/03/2025)" in text(response)
    assert old.get_absolute_url() in hrefs(response)


def test_unknown_unit_page_is_not_found(client, db):
    assert client.get("/don-vi/khong-ton-tai/").status_code == 404


# --- A unit's page for one period ---


@pytest.fixture
def reports(tree):
    for code in ["2021-Q1", "2021-H1", "2021", "2022-H1"]:
        ArticleFactory(title=f"Báo cáo {code} của Chi bộ", unit=tree["cell"], period_code=code)
    ArticleFactory(title="Báo cáo 2021-H1 của Khối doanh nghiệp", unit=tree["bloc_b"], period_code="2021-H1")


@pytest.mark.parametrize(
    ("period", "codes"),
    [
        ("2021", ["2021-Q1", "2021-H1", "2021"]),
        ("2021-h1", ["2021-Q1", "2021-H1"]),
        ("2021-H1", ["2021-Q1", "2021-H1"]),
    ],
)
def test_unit_period_page_lists_the_unit_articles_within_the_period(client, tree, reports, period, codes):
    found = card_titles(client.get(f"/don-vi/{tree['dept'].slug}/ky/{period}/"))
    assert sorted(found) == sorted(f"Báo cáo {code} của Chi bộ" for code in codes)


def test_unit_period_page_names_the_period(client, tree, reports):
    assert "6 tháng đầu năm 2021" in heading(client.get(f"/don-vi/{tree['dept'].slug}/ky/2021-h1/"))


@pytest.mark.parametrize("path", ["/don-vi/{slug}/ky/2021-h9/", "/don-vi/khong-ton-tai/ky/2021/"])
def test_unit_period_page_of_an_impossible_period_or_unknown_unit_is_not_found(client, tree, path):
    assert client.get(path.format(slug=tree["dept"].slug)).status_code == 404


# --- Meetings ---


def meeting_titles(response):
    return [label for href, label, _ in links(response) if re.fullmatch(r"/hoi-nghi/\d+/", href or "")]


@pytest.fixture
def meetings(tree):
    """Three meetings, each told to readers by a published report."""
    for meeting in [
        MeetingFactory(title="Sơ kết 6 tháng 2021 của Chi bộ", host=tree["cell"], period_code="2021-H1"),
        MeetingFactory(
            title="Tổng kết năm 2021 của Sở", host=tree["dept"], kind=Meeting.Kind.TONG_KET_NAM, period_code="2021"
        ),
        MeetingFactory(title="Sơ kết 6 tháng 2022 của Khối doanh nghiệp", host=tree["bloc_b"], period_code="2022-H1"),
    ]:
        ArticleFactory(meeting=meeting, unit=meeting.host)


def test_meeting_list_shows_every_reported_meeting(client, meetings):
    assert len(meeting_titles(client.get("/hoi-nghi/"))) == 3


def test_a_meeting_whose_only_report_is_a_draft_stays_out_of_sight(client, tree):
    meeting = MeetingFactory(title="Hội nghị chưa đưa tin", host=tree["dept"])
    ArticleFactory(meeting=meeting, unit=tree["dept"], status=Article.Status.DRAFT, published_at=None)
    assert "Hội nghị chưa đưa tin" not in meeting_titles(client.get("/hoi-nghi/"))
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_a_meeting_shows_as_soon_as_its_report_is_published(client, tree):
    """The page's "now" is the request's, not the one the worker started with."""
    meeting = MeetingFactory(title="Hội nghị vừa đưa tin", host=tree["dept"])
    ArticleFactory(meeting=meeting, unit=tree["dept"], published_at=timezone.now())
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert "Hội nghị vừa đưa tin" in meeting_titles(client.get("/hoi-nghi/"))


def test_meeting_list_filters_by_unit_with_its_sub_units(client, tree, meetings):
    found = meeting_titles(client.get(f"/hoi-nghi/?unit={tree['dept'].slug}"))
    assert sorted(found) == ["Sơ kết 6 tháng 2021 của Chi bộ", "Tổng kết năm 2021 của Sở"]


def test_meeting_list_filters_by_period(client, meetings):
    assert meeting_titles(client.get("/hoi-nghi/?period=2021-H1")) == ["Sơ kết 6 tháng 2021 của Chi bộ"]


def test_meeting_list_filters_by_kind(client, meetings):
    assert meeting_titles(client.get("/hoi-nghi/?kind=tong_ket_nam")) == ["Tổng kết năm 2021 của Sở"]


def test_meeting_list_filters_compose(client, tree, meetings):
    found = meeting_titles(client.get(f"/hoi-nghi/?unit={tree['bloc_a'].slug}&period=2021&kind=so_ket_6_thang"))
    assert found == ["Sơ kết 6 tháng 2021 của Chi bộ"]


def test_meeting_list_shows_the_chosen_filters_each_removable(client, tree, meetings):
    response = client.get(f"/hoi-nghi/?kind=tong_ket_nam&period=2021&unit={tree['dept'].slug}")
    assert "Loại hội nghị: Hội nghị tổng kết năm" in region(response, "Bộ lọc đang chọn")
    removal = next(href for href, _, attrs in links(response) if attrs.get("aria-label") == "Bỏ lọc Loại hội nghị")
    assert parse_qs(urlsplit(removal).query) == {"period": ["2021"], "unit": [tree["dept"].slug]}


def test_meeting_list_with_a_bad_filter_says_so(client, meetings):
    response = client.get("/hoi-nghi/?period=2021-H9")
    assert response.status_code == 200
    assert "Kỳ “2021-H9” không hợp lệ" in text(response)


@pytest.fixture
def meeting(tree):
    meeting = MeetingFactory(
        title="Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2021", host=tree["dept"], held_on=date(2021, 6, 18)
    )
    secretary = PersonFactory(full_name="Nguyễn Văn Bình")
    PositionFactory(person=secretary, organization=tree["dept"], title="Bí thư Đảng ủy Sở")
    MeetingParticipantFactory(meeting=meeting, person=secretary, role=MeetingParticipant.Role.CHAIR)
    MeetingParticipantFactory(
        meeting=meeting,
        person=PersonFactory(full_name="Trần Thị Hoa"),
        role=MeetingParticipant.Role.GUEST,
        title_then="Phó Bí thư Đảng ủy Khối các cơ quan tỉnh",
    )
    ArticleFactory(title="Sở Tài chính sơ kết 6 tháng", meeting=meeting, unit=tree["dept"])
    ArticleFactory(title="Bản nháp về hội nghị", meeting=meeting, unit=tree["dept"], status=Article.Status.DRAFT)
    ArticleFactory(title="Bài về hội nghị khác", meeting=MeetingFactory(host=tree["dept"]), unit=tree["dept"])
    return meeting


def test_meeting_page_shows_chairs_and_guests_with_their_titles_then(client, meeting):
    page = text(client.get(meeting.get_absolute_url()))
    assert "Chủ trì: Đồng chí Nguyễn Văn Bình, Bí thư Đảng ủy Sở" in page
    assert "Đến dự: Đồng chí Trần Thị Hoa, Phó Bí thư Đảng ủy Khối các cơ quan tỉnh" in page


def test_meeting_page_keeps_the_title_a_participant_held_then(client, meeting):
    position = meeting.participations.get(role=MeetingParticipant.Role.CHAIR).person.positions.get()
    position.title = "Giám đốc Sở"
    position.save()
    assert "Nguyễn Văn Bình, Bí thư Đảng ủy Sở" in text(client.get(meeting.get_absolute_url()))


def test_meeting_page_lists_only_its_published_reports(client, meeting):
    assert card_titles(client.get(meeting.get_absolute_url())) == ["Sở Tài chính sơ kết 6 tháng"]


def test_unknown_meeting_is_not_found(client, db):
    assert client.get("/hoi-nghi/999999/").status_code == 404


def test_unit_page_lists_each_leader_once_most_senior_first(client, tree):
    dept = tree["dept"]
    deputy = PersonFactory(full_name="Lê Thị An")
    PositionFactory(organization=dept, person=deputy, title="Phó Bí thư Đảng ủy", rank=20)
    secretary = PersonFactory(full_name="Vũ Văn Yên")
    PositionFactory(organization=dept, person=secretary, title="Ủy viên Ban Chấp hành", rank=10)
    PositionFactory(organization=dept, person=secretary, title="Bí thư Đảng ủy", rank=20)
    leaders = region(client.get(dept.get_absolute_url()), "Lãnh đạo")
    assert leaders.count("Vũ Văn Yên") == 1
    assert "Vũ Văn Yên – Ủy viên Ban Chấp hành, Bí thư Đảng ủy" in leaders
    assert leaders.index("Vũ Văn Yên") < leaders.index("Lê Thị An")
