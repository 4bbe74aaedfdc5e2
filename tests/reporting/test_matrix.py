import csv
import io
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from newsroom.periods import Period
from newsroom.roles import EDITOR
from organizations.models import Meeting, Organization
from reporting.matrix import State, build_matrix
from tests.factories import ArticleFactory, MeetingFactory, OrganizationFactory, UserFactory, staff_with_role

from .conftest import at, bulk_units

H1 = Period.half(2021, 1)
URL = "/admin/bao-cao/"


def states(matrix):
    return {row.unit.name: [cell and cell.state for cell in row.cells] for row in matrix.rows}


def test_each_sub_unit_shows_its_state_for_the_period(rules, bloc):
    matrix = build_matrix(unit=bloc["bloc"], period=H1, today=date(2021, 9, 1))

    assert [column.meeting_kind for column in matrix.columns] == [Meeting.Kind.SO_KET_6_THANG]
    assert states(matrix) == {
        "Đảng bộ Sở Tài chính": [State.ON_TIME],
        "Đảng bộ Sở Tư pháp": [State.LATE],
        "Đảng bộ Sở Y tế": [State.UNREPORTED],
        "Đảng bộ Sở Xây dựng": [State.MISSING],
    }


def test_before_the_deadline_what_is_not_reported_yet_is_pending(rules, bloc):
    matrix = build_matrix(unit=bloc["bloc"], period=H1, today=date(2021, 7, 20))

    assert states(matrix)["Đảng bộ Sở Y tế"] == [State.PENDING]
    assert states(matrix)["Đảng bộ Sở Xây dựng"] == [State.PENDING]


def test_the_summary_counts_and_shares_each_state(rules, bloc):
    summary, total = build_matrix(unit=bloc["bloc"], period=H1, today=date(2021, 9, 1)).summary()

    assert total == 4
    assert {state: (count, percent) for state, count, percent in summary} == {
        State.ON_TIME: (1, 25.0),
        State.LATE: (1, 25.0),
        State.UNREPORTED: (1, 25.0),
        State.MISSING: (1, 25.0),
        State.PENDING: (0, 0),
    }


def test_a_meeting_of_another_period_does_not_count(rules, bloc):
    MeetingFactory(host=bloc["missing"], period_code="2021-H2", held_on=date(2021, 12, 1))

    assert states(build_matrix(unit=bloc["bloc"], period=H1))["Đảng bộ Sở Xây dựng"] == [State.MISSING]


def test_a_unit_dissolved_before_the_period_ended_is_not_required(rules, bloc):
    Organization.objects.filter(pk=bloc["missing"].pk).update(valid_to=date(2021, 3, 1))

    assert "Đảng bộ Sở Xây dựng" not in states(build_matrix(unit=bloc["bloc"], period=H1))


def test_direct_sub_units_only_unless_all_levels_are_asked_for(rules, bloc):
    province = bloc["province"]
    province.refresh_from_db()

    assert build_matrix(unit=province, period=H1).rows == []
    assert len(build_matrix(unit=province, period=H1, all_levels=True).rows) == 4


def test_the_year_period_uses_the_year_rule_only(rules, bloc):
    matrix = build_matrix(unit=bloc["bloc"], period=Period.year(2021))

    assert [column.meeting_kind for column in matrix.columns] == [Meeting.Kind.TONG_KET_NAM]
    assert set(sum(states(matrix).values(), [])) == {State.MISSING}


def test_sorting_a_column_puts_the_worst_first(rules, bloc):
    matrix = build_matrix(unit=bloc["bloc"], period=H1).sort(Meeting.Kind.SO_KET_6_THANG)

    assert [row.unit.name for row in matrix.rows][:2] == ["Đảng bộ Sở Xây dựng", "Đảng bộ Sở Y tế"]
    matrix.sort("-ten")
    assert matrix.rows[0].unit.name == "Đảng bộ Sở Y tế"


# --- The page, its exports and who may see it ---


@pytest.fixture
def staff(client, bloc):
    client.force_login(staff_with_role(EDITOR, bloc["bloc"]))
    return client


def test_the_page_shows_the_states_and_the_period_in_words(staff, rules, bloc):
    response = staff.get(URL, {"unit": bloc["bloc"].slug, "period": "2021-H1"})

    page = response.content.decode()
    text = re.sub(r"<[^>]+>", " ", page)  # what a person reads: codes may appear in addresses only
    assert response.status_code == 200
    assert "6 tháng đầu năm 2021" in text and "2021-H1" not in text
    for state in (State.ON_TIME, State.LATE, State.UNREPORTED, State.MISSING):
        assert str(state.label) in page
    assert "25,0%" in page or "25%" in page


def test_each_cell_links_its_meeting_and_report_and_every_name_is_escaped(staff, rules, bloc):
    on_time = bloc["on_time"]
    Organization.objects.filter(pk=on_time.pk).update(name="Đảng bộ <b>Sở</b> Tài chính & Kế hoạch")
    meeting = Meeting.objects.get(host=on_time)
    report = meeting.articles.get()

    page = staff.get(URL, {"unit": bloc["bloc"].slug, "period": "2021-H1"}).content.decode()

    assert "Đảng bộ &lt;b&gt;Sở&lt;/b&gt; Tài chính &amp; Kế hoạch" in page and "<b>Sở" not in page
    assert f'<a href="{reverse("articles:unit", args=[on_time.slug])}">' in page
    assert f'<a href="{reverse("admin:organizations_meeting_change", args=[meeting.pk])}">Họp 18/06/2021</a>' in page
    assert f'<a href="{report.get_absolute_url()}">Đưa tin 20/06/2021</a> · hạn 31/07/2021' in page


def test_the_unit_selector_offers_the_units_with_sub_units_and_the_chosen_one(staff, rules, bloc):
    options = staff.get(URL, {"unit": bloc["bloc"].slug, "period": "2021-H1"}).context["unit_choices"]
    assert [slug for slug, _label in options] == [bloc["bloc"].slug]

    options = staff.get(URL, {"unit": bloc["late"].slug, "period": "2021-H1"}).context["unit_choices"]
    assert [slug for slug, _label in options] == [bloc["bloc"].slug, bloc["late"].slug]


def test_the_page_defaults_to_my_unit_and_a_period_already_due(staff, rules, bloc):
    response = staff.get(URL)

    assert response.status_code == 200
    assert response.context["unit"] == bloc["bloc"]
    assert response.context["period"] is not None


def test_a_bad_period_code_is_said_not_a_500(staff, rules, bloc):
    response = staff.get(URL, {"unit": bloc["bloc"].slug, "period": "2021-H7"})

    assert response.status_code == 200
    assert "không hợp lệ" in response.content.decode()


def test_staff_of_another_unit_may_not_see_the_matrix(client, rules, bloc):
    other = OrganizationFactory(
        name="Đảng bộ Khối Doanh nghiệp", kind=Organization.Kind.UPPER, parent=bloc["province"]
    )
    client.force_login(staff_with_role(EDITOR, other))

    assert client.get(URL, {"unit": bloc["bloc"].slug, "period": "2021-H1"}).status_code == 403
    assert client.get(URL, {"unit": bloc["bloc"].slug, "format": "csv"}).status_code == 403


def test_staff_of_a_sub_unit_may_not_see_the_bloc(client, rules, bloc):
    client.force_login(staff_with_role(EDITOR, bloc["on_time"]))

    assert client.get(URL, {"unit": bloc["bloc"].slug}).status_code == 403


def test_staff_of_the_province_see_the_bloc(client, rules, bloc):
    client.force_login(staff_with_role(EDITOR, bloc["province"]))

    assert client.get(URL, {"unit": bloc["bloc"].slug}).status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, rules, bloc):
    response = client.get(URL, {"unit": bloc["bloc"].slug})

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_non_staff_accounts_are_sent_to_sign_in(client, rules, bloc):
    client.force_login(UserFactory(is_staff=False))

    assert client.get(URL).status_code == 302


def test_csv_export_has_a_row_per_unit(staff, rules, bloc):
    response = staff.get(URL, {"unit": bloc["bloc"].slug, "period": "2021-H1", "format": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    assert "bao-cao-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Đảng bộ Khối các cơ quan tỉnh – 6 tháng đầu năm 2021"]
    body = {row[0]: row for row in rows[2:]}
    assert body["Đảng bộ Sở Tư pháp"][2:6] == ["Đưa tin muộn", "31/07/2021", "02/07/2021", "15/08/2021"]
    assert body["Đảng bộ Sở Xây dựng"][2] == "Chưa tổ chức"


def test_xlsx_export_opens_with_the_same_rows(staff, rules, bloc):
    response = staff.get(URL, {"unit": bloc["bloc"].slug, "period": "2021-H1", "format": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "6 tháng đầu năm 2021"
    assert rows[1][:3] == ("Đơn vị", "Loại tổ chức", "Hội nghị sơ kết 6 tháng")
    assert {row[0]: row[2] for row in rows[2:]}["Đảng bộ Sở Tài chính"] == "Đã họp, đưa tin đúng hạn"


def test_the_admin_index_links_to_the_matrix(staff, rules, bloc):
    assert URL in staff.get("/admin/").content.decode()


@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_the_page_runs_as_many_queries_for_2000_units_as_for_4(staff, rules, bloc, export):
    query = {"unit": bloc["bloc"].slug, "period": "2021-H1", "format": export, "cap": "tat-ca"}
    with CaptureQueriesContext(connection) as few:
        assert staff.get(URL, query).status_code == 200
    units = bulk_units(bloc["bloc"], 1000)
    for unit in units[:300]:
        meeting = MeetingFactory(host=unit, period_code="2021-H1")
        ArticleFactory(unit=unit, meeting=meeting, published_at=at(2021, 7, 1))
    bulk_units(units[0], 1000)  # a second level: 2,004 units in all
    with CaptureQueriesContext(connection) as many:
        response = staff.get(URL, query)
    assert response.status_code == 200
    assert len(many) == len(few)
    if not export:
        assert len(response.context["matrix"].rows) == 2004
