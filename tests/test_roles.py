"""What each role can and cannot do, over HTTP through the admin, including tampered URLs and form posts."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import Article, Tag
from newsroom.roles import APPROVER, EDITOR, SITE_ADMIN
from organizations.models import Organization
from tests.conftest import sign_in
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    MembershipFactory,
    OrganizationFactory,
    PhotoFactory,
    UserFactory,
    image_file,
    staff_with_role,
)

S = Article.Status


@pytest.fixture
def tree(db):
    province = OrganizationFactory(name="Đảng bộ tỉnh", kind=Organization.Kind.PROVINCIAL)
    ours = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường", parent=province)
    cell = OrganizationFactory(name="Chi bộ Văn phòng Sở", parent=ours, kind=Organization.Kind.CELL)
    theirs = OrganizationFactory(name="Đảng bộ Sở Tư pháp", parent=province)
    return {"province": province, "ours": ours, "cell": cell, "theirs": theirs}


@pytest.fixture
def editor(client, tree):
    client.force_login(staff_with_role(EDITOR, tree["ours"]))
    return client


@pytest.fixture
def approver(client, tree):
    sign_in(client, staff_with_role(APPROVER, tree["ours"]))
    return client


@pytest.fixture
def site_admin(client, tree):
    sign_in(client, staff_with_role(SITE_ADMIN, tree["province"]))
    return client


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def article_form(client, **changes):
    """A complete add-article POST, as the browser sends it."""
    data = {
        "title": "Hội nghị sơ kết",
        "slug": "",
        "lead": "",
        "body": "<p>Nội dung</p>",
        "period_code": "",
        "tags": "",
        "byline": "",
        "photo_credit": "",
        "source": "",
        "source_url": "",
        "published_at_0": "",
        "published_at_1": "",
        "meeting_kind": "",
        "workflow_comment": "",
        "gallery-TOTAL_FORMS": "0",
        "gallery-INITIAL_FORMS": "0",
        "gallery-MIN_NUM_FORMS": "0",
        "gallery-MAX_NUM_FORMS": "1000",
    }
    return {**data, **changes}


# --- Editors ---


def test_editor_sees_only_articles_of_their_units_and_below(editor, tree):
    ArticleFactory(title="Bài của Sở", unit=tree["ours"])
    ArticleFactory(title="Bài của Chi bộ", unit=tree["cell"])
    ArticleFactory(title="Bài của Sở Tư pháp", unit=tree["theirs"])
    page = editor.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Bài của Sở" in page and "Bài của Chi bộ" in page
    assert "Bài của Sở Tư pháp" not in page


def test_editor_typing_another_units_article_id_does_not_get_it(editor, tree):
    foreign = ArticleFactory(title="Bài của Sở Tư pháp", unit=tree["theirs"])
    response = editor.get(change_url(foreign), follow=True)
    assert "Bài của Sở Tư pháp" not in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("admin:index")


def test_editor_posting_to_another_units_article_changes_nothing(editor, tree):
    foreign = ArticleFactory(title="Bài của Sở Tư pháp", unit=tree["theirs"])
    editor.post(change_url(foreign), article_form(editor, title="Đã bị sửa", unit=tree["theirs"].pk))
    foreign.refresh_from_db()
    assert foreign.title == "Bài của Sở Tư pháp"


def test_editor_cannot_create_an_article_for_another_unit(editor, tree):
    url = reverse("admin:articles_article_add")
    response = editor.post(url, article_form(editor, unit=tree["theirs"].pk))
    assert response.status_code == 200
    assert not Article.objects.exists()


def test_editor_cannot_move_their_article_to_another_unit(editor, tree):
    article = ArticleFactory(unit=tree["ours"], status=S.DRAFT, published_at=None)
    editor.post(change_url(article), article_form(editor, title=article.title, unit=tree["theirs"].pk))
    article.refresh_from_db()
    assert article.unit == tree["ours"]


def test_editor_creates_a_draft_for_a_sub_unit(editor, tree):
    response = editor.post(reverse("admin:articles_article_add"), article_form(editor, unit=tree["cell"].pk))
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.unit, article.status) == (tree["cell"], S.DRAFT)


def test_editor_cannot_delete_articles(editor, tree):
    article = ArticleFactory(unit=tree["ours"])
    response = editor.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_editor_sees_only_meetings_of_their_units(editor, tree):
    MeetingFactory(title="Hội nghị của Sở", host=tree["ours"])
    MeetingFactory(title="Hội nghị của Sở Tư pháp", host=tree["theirs"])
    page = editor.get(reverse("admin:organizations_meeting_changelist")).content.decode()
    assert "Hội nghị của Sở" in page and "Hội nghị của Sở Tư pháp" not in page


def test_editor_cannot_open_another_units_meeting(editor, tree):
    meeting = MeetingFactory(title="Hội nghị của Sở Tư pháp", host=tree["theirs"])
    assert "Hội nghị của Sở Tư pháp" not in editor.get(change_url(meeting), follow=True).content.decode()


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:organizations_organization_add",
        "admin:organizations_membership_changelist",
        "admin:auth_user_changelist",
        "admin:audit_auditevent_changelist",
        "admin:articles_sitesettings_changelist",
    ],
)
def test_editor_is_kept_out_of_administration(editor, url_name):
    assert editor.get(reverse(url_name)).status_code == 403


def test_editor_cannot_see_party_members(editor, tree):
    MembershipFactory(organization=tree["cell"], person__full_name="Nguyễn Văn An")
    assert editor.get(reverse("admin:organizations_membership_changelist")).status_code == 403


# --- Approvers ---


def test_approver_approves_an_article_of_their_unit(approver, tree):
    article = ArticleFactory(unit=tree["cell"], status=S.SUBMITTED, published_at=None)
    approver.post(
        change_url(article),
        article_form(
            approver, title=article.title, base_version=article.version, unit=tree["cell"].pk, _transition="approve"
        ),
    )
    article.refresh_from_db()
    assert article.status == S.PUBLISHED


def test_approver_cannot_approve_another_units_article_by_posting_to_it(approver, tree):
    foreign = ArticleFactory(unit=tree["theirs"], status=S.SUBMITTED, published_at=None)
    approver.post(
        change_url(foreign),
        article_form(
            approver, title=foreign.title, base_version=foreign.version, unit=tree["theirs"].pk, _transition="approve"
        ),
    )
    foreign.refresh_from_db()
    assert foreign.status == S.SUBMITTED


def test_approver_moves_an_article_of_their_unit_to_the_trash(approver, tree):
    article = ArticleFactory(unit=tree["ours"])
    response = approver.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert Article.all_objects.filter(pk=article.pk).exists()


# --- Site administrators ---


def test_site_admin_adds_a_unit_to_the_tree(site_admin, tree):
    url = reverse("admin:organizations_organization_add")
    form = site_admin.get(url).context["adminform"].form
    data = {
        "kind": Organization.Kind.CELL,
        "name": "Chi bộ Phòng Pháp chế",
        "short_name": "",
        "aliases": "",
        "slug": "",
        "description": "",
        "address": "",
        "phone": "",
        "email": "",
        "website": "",
        "valid_from": "",
        "valid_to": "",
        "treebeard_position": "first-child",
        "treebeard_ref_node": tree["ours"].pk,
    }
    assert set(data) - set(form.fields) == set()
    assert site_admin.post(url, data).status_code == 302
    assert Organization.objects.get(name="Chi bộ Phòng Pháp chế").get_parent() == tree["ours"]


def test_site_admin_sees_the_audit_log_and_the_accounts(site_admin):
    assert site_admin.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    assert site_admin.get(reverse("admin:auth_user_changelist")).status_code == 200


def test_site_admin_cannot_edit_the_audit_log(site_admin):
    assert site_admin.get(reverse("admin:audit_auditevent_add")).status_code == 403


# --- Anonymous visitors ---


@pytest.mark.parametrize(
    "url",
    ["/admin/", "/admin/articles/article/", "/admin/organizations/membership/", "/admin/audit/auditevent/"],
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# --- Found in review: holes that must stay closed ---


def test_editor_reads_another_units_published_article_on_the_public_site(editor, tree):
    foreign = ArticleFactory(title="Bài đã đăng của Sở Tư pháp", unit=tree["theirs"])
    assert editor.get(foreign.get_absolute_url()).status_code == 200


def test_editor_cannot_change_a_published_article_without_an_approver(editor, tree):
    article = ArticleFactory(title="Bài đã đăng", unit=tree["ours"])
    editor.post(change_url(article), article_form(editor, title="Sửa sau khi đăng", unit=tree["ours"].pk))
    article.refresh_from_db()
    assert article.title == "Bài đã đăng"


def test_editor_cannot_attach_another_units_meeting_by_posting_its_id(editor, tree):
    foreign = MeetingFactory(host=tree["theirs"])
    response = editor.post(
        reverse("admin:articles_article_add"), article_form(editor, unit=tree["ours"].pk, meeting=foreign.pk)
    )
    assert response.status_code == 200
    assert not Article.objects.exists()


def test_editor_cannot_merge_tags(editor, tree):
    article = ArticleFactory(unit=tree["theirs"])
    article.tags.add("Nghị quyết", "Học tập")
    keep = Tag.objects.get(name="Nghị quyết")
    editor.post(
        reverse("admin:articles_tag_changelist"),
        {
            "action": "merge_selected",
            "_selected_action": list(Tag.objects.values_list("pk", flat=True)),
            "confirm": "yes",
            "into": keep.pk,
        },
    )
    assert Tag.objects.count() == 2


def test_editor_cannot_replace_the_file_of_a_stored_photo(editor, tree):
    photo = PhotoFactory(unit=tree["ours"])
    form = editor.get(change_url(photo)).context["adminform"].form
    assert "image" not in form.fields


def test_staff_without_photo_rights_cannot_upload_in_the_editor(client, tree):
    client.force_login(UserFactory(is_staff=True))
    response = client.post(reverse("articles:editor-upload"), {"upload": image_file()})
    assert response.status_code == 403


def test_site_admin_cannot_make_anyone_a_superuser(site_admin, tree):
    user = get_user_model().objects.get(pk=site_admin.session["_auth_user_id"])
    form = site_admin.get(change_url(user)).context["adminform"].form
    assert "is_superuser" not in form.fields and "user_permissions" not in form.fields


def test_site_admin_does_not_see_superuser_accounts(site_admin, tree):
    root = get_user_model().objects.create_superuser("goc", "goc@example.vn", "mat-khau-rat-manh-2025")
    assert site_admin.get(change_url(root), follow=True).redirect_chain[-1][0] == reverse("admin:index")
