"""Search ranks the same on PostgreSQL and on SQLite: the demo data, seeded into both, gives the same top five.

Runs on PostgreSQL (skipped elsewhere on a laptop, failing in CI); SQLite's side is seeded in a second process
(tests/articles/search_twin.py), since one process holds one database under these settings.
"""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from tests.articles.search_twin import QUERIES, top_five
from tests.conftest import require

pytestmark = pytest.mark.django_db  # the test database is set up only for modules that ask for it


@pytest.fixture(scope="module")
def on_postgresql(django_db_setup, django_db_blocker, tmp_path_factory):
    require(connection.vendor == "postgresql", "compares PostgreSQL's ranking with SQLite's")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        transaction.atomic(),
    ):
        call_command("seed_demo", stdout=StringIO())
        ranked = {query: top_five(query) for query in QUERIES}
        transaction.set_rollback(True)
    return ranked


@pytest.fixture(scope="module")
def on_sqlite(on_postgresql, tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite")
    env = os.environ | {"DEBUG": "false", "CI": ""}
    done = subprocess.run(
        [sys.executable, "-m", "tests.articles.search_twin", str(folder)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("query", QUERIES)
def test_the_top_five_are_the_same_on_postgresql_and_sqlite(on_postgresql, on_sqlite, query):
    assert on_postgresql[query] == on_sqlite[query]


@pytest.mark.parametrize("query", QUERIES)
def test_the_demo_data_gives_each_query_results_to_compare(on_postgresql, query):
    assert len(on_postgresql[query]) >= 4
