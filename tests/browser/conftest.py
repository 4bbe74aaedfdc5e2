"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server, on the demo province.

Playwright never downloads a browser here: it launches /usr/bin/chromium, with no network of its own."""

import io
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from tests.conftest import require, sign_in

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
SHOTS = Path("/tmp/quality-shots")


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the package; closed after it, so that no event loop outlives the browser tests."""
    require(CHROMIUM.exists(), f"{CHROMIUM} is missing (Debian package chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls beside a running loop.
    unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if unsafe is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE")
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = unsafe


@pytest.fixture
def demo(live_server):
    """The demo province, committed where the live server sees it (live_server's transactional_db flushes it after)."""
    cache.clear()  # thumbnails that an earlier test made in its own MEDIA_ROOT
    call_command("seed_demo", stdout=io.StringIO())
    return live_server


class PageLog:
    """What a page asked for and what went wrong in it: every request must go to the live server."""

    def __init__(self, server_url):
        self.host = urlsplit(server_url).netloc
        self.urls = []
        self.failed = []
        self.errors = []

    def watch(self, page):
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("requestfailed", self._failed)
        page.on(
            "response",
            lambda response: response.status >= 400 and self.failed.append(f"{response.url}: {response.status}"),
        )
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        return page

    def _failed(self, request):
        # why: a request the browser cancels because the page navigated on (net::ERR_ABORTED) is not a failure
        if "ERR_ABORTED" not in (request.failure or ""):
            self.failed.append(f"{request.url}: {request.failure}")

    def foreign(self):
        return [url for url in self.urls if urlsplit(url).scheme != "data" and urlsplit(url).netloc != self.host]


@pytest.fixture
def open_page(browser, live_server):
    """open_page(viewport) -> (page, log): a page in a fresh browser context, its requests and errors logged."""
    contexts = []

    def open_page(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="vi-VN", base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        log = PageLog(live_server.url)
        return log.watch(context.new_page()), log

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def sign_in_page(live_server):
    """sign_in_page(page, user): `page`'s browser signed in as `user`, second factor entered, through the session of a
    test client (the sign-in forms themselves are tested in test_editorial_flow)."""

    def sign_in_page(page, user):
        session = sign_in(Client(), user).cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
        return page

    return sign_in_page
