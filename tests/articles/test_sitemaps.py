from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.contrib.sites.requests import RequestSite
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article
from organizations.models import Organization
from tests.factories import ArticleFactory, CategoryFactory, MeetingFactory, OrganizationFactory, TagFactory

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
STATIC_PAGES = {"/", "/tin-tuc/", "/don-vi/", "/hoi-nghi/"}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def sitemap_entries(client):
    """The <url> elements of every page of every section the sitemap index at /sitemap.xml points to."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = ElementTree.fromstring(response.content)
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    entries = []
    for loc in index.findall("sm:sitemap/sm:loc", NS):
        page = client.get(loc.text.removeprefix("http://testserver"))
        assert page.status_code == 200, loc.text
        entries += ElementTree.fromstring(page.content).findall("sm:url", NS)
    return entries


def article_entry(client):
    """The <url> element of the one article there is."""
    address = "http://testserver/tin-tuc/" + Article.objects.get().slug + "/"
    (entry,) = [url for url in sitemap_entries(client) if url.find("sm:loc", NS).text == address]
    return entry


def sitemap(client):
    return {url.find("sm:loc", NS).text.removeprefix("http://testserver") for url in sitemap_entries(client)}


@pytest.fixture
def site(db):
    province = OrganizationFactory(name="Đảng bộ tỉnh", kind=Organization.Kind.PROVINCIAL)
    unit = OrganizationFactory(name="Đảng bộ Sở Tài chính", parent=province)
    merged = OrganizationFactory(name="Đảng bộ Sở cũ", parent=province, valid_to=date(2025, 6, 30), succeeded_by=unit)
    meeting = MeetingFactory(host=unit)
    category, tag = CategoryFactory(slug="xay-dung-dang"), TagFactory(slug="nghi-quyet-21")
    reports = [
        ArticleFactory(unit=unit, period_code="2021-H1", category=category, meeting=meeting),
        ArticleFactory(unit=unit, period_code="2022-Q3"),
        ArticleFactory(unit=merged, period_code="2020-2025"),
        ArticleFactory(unit=unit, period_code="2020-2025-mid"),
        ArticleFactory(unit=unit),
    ]
    reports[0].tags.add(tag)
    return {"units": [province, unit, merged], "meeting": meeting, "articles": reports}


def test_sitemap_lists_every_public_page(client, site):
    expected = {
        *STATIC_PAGES,
        *(article.get_absolute_url() for article in site["articles"]),
        *(unit.get_absolute_url() for unit in site["units"]),
        site["meeting"].get_absolute_url(),
        "/ky/2021-h1/",
        "/ky/2021/",
        "/ky/2022-q3/",
        "/ky/2022/",
        "/ky/2020-2025/",
        "/ky/2020-2025-mid/",
        "/chuyen-muc/xay-dung-dang/",
        "/the/nghi-quyet-21/",
    }
    assert sitemap(client) == expected


def test_every_page_in_the_sitemap_exists(client, site):
    for path in sitemap(client):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.SUBMITTED},
        {"status": Article.Status.RETURNED},
        {"status": Article.Status.WITHDRAWN},
        {"published_at": timezone.now() + timedelta(days=1)},
    ],
)
def test_sitemap_has_nothing_only_unpublished_articles_lead_to(client, site, hidden):
    before = sitemap(client)
    draft = ArticleFactory(
        unit=site["units"][1], period_code="2019-Q1", category=CategoryFactory(slug="chi-ban-nhap"), **hidden
    )
    draft.tags.add(TagFactory(slug="the-nhap"))
    assert sitemap(client) == before


def test_sitemap_gives_articles_their_last_change(client, db):
    ArticleFactory()
    assert article_entry(client).find("sm:lastmod", NS).text == timezone.localdate().isoformat()


def test_an_articles_last_change_is_its_day_in_the_sites_time_zone(client, db):
    ArticleFactory()
    # 20:30 UTC on 1 March is 03:30 on 2 March in Hà Nội (UTC+7)
    Article.objects.update(updated_at=datetime(2021, 3, 1, 20, 30, tzinfo=UTC))
    assert article_entry(client).find("sm:lastmod", NS).text == "2021-03-02"


def test_robots_txt_is_plain_text_and_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode().splitlines()


def test_the_sitemap_is_an_index_of_pages_of_at_most_10000_addresses(client, db, monkeypatch):
    from articles.sitemaps import PagedSitemap
    from newsroom.urls import sitemaps

    assert all(issubclass(section, PagedSitemap) for section in sitemaps.values())
    assert all(section.limit <= 10_000 for section in sitemaps.values())  # the protocol's cap
    ArticleFactory.create_batch(3)
    monkeypatch.setattr(PagedSitemap, "limit", 2)
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    pages = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert "http://testserver/sitemap-articles.xml?p=2" in pages
    second = client.get("/sitemap-articles.xml?p=2")
    assert len(ElementTree.fromstring(second.content).findall("sm:url", NS)) == 1


def test_a_sitemap_page_was_last_modified_when_its_latest_address_changed(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the view's own header (the page cache gives the time it stored the page)
    first, second = ArticleFactory(), ArticleFactory()
    # the one published first comes last on the page, and changed last
    Article.objects.filter(pk=first.pk).update(updated_at=datetime(2021, 3, 1, 21, 45, 30, tzinfo=UTC))
    Article.objects.filter(pk=second.pk).update(updated_at=datetime(2021, 3, 1, 20, 30, 15, tzinfo=UTC))
    # the time itself, not the day each address shows: a change later that day is still news to a crawler
    assert client.get("/sitemap-articles.xml")["Last-Modified"] == "Mon, 01 Mar 2021 21:45:30 GMT"
    OrganizationFactory()
    assert "Last-Modified" not in client.get("/sitemap-units.xml")  # units tell no last change


def test_a_sitemap_page_says_how_often_its_addresses_change(client, db):
    ArticleFactory()
    changes = {
        url.find("sm:loc", NS).text.removeprefix("http://testserver"): url.find("sm:changefreq", NS)
        for url in sitemap_entries(client)
    }
    article = Article.objects.get().get_absolute_url()
    assert changes[article].text == "weekly" and changes["/"].text == "daily"
    assert changes[Article.objects.get().unit.get_absolute_url()] is None


@pytest.mark.parametrize("page", ["2", "0", "hai"])
def test_a_sitemap_page_that_does_not_exist_is_not_found(client, db, page):
    ArticleFactory()
    assert client.get(f"/sitemap-articles.xml?p={page}").status_code == 404


def test_a_sitemap_whose_addresses_differ_in_more_than_place_is_written_as_django_writes_it(rf, db):
    """PagedSitemap's lighter get_urls() serves what it can; the other shapes Django allows go to Django's."""
    from articles.sitemaps import PagedSitemap

    class Varied(PagedSitemap):
        priority = 0.0

        def items(self):
            return ["/a/", "/b/"]

        def location(self, item):
            return item

        def changefreq(self, item):
            return "daily" if item == "/a/" else "yearly"

    class OneDay(Varied):
        changefreq = "monthly"
        lastmod = date(2021, 3, 2)

    def written(sitemap):
        urls = sitemap.get_urls(site=RequestSite(rf.get("/")), protocol="http")
        return [{k: url.get(k) for k in ("location", "changefreq", "priority", "lastmod")} for url in urls]

    varied = [("/a/", "daily"), ("/b/", "yearly")]
    assert written(Varied()) == [
        {"location": f"http://testserver{path}", "changefreq": changes, "priority": "0.0", "lastmod": None}
        for path, changes in varied
    ]
    assert [url["lastmod"] for url in written(OneDay())] == [date(2021, 3, 2)] * 2
