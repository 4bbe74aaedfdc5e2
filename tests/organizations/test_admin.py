import json
import re
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from newsroom.roles import EDITOR
from organizations.models import (
    Meeting,
    MeetingParticipant,
    Membership,
    Organization,
    Person,
    Position,
    StaffAssignment,
    Term,
)
from tests.admin_forms import form_data
from tests.factories import (
    MeetingFactory,
    MeetingParticipantFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    PositionFactory,
    TermFactory,
    staff_with_role,
)


def admin_url(model, view="changelist", *args, app="organizations"):
    return reverse(f"admin:{app}_{model}_{view}", args=args)


def view_on_site_url(obj):
    return reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


def result_names(response):
    return {str(obj) for obj in response.context["cl"].result_list}


@pytest.fixture
def department(db):
    return OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường", short_name="Sở TN&MT")


@pytest.fixture
def person(db):
    return PersonFactory(full_name="Hoàng Thanh Oai")


def staff_user(django_user_model, unit, *permissions):
    user = django_user_model.objects.create_user(
        "bientap", "bientap@example.vn", "mat-khau-bien-tap-2025", is_staff=True
    )
    user.user_permissions.add(*Permission.objects.filter(codename__in=permissions))
    StaffAssignment.objects.create(user=user, organization=unit)
    return user


# One object of each model, how to find it with the changelist search, and a filter that keeps it.
ADMINS = {
    "organization": (
        lambda: OrganizationFactory(name="Đảng bộ Sở Văn hóa, Thể thao và Du lịch"),
        "Văn hóa",
        "kind__exact=grassroots",
    ),
    "term": (lambda: TermFactory(organization__name="Đảng bộ Khối cơ quan"), "Khối cơ quan", "start_year=2020"),
    "person": (
        lambda: PositionFactory(person__full_name="Nguyễn Thị Hằng").person,
        "Hằng",
        "positions__kind__exact=party",
    ),
    "position": (lambda: PositionFactory(title="Phó Bí thư Thường trực"), "Thường trực", "is_public__exact=1"),
    "membership": (lambda: MembershipFactory(person__full_name="Lê Văn Đức"), "Đức", "status__exact=chinh_thuc"),
    "meeting": (
        lambda: MeetingFactory(title="Hội nghị sơ kết 6 tháng đầu năm"),
        "sơ kết",
        "kind__exact=so_ket_6_thang",
    ),
}


def test_admin_index_is_in_vietnamese(admin_client):
    content = admin_client.get(reverse("admin:index")).content.decode()
    assert "Tổ chức và nhân sự" in content
    assert "Thoát" in content  # Django's own Vietnamese for "Log out"


def test_admin_strings_missing_from_djangos_vietnamese_are_translated(admin_client, department):
    content = admin_client.get(admin_url("organization"), {"q": "Tài nguyên"}).content.decode()
    assert "Chuyển đến nội dung chính" in content and "Chọn mục này để thực hiện thao tác" in content
    assert "Skip to main content" not in content and "Select this object for an action" not in content


def test_admin_calendar_and_tree_scripts_are_in_vietnamese(admin_client):
    script = admin_client.get(reverse("admin:jsi18n")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.DOTALL).group(1))
    assert catalog["Sunday"] == "Chủ nhật"
    assert catalog["As child"] == "Làm đơn vị trực thuộc"  # treebeard's drag-and-drop


# --- Organization: the tree ---


def test_organization_add_creates_a_root_unit(admin_client):
    data = form_data(admin_client.get(admin_url("organization", "add")))
    data |= {"kind": "provincial", "name": "Đảng bộ tỉnh Bến Tre", "treebeard_position": "first-child"}
    response = admin_client.post(admin_url("organization", "add"), data)
    assert response.status_code == 302
    unit = Organization.objects.get(name="Đảng bộ tỉnh Bến Tre")
    assert unit.is_root() and unit.slug == "dang-bo-tinh-ben-tre"


def test_organization_add_under_a_parent_puts_it_in_the_tree(admin_client, department):
    data = form_data(admin_client.get(admin_url("organization", "add")))
    data |= {"kind": "cell", "name": "Chi bộ Văn phòng Sở", "treebeard_position": "first-child"}
    data["treebeard_ref_node"] = department.pk
    response = admin_client.post(admin_url("organization", "add"), data)
    assert response.status_code == 302
    cell = Organization.objects.get(name="Chi bộ Văn phòng Sở")
    assert cell.get_parent() == department
    assert cell.path.startswith(department.path) and cell.depth == 2


def test_organization_change_updates_fields_and_keeps_its_place(admin_client, department):
    cell = OrganizationFactory(name="Chi bộ Phòng Đất đai", kind="cell", parent=department)
    url = admin_url("organization", "change", cell.pk)
    data = form_data(admin_client.get(url), short_name="Chi bộ Đất đai")
    assert admin_client.post(url, data).status_code == 302
    cell.refresh_from_db()
    assert cell.short_name == "Chi bộ Đất đai"
    assert cell.get_parent() == department


def test_organization_change_can_move_it_under_another_unit(admin_client, department):
    other = OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh")
    url = admin_url("organization", "change", department.pk)
    data = form_data(admin_client.get(url), treebeard_position="first-child", treebeard_ref_node=other.pk)
    assert admin_client.post(url, data).status_code == 302
    department.refresh_from_db()
    assert department.get_parent() == other


def test_organization_form_tree_fields_are_in_vietnamese(admin_client):
    content = admin_client.get(admin_url("organization", "add")).content.decode()
    assert "So với đơn vị" in content and "Là đơn vị trực thuộc đầu tiên của" in content
    assert "Relative to" not in content


def test_organization_change_page_links_to_the_site(admin_client, department):
    content = admin_client.get(admin_url("organization", "change", department.pk)).content.decode()
    assert "Xem trên trang web" in content
    assert view_on_site_url(department) in content


def test_drag_and_drop_moves_a_unit_as_child(admin_client, department):
    bloc = OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh")
    response = admin_client.post(
        admin_url("organization", "changelist") + "move/",
        {"node": department.pk, "target": bloc.pk, "relation": "child"},
    )
    assert response.status_code == 200
    department.refresh_from_db()
    assert department.get_parent() == bloc
    message = f"Đã chuyển “{department.name}” thành đơn vị trực thuộc “{bloc.name}”."
    assert [str(m) for m in get_messages(response.wsgi_request)] == [message]


def test_drag_and_drop_moves_a_unit_before_a_sibling(admin_client, department):
    first = OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh")
    assert (
        admin_client.post(
            admin_url("organization", "changelist") + "move/",
            {"node": department.pk, "target": first.pk, "relation": "sibling"},
        ).status_code
        == 200
    )
    assert list(Organization.objects.get_root_nodes()) == [department, first]


# --- Term ---


def test_term_add_creates_it(admin_client, department):
    data = form_data(admin_client.get(admin_url("term", "add")))
    data |= {"organization": department.pk, "start_year": "2020", "end_year": "2025", "congress_number": "XIII"}
    data["starts_on"] = "15/07/2020"
    assert admin_client.post(admin_url("term", "add"), data).status_code == 302
    term = Term.objects.get(organization=department)
    assert (term.start_year, term.end_year, term.congress_number, term.starts_on) == (
        2020,
        2025,
        "XIII",
        date(2020, 7, 15),
    )


def test_term_change_updates_it(admin_client):
    term = TermFactory()
    url = admin_url("term", "change", term.pk)
    assert admin_client.post(url, form_data(admin_client.get(url), congress_number="XIV")).status_code == 302
    term.refresh_from_db()
    assert term.congress_number == "XIV"


def test_term_ending_before_it_starts_is_refused_in_vietnamese(admin_client, department):
    data = form_data(admin_client.get(admin_url("term", "add")))
    data |= {"organization": department.pk, "start_year": "2025", "end_year": "2020"}
    response = admin_client.post(admin_url("term", "add"), data)
    assert response.status_code == 200
    assert "Năm kết thúc phải sau năm bắt đầu." in response.content.decode()
    assert not Term.objects.exists()


# --- Person and Position ---


def test_person_add_with_a_position_row(admin_client, department):
    data = form_data(admin_client.get(admin_url("person", "add")))
    data |= {"full_name": "Hoàng Thanh Oai", "positions-0-title": "Bí thư Đảng ủy Sở"}
    data["positions-0-organization"] = department.pk
    assert admin_client.post(admin_url("person", "add"), data).status_code == 302
    person = Person.objects.get(full_name="Hoàng Thanh Oai")
    assert [(p.title, p.organization) for p in person.positions.all()] == [("Bí thư Đảng ủy Sở", department)]


def test_person_change_updates_the_name_and_keeps_positions(admin_client):
    position = PositionFactory(person__full_name="Hoàng Thanh Oai")
    url = admin_url("person", "change", position.person.pk)
    data = form_data(admin_client.get(url), full_name="Hoàng Thanh Oai (Sở TN&MT)")
    assert admin_client.post(url, data).status_code == 302
    position.person.refresh_from_db()
    assert position.person.full_name == "Hoàng Thanh Oai (Sở TN&MT)"
    assert list(position.person.positions.all()) == [position]


def test_position_add_creates_it(admin_client, person, department):
    data = form_data(admin_client.get(admin_url("position", "add")))
    data |= {"person": person.pk, "organization": department.pk, "title": "Giám đốc Sở", "kind": "government"}
    assert admin_client.post(admin_url("position", "add"), data).status_code == 302
    assert Position.objects.get(person=person).title == "Giám đốc Sở"


def test_position_change_updates_it(admin_client):
    position = PositionFactory()
    url = admin_url("position", "change", position.pk)
    assert admin_client.post(url, form_data(admin_client.get(url), title="Tỉnh ủy viên")).status_code == 302
    position.refresh_from_db()
    assert position.title == "Tỉnh ủy viên"


# --- Membership ---


def test_membership_add_creates_it(admin_client, person, department):
    data = form_data(admin_client.get(admin_url("membership", "add")))
    data |= {"person": person.pk, "organization": department.pk, "since": "19/05/2015"}
    assert admin_client.post(admin_url("membership", "add"), data).status_code == 302
    assert Membership.objects.get(person=person).organization == department


def test_membership_change_updates_it(admin_client):
    membership = MembershipFactory()
    url = admin_url("membership", "change", membership.pk)
    data = form_data(admin_client.get(url), until="30/06/2021", end_reason="transferred")
    assert admin_client.post(url, data).status_code == 302
    membership.refresh_from_db()
    assert (membership.until, membership.end_reason) == (date(2021, 6, 30), "transferred")


def test_second_open_membership_is_refused_in_vietnamese(admin_client, department):
    membership = MembershipFactory()
    data = form_data(admin_client.get(admin_url("membership", "add")))
    data |= {"person": membership.person.pk, "organization": department.pk}
    response = admin_client.post(admin_url("membership", "add"), data)
    assert response.status_code == 200
    assert "Đảng viên này đang sinh hoạt ở một đơn vị khác; hãy chuyển sinh hoạt." in response.content.decode()
    assert Membership.objects.count() == 1


# --- Meeting ---


def test_meeting_add_with_a_chair(admin_client, department, person):
    data = form_data(admin_client.get(admin_url("meeting", "add")))
    data |= {"host": department.pk, "kind": "so_ket_6_thang", "title": "Hội nghị sơ kết 6 tháng đầu năm 2021"}
    data |= {"held_on": "18/06/2021", "period_code": "6 tháng đầu năm 2021"}
    data |= {"participations-0-person": person.pk, "participations-0-role": "chair"}
    assert admin_client.post(admin_url("meeting", "add"), data).status_code == 302
    meeting = Meeting.objects.get(host=department)
    assert (meeting.period_code, meeting.held_on) == ("2021-H1", date(2021, 6, 18))
    assert list(meeting.participations.values_list("person", "role")) == [(person.pk, "chair")]


def test_meeting_change_updates_it_and_its_participants(admin_client):
    participant = MeetingParticipantFactory(role=MeetingParticipant.Role.CHAIR)
    url = admin_url("meeting", "change", participant.meeting.pk)
    data = form_data(admin_client.get(url), location="Hội trường Tỉnh ủy", **{"participations-0-role": "speaker"})
    assert admin_client.post(url, data).status_code == 302
    participant.refresh_from_db()
    assert participant.meeting.location == "Hội trường Tỉnh ủy"
    assert participant.role == "speaker"


def test_meeting_with_an_unknown_period_is_refused_in_vietnamese(admin_client, department):
    data = form_data(admin_client.get(admin_url("meeting", "add")))
    data |= {"host": department.pk, "kind": "other", "title": "Hội nghị", "period_code": "abc"}
    response = admin_client.post(admin_url("meeting", "add"), data)
    assert response.status_code == 200
    assert "Không hiểu kỳ báo cáo" in response.content.decode()
    assert not Meeting.objects.exists()


def test_meeting_change_page_links_to_the_site(admin_client):
    meeting = MeetingFactory()
    content = admin_client.get(admin_url("meeting", "change", meeting.pk)).content.decode()
    assert view_on_site_url(meeting) in content


# --- Users and the units they work for ---


def test_user_changelist_search_and_filter(admin_client, admin_user):
    response = admin_client.get(admin_url("user", app="auth"), {"q": "quantri", "is_staff__exact": "1"})
    assert response.status_code == 200
    assert result_names(response) == {"quantri"}


def test_user_add_creates_an_account(admin_client, django_user_model):
    data = form_data(admin_client.get(admin_url("user", "add", app="auth")))
    data |= {"username": "hoaithu", "password1": "mat-khau-rat-manh-2025", "password2": "mat-khau-rat-manh-2025"}
    assert admin_client.post(admin_url("user", "add", app="auth"), data).status_code == 302
    assert django_user_model.objects.get(username="hoaithu").check_password("mat-khau-rat-manh-2025")


def test_user_change_assigns_units_in_the_inline(admin_client, admin_user, department):
    url = admin_url("user", "change", admin_user.pk, app="auth")
    data = form_data(
        admin_client.get(url), first_name="Hoài Thu", **{"unit_assignments-0-organization": department.pk}
    )
    assert admin_client.post(url, data).status_code == 302
    admin_user.refresh_from_db()
    assert admin_user.first_name == "Hoài Thu"
    assert [a.organization for a in admin_user.unit_assignments.all()] == [department]


# --- Autocomplete ---


def autocomplete(client, model, field, term, app="organizations"):
    response = client.get(
        reverse("admin:autocomplete"), {"app_label": app, "model_name": model, "field_name": field, "term": term}
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_organization_autocomplete_finds_units_by_vietnamese_name(admin_client, department):
    OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh")
    assert autocomplete(admin_client, "term", "organization", "Tài nguyên") == [department.name]


def test_person_autocomplete_finds_people_by_vietnamese_name(admin_client, person):
    PersonFactory(full_name="Nguyễn Văn An")
    assert autocomplete(admin_client, "position", "person", "Thanh Oai") == ["Hoàng Thanh Oai"]


# --- Staff of a unit see only that unit's people and meetings ---


@pytest.fixture
def membership_staff(client, django_user_model, units):
    permissions = ["view_membership", "change_membership", "add_membership", "view_organization"]
    client.force_login(staff_user(django_user_model, units[0], *permissions))
    return client


def test_staff_see_members_of_their_units_and_sub_units_only(membership_staff, units):
    a, a_cell, b = units
    for name, unit in [("Trần Văn A", a), ("Trần Văn Cell", a_cell), ("Trần Văn B", b)]:
        MembershipFactory(person__full_name=name, organization=unit)
    response = membership_staff.get(admin_url("membership"))
    assert {m.person.full_name for m in response.context["cl"].result_list} == {"Trần Văn A", "Trần Văn Cell"}


def test_staff_cannot_open_a_membership_of_another_unit(membership_staff, units):
    hidden = MembershipFactory(person__full_name="Phạm Thị Bảo Mật", organization=units[2])
    response = membership_staff.get(admin_url("membership", "change", hidden.pk), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "không tồn tại" in response.content.decode()
    assert "Phạm Thị Bảo Mật" not in response.content.decode()


def test_staff_membership_form_offers_only_their_party_units(membership_staff, units):
    a, a_cell, b = units
    form = membership_staff.get(admin_url("membership", "add")).context["adminform"].form
    assert set(form.fields["organization"].queryset) == {a, a_cell}


def test_staff_membership_autocomplete_offers_only_their_units(membership_staff, units):
    assert set(autocomplete(membership_staff, "membership", "organization", "Đảng bộ Sở")) == {units[0].name}


def test_staff_cannot_post_a_membership_in_another_unit(membership_staff, units, person):
    data = form_data(membership_staff.get(admin_url("membership", "add")), person=person.pk, organization=units[2].pk)
    response = membership_staff.post(admin_url("membership", "add"), data)
    assert response.status_code == 200
    assert not Membership.objects.exists()


@pytest.fixture
def meeting_staff(client, django_user_model, units):
    permissions = ["view_meeting", "change_meeting", "add_meeting", "view_organization"]
    client.force_login(staff_user(django_user_model, units[0], *permissions))
    return client


def test_staff_see_meetings_of_their_units_only(meeting_staff, units):
    a, a_cell, b = units
    for title, unit in [("Hội nghị A", a), ("Sinh hoạt chi bộ", a_cell), ("Hội nghị B", b)]:
        MeetingFactory(title=title, host=unit)
    assert result_names(meeting_staff.get(admin_url("meeting"))) == {"Hội nghị A", "Sinh hoạt chi bộ"}


def test_staff_meeting_host_is_limited_to_their_units(meeting_staff, units):
    form = meeting_staff.get(admin_url("meeting", "add")).context["adminform"].form
    assert set(form.fields["host"].queryset) == {units[0], units[1]}
    assert set(autocomplete(meeting_staff, "meeting", "host", "Đảng bộ Sở")) == {units[0].name}


def meeting_change_client(unit, name):
    client = Client()
    client.force_login(staff_with_role(EDITOR, unit, first_name=name, last_name="Nguyễn"))
    return client


def test_the_second_of_two_concurrent_meeting_saves_is_refused_and_overwrites_nothing(department):
    meeting = MeetingFactory(host=department, title="Hội nghị sơ kết", summary="Tóm tắt ban đầu")
    url = admin_url("meeting", "change", meeting.pk)
    thu, lam = meeting_change_client(department, "Thu"), meeting_change_client(department, "Lam")
    thu_form, lam_form = form_data(thu.get(url)), form_data(lam.get(url))

    assert thu.post(url, thu_form | {"summary": "Tóm tắt của Thu"}).status_code == 302
    response = lam.post(url, lam_form | {"summary": "Tóm tắt của Lam"})

    assert response.status_code == 200
    assert "Không lưu được: trong lúc bạn sửa, Thu Nguyễn đã lưu hội nghị này" in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.summary, meeting.version) == ("Tóm tắt của Thu", 2)


def test_a_meeting_save_that_does_not_say_which_version_it_edits_is_refused(admin_client, department):
    meeting = MeetingFactory(host=department, summary="Tóm tắt ban đầu")
    url = admin_url("meeting", "change", meeting.pk)
    form = form_data(admin_client.get(url), summary="Tóm tắt mới")
    form.pop("base_version", None)
    assert admin_client.post(url, form).status_code == 200
    meeting.refresh_from_db()
    assert meeting.summary == "Tóm tắt ban đầu"
