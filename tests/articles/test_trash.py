import pytest
import reversion
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticleEvent
from audit.models import AuditEvent
from newsroom.roles import APPROVER, EDITOR, SITE_ADMIN
from tests.admin_forms import form_data
from tests.conftest import sign_in
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    staff_with_role,
)

TRASH = reverse("admin:articles_trashedarticle_changelist")
ARTICLES = reverse("admin:articles_article_changelist")


@pytest.fixture
def unit(db):
    return OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường")


@pytest.fixture
def approver(unit):
    return staff_with_role(APPROVER, unit)


@pytest.fixture
def article(unit):
    return ArticleFactory(unit=unit, title="Hội nghị sơ kết công tác Đảng", slug="hoi-nghi-so-ket")


@pytest.fixture
def trashed(article, approver):
    Article.objects.filter(pk=article.pk).update(deleted_at=timezone.now(), deleted_by=approver)
    return article


def act(client, url, action, articles, **extra):
    return client.post(url, {"action": action, ACTION_CHECKBOX_NAME: [a.pk for a in articles], **extra})


# --- Deleting moves to the trash ---


def test_delete_view_moves_the_article_to_the_trash(client, article, approver):
    ArticleEvent.objects.create(article=article, action="submit", from_status="draft", to_status="submitted")
    sign_in(client, approver)
    url = reverse("admin:articles_article_delete", args=[article.pk])
    confirm = client.get(url)
    assert "Chuyển bài “Hội nghị sơ kết công tác Đảng” vào thùng rác?" in confirm.content.decode()
    response = client.post(url, {"post": "yes"}, follow=True)
    assert "Đã chuyển bài “Hội nghị sơ kết công tác Đảng” vào thùng rác." in response.content.decode()
    trashed = Article.all_objects.get(pk=article.pk)
    assert (trashed.deleted_by, trashed.deleted_at is not None) == (approver, True)
    assert not Article.objects.filter(pk=article.pk).exists()
    assert AuditEvent.objects.for_object(article).get().action == AuditEvent.Action.DELETE


def test_bulk_action_asks_then_moves_the_articles_to_the_trash(client, article, approver, unit):
    other = ArticleFactory(unit=unit)
    sign_in(client, approver)
    confirm = act(client, ARTICLES, "trash_selected", [article, other])
    assert confirm.status_code == 200
    assert "vào thùng rác?" in confirm.content.decode()
    assert 'name="action" value="trash_selected"' in confirm.content.decode()
    assert Article.objects.count() == 2
    act(client, ARTICLES, "trash_selected", [article, other], post="yes")
    assert Article.objects.count() == 0
    assert Article.all_objects.filter(deleted_by=approver).count() == 2


def test_bulk_action_replaces_django_delete(client, article, approver):
    sign_in(client, approver)
    act(client, ARTICLES, "delete_selected", [article], post="yes")
    assert Article.objects.filter(pk=article.pk).exists()


def test_an_editor_cannot_move_to_the_trash(client, article, unit):
    client.force_login(staff_with_role(EDITOR, unit))
    assert client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}).status_code == 403
    act(client, ARTICLES, "trash_selected", [article], post="yes")
    assert Article.objects.filter(pk=article.pk).exists()
    assert client.get(TRASH).status_code == 403


# --- What the trash hides ---


def test_trashed_article_is_hidden_from_the_admin_list_and_its_change_page(admin_client, trashed):
    response = admin_client.get(ARTICLES)
    assert trashed not in response.context["cl"].result_list
    response = admin_client.get(reverse("admin:articles_article_change", args=[trashed.pk]), follow=True)
    assert "không tồn tại" in response.content.decode()


def test_trashed_article_is_hidden_from_the_public_site(client, trashed):
    assert client.get(trashed.get_absolute_url()).status_code == 404
    assert trashed.title not in client.get(reverse("articles:list")).content.decode()
    assert trashed.title not in client.get(reverse("articles:home")).content.decode()
    search = client.get(reverse("articles:search"), {"q": "hoi nghi so ket"})
    assert trashed.title not in search.content.decode()
    assert trashed.title not in client.get(reverse("articles:feed")).content.decode()
    unit_page = client.get(reverse("articles:unit", args=[trashed.unit.slug]))
    assert trashed.title not in unit_page.content.decode()


def test_the_public_pages_would_show_the_article_but_for_the_trash(client, article):
    """The check above can fail: the same pages list the article while it is not in the trash."""
    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.title in client.get(reverse("articles:list")).content.decode()
    search = client.get(reverse("articles:search"), {"q": "hoi nghi so ket"})
    assert article.title in search.content.decode()
    assert article.title in client.get(reverse("articles:unit", args=[article.unit.slug])).content.decode()


def test_trashed_article_is_not_listed_on_its_meeting_page(client, unit):
    meeting = MeetingFactory(host=unit)
    ArticleFactory(unit=unit, meeting=meeting, title="Bài về hội nghị", deleted_at=timezone.now())
    assert "Bài về hội nghị" not in client.get(meeting.get_absolute_url()).content.decode()


def test_trashed_article_keeps_its_slug(admin_client, trashed, unit):
    data = form_data(admin_client.get(reverse("admin:articles_article_add")))
    data |= {"title": "Bài khác", "slug": "hoi-nghi-so-ket", "unit": unit.pk}
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "thuộc một bài trong thùng rác" in response.content.decode()
    assert ArticleFactory(title="Hội nghị sơ kết", slug="").slug == "hoi-nghi-so-ket-2"


# --- The trash: restore and purge ---


def test_trash_lists_the_trashed_articles_only(client, trashed, approver, unit):
    ArticleFactory(unit=unit, title="Bài đang đăng")
    sign_in(client, approver)
    response = client.get(TRASH)
    assert [a.title for a in response.context["cl"].result_list] == ["Hội nghị sơ kết công tác Đảng"]


def test_restore_brings_the_article_back(client, trashed, approver):
    sign_in(client, approver)
    act(client, TRASH, "restore_selected", [trashed])
    assert Article.objects.get(pk=trashed.pk).deleted_at is None
    assert trashed in client.get(ARTICLES).context["cl"].result_list
    assert AuditEvent.objects.for_object(trashed).get().action == AuditEvent.Action.RESTORE


def test_site_admin_purges_after_confirming(client, trashed, unit):
    with reversion.create_revision():
        Article.all_objects.get(pk=trashed.pk).save()
    assert Version.objects.get_for_object_reference(Article, trashed.pk).exists()
    sign_in(client, staff_with_role(SITE_ADMIN, unit))
    confirm = act(client, TRASH, "purge_selected", [trashed])
    assert "Xóa hẳn 1 bài sau?" in confirm.content.decode()
    assert 'name="action" value="purge_selected"' in confirm.content.decode()
    assert Article.all_objects.filter(pk=trashed.pk).exists()
    act(client, TRASH, "purge_selected", [trashed], post="yes")
    assert not Article.all_objects.filter(pk=trashed.pk).exists()
    assert not Version.objects.get_for_object_reference(Article, trashed.pk).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.PURGE, object_id=str(trashed.pk)).exists()


def test_approver_cannot_purge(client, trashed, approver):
    sign_in(client, approver)
    response = client.get(TRASH)
    assert "purge_selected" not in dict(response.context["action_form"].fields["action"].choices)
    act(client, TRASH, "purge_selected", [trashed], post="yes")
    assert Article.all_objects.filter(pk=trashed.pk).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.PURGE).exists()
