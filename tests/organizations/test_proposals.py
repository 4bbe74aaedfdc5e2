from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from organizations.models import Meeting
from organizations.proposals import propose
from tests.factories import OrganizationFactory, StaffAssignmentFactory, TermFactory, UserFactory

K = Meeting.Kind


@pytest.fixture
def unit(db):
    unit = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường")
    TermFactory(organization=unit, start_year=2020, end_year=2025, congress_number="XIII", starts_on=date(2020, 7, 1))
    return unit


def test_mid_year_review_proposes_the_usual_title_tags_and_first_half(unit):
    proposal = propose(unit, K.SO_KET_6_THANG, date(2021, 6, 18))
    assert proposal["title"] == (
        "Đảng bộ Sở Tài nguyên và Môi trường tổ chức Hội nghị sơ kết công tác Đảng 6 tháng đầu năm, "
        "triển khai nhiệm vụ 6 tháng cuối năm 2021"
    )
    assert (proposal["tags"], proposal["period"]) == (["Sơ kết", "Công tác Đảng"], "2021-H1")


def test_year_end_review_held_in_january_reports_on_the_previous_year(unit):
    assert propose(unit, K.TONG_KET_NAM, date(2016, 1, 12))["period"] == "2015"
    assert propose(unit, K.TONG_KET_NAM, date(2021, 12, 20))["period"] == "2021"


def test_congress_takes_its_number_and_term_from_the_unit(unit):
    proposal = propose(unit, K.DAI_HOI, date(2020, 7, 1))
    assert proposal["title"].endswith("lần thứ XIII, nhiệm kỳ 2020 - 2025")
    assert proposal["period"] == "2020-2025"


def test_mid_term_review_is_filed_under_the_mid_term(unit):
    assert propose(unit, K.SO_KET_GIUA_NHIEM_KY, date(2023, 6, 1))["period"] == "2020-2025-mid"


def test_thematic_cell_meeting_is_filed_under_its_month(unit):
    assert propose(unit, K.SINH_HOAT_CHUYEN_DE, date(2021, 3, 8))["period"] == "2021-03"


def test_other_meetings_propose_nothing(unit):
    assert propose(unit, K.OTHER, date(2021, 3, 8)) == {"title": "", "tags": [], "period": ""}


def test_admin_endpoint_answers_for_the_users_own_units(client, unit):
    user = UserFactory(is_staff=True)
    StaffAssignmentFactory(user=user, organization=unit)
    client.force_login(user)
    url = reverse("admin:organizations_meeting_propose")
    response = client.get(url, {"unit": unit.pk, "kind": K.SO_KET_9_THANG, "on": "05/10/2021"})
    assert response.json()["period"] == "2021-9M"


def test_admin_endpoint_refuses_another_units_id(client, unit):
    user = UserFactory(is_staff=True)
    StaffAssignmentFactory(user=user, organization=OrganizationFactory(name="Đảng bộ Sở Tư pháp"))
    client.force_login(user)
    response = client.get(reverse("admin:organizations_meeting_propose"), {"unit": unit.pk, "kind": K.SO_KET_9_THANG})
    assert response.status_code == 400
    assert "đơn vị của bạn" in response.json()["error"]


HOSTILE = {
    "unit=abc": ({"unit": "abc"}, "đơn vị của bạn"),
    "unit=1.5": ({"unit": "1.5"}, "đơn vị của bạn"),
    "unit empty": ({"unit": ""}, "đơn vị của bạn"),
    "unit missing": ({"unit": None}, "đơn vị của bạn"),
    "unit negative": ({"unit": "-1"}, "đơn vị của bạn"),
    "unit huge": ({"unit": "9" * 30}, "đơn vị của bạn"),
    "unit 2^63": ({"unit": str(2**63)}, "đơn vị của bạn"),
    "unit markup": ({"unit": "<script>"}, "đơn vị của bạn"),
    "kind unknown": ({"kind": "khong-co"}, "loại hội nghị"),
    "kind empty": ({"kind": ""}, "loại hội nghị"),
    "kind missing": ({"kind": None}, "loại hội nghị"),
    "on=31/12/9999": ({"on": "31/12/9999"}, "Ngày họp"),
    "on=01/01/0001": ({"on": "01/01/0001"}, "Ngày họp"),
    "on=01/01/1930": ({"on": "01/01/1930"}, "Ngày họp"),  # a January review would report on 1929
    "on=32/01/2021": ({"on": "32/01/2021"}, "Ngày họp"),
    "on=30/02/2021": ({"on": "30/02/2021"}, "Ngày họp"),
    "on=abc": ({"on": "abc"}, "Ngày họp"),
    "on huge": ({"on": "1" * 200}, "Ngày họp"),
}


@pytest.fixture
def staff_client(client, unit):
    user = UserFactory(is_staff=True)
    StaffAssignmentFactory(user=user, organization=unit)
    client.force_login(user)
    return client


@pytest.mark.parametrize(("change", "message"), HOSTILE.values(), ids=HOSTILE.keys())
def test_admin_endpoint_answers_a_bad_query_with_a_vietnamese_message(staff_client, unit, change, message):
    query = {"unit": unit.pk, "kind": K.TONG_KET_NAM, "on": "05/10/2021"} | change
    response = staff_client.get(
        reverse("admin:organizations_meeting_propose"), {k: v for k, v in query.items() if v is not None}
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["error"]


@pytest.mark.parametrize("on", ["", None], ids=["empty", "missing"])
def test_admin_endpoint_proposes_for_today_without_a_day(staff_client, unit, on):
    query = {"unit": unit.pk, "kind": K.SINH_HOAT_CHUYEN_DE} | ({} if on is None else {"on": on})
    response = staff_client.get(reverse("admin:organizations_meeting_propose"), query)
    assert response.status_code == 200
    assert response.json()["period"] == f"{timezone.localdate():%Y-%m}"
