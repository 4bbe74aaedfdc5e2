import os

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

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
