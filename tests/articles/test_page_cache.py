"""Anonymous readers' pages come from the cache, and a publish, an edit, a withdrawal or a trash shows at once on
every page that shows the article (newsroom/pagecache.py)."""

import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, SiteSettings
from articles.services import move_to_trash
from newsroom import pagecache
from organizations.models import Organization
from tests.conftest import redis_url, sign_in
from tests.factories import ArticleFactory, CategoryFactory, MeetingFactory, OrganizationFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["memory", "redis"])
def backend(request, settings):
    """Every test with the default cache, and with Redis as in production, where a process keeps the generation
    until a change is announced (it announces its own, and forgets what it kept, at once)."""
    if request.param == "redis":
        settings.CACHES = {
            "default": {"BACKEND": "newsroom.cache.TolerantRedisCache", "LOCATION": redis_url(), "KEY_PREFIX": "pc"}
        }
    cache.clear()
    return request.param


class Site:
    """A province, a unit and a cell; one article of the cell reporting a meeting, with a period, category, tag."""

    def __init__(self):
        self.province = OrganizationFactory(name="Đảng bộ tỉnh", kind=Organization.Kind.PROVINCIAL)
        self.unit = OrganizationFactory(name="Đảng bộ Khối", kind=Organization.Kind.UPPER, parent=self.province)
        self.cell = OrganizationFactory(name="Chi bộ Văn phòng", kind=Organization.Kind.CELL, parent=self.unit)
        self.meeting = MeetingFactory(host=self.cell, period_code="2021-H1")
        self.category = CategoryFactory(name="Xây dựng Đảng")
        self.tag = TagFactory(name="Nghị quyết")
        self.article = self.write("Hội nghị sơ kết của Chi bộ Văn phòng")

    def write(self, title, **fields):
        article = ArticleFactory(
            title=title, unit=self.cell, meeting=self.meeting, period_code="2021-H1", category=self.category, **fields
        )
        article.tags.add(self.tag)
        return article

    def pages(self, article):
        """Every page that shows `article`."""
        return {
            "home": "/",
            "list": "/tin-tuc/",
            "cell": self.cell.get_absolute_url(),
            "unit": self.unit.get_absolute_url(),
            "province": self.province.get_absolute_url(),
            "unit period": f"/don-vi/{self.unit.slug}/ky/2021/",
            "period": "/ky/2021-h1/",
            "year": "/ky/2021/",
            "category": f"/chuyen-muc/{self.category.slug}/",
            "tag": f"/the/{self.tag.slug}/",
            "feed": "/rss/",
            "unit feed": f"/don-vi/{self.unit.slug}/rss/",
            "sitemap": "/sitemap-articles.xml",
            "meeting": f"/hoi-nghi/{self.meeting.pk}/",
            "article": article.get_absolute_url(),
        }


@pytest.fixture
def site():
    return Site()


def shown(client, url, article):
    """Whether the page at `url` shows `article` (the sitemap by its address, every other page by its title)."""
    response = client.get(url)
    if response.status_code == 404:
        return False
    assert response.status_code == 200, url
    text = response.content.decode()
    return (article.get_absolute_url() if url.startswith("/sitemap") else article.title) in text


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


PAGES = ["home", "list", "cell", "unit", "province", "unit period", "period", "year", "category", "tag", "feed"]
PAGES += ["unit feed", "sitemap", "meeting", "article"]


@pytest.mark.django_db
def test_every_page_is_proved():
    assert sorted(PAGES) == sorted(Site().pages(ArticleFactory.build(slug="x")))


@pytest.mark.parametrize("page", PAGES)
def test_an_anonymous_page_is_served_from_the_cache_with_no_query(client, site, page):
    url = site.pages(site.article)[page]
    assert queries(client, url) > 0
    assert queries(client, url) == 0
    assert shown(client, url, site.article)


@pytest.mark.parametrize("page", PAGES)
def test_a_new_article_shows_at_once_on_every_page(client, site, page):
    for url in site.pages(site.article).values():
        client.get(url)  # every page cached
    new = site.write("Bài mới đăng về Hội nghị")
    assert shown(client, site.pages(new)[page], new)


@pytest.mark.parametrize("page", [p for p in PAGES if p != "sitemap"])  # the sitemap lists addresses, not titles
def test_an_edit_shows_at_once_on_every_page(client, site, page):
    url = site.pages(site.article)[page]
    assert shown(client, url, site.article)
    site.article.title = "Tiêu đề đã sửa của bài"
    site.article.save()
    assert shown(client, url, site.article)


@pytest.mark.parametrize("page", PAGES)
def test_a_withdrawal_shows_at_once_on_every_page(client, site, page):
    url = site.pages(site.article)[page]
    assert shown(client, url, site.article)
    site.article.status = Article.Status.WITHDRAWN
    site.article.save()
    assert not shown(client, url, site.article)


@pytest.mark.parametrize("page", PAGES)
def test_the_trash_shows_at_once_on_every_page(client, site, page, admin_user):
    url = site.pages(site.article)[page]
    assert shown(client, url, site.article)
    move_to_trash(Article.objects.filter(pk=site.article.pk), by=admin_user)
    assert not shown(client, url, site.article)


def test_a_unit_renamed_shows_at_once(client, site):
    url = site.article.get_absolute_url()
    client.get(url)
    site.cell.name = "Chi bộ Phòng Tổng hợp"
    site.cell.save()
    assert "Chi bộ Phòng Tổng hợp" in client.get(url).content.decode()


def test_the_site_settings_show_at_once(client, site):
    client.get("/")
    settings_row = SiteSettings.current()
    settings_row.site_name = "Trang tin Đảng bộ mới"
    settings_row.save()
    assert "Trang tin Đảng bộ mới" in client.get("/").content.decode()


def test_a_scheduled_article_shows_when_its_time_comes(client, site, monkeypatch):
    later = timezone.now() + timedelta(hours=2)
    scheduled = site.write("Bài hẹn giờ đăng", published_at=later)
    assert not shown(client, "/", scheduled)
    assert queries(client, "/") == 0  # cached without it
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(hours=3))
    monkeypatch.setattr(pagecache.time, "time", lambda: later.timestamp() + 3600)
    assert shown(client, "/", scheduled)


def test_a_new_day_is_a_new_generation_and_every_page_shows_its_date(client, site, monkeypatch):
    today = timezone.localdate()
    assert f'datetime="{today:%Y-%m-%d}"' in client.get("/").content.decode()
    assert queries(client, "/") == 0  # cached, in the cache and in this process's memory
    cache.delete(pagecache.page_key("http://testserver/"))  # as if the cache's copy expired
    midnight = pagecache.next_day()
    assert timezone.localtime(midnight).date() == today + timedelta(days=1) and midnight.hour == midnight.minute == 0
    monkeypatch.setattr(timezone, "now", lambda: midnight + timedelta(minutes=1))
    monkeypatch.setattr(pagecache.time, "time", lambda: midnight.timestamp() + 60)
    assert f'datetime="{today + timedelta(days=1):%Y-%m-%d}"' in client.get("/").content.decode()


def test_a_conditional_get_of_an_unchanged_page_answers_304(client, site):
    first = client.get("/")
    assert first["ETag"] and first["Last-Modified"]
    assert client.get("/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get("/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    site.write("Bài mới")
    assert client.get("/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_every_conditional_header_is_honoured_by_a_cached_page(client, site):
    first = client.get("/")
    assert client.get("/", HTTP_IF_NONE_MATCH='"another"').status_code == 200
    assert client.get("/", HTTP_IF_MATCH='"another"').status_code == 412
    assert client.get("/", HTTP_IF_MATCH=first["ETag"]).status_code == 200
    assert client.get("/", HTTP_IF_UNMODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 412


SECURITY_HEADERS = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"]
SECURITY_HEADERS += ["Cross-Origin-Opener-Policy"]


def test_a_cached_page_is_answered_with_the_security_headers_it_was_made_with(client, site, monkeypatch):
    made = client.get("/")
    assert all(made.has_header(name) for name in SECURITY_HEADERS)
    # a hit runs none of the middleware below the page cache: the stored page carries their headers
    from django.middleware.security import SecurityMiddleware

    monkeypatch.setattr(SecurityMiddleware, "process_response", lambda *args: pytest.fail("ran on a hit"))
    again = client.get("/")
    assert again["ETag"] == made["ETag"]
    assert {name: again[name] for name in SECURITY_HEADERS} == {name: made[name] for name in SECURITY_HEADERS}


def test_a_cached_copy_of_a_page_is_a_copy(client, site):
    url = site.article.get_absolute_url()
    client.get(url)
    again = client.get(url)
    again["X-Added"] = "to this answer only"
    again.headers["Content-Type"] = "text/plain"
    third = client.get(url)
    assert "X-Added" not in third and third["Content-Type"] == "text/html; charset=utf-8"


def test_nginx_may_keep_a_cached_page_for_a_second_and_browsers_must_ask_again(client, site):
    response = client.get("/")
    names = [name.lower() for name in response.headers]
    assert response["X-Accel-Expires"] == "1"
    assert names.index("x-accel-expires") < names.index("cache-control")  # else nginx ignores it
    assert "max-age=0" in response["Cache-Control"]


def test_signed_in_staff_always_get_a_fresh_page(client, site, admin_user):
    client.get("/")
    staff = sign_in(Client(), admin_user)
    assert queries(staff, "/") > 0
    assert queries(staff, "/") > 0


def test_a_visitor_with_a_notice_to_see_gets_a_fresh_page(client, site):
    client.get("/")
    client.cookies["messages"] = "a-notice"
    assert queries(client, "/") > 0


@contextmanager
def reads_of_the_cache():
    """The keys of every cache read made inside the block, a list per read."""
    calls = []
    get_many = cache.get_many
    cache.get_many = lambda keys, **kw: calls.append(list(keys)) or get_many(keys, **kw)
    try:
        yield calls
    finally:
        del cache.get_many


def cache_reads(client, url):
    """The response to `url` and the keys of every cache read it made."""
    with reads_of_the_cache() as calls:
        return client.get(url), calls


def generation_read(backend, client, url):
    """What a hit reads of the cache once the process knows the generation: the generation and its due time from
    the default cache; nothing from Redis, where a process keeps them until a change is announced."""
    if backend == "memory":
        return [[pagecache.GENERATION_KEY, pagecache.DUE_KEY]]
    for _ in range(500):  # until Redis confirms the subscription: then the process trusts what it kept
        if not cache_reads(client, url)[1]:
            return []
        time.sleep(0.002)
    pytest.fail("the process never trusted the generation it kept")


def test_a_cached_page_is_answered_from_the_process_memory_with_at_most_one_small_round_trip(client, site, backend):
    url = site.article.get_absolute_url()
    first = client.get(url)
    expected = generation_read(backend, client, url)
    again, calls = cache_reads(client, url)
    assert calls == expected  # the page is in memory
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert again["X-Request-ID"] != first["X-Request-ID"]  # a copy each time: what is added to it is not kept
    kept = pagecache.recent_pages.get((pagecache.generation(), pagecache.page_key(f"http://testserver{url}")))
    # nor to the copy kept, which another thread may be copying meanwhile
    assert kept.content == first.content and "X-Request-ID" not in kept


def test_a_page_made_by_another_process_is_read_from_the_cache_then_from_memory(client, site, backend):
    url = site.article.get_absolute_url()
    first = client.get(url)
    expected = generation_read(backend, client, url)
    pagecache.recent_pages.clear()  # as in another worker, which did not make it
    with CaptureQueriesContext(connection) as made:
        response, calls = cache_reads(client, url)  # from the cache, kept in memory
    assert (
        response.content == first.content
        and len(made) == 0
        and calls[-1] == [pagecache.page_key(f"http://testserver{url}")]
    )
    response, calls = cache_reads(client, url)
    assert response.content == first.content and calls == expected


def test_a_change_made_by_another_process_shows_at_once(client, site, backend, settings, monkeypatch):
    """Another process writes and announces: this one, which kept the generation, serves the new pages."""
    pages = site.pages(site.article)
    for url in pages.values():
        assert shown(client, url, site.article)
    generation_read(backend, client, "/")
    # the other process: its own rows (no signal here) and its own cache connection, announcing the change
    Article.objects.filter(pk=site.article.pk).update(status=Article.Status.DRAFT)
    monkeypatch.setattr(pagecache, "cache", another_process_cache(backend, settings))
    pagecache._bump()
    monkeypatch.undo()
    time.sleep(0.1)  # the announcement's delivery: microseconds, a few milliseconds when Redis is paused
    for name, url in pages.items():
        assert not shown(client, url, site.article), name


def another_process_cache(backend, settings):
    from django.core.cache import caches

    if backend == "memory":
        return caches["default"]  # one process (the default cache is not shared): the same
    from newsroom.cache import TolerantRedisCache

    config = settings.CACHES["default"]
    return TolerantRedisCache(config["LOCATION"], {"KEY_PREFIX": config["KEY_PREFIX"]})


def test_an_article_read_again_costs_no_query_and_an_edit_shows_at_once(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the article and its page's parts alone
    url = site.article.get_absolute_url()
    client.get(url)
    assert queries(client, url) == 0  # the article and every part of its page kept for the generation
    site.article.title = "Hội nghị sơ kết, bản sửa"
    site.article.save()
    assert "bản sửa" in client.get(url).content.decode()


def test_responses_that_set_a_cookie_or_are_private_are_not_stored(rf, settings):
    def with_cookie(request):
        response = HttpResponse("a page")
        response.set_cookie("csrftoken", "x")
        return response

    def private(request):
        response = HttpResponse("a page")
        response["Cache-Control"] = "private, no-store"
        return response

    for view in (with_cookie, private, lambda request: HttpResponse("gone", status=404)):
        calls = []

        def counting_view(request, view=view, calls=calls):
            calls.append(1)
            return view(request)

        middleware = pagecache.PageCacheMiddleware(counting_view)
        middleware(rf.get("/a/"))
        middleware(rf.get("/a/"))
        assert len(calls) == 2


def test_a_preview_of_a_draft_is_not_cached_for_anonymous_readers(client, site):
    draft = site.write("Bản nháp", status=Article.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_a_draft_staff_preview_is_never_kept_for_readers(client, site, admin_user, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the article object alone is kept
    draft = site.write("Bản nháp", status=Article.Status.DRAFT)
    staff = Client()
    sign_in(staff, admin_user)
    assert staff.get(draft.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_page_cache_can_be_turned_off(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    assert queries(client, "/") > 0


def test_a_page_keeps_its_own_cache_control_beside_the_proxy_header(rf, db, settings):
    settings.PAGE_CACHE_PROXY_SECONDS = 1

    def public(request):
        response = HttpResponse("a page")
        response["Cache-Control"] = "public, max-age=300"
        return response

    response = pagecache.PageCacheMiddleware(public)(rf.get("/b/"))
    assert response["X-Accel-Expires"] == "1"
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_excluded_paths_are_never_cached(rf, db, settings):
    settings.PAGE_CACHE_EXCLUDED_PATHS = ["/api/"]
    calls = []

    def view(request):
        calls.append(1)
        return HttpResponse("json")

    middleware = pagecache.PageCacheMiddleware(view)
    middleware(rf.get("/api/v1/articles/"))
    middleware(rf.get("/api/v1/articles/"))
    assert len(calls) == 2


def test_static_files_are_never_looked_up_in_the_page_cache(rf, db, settings):
    """WhiteNoise, below the page cache, serves them: a request for one costs the page cache nothing."""
    calls = []

    def whitenoise(request):
        calls.append(1)
        return HttpResponse("body { }", content_type="text/css")

    middleware = pagecache.PageCacheMiddleware(whitenoise)
    with reads_of_the_cache() as looked_up:
        middleware(rf.get(settings.STATIC_URL + "css/site.css"))
        middleware(rf.get(settings.STATIC_URL + "css/site.css"))
    assert len(calls) == 2 and looked_up == []
