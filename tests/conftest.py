import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from newsroom import pagecache
from newsroom.roles import requires_two_factor

# One switch: in CI (CI=true) a test that needs PostgreSQL, Redis, Chromium or ../shared/ fails when it is
# missing instead of skipping.
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(condition: bool, reason: str):
    """Skip (on a laptop) or fail (in CI) when a real component a test needs is not there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def redis_url():
    """The Redis the tests may use (TEST_REDIS_URL; its data is theirs to flush), once it answers."""
    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        reachable = redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        reachable = False
    require(reachable, f"Redis is not reachable at {url}")
    return url


def totp_code(device, steps=0):
    """The code `device`'s authenticator app shows now (or `steps` time steps later)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0 - steps * device.step):06d}"


def sign_in(client, user):
    """client.force_login(user), for an account that needs or has a second factor too: it gets a confirmed
    authenticator (if it has none) and the session counts as having entered its code. The two-factor tests go
    through the real forms instead (tests/accounts/)."""
    from tests.factories import TOTPDeviceFactory

    client.force_login(user)
    device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is None and requires_two_factor(user):
        device = TOTPDeviceFactory(user=user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture(autouse=True)
def fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.AXES_ENABLED = False
    # a new content generation: no page or fragment made from the rows of a test before (rolled back, not bumped)
    cache.delete_many([pagecache.GENERATION_KEY, pagecache.DUE_KEY])


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    """moto's standalone S3 server on a free port of 127.0.0.1 for the whole session: its endpoint URL."""
    require(importlib.util.find_spec("moto") is not None, "moto[server] (requirements-dev.txt) is not installed")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"moto's S3 server did not start on port {port}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


S3_KEYS = {"access_key": "newsroom-test", "secret_key": "newsroom-test-secret", "region_name": "us-east-1"}


def s3_client(endpoint_url):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        aws_access_key_id=S3_KEYS["access_key"],
        aws_secret_access_key=S3_KEYS["secret_key"],
        region_name=S3_KEYS["region_name"],
    )


class Bucket:
    """A bucket of the test S3 server, as the tests look at it: through boto3, not through Django's storage."""

    def __init__(self, endpoint_url, name):
        self.endpoint_url, self.name, self.client = endpoint_url, name, s3_client(endpoint_url)
        self.client.create_bucket(Bucket=name)

    def storage_options(self):
        return {"endpoint_url": self.endpoint_url, "bucket_name": self.name, **S3_KEYS}

    def keys(self):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return {entry["Key"] for page in pages for entry in page.get("Contents", ())}

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


def forget_thumbnail_storage():
    """sorl-thumbnail keeps its own instance of the default storage, which a change of STORAGES does not reach."""
    from django.utils.functional import empty
    from sorl.thumbnail import default

    default.storage._wrapped = empty


@pytest.fixture
def s3_media(settings, s3_server):
    """The default storage is a new, empty bucket on the test S3 server, as with MEDIA_STORAGE=s3: that Bucket."""
    bucket = Bucket(s3_server, f"media-{uuid.uuid4().hex[:16]}")
    options = bucket.storage_options()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "newsroom.storage.MediaStorage", "OPTIONS": options},
    }
    forget_thumbnail_storage()
    yield bucket
    forget_thumbnail_storage()


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "mat-khau-rat-manh-2025")


@pytest.fixture
def admin_client(client, admin_user):
    return sign_in(client, admin_user)


@pytest.fixture
def units(db):
    """Unit A with a cell below it, and an unrelated unit B: for tests of what staff of A may reach."""
    from tests.factories import OrganizationFactory

    a = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường")
    a_cell = OrganizationFactory(name="Chi bộ Phòng Đất đai", kind="cell", parent=a)
    b = OrganizationFactory(name="Đảng bộ Sở Văn hóa, Thể thao và Du lịch")
    return a, a_cell, b


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


@pytest.fixture
def gunicorn(transactional_db, tmp_path, settings):
    """gunicorn, as the compose file runs it, serving the test database on a free loopback port: DEBUG off, static
    files collected into tmp_path/static, media in the test's MEDIA_ROOT, its error log in tmp_path/gunicorn.log."""
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
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CONN_MAX_AGE": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
    }
    root = django_settings.BASE_DIR
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=root, check=True)
    # why: a pipe nobody reads would stop gunicorn once its warnings fill it
    with open(tmp_path / "gunicorn.log", "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi:application", "--config", "gunicorn.conf.py"],
            env=env,
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=log,
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
