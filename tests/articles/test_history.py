import io
from datetime import timedelta

import pytest
import reversion
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Revision, Version

from articles.models import Article, Tag
from articles.services import merge_tags
from audit.history import text_diff
from audit.models import AuditEvent
from newsroom.roles import EDITOR
from tests.admin_forms import form_data
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    OrganizationFactory,
    PersonFactory,
    StaffAssignmentFactory,
    UserFactory,
)

S = Article.Status


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def save_in_admin(client, article, **changes):
    url = change_url(article)
    return client.post(url, form_data(client.get(url), **changes))


def versions_of(obj):
    return Version.objects.get_for_object(obj).select_related("revision__user")


@pytest.fixture
def article(db):
    return ArticleFactory(title="Hội nghị sơ kết công tác Đảng", lead="Chiều ngày 18/6/2021, Đảng bộ Sở họp.")


@pytest.fixture
def two_versions(admin_client, article):
    """The article as it was (kept as the first version by the first admin save) and with a new title."""
    assert save_in_admin(admin_client, article, title="Hội nghị tổng kết công tác Đảng").status_code == 302
    return list(versions_of(article))  # newest first


# --- Saving keeps a version ---


def test_an_admin_save_keeps_a_version_with_the_user_and_a_vietnamese_comment(admin_client, admin_user, article):
    assert save_in_admin(admin_client, article, title="Hội nghị tổng kết").status_code == 302
    version = versions_of(article).first()
    assert version.field_dict["title"] == "Hội nghị tổng kết"
    assert version.revision.user == admin_user
    assert "Tiêu đề" in version.revision.get_comment()


def test_the_first_admin_save_keeps_the_state_before_it(admin_client, article):
    save_in_admin(admin_client, article, title="Hội nghị tổng kết")
    first = versions_of(article).last()
    assert first.field_dict["title"] == "Hội nghị sơ kết công tác Đảng"
    assert first.revision.get_comment() == "Bản đã có trước khi lưu lịch sử phiên bản"


def test_a_version_keeps_the_tags_and_the_gallery(admin_client, article):
    save_in_admin(admin_client, article, tags="Nghị quyết")
    kept = {v.content_type.model for v in versions_of(article).first().revision.version_set.all()}
    assert kept == {"article", "taggedarticle"}


def test_a_meeting_save_keeps_a_version_with_its_participants(admin_client):
    participation = MeetingParticipantFactory(person=PersonFactory(full_name="Hoàng Thanh Oai"))
    meeting = participation.meeting
    url = reverse("admin:organizations_meeting_change", args=[meeting.pk])
    assert admin_client.post(url, form_data(admin_client.get(url), location="Hội trường A")).status_code == 302
    revision = Version.objects.get_for_object(meeting).first().revision
    assert {str(v) for v in revision.version_set.all()} == {meeting.title, str(participation)}


# --- The history page and the comparison ---


def test_history_page_lists_the_versions_and_offers_to_compare(admin_client, article, two_versions):
    response = admin_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("admin:articles_article_compare", args=[article.pk]) in page
    for version in two_versions:
        assert reverse("admin:articles_article_revision", args=[article.pk, version.pk]) in page


def test_compare_shows_the_changed_field_as_a_word_diff(admin_client, article, two_versions):
    new, old = two_versions
    url = reverse("admin:articles_article_compare", args=[article.pk])
    response = admin_client.get(url, {"from": old.pk, "to": new.pk})
    assert response.status_code == 200
    assert [change.label for change in response.context["changes"]] == ["Tiêu đề"]
    page = response.content.decode()
    assert "Hội nghị <del>sơ</del> kết công tác Đảng" in page
    assert "Hội nghị <ins>tổng</ins> kết công tác Đảng" in page


def test_compare_defaults_to_the_last_two_versions(admin_client, article, two_versions):
    response = admin_client.get(reverse("admin:articles_article_compare", args=[article.pk]))
    assert (response.context["old"], response.context["new"]) == (two_versions[1], two_versions[0])


def test_compare_shows_tags_added(admin_client, article):
    save_in_admin(admin_client, article, tags='"Nghị quyết Trung ương 4"')
    response = admin_client.get(reverse("admin:articles_article_compare", args=[article.pk]))
    [change] = response.context["changes"]
    assert change.label == "Thẻ của bài"
    assert change.after == "<ins>Nghị quyết Trung ương 4</ins>"


def test_compare_escapes_what_was_typed(admin_client, article):
    save_in_admin(admin_client, article, lead='<script>alert("x")</script>')
    page = admin_client.get(reverse("admin:articles_article_compare", args=[article.pk])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_text_diff_marks_lines_and_words():
    before, after = text_diff("Dòng một\nDòng hai\n", "Dòng một\nDòng ba\nDòng bốn")
    assert before == "Dòng một\nDòng <del>hai</del>\n"
    assert after == "Dòng một\nDòng <ins>ba</ins>\n<ins>Dòng bốn</ins>"


def test_compare_of_an_article_of_another_unit_is_not_found(client, article, two_versions):
    outsider = UserFactory()
    outsider.groups.add(Group.objects.get(name=EDITOR))
    StaffAssignmentFactory(user=outsider, organization=OrganizationFactory())
    client.force_login(outsider)
    response = client.get(reverse("admin:articles_article_compare", args=[article.pk]))
    assert response.status_code == 302
    assert "changes" not in (response.context or {})


# --- Restoring a version ---


def test_restore_page_shows_the_old_version_and_changes_nothing(admin_client, article, two_versions):
    old = two_versions[1]
    response = admin_client.get(reverse("admin:articles_article_revision", args=[article.pk, old.pk]))
    assert response.status_code == 200
    assert response.context["adminform"].form["title"].value() == "Hội nghị sơ kết công tác Đảng"
    article.refresh_from_db()
    assert article.title == "Hội nghị tổng kết công tác Đảng"


def test_restore_brings_back_the_old_title_as_a_new_version(admin_client, admin_user, article, two_versions):
    old = two_versions[1]
    url = reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    version_before = Article.objects.get(pk=article.pk).version
    assert admin_client.post(url, form_data(admin_client.get(url))).status_code == 302
    article.refresh_from_db()
    assert article.title == "Hội nghị sơ kết công tác Đảng"
    assert article.version == version_before + 1
    assert "so ket" in article.search_key
    newest = versions_of(article).first()
    assert versions_of(article).count() == 3
    assert newest.field_dict["title"] == "Hội nghị sơ kết công tác Đảng"
    assert newest.revision.get_comment().startswith("Khôi phục phiên bản lưu lúc")
    event = AuditEvent.objects.for_object(article).get(action=AuditEvent.Action.REVERT)
    assert event.actor == admin_user


def test_restore_keeps_the_workflow_state_of_now(admin_client, article):
    Article.objects.filter(pk=article.pk).update(status=S.DRAFT, published_at=None)
    save_in_admin(admin_client, article)
    draft_version = versions_of(article).first()
    published_at = (timezone.now() - timedelta(hours=2)).replace(microsecond=0)
    Article.objects.filter(pk=article.pk).update(status=S.PUBLISHED, published_at=published_at)
    save_in_admin(admin_client, article, title="Bài đã đăng")
    url = reverse("admin:articles_article_revision", args=[article.pk, draft_version.pk])
    assert admin_client.post(url, form_data(admin_client.get(url))).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status, article.published_at) == (
        "Hội nghị sơ kết công tác Đảng",
        S.PUBLISHED,
        published_at,
    )


def test_restore_of_an_article_in_the_trash_is_refused(admin_client, article, two_versions):
    Article.objects.filter(pk=article.pk).update(deleted_at=timezone.now())
    url = reverse("admin:articles_article_revision", args=[article.pk, two_versions[1].pk])
    response = admin_client.post(url, {"title": "Hội nghị sơ kết công tác Đảng"}, follow=True)
    assert "không tồn tại" in response.content.decode()
    trashed = Article.all_objects.get(pk=article.pk)
    assert (trashed.title, trashed.deleted_at is not None) == ("Hội nghị tổng kết công tác Đảng", True)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.REVERT).exists()


def test_restore_is_refused_when_someone_saved_after_the_page_was_opened(admin_client, article, two_versions):
    url = reverse("admin:articles_article_revision", args=[article.pk, two_versions[1].pk])
    data = form_data(admin_client.get(url))
    Article.objects.filter(pk=article.pk).update(title="Sửa lúc khác", version=99)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Không lưu được" in response.content.decode()
    assert Article.objects.get(pk=article.pk).title == "Sửa lúc khác"


# --- Pruning old versions ---


def saved_versions(article, count, *, days_ago):
    """`count` versions of `article`, numbered 1..count, saved `days_ago` days back."""
    for number in range(1, count + 1):
        with reversion.create_revision():
            article.version = number
            article.title = f"Bản {number}"
            article.save()
    Revision.objects.update(date_created=timezone.now() - timedelta(days=days_ago))


def kept_numbers(article):
    return sorted(v.field_dict["version"] for v in Version.objects.get_for_object(article))


def test_prune_keeps_the_latest_versions_and_the_published_one(article):
    saved_versions(article, 6, days_ago=400)
    Article.objects.filter(pk=article.pk).update(version=3, status=S.PUBLISHED)
    out = io.StringIO()
    call_command("prune_revisions", "--keep", "2", stdout=out)
    assert kept_numbers(article) == [3, 5, 6]
    assert "Đã xóa 3 phiên bản" in out.getvalue()


def test_prune_keeps_what_is_younger_than_the_days(article):
    saved_versions(article, 4, days_ago=10)
    call_command("prune_revisions", "--keep", "1", "--days", "30", stdout=io.StringIO())
    assert kept_numbers(article) == [1, 2, 3, 4]


def test_prune_dry_run_deletes_nothing(article):
    saved_versions(article, 4, days_ago=400)
    out = io.StringIO()
    call_command("prune_revisions", "--keep", "1", "--dry-run", stdout=out)
    assert kept_numbers(article) == [1, 2, 3, 4]
    assert "sẽ xóa 3 phiên bản" in out.getvalue()


def test_prune_also_trims_meetings(db):
    meeting = MeetingFactory()
    for n in range(3):
        with reversion.create_revision():
            meeting.location = f"Phòng {n}"
            meeting.save()
    Revision.objects.update(date_created=timezone.now() - timedelta(days=400))
    call_command("prune_revisions", "--keep", "1", stdout=io.StringIO())
    assert [v.field_dict["location"] for v in Version.objects.get_for_object(meeting)] == ["Phòng 2"]


def test_restore_cannot_move_the_article_out_of_the_users_units(client, article):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=EDITOR))
    StaffAssignmentFactory(user=editor, organization=article.unit)
    client.force_login(editor)
    elsewhere = OrganizationFactory(name="Đảng bộ Sở khác")
    with reversion.create_revision():
        Article.objects.filter(pk=article.pk).update(unit=elsewhere)
        reversion.add_to_revision(Article.objects.get(pk=article.pk))
    Article.objects.filter(pk=article.pk).update(unit=article.unit)
    old = versions_of(article).get()
    response = client.post(reverse("admin:articles_article_revision", args=[article.pk, old.pk]), {}, follow=True)
    assert "Không thể khôi phục phiên bản này" in response.content.decode()
    assert Article.objects.get(pk=article.pk).unit == article.unit


def test_versions_do_not_bring_back_deleted_objects(admin_client, article):
    assert admin_client.get(reverse("admin:articles_article_recoverlist")).status_code == 404
    assert admin_client.get(reverse("admin:organizations_meeting_recoverlist")).status_code == 404


def test_text_diff_keeps_a_changed_phrase_together():
    before, after = text_diff("Hội nghị lần thứ 5", "Sinh hoạt chi bộ lần thứ 5")
    assert (before, after) == ("<del>Hội nghị</del> lần thứ 5", "<ins>Sinh hoạt chi bộ</ins> lần thứ 5")


def test_restoring_a_version_whose_tag_was_merged_away_is_refused_with_a_message(admin_client, article):
    article.tags.add("Nghị quyết")
    assert save_in_admin(admin_client, article, title="Tiêu đề mới").status_code == 302
    old = versions_of(article).last()
    merge_tags(sources=[Tag.objects.get(name="Nghị quyết")], into=Tag.objects.create(name="Học tập"))
    url = reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    response = admin_client.get(url, follow=True)
    assert "đã bị gộp hoặc xóa" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Tiêu đề mới"
