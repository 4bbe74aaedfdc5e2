"""Uploaded files, as the site serves them when DEBUG is on: as what they are, never as a page that runs."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.http import Http404

from newsroom.media import serve
from newsroom.middleware import ContentSecurityPolicyMiddleware

NOTHING_ALLOWED = "default-src 'none'"


@pytest.fixture
def media_root(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0<html><script>alert(1)</script>")
    return tmp_path


def test_media_is_sent_with_nosniff_and_a_policy_that_allows_nothing(rf, media_root):
    response = serve(rf.get("/media/photos/anh.jpg"), "photos/anh.jpg", document_root=media_root)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith(NOTHING_ALLOWED)


def test_site_policy_does_not_replace_the_media_policy(rf, media_root):
    middleware = ContentSecurityPolicyMiddleware(lambda request: serve(request, "photos/anh.jpg", media_root))
    response = middleware(rf.get("/media/photos/anh.jpg"))
    assert response["Content-Security-Policy"] == settings.CSP_MEDIA
    assert "script-src" not in response["Content-Security-Policy"]


def test_missing_media_file_is_not_found(rf, media_root):
    with pytest.raises(Http404):
        serve(rf.get("/media/photos/khong-co.jpg"), "photos/khong-co.jpg", document_root=media_root)


def test_debug_site_serves_media_through_that_view(media_root):
    """DEBUG decides at import whether newsroom/urls.py mounts media: a fresh process with DEBUG on."""
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/media/photos/anh.jpg', HTTP_HOST='localhost'); "
        "print(json.dumps([r.status_code, r.get('X-Content-Type-Options'), r.get('Content-Security-Policy')]))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {"DJANGO_SETTINGS_MODULE": "newsroom.settings", "DEBUG": "true", "MEDIA_ROOT": str(media_root)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    )
    status, nosniff, policy = json.loads(out.stdout.splitlines()[-1])
    assert (status, nosniff, policy.startswith(NOTHING_ALLOWED)) == (200, "nosniff", True)
