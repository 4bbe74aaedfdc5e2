"""What the site does when PostgreSQL or Redis does not answer: /healthz says so, pages say "come back soon" (503)
while the database is away and are served uncached while Redis is."""

import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from newsroom import pagecache
from newsroom.cache import TolerantRedisCache, TolerantRedisCacheClient
from tests.conftest import require
from tests.factories import ArticleFactory, UserFactory

ROOT = Path(settings.BASE_DIR)


def closed_port():
    """A loopback port nothing listens on: bound and released, so a connection to it is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {"BACKEND": "newsroom.cache.TolerantRedisCache", "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"}
    }


def database_down(*args, **kwargs):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


# --- /healthz ---


def test_healthz_reports_database_and_cache_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_names_the_cache_when_redis_is_down(client, db, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "error"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_names_the_database_when_it_is_down(client, db, monkeypatch):
    monkeypatch.setattr("newsroom.views.database_answers", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "error", "cache": "ok"}


def test_healthz_keeps_the_host_check(client, db):
    assert client.get("/healthz", HTTP_HOST="attacker.example").status_code == 400


def test_healthz_is_exempt_from_the_https_redirect(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/tin-tuc/").status_code == 301


# --- PostgreSQL away: 503 ---


def assert_maintenance_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]
    assert "Trang đang được bảo trì" in response.content.decode()


def test_a_page_whose_query_fails_is_a_503_maintenance_page(db, monkeypatch, caplog):
    monkeypatch.setattr("articles.views.ArticleListView.get_queryset", database_down)
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.WARNING):
        response = client.get("/tin-tuc/")
    assert_maintenance_page(response)
    outage = [r for r in caplog.records if "Cơ sở dữ liệu không trả lời" in r.getMessage()]
    assert [r.levelname for r in outage] == ["WARNING"]
    assert outage[0].exc_info is None
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_maintenance_page_asks_nothing_of_the_database(db, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr("articles.views.ArticleListView.get_queryset", database_down)
    monkeypatch.setattr("articles.models.SiteSettings.current", database_down)
    client = Client(raise_request_exception=False)
    pagecache.generation()  # the content generation began while the database answered (it asks when a page is due)
    with django_assert_num_queries(0):
        assert_maintenance_page(client.get("/tin-tuc/"))


def test_a_failure_in_a_middleware_is_a_503_too(db, monkeypatch, caplog):
    """A signed-in editor's request reads his session and account in the two-factor middleware, before any view."""
    monkeypatch.setattr("accounts.middleware.pending_step", database_down)
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())
    with caplog.at_level(logging.WARNING):
        response = client.get("/admin/")
    assert_maintenance_page(response)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_other_errors_stay_500(db, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError

    monkeypatch.setattr("articles.views.ArticleListView.get_queryset", broken)
    response = Client(raise_request_exception=False).get("/tin-tuc/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_an_unreachable_postgresql_gives_503_then_200_when_it_is_back(transactional_db):
    require(connection.vendor == "postgresql", "needs PostgreSQL: the test points the connection at a closed port")
    ArticleFactory(title="Hội nghị Ban Chấp hành mở rộng")
    client = Client(raise_request_exception=False)
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = closed_port()
    try:
        assert_maintenance_page(client.get("/tin-tuc/"))
    finally:
        connection.close()
        connection.settings_dict["PORT"] = port
    response = client.get("/tin-tuc/")
    assert response.status_code == 200
    assert "Hội nghị Ban Chấp hành mở rộng" in response.content.decode()


# --- gunicorn: what a real worker process does ---


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def serve(tmp_path):
    """Start gunicorn (DEBUG off, one worker, persistent connections) with `database_url`; stopped by PID."""
    servers = []

    def start(database_url, **env):
        port = closed_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi:application", "--config", "gunicorn.conf.py"],
            env={
                **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DEBUG")},
                "DATABASE_URL": database_url,
                "DEBUG": "false",
                "SECRET_KEY": "test-" + "x" * 50,
                "ALLOWED_HOSTS": "127.0.0.1",
                "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
                "MEDIA_ROOT": str(tmp_path / "media"),
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "GUNICORN_WORKERS": "1",
                "GUNICORN_THREADS": "1",
                **env,
            },
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=open(tmp_path / f"gunicorn-{port}.log", "w"),
        )
        servers.append(server)
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                get(base + "/robots.txt")
                return base
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    yield start
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


def test_gunicorn_without_postgresql_answers_503_and_healthz_names_it(serve, tmp_path):
    base = serve(f"postgres://postgres@127.0.0.1:{closed_port()}/newsroom")
    status, headers, html = get(base + "/tin-tuc/")
    assert status == 503
    assert headers["Retry-After"] == "5"
    assert "Trang đang được bảo trì" in html
    status, headers, body = get(base + "/healthz")
    assert status == 503
    assert json.loads(body) == {"database": "error", "cache": "ok"}
    log = next(tmp_path.glob("gunicorn-*.log")).read_text()
    assert "Traceback" not in log


def test_gunicorn_reopens_a_connection_postgresql_dropped(serve, transactional_db):
    require(connection.vendor == "postgresql", "needs PostgreSQL: the test terminates the server's backends")
    db = connection.settings_dict
    ArticleFactory(title="Hội nghị Ban Chấp hành mở rộng")
    base = serve(f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}")
    assert get(base + "/tin-tuc/")[0] == 200
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] >= 1  # the worker's persistent connection (CONN_MAX_AGE)
    status, _, html = get(base + "/tin-tuc/")
    assert status == 200
    assert "Hội nghị Ban Chấp hành mở rộng" in html


# --- Redis away: pages served uncached ---


def test_a_tolerant_cache_treats_a_closed_port_as_misses():
    cache = TolerantRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {})
    cache.set("k", "v")
    assert cache.get("k") is None
    assert cache.get("k", "default") == "default"
    assert cache.add("k", 1) is False
    assert cache.get_many(["a", "b"]) == {}
    cache.delete("k")
    with pytest.raises(ValueError):
        cache.incr("k")


def test_a_tolerant_cache_logs_the_outage_as_a_warning(caplog, monkeypatch):
    monkeypatch.setattr(TolerantRedisCacheClient, "last_warning", 0.0)
    cache = TolerantRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {})
    with caplog.at_level(logging.WARNING, logger="newsroom.cache"):
        cache.get("k")
    assert [r.levelname for r in caplog.records] == ["WARNING"]


def test_the_site_serves_pages_while_redis_is_down(client, db, redis_down):
    article = ArticleFactory(title="Hội nghị sơ kết 6 tháng đầu năm")
    for path in ["/", "/tin-tuc/", article.get_absolute_url(), "/don-vi/", "/rss/"]:
        assert client.get(path).status_code == 200, path
    response = client.post(reverse("articles:count-view", args=[article.slug]), HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 204


def test_a_tolerant_cache_makes_its_redis_client_once_and_shares_it_between_threads():
    from concurrent.futures import ThreadPoolExecutor

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    cache = TolerantRedisCache(url, {})
    client = cache._cache
    try:
        reachable = client.get_client(write=True).ping()
    except Exception:  # noqa: BLE001 - any failure means no Redis here
        reachable = False
    require(reachable, f"Redis is not reachable at {url}")
    assert client.get_client() is client.get_client(write=True)  # one server: one client for reads and writes
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: cache.set(f"newsroom-test-thread-{n}", n, 30), range(64)))
        values = list(pool.map(lambda n: cache.get(f"newsroom-test-thread-{n}"), range(64)))
    assert values == list(range(64))
    cache.delete_many([f"newsroom-test-thread-{n}" for n in range(64)])
