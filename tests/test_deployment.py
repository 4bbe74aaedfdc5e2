"""What production runs: PostgreSQL, Redis, gunicorn behind docker compose, settings from the environment."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tests.conftest import require
from tests.factories import ArticleFactory

ROOT = Path(settings.BASE_DIR)
COMPOSE_SCHEMA = ROOT.parent / "shared" / "compose" / "compose-spec.json"


def settings_in_subprocess(env, expression):
    code = (
        f"import django, json; django.setup(); from django.conf import settings as s; print(json.dumps({expression}))"
    )
    chosen_by_the_test = ("DATABASE_URL", "REDIS_URL", "DEBUG", "TASKS_BACKEND", "LOG_FORMAT")
    clean_env = {k: v for k, v in os.environ.items() if k not in chosen_by_the_test}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_defaults_are_sqlite_in_the_checkout_and_local_memory_cache():
    db, cache, debug = settings_in_subprocess(
        {}, "[s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], s.DEBUG]"
    )
    assert db == "django.db.backends.sqlite3"
    assert cache.endswith("LocMemCache")
    assert debug is False


def test_database_and_redis_urls_select_postgresql_and_redis():
    env = {"DATABASE_URL": "postgres://u:p@db.example:5432/tin", "REDIS_URL": "redis://cache.example:6379/0"}
    db, name, cache = settings_in_subprocess(
        env, "[s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], s.CACHES['default']['BACKEND']]"
    )
    assert db == "django.db.backends.postgresql"
    assert name == "tin"
    assert cache == "newsroom.cache.TolerantRedisCache"  # Django's RedisCache, tolerant of Redis being away


def test_language_and_time_zone_are_vietnamese():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ


def test_suite_runs_on_postgresql_in_ci(db):
    require(connection.vendor == "postgresql", "the suite is running on SQLite; CI runs it on PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 150000


def test_redis_cache_round_trip():
    from django.core.cache.backends.redis import RedisCache

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    cache = RedisCache(url, {})
    try:
        cache.set("newsroom-test-key", "Tỉnh ủy", 30)
        reachable = True
    except Exception:
        reachable = False
    require(reachable, f"Redis is not reachable at {url}")
    assert cache.get("newsroom-test-key") == "Tỉnh ủy"
    cache.delete("newsroom-test-key")


def test_migrations_are_complete(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_system_check_is_clean(capsys):
    call_command("check", fail_level="WARNING")
    assert "WARNING" not in capsys.readouterr().err


def test_compose_file_is_valid_against_the_compose_specification():
    require(COMPOSE_SCHEMA.exists(), f"{COMPOSE_SCHEMA} is missing")
    jsonschema = pytest.importorskip("jsonschema")
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    jsonschema.Draft7Validator(json.loads(COMPOSE_SCHEMA.read_text())).validate(compose)
    assert {"web", "db", "redis"} <= set(compose["services"])
    assert compose["services"]["web"]["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "gunicorn" in (ROOT / "Dockerfile").read_text()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


@pytest.fixture
def gunicorn(transactional_db, tmp_path):
    """gunicorn, as the compose file runs it, serving the test database on a free loopback port."""
    db = connection.settings_dict
    require(connection.vendor == "postgresql", "gunicorn is tested against PostgreSQL (the test SQLite is in memory)")
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "DEBUG": "false",
        "SECRET_KEY": "test-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CONN_MAX_AGE": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
    }
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi:application", "--config", "gunicorn.conf.py"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                get(base + "/admin/login/")
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_gunicorn_serves_pages_and_static_files_from_postgresql(gunicorn):
    article = ArticleFactory(title="Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2021")
    status, html = get(gunicorn + article.get_absolute_url())
    assert status == 200
    assert "Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2021" in html
    status, html = get(gunicorn + "/admin/login/")
    assert status == 200 and "csrfmiddlewaretoken" in html
    status, css = get(gunicorn + "/static/css/site.css")
    assert status == 200 and "--accent" in css
