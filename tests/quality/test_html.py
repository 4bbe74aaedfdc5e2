"""Every public page, and the staff pages of reporting, is valid HTML (the Nu Html Checker finds no error) and ready
for a strict Content-Security-Policy: no inline script but JSON-LD, no event handler attribute, no style attribute or
element."""

import io
import json
import re
import subprocess
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.test import Client, override_settings

from articles.models import Article
from tests.conftest import sign_in

from .pages import public_pages, staff_pages

STATIC_DIR = settings.BASE_DIR / "static"
STAFF_STYLESHEET = settings.BASE_DIR / "reporting" / "static" / "reporting" / "reporting.css"
pytestmark = pytest.mark.django_db  # so that the test database is set up for the module's fixture


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """{name: (path, HTML)} of every public page on the demo province, a staff preview, the staff pages of
    reporting and the 500 and 503 pages."""
    static_files = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    storages = {**settings.STORAGES, "staticfiles": static_files}
    media = tmp_path_factory.mktemp("media")
    rendered = {}
    with override_settings(MEDIA_ROOT=media, STORAGES=storages), django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        client = Client()
        for name, path, status in public_pages():
            response = client.get(path)
            assert response.status_code == status, f"{name}: {path} answered {response.status_code}"
            rendered[name] = (path, response.content.decode())
        unpublished = Article.objects.exclude(pk__in=Article.objects.published())
        draft = unpublished.order_by(F("published_at").asc(nulls_first=True), "pk").first()  # never published first
        sign_in(client, get_user_model().objects.create_superuser("kiemtra", "kiemtra@example.vn", None))
        response = client.get(draft.get_absolute_url())
        assert response.status_code == 200 and response.context["preview"]
        rendered["xem-truoc"] = (f"{draft.get_absolute_url()} (xem trước)", response.content.decode())
        for name, path, status in staff_pages():
            response = client.get(path)
            assert response.status_code == status, f"{name}: {path} answered {response.status_code}"
            rendered[name] = (f"{path} (quản trị)", response.content.decode())
        rendered["500"] = ("500.html", render_to_string("500.html"))
        rendered["503"] = ("503.html", render_to_string("503.html"))
        transaction.set_rollback(True)
    cache.clear()  # thumbnails of the rolled-back photos
    return rendered


def test_every_public_page_is_valid_html(pages, vnu_command, tmp_path):
    """One run of the checker over all pages and the stylesheets: Java starts once."""
    for name, (_path, html) in pages.items():
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    stylesheets = sorted((STATIC_DIR / "css").glob("*.css")) + [STAFF_STYLESHEET]
    assert {file.name for file in stylesheets} >= {"site.css", "print.css", "reporting.css"}
    result = subprocess.run(
        [*vnu_command, "--format", "json", "--stdout", "--exit-zero-always", "--also-check-css", "--no-langdetect"]
        + [str(file) for file in sorted(tmp_path.glob("*.html"))]
        + [str(file) for file in stylesheets],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    report = []
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] not in ("error", "non-document-error"):
            continue
        file = message.get("url", "").rsplit("/", 1)[-1]
        path = pages.get(file.removesuffix(".html"), (file,))[0]
        extract = " ".join(message.get("extract", "").split())
        report.append(f"{path}, near line {message.get('lastLine')}: {message['message']}\n    …{extract}…")
    assert not report, f"{len(report)} error(s) from the Nu Html Checker:\n" + "\n".join(report)


class PageParts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []
        self.images = []
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        line = self.getpos()[0]
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"line {line}: <{tag} {name}=…> is an inline event handler")
            if name == "style":
                self.problems.append(f"line {line}: <{tag} style=…> is an inline style")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"line {line}: <{tag} {name}=“javascript:…”>")
        if tag == "style":
            self.problems.append(f"line {line}: a <style> element")
        if tag == "script":
            self.scripts.append(attrs)
            if "src" not in attrs and attrs.get("type") != "application/ld+json":
                self.problems.append(f"line {line}: an inline <script> that is not JSON-LD")
            if "src" in attrs and urlsplit(attrs["src"]).netloc:
                self.problems.append(f"line {line}: a script from another site: {attrs['src']}")
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "") and urlsplit(attrs.get("href", "")).netloc:
            self.problems.append(f"line {line}: a stylesheet from another site: {attrs['href']}")
        if tag == "img":
            self.images.append(attrs)
            if not (attrs.get("alt") or "").strip():
                self.problems.append(f"line {line}: <img src={attrs.get('src')}> has no text alternative")
            if urlsplit(attrs.get("src", "")).netloc:
                self.problems.append(f"line {line}: an image from another site: {attrs['src']}")


def parse(html):
    parts = PageParts()
    parts.feed(html)
    parts.close()
    return parts


def test_no_inline_script_handler_or_style_on_any_page(pages):
    problems = [f"{path}: {problem}" for path, html in pages.values() for problem in parse(html).problems]
    assert not problems, "\n".join(problems)


def test_the_checks_see_what_they_should(pages):
    """The pages hold what the checks are meant for: JSON-LD, a script file, photos, filter errors and chips."""
    article = parse(pages["bai-viet"][1])
    assert [s.get("type") for s in article.scripts if "src" not in s] == ["application/ld+json"]
    assert any(s.get("src", "").endswith("js/site.js") for s in article.scripts)
    assert len(article.images) >= 2
    assert 'class="field__error"' in pages["tin-tuc-loc-sai"][1]
    assert 'class="chips"' in pages["tin-tuc-loc"][1]
    assert "<mark>" in pages["tim-kiem"][1]
    assert "nay là" in pages["don-vi-doi-ten"][1]
    assert "Bản xem trước" in pages["xem-truoc"][1] and "Bản xem trước" not in pages["bai-viet"][1]
    assert "Không tìm thấy trang" in pages["404"][1]
    assert "{%" not in pages["500"][1] and "{{" not in pages["500"][1]
    assert "Trang đang được bảo trì" in pages["503"][1]
    for name in ("bao-cao", "bao-cao-moi-cap"):
        assert all(f"state--{state}" in pages[name][1] for state in ("on_time", "late", "unreported", "missing"))
    assert pages["bao-cao-moi-cap"][1].count("<tr>") > pages["bao-cao"][1].count("<tr>")
    assert '<select name="level_' in pages["bao-cao-xep-loai"][1] and 'type="number"' in pages["bao-cao-xep-loai"][1]


def test_the_checkers_are_pinned():
    """Exact versions in package.json, and a lock file, so that every machine checks against the same rules."""
    versions = json.loads((settings.BASE_DIR / "package.json").read_text())["devDependencies"]
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in versions.values()), versions
    lock = json.loads((settings.BASE_DIR / "package-lock.json").read_text())
    assert {lock["packages"][f"node_modules/{name}"]["version"] for name in versions} == set(versions.values())
