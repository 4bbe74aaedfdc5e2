"""What staff of one unit may learn about other units through the admin and the public site (security review,
second pass): a staff account reaches its own units and those below, nothing else."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from audit.models import AuditEvent
from newsroom.roles import EDITOR, SITE_ADMIN
from organizations.models import Organization, StaffAssignment
from tests.admin_forms import form_data
from tests.conftest import sign_in
from tests.factories import (
    ArticleFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    PositionFactory,
    TagFactory,
    staff_with_role,
)

S = Article.Status


@pytest.fixture
def tree(db):
    province = OrganizationFactory(name="Đảng bộ tỉnh", kind=Organization.Kind.PROVINCIAL)
    ours = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường", parent=province)
    theirs = OrganizationFactory(name="Đảng bộ Sở Tư pháp", parent=province)
    return {"province": province, "ours": ours, "theirs": theirs}


@pytest.fixture
def editor_user(tree):
    return staff_with_role(EDITOR, tree["ours"])


@pytest.fixture
def editor(client, editor_user):
    client.force_login(editor_user)
    return client


def view_on_site(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": S.DRAFT, "published_at": None},
        {"status": S.PUBLISHED, "published_at": timezone.now() + timedelta(days=2)},
        {"status": S.SUBMITTED, "published_at": None},
    ],
    ids=["draft", "scheduled", "submitted"],
)
def test_view_on_site_does_not_tell_another_units_unpublished_address(editor, tree, hidden):
    article = ArticleFactory(unit=tree["theirs"], slug="bai-bi-mat-cua-don-vi-khac", **hidden)
    response = editor.get(view_on_site(article))
    assert response.status_code == 404
    assert "bai-bi-mat" not in response.get("Location", "")


def test_view_on_site_does_not_tell_a_trashed_articles_address(editor, tree):
    article = ArticleFactory(unit=tree["ours"], slug="bai-trong-thung-rac", deleted_at=timezone.now())
    assert editor.get(view_on_site(article)).status_code == 404


def test_view_on_site_still_takes_staff_to_their_own_draft(editor, tree):
    article = ArticleFactory(unit=tree["ours"], slug="bai-nhap-cua-toi", status=S.DRAFT, published_at=None)
    response = editor.get(view_on_site(article))
    assert response.status_code == 302
    assert response["Location"].endswith("/tin-tuc/bai-nhap-cua-toi/")


def test_view_on_site_of_a_unit_takes_staff_to_its_page(editor, tree):
    response = editor.get(view_on_site(tree["ours"]))
    assert response.status_code == 302
    assert response["Location"].endswith(tree["ours"].get_absolute_url())


def test_view_on_site_of_a_bad_content_type_or_id_is_not_found(editor, tree):
    assert editor.get(reverse("admin:view_on_site", args=[999999, 1])).status_code == 404
    content_type = ContentType.objects.get_for_model(Article)
    assert editor.get(reverse("admin:view_on_site", args=[content_type.pk, "abc"])).status_code == 404


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.RETURNED, S.WITHDRAWN])
def test_a_tag_used_only_by_unpublished_articles_has_no_public_page(client, tree, status):
    tag = TagFactory(name="Nhân sự dự kiến")
    ArticleFactory(unit=tree["ours"], status=status, published_at=None).tags.add(tag)
    assert client.get(reverse("articles:tag", args=[tag.slug])).status_code == 404
    assert client.get(reverse("articles:tag-feed", args=[tag.slug])).status_code == 404


def test_a_tag_used_only_by_a_scheduled_article_has_no_public_page_yet(client, tree):
    tag = TagFactory(name="Nhân sự dự kiến")
    ArticleFactory(unit=tree["ours"], published_at=timezone.now() + timedelta(days=1)).tags.add(tag)
    assert client.get(reverse("articles:tag", args=[tag.slug])).status_code == 404


def test_a_tag_of_a_published_article_has_its_page(client, tree):
    tag = TagFactory(name="Sơ kết")
    ArticleFactory(unit=tree["ours"]).tags.add(tag)
    assert client.get(reverse("articles:tag", args=[tag.slug])).status_code == 200
    assert client.get(reverse("articles:tag-feed", args=[tag.slug])).status_code == 200


def test_my_drafts_leave_the_dashboard_when_i_move_to_another_unit(editor, editor_user, tree):
    ArticleFactory(
        unit=tree["ours"], title="Bản nháp ở đơn vị cũ", status=S.DRAFT, published_at=None, created_by=editor_user
    )
    assert "Bản nháp ở đơn vị cũ" in editor.get(reverse("admin:index")).content.decode()

    StaffAssignment.objects.filter(user=editor_user).update(organization=tree["theirs"])

    assert "Bản nháp ở đơn vị cũ" not in editor.get(reverse("admin:index")).content.decode()


# --- A site administrator of one unit ---


@pytest.fixture
def people(tree):
    ours_cell = OrganizationFactory(name="Chi bộ Văn phòng Sở", parent=tree["ours"], kind=Organization.Kind.CELL)
    theirs_cell = OrganizationFactory(name="Chi bộ Phòng Hộ tịch", parent=tree["theirs"], kind=Organization.Kind.CELL)
    ours_member = PersonFactory(full_name="Trần Văn Mình")
    MembershipFactory(person=ours_member, organization=ours_cell)
    theirs_member = PersonFactory(full_name="Lê Thị Khác")
    MembershipFactory(person=theirs_member, organization=theirs_cell)
    leader = PersonFactory(full_name="Nguyễn Văn Lãnh Đạo")
    PositionFactory(person=leader, organization=tree["province"], title="Bí thư Tỉnh ủy")
    hidden = PositionFactory(person=theirs_member, organization=theirs_cell, title="Chi ủy viên", is_public=False)
    return {
        "ours_cell": ours_cell,
        "theirs_cell": theirs_cell,
        "ours_member": ours_member,
        "theirs_member": theirs_member,
        "leader": leader,
        "hidden_position": hidden,
    }


@pytest.fixture
def site_admin_user(tree):
    return staff_with_role(SITE_ADMIN, tree["ours"], username="quantri-so")


@pytest.fixture
def site_admin(client, site_admin_user):
    sign_in(client, site_admin_user)
    return client


def admin_url(obj, view="change"):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{view}", args=[obj.pk])


def test_site_admin_lists_only_his_units(site_admin, tree, people):
    """His tree starts at his unit; its sub-units come as the tree opens (treebeard's children/<id>/)."""
    changelist = reverse("admin:organizations_organization_changelist")
    page = site_admin.get(changelist).content.decode()
    assert tree["ours"].name in page and tree["theirs"].name not in page

    def children(unit):
        response = site_admin.get(f"{changelist}children/{unit.pk}/")
        return response.json()["result_html"] if response.status_code == 200 else ""

    assert people["ours_cell"].name in children(tree["ours"])
    assert people["theirs_cell"].name not in children(tree["theirs"])


@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_site_admin_cannot_open_another_units_pages(site_admin, tree, people, view):
    page = site_admin.get(admin_url(tree["theirs"], view), follow=True).content.decode()
    assert "Lê Thị Khác" not in page
    assert tree["theirs"].name not in page


def test_delete_page_of_his_own_cell_lists_its_members(site_admin, tree, people):
    page = site_admin.get(admin_url(people["ours_cell"], "delete")).content.decode()
    assert "Trần Văn Mình" in page
    assert "Lê Thị Khác" not in page


def test_site_admin_cannot_open_the_delete_page_of_a_person_of_another_unit(site_admin, people):
    response = site_admin.get(admin_url(people["theirs_member"], "delete"), follow=True)
    page = response.content.decode()
    assert "Chi bộ Phòng Hộ tịch" not in page and "Chi ủy viên" not in page


def test_site_admin_sees_public_leaders_and_his_own_people_only(site_admin, people):
    page = site_admin.get(reverse("admin:organizations_person_changelist")).content.decode()
    assert "Trần Văn Mình" in page and "Nguyễn Văn Lãnh Đạo" in page
    assert "Lê Thị Khác" not in page


def test_site_admin_cannot_change_a_public_leader_of_another_unit(site_admin, people):
    response = site_admin.get(admin_url(people["leader"]))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]


def test_site_admin_sees_positions_of_his_units_only(site_admin, people):
    page = site_admin.get(reverse("admin:organizations_position_changelist")).content.decode()
    assert "Chi ủy viên" not in page
    assert site_admin.get(admin_url(people["hidden_position"])).status_code == 302  # "không tồn tại" → index


def test_site_admin_lists_only_the_staff_of_his_units(site_admin, tree):
    staff_with_role(EDITOR, tree["ours"], username="phongvien-so")
    staff_with_role(EDITOR, tree["theirs"], username="phongvien-khac")
    page = site_admin.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "phongvien-so" in page
    assert "phongvien-khac" not in page


def test_site_admin_cannot_set_the_password_of_staff_of_another_unit(site_admin, tree):
    other = staff_with_role(EDITOR, tree["theirs"], username="phongvien-khac")
    url = reverse("admin:auth_user_password_change", args=[other.pk])
    response = site_admin.post(
        url, {"password1": "mat-khau-moi-rat-dai-2026", "password2": "mat-khau-moi-rat-dai-2026"}
    )
    assert response.status_code in (302, 404)
    other.refresh_from_db()
    assert not other.check_password("mat-khau-moi-rat-dai-2026")


def test_setting_another_users_password_is_audited(site_admin, site_admin_user, tree):
    colleague = staff_with_role(EDITOR, tree["ours"], username="phongvien-so")
    url = reverse("admin:auth_user_password_change", args=[colleague.pk])
    data = {"password1": "mat-khau-moi-rat-dai-2026", "password2": "mat-khau-moi-rat-dai-2026"}
    assert site_admin.post(url, data).status_code == 302
    colleague.refresh_from_db()
    assert colleague.check_password("mat-khau-moi-rat-dai-2026")
    event = AuditEvent.objects.get(action=AuditEvent.Action.PASSWORD_CHANGE)
    assert (event.actor, event.object_id) == (site_admin_user, str(colleague.pk))
    assert "phongvien-so" in event.detail
    assert "mat-khau" not in event.detail


def assignment_form(client, user, unit):
    """The user's change form, with `unit` chosen in the first empty row of unit assignments."""
    url = admin_url(user)
    data = form_data(client.get(url))
    row = next(i for i in range(int(data["unit_assignments-TOTAL_FORMS"])) if f"unit_assignments-{i}-id" not in data)
    data[f"unit_assignments-{row}-organization"] = unit.pk
    data[f"unit_assignments-{row}-user"] = user.pk
    return url, data


def test_site_admin_cannot_widen_his_own_assignments(site_admin, site_admin_user, tree):
    url = admin_url(site_admin_user)
    page = site_admin.get(url)
    assert page.status_code == 200
    formsets = {f.formset.prefix: f.formset for f in page.context["inline_admin_formsets"]}
    assert formsets["unit_assignments"].max_num == 0 or not page.context["inline_admin_formsets"][0].has_add_permission
    data = form_data(page)
    data |= {
        "unit_assignments-TOTAL_FORMS": str(int(data.get("unit_assignments-TOTAL_FORMS", 0)) + 1),
        f"unit_assignments-{data.get('unit_assignments-TOTAL_FORMS', 0)}-organization": tree["province"].pk,
    }
    site_admin.post(url, data)
    assert list(StaffAssignment.objects.filter(user=site_admin_user).values_list("organization", flat=True)) == [
        tree["ours"].pk
    ]


def test_site_admin_cannot_assign_a_colleague_above_his_own_unit(site_admin, tree):
    colleague = staff_with_role(EDITOR, tree["ours"], username="phongvien-so")
    url, data = assignment_form(site_admin, colleague, tree["province"])
    response = site_admin.post(url, data)
    assert response.status_code == 200  # the form comes back with the error
    assert not StaffAssignment.objects.filter(user=colleague, organization=tree["province"]).exists()


def test_site_admin_assigns_a_colleague_to_a_unit_below_his_own(site_admin, tree, people):
    colleague = staff_with_role(EDITOR, tree["ours"], username="phongvien-so")
    url, data = assignment_form(site_admin, colleague, people["ours_cell"])
    assert site_admin.post(url, data).status_code == 302
    assert StaffAssignment.objects.filter(user=colleague, organization=people["ours_cell"]).exists()


def test_site_admin_cannot_move_his_unit_out_of_his_reach_by_drag_and_drop(site_admin, tree, people):
    response = site_admin.post(
        reverse("admin:organizations_organization_changelist") + "move/",
        {"node": people["ours_cell"].pk, "target": tree["theirs"].pk, "relation": "child"},
    )
    assert response.status_code in (400, 403)
    assert Organization.objects.get(pk=people["ours_cell"].pk).get_parent() == tree["ours"]


def test_site_admin_cannot_move_a_unit_out_of_his_reach_in_its_form(site_admin, tree, people):
    url = admin_url(people["ours_cell"])
    data = form_data(site_admin.get(url), treebeard_position="first-child", treebeard_ref_node=tree["theirs"].pk)
    response = site_admin.post(url, data)
    assert response.status_code == 200
    assert Organization.objects.get(pk=people["ours_cell"].pk).get_parent() == tree["ours"]


def test_site_admin_cannot_add_a_root_unit(site_admin, tree):
    url = reverse("admin:organizations_organization_add")
    data = form_data(site_admin.get(url), kind=Organization.Kind.PROVINCIAL, name="Đảng bộ tỉnh mới")
    data["treebeard_ref_node"] = ""
    data["treebeard_position"] = "first-child"
    assert site_admin.post(url, data).status_code == 200
    assert not Organization.objects.filter(name="Đảng bộ tỉnh mới").exists()


def test_an_editor_still_relates_an_article_to_any_unit(editor, tree):
    url = reverse("admin:autocomplete")
    params = {"app_label": "articles", "model_name": "article", "field_name": "related_units", "term": "Tư pháp"}
    names = [row["text"] for row in editor.get(url, params).json()["results"]]
    assert tree["theirs"].name in names


def test_an_editors_unit_autocomplete_offers_only_his_units(editor, tree):
    url = reverse("admin:autocomplete")
    params = {"app_label": "articles", "model_name": "article", "field_name": "unit", "term": "Sở"}
    names = [row["text"] for row in editor.get(url, params).json()["results"]]
    assert names == [tree["ours"].name]
