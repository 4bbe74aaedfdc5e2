"""What production runs: PostgreSQL, Redis, gunicorn behind docker compose, settings from the environment."""

import json
import os
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tests.conftest import get, require
from tests.deploy import compose_services, dockerfile_stages, stage_instructions
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
    assert {"nginx", "web", "worker", "migrate", "db", "redis", "minio", "createbuckets"} <= set(compose["services"])
    assert compose["services"]["web"]["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "gunicorn" in (ROOT / "Dockerfile").read_text()


def test_only_nginx_publishes_a_port_so_that_the_web_service_scales():
    """`docker compose up --scale web=3`: no fixed name or host port on a service that runs several times."""
    services = compose_services()
    assert [name for name, service in services.items() if "ports" in service] == ["nginx"]
    assert not [name for name, service in services.items() if "container_name" in service]
    assert services["nginx"]["ports"][0].endswith(":80")
    assert services["web"]["environment"]["TRUSTED_PROXY_COUNT"] == 1  # nginx, which appends what it saw
    assert "web" in services["nginx"]["depends_on"]


def test_the_worker_runs_tasks_and_migrations_run_once_before_web_and_worker():
    services = compose_services()
    assert services["worker"]["command"] == ["python", "manage.py", "db_worker"]
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert services["migrate"]["restart"] == "no"
    for name in ("web", "worker"):
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
        assert services[name]["depends_on"]["createbuckets"] == {"condition": "service_completed_successfully"}


def test_web_worker_and_nginx_use_one_object_storage():
    services = compose_services()
    for name in ("web", "worker"):
        environment = services[name]["environment"]
        assert {"MEDIA_STORAGE", "S3_ENDPOINT_URL", "S3_BUCKET", "S3_ACCESS_KEY", "S3_SECRET_KEY"} <= set(environment)
        assert environment["S3_ENDPOINT_URL"] == services["nginx"]["environment"]["NEWSROOM_S3_ORIGIN"]
        assert environment["S3_BUCKET"] == services["nginx"]["environment"]["NEWSROOM_S3_BUCKET"]
        # one switch for both: where web writes photos is where nginx reads them
        assert environment["MEDIA_STORAGE"] == services["nginx"]["environment"]["NEWSROOM_MEDIA"]
    assert services["minio"]["image"].startswith("minio/minio")
    assert services["createbuckets"]["image"].startswith("minio/mc")
    assert services["createbuckets"]["depends_on"]["minio"] == {"condition": "service_healthy"}
    assert "mb --ignore-existing" in " ".join(services["createbuckets"]["command"])


def test_compose_builds_the_dockerfile_stages_it_names():
    services, stages = compose_services(), dockerfile_stages()
    assert list(stages)[-1] == "web"  # `docker build .` builds the application
    for name in ("web", "worker", "migrate"):
        assert services[name]["build"]["target"] == "web"
    assert services["nginx"]["build"]["target"] == "nginx"
    assert stages["nginx"]["base"].startswith("nginx:") and stages["nginx"]["base"].endswith("-bookworm")
    nginx = " ".join(arguments for _keyword, arguments in stage_instructions("nginx"))
    assert "/app/staticfiles /srv/static" in nginx and "deploy/nginx/templates /etc/nginx/templates" in nginx


def test_the_image_runs_as_a_user_and_has_no_build_tools():
    instructions = stage_instructions("web")
    users = [arguments for keyword, arguments in instructions if keyword == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    commands = " ".join(arguments for keyword, arguments in instructions if keyword == "RUN")
    for tool in ("build-essential", "gcc", "g++", "clang", "make ", "-dev "):
        assert tool not in commands, f"the final image installs {tool.strip()}"
    assert "collectstatic" in commands
    assert [keyword for keyword, _arguments in instructions].count("CMD") == 1


def test_secrets_and_local_state_stay_out_of_the_image_and_the_repository():
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()]
    patterns = [line for line in ignored if line and not line.startswith("#")]
    for path in (
        ".env",
        ".env.production",
        ".admin-password",
        ".phongvien-password",
        ".duyetbai-password",
        ".git",
        ".venv",
        "db.sqlite3",
        "media",
        "staticfiles",
        "node_modules",
    ):
        assert any(fnmatch(path, pattern) for pattern in patterns), f"{path} would be copied into the image"
    assert "/.env" in (ROOT / ".gitignore").read_text().split()


def test_gunicorn_serves_pages_and_static_files_from_postgresql(gunicorn):
    article = ArticleFactory(title="Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2021")
    status, html = get(gunicorn + article.get_absolute_url())
    assert status == 200
    assert "Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2021" in html
    status, html = get(gunicorn + "/admin/login/")
    assert status == 200 and "csrfmiddlewaretoken" in html
    status, css = get(gunicorn + "/static/css/site.css")
    assert status == 200 and "--accent" in css
