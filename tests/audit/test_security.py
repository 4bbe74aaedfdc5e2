import os
import secrets
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import get_resolver, reverse

from articles.models import Article
from tests.factories import ArticleFactory, UserFactory
from tests.test_deployment import settings_in_subprocess

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "example.vn",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "SECURE_COOKIES": "true",
}


def run_in_production(*args):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DEBUG")}
    env |= {"DJANGO_SETTINGS_MODULE": "newsroom.settings", **PRODUCTION_ENV}
    return subprocess.run(args, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120)


def policy(response):
    return dict(
        directive.strip().split(" ", 1) for directive in response.headers["Content-Security-Policy"].split(";")
    )


# --- Production settings ---


def test_check_deploy_is_clean_with_the_production_environment():
    result = run_in_production(sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def run_without_a_secret_key(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL")}
    clean |= {"DJANGO_SETTINGS_MODULE": "newsroom.settings", **env}
    return subprocess.run(args, env=clean, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "command",
    [("manage.py", "check"), ("-c", "import newsroom.wsgi")],
    ids=["manage.py", "gunicorn's import"],
)
@pytest.mark.parametrize("key", [None, "", "  "], ids=["unset", "empty", "blank"])
def test_without_a_secret_key_production_refuses_to_start(command, key):
    result = run_without_a_secret_key(sys.executable, *command, **({} if key is None else {"SECRET_KEY": key}))
    assert result.returncode != 0
    assert "ImproperlyConfigured: Chưa đặt SECRET_KEY" in result.stderr


def test_makemigrations_runs_without_a_secret_key():
    """It only reads the models and writes code: CI and hooks check migrations with no secrets at hand."""
    result = run_without_a_secret_key(sys.executable, "manage.py", "makemigrations", "--check", "--dry-run")
    assert (result.returncode, result.stdout.strip()) == (0, "No changes detected")


def test_development_runs_without_a_secret_key():
    result = run_without_a_secret_key(sys.executable, "manage.py", "check", DEBUG="true")
    assert (result.returncode, result.stderr) == (0, "")


def test_production_cookies_are_secure_and_hidden_from_scripts():
    cookies = settings_in_subprocess(
        PRODUCTION_ENV,
        "[s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_AGE]",
    )
    assert cookies == [True, True, True, 8 * 60 * 60]


def test_development_defaults_keep_plain_http_working():
    assert not settings.SESSION_COOKIE_SECURE and not settings.SECURE_SSL_REDIRECT
    assert settings.SECURE_HSTS_SECONDS == 0


# --- Headers ---


def test_public_pages_forbid_inline_script_and_framing(client, db):
    article = ArticleFactory()
    for url in ["/", article.get_absolute_url(), reverse("articles:feed")]:
        response = client.get(url)
        assert response.status_code == 200
        csp = policy(response)
        assert csp["script-src"] == "'self'"
        assert csp["object-src"] == "'none'"
        assert csp["frame-ancestors"] == "'none'"
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_not_found_pages_carry_the_policy_too(client, db):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert policy(response)["script-src"] == "'self'"


class InlineCode(HTMLParser):
    """Inline scripts (not JSON data), event handler attributes."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and "json" not in (attrs.get("type") or ""):
            self.found.append(f"<script> at {self.getpos()}")
        self.found += [name for name in attrs if name.startswith("on")]


def test_admin_runs_under_its_policy_with_no_inline_script(admin_client, admin_user):
    article = ArticleFactory()
    editor_pages = [reverse("admin:articles_article_add"), reverse("admin:articles_article_change", args=[article.pk])]
    other_pages = [reverse("admin:index"), reverse("admin:auth_user_change", args=[admin_user.pk])]
    for url in [*editor_pages, *other_pages]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert ("django_ckeditor_5" in html) == (url in editor_pages)
        csp = policy(response)
        assert csp["script-src"] == "'self'"
        assert csp["style-src"] == "'self' 'unsafe-inline'"  # CKEditor 5 injects <style> elements
        assert csp["frame-ancestors"] == "'none'"
        parser = InlineCode()
        parser.feed(html)
        assert parser.found == [], url


def test_hsts_is_sent_over_https_only(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    assert "Strict-Transport-Security" not in client.get("/").headers
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_plain_http_is_redirected_to_https_when_configured(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/tin-tuc/")
    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/tin-tuc/"


# --- The admin is behind the login ---


def admin_paths():
    """One path for every URL pattern of the admin, the ModelAdmins' included, with sample arguments."""
    prefix, resolver = get_resolver().namespace_dict["admin"]
    samples = {"app_label": "articles", "content_type_id": "1"}
    paths = set()
    for key in list(resolver.reverse_dict):
        for possibility, _pattern, _defaults, _converters in resolver.reverse_dict.getlist(key):
            for template, params in possibility:
                paths.add(f"/{prefix}" + template % {p: samples.get(p, "1") for p in params})
    return sorted(paths)


# treebeard's catalog of the strings its drag-and-drop script shows: public text, like Django's JavaScriptCatalog
OPEN_ADMIN_PATHS = {"/admin/login/", "/admin/logout/", "/admin/organizations/organization/jsi18n/"}


def test_every_admin_url_sends_anonymous_visitors_to_the_login(client, db):
    paths = admin_paths()
    assert len(paths) > 100 and "/admin/articles/article/1/change/" in paths
    for path in [*paths, "/admin/khong-co-trang-nay/"]:
        if path in OPEN_ADMIN_PATHS:
            continue
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/admin/login/?next="), path
    assert client.get("/admin/logout/").headers["Location"] == "/admin/"


def test_signed_in_non_staff_users_are_sent_to_the_login_too(client, db):
    client.force_login(UserFactory(is_staff=False))
    for path in ["/admin/", "/admin/articles/article/", "/admin/audit/auditevent/", "/admin/auth/user/"]:
        assert client.get(path).headers["Location"].startswith("/admin/login/?next="), path


def test_editor_upload_refuses_anonymous_visitors_in_json(client, db):
    response = client.post(reverse("articles:editor-upload"), {})
    assert response.status_code == 403
    assert response.json() == {"error": {"message": "Bạn không có quyền tải tệp lên."}}


# --- Passwords ---


@pytest.mark.parametrize(
    "password", ["ngan", "12345678901", "password123", "matkhau1", "phongvien2025"], ids=lambda p: p
)
def test_weak_passwords_are_refused(password):
    user = get_user_model()(username="phongvien2025")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_passphrase_is_accepted():
    validate_password("Hoi-nghi-BCH-Dang-bo-quy-III", get_user_model()(username="phongvien"))


def test_the_admin_refuses_to_create_an_account_with_a_weak_password(admin_client):
    data = {"username": "moi", "password1": "1234567890", "password2": "1234567890", "usable_password": "true"}
    response = admin_client.post(reverse("admin:auth_user_add"), data)
    assert response.status_code == 200
    assert "Mật khẩu này hoàn toàn là số." in response.content.decode()
    assert not get_user_model().objects.filter(username="moi").exists()


# --- Rich text is sanitized again when shown ---


def render_sanitized(html):
    return Template("{% load newsroom %}{{ html|sanitize }}").render(Context({"html": html}))


def test_sanitize_filter_drops_script_and_event_handlers():
    rendered = render_sanitized('<p onclick="alert(1)">Tin <script>alert(2)</script><a href="javascript:x">x</a></p>')
    assert "script" not in rendered and "onclick" not in rendered and "javascript" not in rendered
    assert rendered.startswith("<p>Tin")


def test_sanitize_filter_keeps_the_editors_markup():
    html = '<h2>Kết quả</h2><p><strong>Đảng bộ</strong> <a href="https://example.vn/">xem</a></p>'
    assert render_sanitized(html) == html.replace('">xem', '" rel="noopener noreferrer">xem')


def test_a_script_slipped_into_the_database_does_not_reach_the_page(client, db):
    article = ArticleFactory(body="<p>Nội dung</p>")
    Article.objects.filter(pk=article.pk).update(body="<p>Nội dung</p><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Nội dung" in html
    assert "alert(1)" not in html
