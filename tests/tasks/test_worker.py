"""The task worker (`manage.py db_worker`): failures are kept and shown, can run again, and none is lost when a
worker dies in the middle of one."""

from datetime import timedelta
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from tests.conftest import require, sign_in
from tests.tasks.conftest import run_worker
from tests.test_deployment import settings_in_subprocess

ROOT = Path(settings.BASE_DIR)
CALLS = []


@task()
def remember(value):
    CALLS.append(value)
    return value


@task()
def fail(value):
    raise ValueError(f"không xử lý được {value}")


@pytest.fixture(autouse=True)
def forget():
    CALLS.clear()


def claimed(task, *args, worker_id="dead-worker", started_at=None):
    """A task a worker claimed (RUNNING) and never finished."""
    result = DBTaskResult.objects.get(pk=task.enqueue(*args).id)
    result.claim(worker_id)
    if started_at:
        DBTaskResult.objects.filter(pk=result.pk).update(started_at=started_at)
    return result


def test_a_failed_task_keeps_its_error(database_tasks, db):
    result = fail.enqueue("tệp 7")
    run_worker()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "FAILED"
    assert row.exception_class_path == "builtins.ValueError"
    assert "không xử lý được tệp 7" in row.traceback


def test_the_admin_lists_tasks_in_vietnamese_with_their_errors(database_tasks, admin_client):
    result = fail.enqueue("tệp 7")
    run_worker()
    page = admin_client.get("/admin/django_tasks_database/dbtaskresult/").content.decode()
    assert "Tác vụ nền" in page and "Thất bại" in page and "Chạy lại" in page
    page = admin_client.get(f"/admin/django_tasks_database/dbtaskresult/{result.id}/change/").content.decode()
    assert "không xử lý được tệp 7" in page
    assert "Lỗi" in page and "Trạng thái" in page
    assert f"fail ({result.id})" in page and "DBTaskResult object" not in page


def test_run_again_enqueues_the_same_task_with_the_same_arguments(database_tasks, admin_client):
    failed = fail.enqueue("tệp 7")
    run_worker()
    response = admin_client.post(
        "/admin/django_tasks_database/dbtaskresult/",
        {"action": "run_again", "_selected_action": [failed.id]},
        follow=True,
    )
    assert "Đã xếp lại 1 tác vụ" in response.content.decode()
    again = DBTaskResult.objects.exclude(pk=failed.id).get()
    assert again.task_path == "tests.tasks.test_worker.fail"
    assert again.args_kwargs == {"args": ["tệp 7"], "kwargs": {}}
    assert again.status == "READY"


def test_run_again_leaves_waiting_and_running_tasks_alone(database_tasks, admin_client):
    waiting = remember.enqueue(1)
    response = admin_client.post(
        "/admin/django_tasks_database/dbtaskresult/",
        {"action": "run_again", "_selected_action": [waiting.id]},
        follow=True,
    )
    assert "chưa chạy xong" in response.content.decode()
    assert DBTaskResult.objects.count() == 1


def test_only_superusers_see_the_tasks(database_tasks, client, db):
    from newsroom.roles import SITE_ADMIN
    from tests.factories import OrganizationFactory, staff_with_role

    sign_in(client, staff_with_role(SITE_ADMIN, OrganizationFactory()))
    assert client.get("/admin/django_tasks_database/dbtaskresult/").status_code == 403


def test_a_task_abandoned_by_a_dead_worker_runs_again_when_a_worker_starts(database_tasks, db):
    stuck = claimed(remember, "bài 1", started_at=timezone.now() - timedelta(hours=2))
    run_worker()
    row = DBTaskResult.objects.get(pk=stuck.pk)
    assert row.status == "SUCCESSFUL"
    assert CALLS == ["bài 1"]
    assert row.worker_ids[0] == "dead-worker" and len(row.worker_ids) == 2


@pytest.mark.skipif(
    "postgresql" in settings.DATABASES["default"]["ENGINE"],
    reason="on PostgreSQL the worker's connection says whether it is alive (next tests)",
)
def test_on_sqlite_a_task_running_for_less_than_an_hour_is_left_to_its_worker(database_tasks, db):
    running = claimed(remember, "bài 2", started_at=timezone.now() - timedelta(minutes=5))
    run_worker()
    assert DBTaskResult.objects.get(pk=running.pk).status == "RUNNING"
    assert CALLS == []


def live_worker_connection(worker_id):
    db = connection.settings_dict
    return psycopg2.connect(
        dbname=db["NAME"],
        user=db["USER"],
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        application_name=f"db_worker:{worker_id}",
    )


def test_on_postgresql_a_task_whose_worker_is_connected_is_left_alone_however_long(database_tasks, transactional_db):
    require(connection.vendor == "postgresql", "needs PostgreSQL: workers are known by their connections")
    running = claimed(remember, "bài 3", worker_id="alive", started_at=timezone.now() - timedelta(hours=5))
    alive = live_worker_connection("alive")
    try:
        run_worker()
        assert DBTaskResult.objects.get(pk=running.pk).status == "RUNNING"
    finally:
        alive.close()
    run_worker()
    assert DBTaskResult.objects.get(pk=running.pk).status == "SUCCESSFUL"
    assert CALLS == ["bài 3"]


def test_on_postgresql_a_task_whose_worker_is_gone_runs_again_at_once(database_tasks, transactional_db):
    require(connection.vendor == "postgresql", "needs PostgreSQL: workers are known by their connections")
    stuck = claimed(remember, "bài 4", worker_id="killed")
    run_worker()
    assert DBTaskResult.objects.get(pk=stuck.pk).status == "SUCCESSFUL"
    assert CALLS == ["bài 4"]


def task_settings(env):
    return settings_in_subprocess(env, "s.TASKS['default']['BACKEND']")


def test_production_queues_tasks_in_the_database_and_development_runs_them_at_once():
    assert task_settings({}) == "django_tasks_db.DatabaseBackend"
    assert task_settings({"DEBUG": "true"}) == "django_tasks.backends.immediate.ImmediateBackend"
    assert task_settings({"TASKS_BACKEND": "immediate"}) == "django_tasks.backends.immediate.ImmediateBackend"
    assert task_settings({"DEBUG": "true", "TASKS_BACKEND": "database"}) == "django_tasks_db.DatabaseBackend"


def test_a_worker_waits_out_a_database_outage_and_goes_on(database_tasks, monkeypatch, caplog):
    from django.db import OperationalError
    from django_tasks_db.management.commands import db_worker

    run = db_worker.Worker.run
    outages = iter([OperationalError("the database system is shutting down")])

    def run_after_an_outage(worker):
        for error in outages:
            raise error
        return run(worker)

    monkeypatch.setattr(db_worker.Worker, "run", run_after_an_outage)
    monkeypatch.setattr("newsroom.management.commands.db_worker.RETRY_SECONDS", 0)
    remember.enqueue("bài 5")
    run_worker()
    assert CALLS == ["bài 5"]
    assert any("the database system is shutting down" in r.getMessage() for r in caplog.records)


def test_a_task_left_running_by_this_very_worker_runs_again_when_it_starts_over(database_tasks):
    stuck = claimed(remember, "bài 6", worker_id="me")
    run_worker(worker_id="me")
    assert DBTaskResult.objects.get(pk=stuck.pk).status == "SUCCESSFUL"
    assert CALLS == ["bài 6"]
