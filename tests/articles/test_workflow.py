import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.signing import TimestampSigner
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleEvent
from articles.services import move_to_trash, restore_from_trash
from articles.views import PREVIEW_SALT
from articles.workflow import apply_transition, approvers_of, available_transitions
from audit.models import AuditEvent
from newsroom.roles import APPROVER, EDITOR
from tests.admin_forms import form_data
from tests.conftest import sign_in
from tests.factories import ArticleFactory, OrganizationFactory, staff_with_role

S = Article.Status


@pytest.fixture
def unit(db):
    return OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường")


@pytest.fixture
def editor(unit):
    return staff_with_role(EDITOR, unit)


@pytest.fixture
def approver(unit):
    return staff_with_role(APPROVER, unit)


@pytest.fixture
def draft(unit, editor):
    return ArticleFactory(unit=unit, status=S.DRAFT, published_at=None, created_by=editor)


def test_editor_submits_a_draft(draft, editor):
    article = apply_transition(draft, "submit", by=editor)
    assert article.status == S.SUBMITTED
    assert article.submitted_at is not None


def test_editor_cannot_publish(draft, editor):
    with pytest.raises(PermissionDenied):
        apply_transition(draft, "approve", by=editor)
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_approver_publishes_a_submitted_article_now(draft, editor, approver):
    apply_transition(draft, "submit", by=editor)
    article = apply_transition(draft, "approve", by=approver)
    assert article.status == S.PUBLISHED
    assert article.is_published()
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_approver_of_another_unit_cannot_approve(draft, editor):
    stranger = staff_with_role(APPROVER, OrganizationFactory(name="Đảng bộ Sở Tư pháp"))
    apply_transition(draft, "submit", by=editor)
    with pytest.raises(PermissionDenied):
        apply_transition(draft, "approve", by=stranger)


def test_approver_of_a_parent_unit_can_approve_for_its_sub_units(editor):
    parent = OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh")
    child = OrganizationFactory(name="Chi bộ Văn phòng", parent=parent)
    article = ArticleFactory(unit=child, status=S.SUBMITTED, published_at=None)
    article = apply_transition(article, "approve", by=staff_with_role(APPROVER, parent))
    assert article.status == S.PUBLISHED


def test_returning_needs_a_comment(draft, editor, approver):
    apply_transition(draft, "submit", by=editor)
    with pytest.raises(ValidationError, match="lý do"):
        apply_transition(draft, "return", by=approver, comment="  ")


def test_returned_article_keeps_the_comment_and_can_be_submitted_again(draft, editor, approver):
    apply_transition(draft, "submit", by=editor)
    apply_transition(draft, "return", by=approver, comment="Bổ sung ảnh Hội nghị")
    event = ArticleEvent.objects.get(article=draft, action="return")
    assert (event.comment, event.from_status, event.to_status) == ("Bổ sung ảnh Hội nghị", S.SUBMITTED, S.RETURNED)
    assert apply_transition(draft, "submit", by=editor).status == S.SUBMITTED


def test_withdrawing_needs_a_reason_and_hides_the_article(unit, approver):
    article = ArticleFactory(unit=unit)
    with pytest.raises(ValidationError):
        apply_transition(article, "withdraw", by=approver)
    apply_transition(article, "withdraw", by=approver, comment="Sai số liệu")
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_a_transition_from_the_wrong_state_is_refused(unit, approver):
    article = ArticleFactory(unit=unit)
    with pytest.raises(ValidationError, match="trạng thái"):
        apply_transition(article, "return", by=approver, comment="x")


def test_transitions_offered_depend_on_role_and_state(draft, editor, approver):
    assert [t.name for t in available_transitions(editor, draft)] == ["submit"]
    assert [t.name for t in available_transitions(approver, draft)] == ["submit", "approve"]
    apply_transition(draft, "submit", by=editor)
    draft.refresh_from_db()
    assert [t.name for t in available_transitions(approver, draft)] == ["approve", "return"]


def test_scheduled_article_appears_by_itself_when_its_time_comes(unit, approver):
    at = timezone.now() + timedelta(hours=2)
    article = ArticleFactory(unit=unit, status=S.SUBMITTED, published_at=at)
    apply_transition(article, "approve", by=approver)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_scheduled_article_is_not_public_before_its_time(client, unit, approver):
    article = ArticleFactory(unit=unit, status=S.SUBMITTED, published_at=timezone.now() + timedelta(days=1))
    apply_transition(article, "approve", by=approver)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_each_step_bumps_the_version_so_open_forms_cannot_overwrite_it(draft, editor):
    version = draft.version
    assert apply_transition(draft, "submit", by=editor).version == version + 1


def test_each_step_is_in_the_audit_log(draft, editor, approver):
    apply_transition(draft, "submit", by=editor)
    apply_transition(draft, "approve", by=approver)
    actions = list(AuditEvent.objects.for_object(draft).order_by("at").values_list("action", "actor_name"))
    assert actions == [("submit", editor.username), ("approve", approver.username)]


def test_submitting_emails_the_approvers_of_that_unit_only(
    draft, editor, approver, django_capture_on_commit_callbacks
):
    staff_with_role(APPROVER, OrganizationFactory(name="Đảng bộ Sở Tư pháp"))
    staff_with_role(EDITOR, draft.unit)
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(draft, "submit", by=editor)
    assert [message.to for message in mail.outbox] == [[approver.email]]
    assert "Chờ duyệt" in mail.outbox[0].body


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r", "\u2028", "\x85"], ids=["CRLF", "LF", "CR", "LS", "NEL"])
def test_a_title_with_a_line_break_still_emails_the_approvers(
    unit, editor, approver, django_capture_on_commit_callbacks, newline
):
    article = ArticleFactory(unit=unit, status=S.DRAFT, published_at=None, title=f"Hội nghị{newline}sơ kết")
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(article, "submit", by=editor)
    assert [message.to for message in mail.outbox] == [[approver.email]]
    assert mail.outbox[0].subject.endswith("Gửi duyệt: Hội nghị sơ kết")


def test_returning_emails_the_author(draft, editor, approver, django_capture_on_commit_callbacks):
    apply_transition(draft, "submit", by=editor)
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(draft, "return", by=approver, comment="Thiếu tên người chủ trì")
    assert mail.outbox[-1].to == [editor.email]
    assert "Thiếu tên người chủ trì" in mail.outbox[-1].body


def test_approvers_of_a_unit_include_those_assigned_above(unit, approver):
    above = staff_with_role(APPROVER, OrganizationFactory(name="Đảng bộ tỉnh"))
    child = OrganizationFactory(name="Chi bộ Phòng Đo đạc", parent=unit)
    assert set(approvers_of(child)) == {approver}
    assert set(approvers_of(above.unit_assignments.get().organization)) == {above}


# --- Through the admin, as each role would ---


def admin_post(client, article, data):
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = client.get(url).context["adminform"].form
    fields = {
        name: form[name].value() for name in ["title", "slug", "lead", "body", "unit", "published_at", "base_version"]
    }
    fields["published_at_0"], fields["published_at_1"] = "", ""
    fields.pop("published_at")
    management = {
        "gallery-TOTAL_FORMS": "0",
        "gallery-INITIAL_FORMS": "0",
        "gallery-MIN_NUM_FORMS": "0",
        "gallery-MAX_NUM_FORMS": "1000",
    }
    return client.post(url, {**fields, **management, **data})


def test_editor_submits_through_the_admin(client, draft, editor):
    client.force_login(editor)
    response = admin_post(client, draft, {"_transition": "submit", "title": "Tiêu đề đã sửa"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Tiêu đề đã sửa", S.SUBMITTED)


def test_editor_posting_approve_through_the_admin_is_refused(client, draft, editor):
    client.force_login(editor)
    response = admin_post(client, draft, {"_transition": "approve"})
    draft.refresh_from_db()
    assert draft.status == S.DRAFT
    assert "không có quyền" in response.wsgi_request._messages._queued_messages[0].message


def test_editor_cannot_set_the_status_field_directly(client, draft, editor):
    client.force_login(editor)
    admin_post(client, draft, {"status": S.PUBLISHED})
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_returning_without_a_comment_shows_the_error_and_saves_nothing(client, draft, editor, approver):
    apply_transition(draft, "submit", by=editor)
    sign_in(client, approver)
    response = admin_post(client, draft, {"_transition": "return", "title": "Không được lưu"})
    assert response.status_code == 200
    assert "Hãy ghi rõ lý do" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.title, draft.status) != ("Không được lưu", S.RETURNED)


def test_change_list_shows_how_long_an_article_has_waited(client, draft, editor, approver):
    apply_transition(draft, "submit", by=editor)
    Article.objects.filter(pk=draft.pk).update(submitted_at=timezone.now() - timedelta(hours=5))
    sign_in(client, approver)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "5\xa0giờ" in page


def test_dashboard_shows_what_waits_for_the_approver(client, draft, editor, approver):
    apply_transition(draft, "submit", by=editor)
    sign_in(client, approver)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Chờ tôi duyệt (1)" in page
    assert draft.title in page


def test_dashboard_shows_the_editor_what_was_returned(client, draft, editor, approver):
    apply_transition(draft, "submit", by=editor)
    apply_transition(draft, "return", by=approver, comment="Sửa lại tiêu đề")
    client.force_login(editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Bị trả lại cho tôi (1)" in page


def test_staff_of_the_unit_preview_a_draft_as_the_public_page(client, draft, editor):
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_staff_of_another_unit_cannot_preview_a_draft(client, draft):
    client.force_login(staff_with_role(EDITOR, OrganizationFactory(name="Đảng bộ Sở Tư pháp")))
    assert client.get(draft.get_absolute_url()).status_code == 404


def mint_preview_link(client, article):
    response = client.post(reverse("admin:articles_article_preview_link", args=[article.pk]))
    assert response.status_code == 200
    return response.json()["url"]


def test_signed_preview_link_shows_a_draft_to_anyone(client, draft, editor):
    client.force_login(editor)
    link = mint_preview_link(client, draft)
    client.logout()
    assert client.get(link).status_code == 200
    tampered = link.rstrip("/")[:-3] + "abc/"
    assert client.get(tampered).status_code == 404


def test_the_article_form_makes_a_preview_link_only_when_asked(client, draft, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert "Tạo liên kết xem trước" in page
    assert "/xem-truoc/" not in page


def test_a_preview_link_is_made_by_post_only(client, draft, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:articles_article_preview_link", args=[draft.pk])).status_code == 405


def test_staff_of_another_unit_cannot_make_a_preview_link(client, draft):
    client.force_login(staff_with_role(EDITOR, OrganizationFactory(name="Đảng bộ Sở Tư pháp")))
    response = client.post(reverse("admin:articles_article_preview_link", args=[draft.pk]))
    assert response.status_code == 404
    assert "/xem-truoc/" not in response.content.decode()


def test_a_preview_link_expires_after_three_days(client, draft, editor):
    client.force_login(editor)
    link = mint_preview_link(client, draft)
    client.logout()
    with mock.patch("time.time", return_value=time.time() + 3 * 24 * 3600 + 1):
        assert client.get(link).status_code == 404


def test_a_preview_link_dies_when_the_article_is_saved_again(client, draft, editor):
    client.force_login(editor)
    link = mint_preview_link(client, draft)
    url = reverse("admin:articles_article_change", args=[draft.pk])
    assert client.post(url, form_data(client.get(url), title="Tiêu đề đã sửa")).status_code == 302
    client.logout()
    assert client.get(link).status_code == 404


def test_a_preview_link_dies_at_the_next_workflow_step(client, draft, editor):
    client.force_login(editor)
    link = mint_preview_link(client, draft)
    apply_transition(draft, "submit", by=editor)
    client.logout()
    assert client.get(link).status_code == 404


def test_a_preview_link_dies_when_the_status_changes_behind_the_workflows_back(client, draft, editor):
    client.force_login(editor)
    link = mint_preview_link(client, draft)
    Article.objects.filter(pk=draft.pk).update(status=S.SUBMITTED)
    client.logout()
    assert client.get(link).status_code == 404


def test_a_preview_link_dies_when_the_article_is_withdrawn(client, unit, approver):
    article = ArticleFactory(unit=unit, status=S.PUBLISHED, published_at=timezone.now() + timedelta(days=1))
    sign_in(client, approver)
    link = mint_preview_link(client, article)
    apply_transition(article, "withdraw", by=approver, comment="Sai số liệu")
    client.logout()
    assert client.get(link).status_code == 404


def test_a_preview_link_dies_in_the_trash_and_stays_dead_after_a_restore(client, draft, editor):
    client.force_login(editor)
    link = mint_preview_link(client, draft)
    move_to_trash(Article.objects.filter(pk=draft.pk), by=editor)
    client.logout()
    assert client.get(link).status_code == 404
    restore_from_trash(Article.all_objects.filter(pk=draft.pk), by=editor)
    assert client.get(link).status_code == 404


@pytest.mark.parametrize("signed", ["1", "12", "123"])
def test_a_preview_link_of_the_old_kind_is_refused_not_an_error(client, draft, signed):
    token = TimestampSigner(salt=PREVIEW_SALT).sign(signed)  # links made before they carried version and status
    assert client.get(reverse("articles:preview", args=[token])).status_code == 404
