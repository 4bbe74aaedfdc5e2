import io

import pytest
from django.apps import apps
from django.core.management import call_command

from newsroom.roles import sync_roles


@pytest.fixture
def database_tasks(settings, transactional_db):
    """The production task backend: tasks wait in the database until a worker runs them. Transactions are real:
    the worker, like Django's requests, closes a connection left inside a transaction (as a test's would be)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sync_roles(apps)  # the groups a migration made, flushed by an earlier transactional test


def run_worker(**options):
    """`manage.py db_worker --batch`: run every waiting task, then stop."""
    out = io.StringIO()
    call_command("db_worker", batch=True, reload=False, startup_delay=False, stdout=out, stderr=out, **options)
    return out.getvalue()
