"""`manage.py db_worker`: django-tasks-db's worker, which first puts back in the queue the tasks a dead worker left.

A worker claims a task (RUNNING) and runs it; one killed meanwhile (SIGKILL, out of memory, the machine restarted)
leaves it RUNNING for ever. On PostgreSQL every worker's connection is named after it (application_name), so a
RUNNING task whose worker has no connection left is known to be abandoned, however long it ran; elsewhere, a task
RUNNING for more than ABANDONED_AFTER is. A worker that meets a database error (PostgreSQL restarting) waits
RETRY_SECONDS and starts over, its own unfinished task first, instead of exiting.
"""

import logging
import time
from datetime import timedelta

from django.db import close_old_connections, connections
from django.db.backends.signals import connection_created
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from newsroom.views import DATABASE_DOWN

logger = logging.getLogger("django_tasks_db")
ABANDONED_AFTER = timedelta(hours=1)
RETRY_SECONDS = 5


def connection_name(worker_id):
    return f"db_worker:{worker_id}"[:63]  # PostgreSQL keeps 63 bytes of a name


def name_connections(worker_id):
    """Name this process's connections to PostgreSQL after the worker, the open one and those opened later."""

    def set_name(sender, connection, **kwargs):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET application_name = %s", [connection_name(worker_id)])

    connection_created.disconnect(dispatch_uid="db-worker-name")
    connection_created.connect(set_name, weak=False, dispatch_uid="db-worker-name")
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None:
            set_name(None, connection)


def abandoned(running, *, me):
    """The tasks of `running` whose worker is gone, or is this one starting (over): it runs none of them."""
    connection = connections[running.db]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT application_name FROM pg_stat_activity WHERE application_name LIKE 'db\\_worker:%%'"
            )
            alive = {name for (name,) in cursor.fetchall()} - {connection_name(me)}
        gone = lambda result: connection_name(result.worker_ids[-1]) not in alive  # noqa: E731
    else:
        gone = lambda result: result.started_at < timezone.now() - ABANDONED_AFTER  # noqa: E731
    return [result for result in running if result.worker_ids[-1] == me or gone(result)]


def recover_abandoned_tasks(*, backend_name, me):
    """Put back in the queue (READY) the tasks of `backend_name` left RUNNING by a worker that is gone."""
    recovered = 0
    for result in abandoned(DBTaskResult.objects.running().filter(backend_name=backend_name), me=me):
        # the conditional update loses to a worker that finished it meanwhile
        still_running = DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        )
        if still_running.update(status=TaskResultStatus.READY, started_at=None):
            recovered += 1
            logger.warning(
                "Tác vụ %s (%s) bị bỏ dở khi tiến trình %s dừng đột ngột: đưa lại vào hàng đợi.",
                result.pk,
                result.task_path,
                result.worker_ids[-1],
            )
    return recovered


class Command(db_worker.Command):
    help = (
        "Chạy các tác vụ nền đang chờ trong cơ sở dữ liệu (e-mail của quy trình duyệt, ảnh thu nhỏ, nhập bài). "
        "Khi khởi động, đưa lại vào hàng đợi các tác vụ bị bỏ dở do một tiến trình trước dừng đột ngột."
    )

    def handle(self, *args, worker_id, backend_name, **options):
        name_connections(worker_id)
        while True:
            try:
                recover_abandoned_tasks(backend_name=backend_name, me=worker_id)
                return super().handle(*args, worker_id=worker_id, backend_name=backend_name, **options)
            except DATABASE_DOWN as error:
                # why: the library's worker stops at the first database error; a restart of PostgreSQL would stop
                # every worker
                logger.warning(
                    "Cơ sở dữ liệu không trả lời (%s): thử lại sau %s giây.",
                    str(error).strip().splitlines()[0],
                    RETRY_SECONDS,
                )
                close_old_connections()
                time.sleep(RETRY_SECONDS)
