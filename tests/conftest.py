import os

import pytest

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
    client.force_login(admin_user)
    return client


@pytest.fixture
def units(db):
    """Unit A with a cell below it, and an unrelated unit B: for tests of what staff of A may reach."""
    from tests.factories import OrganizationFactory

    a = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường")
    a_cell = OrganizationFactory(name="Chi bộ Phòng Đất đai", kind="cell", parent=a)
    b = OrganizationFactory(name="Đảng bộ Sở Văn hóa, Thể thao và Du lịch")
    return a, a_cell, b
