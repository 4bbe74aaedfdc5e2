"""The workflow's e-mails, photo renditions and background imports go through the task queue."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from articles.models import Article, Photo
from articles.workflow import apply_transition
from newsroom.roles import APPROVER, EDITOR
from tests.factories import ArticleFactory, OrganizationFactory, PhotoFactory, staff_with_role
from tests.tasks.conftest import run_worker

S = Article.Status


@pytest.fixture
def unit(db):
    return OrganizationFactory(name="Đảng bộ Sở Tư pháp")


def test_a_workflow_email_waits_for_the_worker(database_tasks, unit, django_capture_on_commit_callbacks):
    editor, approver = staff_with_role(EDITOR, unit), staff_with_role(APPROVER, unit)
    draft = ArticleFactory(unit=unit, status=S.DRAFT, published_at=None, created_by=editor, title="Sơ kết quý III")
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(draft, "submit", by=editor)
    assert mail.outbox == []
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "articles.tasks.notify_workflow_step"
    run_worker()
    assert [message.to for message in mail.outbox] == [[approver.email]]
    assert "Sơ kết quý III" in mail.outbox[0].subject and "Chờ duyệt" in mail.outbox[0].body
    assert "/admin/articles/article/" in mail.outbox[0].body
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_the_email_names_the_step_even_if_the_article_moved_on_before_it_was_sent(
    database_tasks, unit, django_capture_on_commit_callbacks
):
    editor, approver = staff_with_role(EDITOR, unit), staff_with_role(APPROVER, unit)
    draft = ArticleFactory(unit=unit, status=S.DRAFT, published_at=None, created_by=editor)
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(draft, "submit", by=editor)
        apply_transition(draft, "approve", by=approver)
    run_worker()
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "Chờ duyệt" in bodies[approver.email]
    assert "Đã đăng" in bodies[editor.email]


def test_a_saved_photo_gets_its_renditions_from_the_worker(
    database_tasks, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory()
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "articles.tasks.make_renditions"
    assert queued.args_kwargs["args"] == [photo.pk]
    assert not (settings.MEDIA_ROOT / "cache").exists()
    run_worker()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert len(list((settings.MEDIA_ROOT / "cache").rglob("*.jpg"))) == 2


def test_renditions_of_a_photo_deleted_meanwhile_are_skipped(database_tasks, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory()
    Photo.objects.filter(pk=photo.pk).delete()
    run_worker()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


TEXT = """Đảng bộ Sở Tư pháp sơ kết 6 tháng đầu năm 2022

15/07/2022 - 10:00

Ngày 14-7-2022, Đảng ủy Sở Tư pháp tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2022.

Sáu tháng đầu năm, Đảng ủy đã lãnh đạo cán bộ, đảng viên hoàn thành tốt nhiệm vụ chính trị được giao.
"""


def import_articles(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_a_background_import_queues_one_task_per_file_and_prints_their_ids(database_tasks, unit, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("6 tháng", "sáu tháng"), encoding="utf-8")
    (tmp_path / "hong.txt").write_bytes(b"")
    out = import_articles(str(tmp_path), "--background", "--unit", unit.slug)
    ids = re.findall(r"tác vụ ([0-9a-f-]{36})", out)
    assert sorted(ids) == sorted(str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True))
    assert len(ids) == 3
    assert Article.objects.count() == 0
    run_worker()
    assert Article.objects.filter(unit=unit).count() == 2
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.args_kwargs["args"][0].endswith("hong.txt")
    assert "Tệp rỗng" in failed.traceback
    done = DBTaskResult.objects.filter(status="SUCCESSFUL").first()
    assert done.return_value["action"] == "created"


def test_a_background_import_cannot_be_a_dry_run(database_tasks, unit, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(Exception, match="--background"):
        import_articles(str(tmp_path), "--background", "--dry-run")


def test_the_default_import_stays_in_process(database_tasks, unit, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    out = import_articles(str(tmp_path), "--unit", unit.slug)
    assert "nhập mới: a.txt" in out
    assert Article.objects.count() == 1 and DBTaskResult.objects.count() == 0
