from datetime import timedelta

import feedparser
import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article
from organizations.models import Organization
from tests.factories import ArticleFactory, CategoryFactory, OrganizationFactory, TagFactory

UNPUBLISHED = [
    {"status": Article.Status.DRAFT},
    {"status": Article.Status.SUBMITTED},
    {"status": Article.Status.RETURNED},
    {"status": Article.Status.WITHDRAWN},
    {"published_at": timezone.now() + timedelta(days=1)},
]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def site(db):
    """A unit with a sub-unit, another unit, a category and a tag; one article in each feed, one outside all."""
    unit = OrganizationFactory(name="Đảng bộ Khối cơ quan", kind=Organization.Kind.UPPER)
    sub_unit = OrganizationFactory(name="Chi bộ Văn phòng", kind=Organization.Kind.CELL, parent=unit)
    other = OrganizationFactory(name="Đảng bộ Khối doanh nghiệp", kind=Organization.Kind.UPPER)
    category, tag = CategoryFactory(slug="xay-dung-dang"), TagFactory(slug="nghi-quyet-21")
    hour = timedelta(hours=1)
    ArticleFactory(title="Tin của Khối cơ quan", unit=unit, published_at=timezone.now() - 3 * hour)
    ArticleFactory(title="Tin của Chi bộ Văn phòng", unit=sub_unit, published_at=timezone.now() - 2 * hour)
    ArticleFactory(title="Tin chuyên mục Xây dựng Đảng", unit=other, category=category)
    ArticleFactory(title="Tin có thẻ Nghị quyết 21", unit=other).tags.add(tag)
    ArticleFactory(title="Tin không thuộc mục nào", unit=other, published_at=timezone.now() - 5 * hour)
    return {"unit": unit, "category": category, "tag": tag}


FEEDS = {
    "latest": "/rss/",
    "unit": "/don-vi/{unit}/rss/",
    "category": "/chuyen-muc/{category}/rss/",
    "tag": "/the/{tag}/rss/",
}


def url(feed, site):
    return FEEDS[feed].format(**{name: thing.slug for name, thing in site.items()})


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return feedparser.parse(response.content)


def titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_parses_without_errors(client, site, feed):
    parsed = read_feed(client, url(feed, site))
    assert parsed.bozo == 0
    assert parsed.entries


def test_latest_feed_has_every_published_article_newest_first(client, site):
    assert titles(read_feed(client, "/rss/")) == [
        "Tin có thẻ Nghị quyết 21",
        "Tin chuyên mục Xây dựng Đảng",
        "Tin của Chi bộ Văn phòng",
        "Tin của Khối cơ quan",
        "Tin không thuộc mục nào",
    ]


def test_unit_feed_has_the_unit_and_its_sub_units_articles(client, site):
    assert titles(read_feed(client, url("unit", site))) == [
        "Tin của Chi bộ Văn phòng",
        "Tin của Khối cơ quan",
    ]


def test_category_feed_has_only_the_category_articles(client, site):
    assert titles(read_feed(client, url("category", site))) == ["Tin chuyên mục Xây dựng Đảng"]


def test_tag_feed_has_only_the_tag_articles(client, site):
    assert titles(read_feed(client, url("tag", site))) == ["Tin có thẻ Nghị quyết 21"]


def test_feed_keeps_the_vietnamese_title_intact(client, db):
    ArticleFactory(title="Tỉnh ủy Bến Tre quán triệt Nghị quyết Đại hội XIII của Đảng")
    feed = read_feed(client, "/rss/")
    assert titles(feed) == ["Tỉnh ủy Bến Tre quán triệt Nghị quyết Đại hội XIII của Đảng"]


def test_feed_entries_link_to_the_article_pages(client, db):
    article = ArticleFactory()
    assert read_feed(client, "/rss/").entries[0].link == f"http://testserver{article.get_absolute_url()}"


def test_unit_feed_is_titled_with_the_unit_name(client, site):
    assert read_feed(client, url("unit", site)).feed.title.startswith("Đảng bộ Khối cơ quan")


@pytest.mark.parametrize("hidden", UNPUBLISHED)
@pytest.mark.parametrize("feed", FEEDS)
def test_feed_never_has_an_unpublished_article(client, site, feed, hidden):
    article = ArticleFactory(title="Bài chưa công khai", unit=site["unit"], category=site["category"], **hidden)
    article.tags.add(site["tag"])
    assert "Bài chưa công khai" not in titles(read_feed(client, url(feed, site)))


def test_feed_survives_control_characters_pasted_from_word(client, db):
    ArticleFactory(title="Hội nghị\x0bsơ kết", lead="Sapo\x0c có ký tự lạ", byline="Hoài\x01 Thu")
    feed = read_feed(client, "/rss/")
    assert feed.bozo == 0
    assert titles(feed) == ["Hội nghị sơ kết"]


# Code points XML 1.0 forbids: C0 controls but tab and newlines, and the noncharacters U+FFFE and U+FFFF.
NOT_XML = ["\x00", "\x08", "\x1f", "\ufffe", "\uffff"]


@pytest.mark.parametrize("bad", NOT_XML, ids=[f"U+{ord(c):04X}" for c in NOT_XML])
@pytest.mark.parametrize("feed", FEEDS)
def test_feed_parses_whatever_code_points_xml_forbids_a_title_holds(client, site, feed, bad):
    ArticleFactory(
        title=f"Hội nghị{bad} sơ kết{bad}",
        lead=f"Sapo{bad}",
        byline=f"Hoài{bad} Thu",
        unit=site["unit"],
        category=site["category"],
    ).tags.add(site["tag"])
    for thing in site.values():
        thing.name += bad
        thing.save()
    parsed = read_feed(client, url(feed, site))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert "Hội nghị sơ kết" in titles(parsed)
    assert bad not in parsed.feed.title


@pytest.mark.parametrize("path", ["/don-vi/khong-co/rss/", "/chuyen-muc/khong-co/rss/", "/the/khong-co/rss/"])
def test_feed_of_an_unknown_unit_category_or_tag_is_not_found(client, db, path):
    assert client.get(path).status_code == 404
