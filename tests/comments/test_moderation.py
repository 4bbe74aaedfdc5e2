"""The approvers' queue: scoped to their units, bulk approve and reject, exports and erasures in the audit log."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.utils import timezone

from audit.models import AuditEvent
from comments.models import Closure, Comment
from newsroom.roles import APPROVER, EDITOR, SITE_ADMIN
from tests.conftest import sign_in
from tests.factories import ArticleFactory, CategoryFactory, OrganizationFactory, staff_with_role
from tests.reader import text

pytestmark = pytest.mark.django_db
QUEUE = "/admin/comments/comment/"


@pytest.fixture
def units():
    province = OrganizationFactory(name="Tỉnh ủy")
    unit = OrganizationFactory(name="Đảng bộ Khối cơ quan", parent=province)
    return {
        "unit": unit,
        "sub": OrganizationFactory(name="Chi bộ Văn phòng", parent=unit),
        "other": OrganizationFactory(),
    }


def comment(unit, text, **kwargs):
    article = ArticleFactory(unit=unit, title=f"Bài của {unit.name}")
    return Comment.objects.create(article=article, name="Trần Thị Bình", email="binh@example.vn", text=text, **kwargs)


def act(client, action, comments):
    return client.post(QUEUE, {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in comments]})


def test_an_approver_sees_the_comments_of_their_units_with_article_and_age(units):
    mine, below = comment(units["unit"], "Ý kiến ở đơn vị"), comment(units["sub"], "Ý kiến ở chi bộ")
    comment(units["other"], "Ý kiến đơn vị khác")
    client = sign_in(Client(), staff_with_role(APPROVER, units["unit"]))

    response = client.get(QUEUE)

    page = text(response)
    assert response.status_code == 200
    assert "Ý kiến ở đơn vị" in page and "Ý kiến ở chi bộ" in page and "Ý kiến đơn vị khác" not in page
    assert mine.article.title in page and below.article.title in page
    assert "phút" in page  # the age


def test_bulk_approve_and_reject_within_scope_only(units):
    first, second = comment(units["unit"], "Ý kiến một"), comment(units["sub"], "Ý kiến hai")
    foreign = comment(units["other"], "Ý kiến ba")
    approver = staff_with_role(APPROVER, units["unit"])
    client = sign_in(Client(), approver)

    act(client, "approve", [first, second, foreign])

    statuses = dict(Comment.objects.values_list("text", "status"))
    assert statuses == {"Ý kiến một": "approved", "Ý kiến hai": "approved", "Ý kiến ba": "pending"}
    assert Comment.objects.get(text="Ý kiến một").moderated_by == approver
    assert AuditEvent.objects.filter(action=AuditEvent.Action.APPROVE).count() == 2
    assert "Ý kiến một" in text(Client().get(first.article.get_absolute_url()))
    assert "Ý kiến ba" not in text(Client().get(foreign.article.get_absolute_url()))

    act(client, "reject", [first])
    assert Comment.objects.get(text="Ý kiến một").status == Comment.Status.REJECTED
    assert "Ý kiến một" not in text(Client().get(first.article.get_absolute_url()))


def test_an_editor_has_no_queue(units):
    comment(units["unit"], "Một")
    client = sign_in(Client(), staff_with_role(EDITOR, units["unit"]))
    assert client.get(QUEUE).status_code == 403
    assert act(client, "approve", Comment.objects.all()).status_code == 403
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_an_approver_cannot_export_or_erase(units):
    one = comment(units["unit"], "Một")
    client = sign_in(Client(), staff_with_role(APPROVER, units["unit"]))
    page = client.get(QUEUE).content.decode()
    assert 'value="approve"' in page and 'value="export_csv"' not in page and 'value="erase_commenter"' not in page
    act(client, "erase_commenter", [one])
    assert Comment.objects.exists()


def test_an_export_is_logged(units):
    one = comment(units["unit"], "Một")
    client = sign_in(Client(), staff_with_role(SITE_ADMIN, units["unit"]))

    response = act(client, "export_csv", [one])

    assert response["Content-Type"].startswith("text/csv")
    assert "binh@example.vn" in response.content.decode("utf-8-sig")
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert "1 bình luận" in event.detail and event.actor_name


def test_erasure_from_the_admin_removes_every_comment_of_that_email(units):
    one = comment(units["unit"], "Một")
    comment(units["sub"], "Hai")
    Comment.objects.create(article=one.article, name="Khác", email="khac@example.vn", text="Ba")
    client = sign_in(Client(), staff_with_role(SITE_ADMIN, units["unit"]))

    act(client, "erase_commenter", [one])

    assert list(Comment.objects.values_list("text", flat=True)) == ["Ba"]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ERASE).count() == 1


def test_an_approver_turns_comments_off_for_their_units_articles_only(units):
    mine, foreign = ArticleFactory(unit=units["sub"]), ArticleFactory(unit=units["other"])
    client = sign_in(Client(), staff_with_role(APPROVER, units["unit"]))
    add = "/admin/comments/closure/add/"

    assert client.post(add, {"article": foreign.pk}).status_code == 200  # the form again, with an error
    assert client.post(add, {"article": mine.pk}).status_code == 302
    assert list(Closure.objects.values_list("article", flat=True)) == [mine.pk]
    assert client.post(add, {"category": CategoryFactory().pk}).status_code == 200  # a site admin's switch
    assert Closure.objects.count() == 1


def test_the_queue_puts_the_longest_waiting_first_then_the_decided_newest_first(units):
    now = timezone.now()
    for words, status, hours in [
        ("Đã duyệt cũ", "approved", 50),
        ("Chờ mới", "pending", 1),
        ("Từ chối mới", "rejected", 2),
        ("Chờ lâu", "pending", 30),
    ]:
        comment(units["unit"], words, status=status, created_at=now - timedelta(hours=hours))
    client = sign_in(Client(), staff_with_role(APPROVER, units["unit"]))

    page = text(client.get(QUEUE))

    order = sorted(["Đã duyệt cũ", "Chờ mới", "Từ chối mới", "Chờ lâu"], key=page.index)
    assert order == ["Chờ lâu", "Chờ mới", "Từ chối mới", "Đã duyệt cũ"]
