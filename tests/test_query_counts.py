"""Every public page runs the same number of SQL queries with 5 articles as with 200."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, SiteSettings
from newsroom import pagecache
from organizations.models import Meeting, MeetingParticipant, Organization
from statutory.models import ScheduleEntry, local_start
from tests.conftest import require
from tests.documents.factories import DocumentFactory, DocumentFileFactory, FieldFactory
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    OrganizationFactory,
    PersonFactory,
    PhotoFactory,
    PositionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


class Site:
    """A province with units, sub-units, a meeting, a category, a tag and one article that every page shows."""

    def __init__(self):
        self.province = OrganizationFactory(name="Tỉnh ủy", kind=Organization.Kind.PROVINCIAL)
        self.unit = OrganizationFactory(
            name="Đảng bộ Khối cơ quan", kind=Organization.Kind.UPPER, parent=self.province
        )
        self.category = CategoryFactory(name="Xây dựng Đảng")
        self.tag = TagFactory(name="Nghị quyết 21")
        self.meeting = MeetingFactory(host=self.unit, kind=Meeting.Kind.SO_KET_6_THANG, period_code="2021-H1")
        self.document = DocumentFactory(number="05-CT/TW")
        self.document.fields.add(FieldFactory())
        DocumentFileFactory(document=self.document)
        self.schedule(self.unit)
        self.star = self.article(self.unit, 0)
        self.sub_units, self.units = [], [self.unit]
        self.count = 1

    def article(self, unit, n):
        article = ArticleFactory(
            title=f"Hội nghị sơ kết công tác Đảng số {n}",
            unit=unit,
            category=self.category,
            meeting=self.meeting,
            period_code="2021-H1",
            cover=PhotoFactory(credit="Thiệu Phan"),
            byline="Hoài Thu",
            body="<p>Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.</p>",
            view_count=n + 1,
            is_featured=n % 3 == 0,
            published_at=timezone.now() - timedelta(hours=n + 1),
        )
        article.tags.add(self.tag, TagFactory())
        ArticlePhotoFactory(article=article)
        return article

    def schedule(self, unit):
        """An entry with a leader and a meeting with a chair, this week."""
        today = timezone.localdate()
        starts_at = local_start(today - timedelta(days=today.weekday())) + timedelta(hours=8)
        entry = ScheduleEntry.objects.create(unit=unit, title="Giao ban", starts_at=starts_at)
        entry.leaders.add(PersonFactory())
        meeting = MeetingFactory(host=unit, held_on=today, part_of_day=Meeting.PartOfDay.MORNING)
        MeetingParticipantFactory(meeting=meeting, role=MeetingParticipant.Role.CHAIR)

    def grow(self, *, articles, units, extras):
        """Add articles, top-level units with a sub-unit each, and `extras` more of everything the star pages list."""
        for _ in range(units):
            unit = OrganizationFactory(kind=Organization.Kind.UPPER, parent=self.province)
            self.units.append(unit)
            self.sub_units.append(OrganizationFactory(parent=unit))
        for _ in range(extras):
            self.sub_units.append(OrganizationFactory(parent=self.unit))
            ArticlePhotoFactory(article=self.star, caption="Đại biểu dự Hội nghị")
            self.star.tags.add(TagFactory())
            MeetingParticipantFactory(meeting=self.meeting, role=MeetingParticipant.Role.GUEST)
            PositionFactory(organization=self.unit, person=PersonFactory())
            MeetingFactory(host=self.sub_units[-1])
            CategoryFactory()
            OrganizationFactory(parent=self.unit, valid_to=timezone.localdate(), succeeded_by=self.unit)
            self.schedule(self.sub_units[-1])
            DocumentFactory(issuer=self.document.issuer, replaced_by=self.document).fields.add(FieldFactory())
            DocumentFileFactory(document=self.document)
        places = [*self.units, *self.sub_units]
        for _ in range(articles):
            self.article(places[self.count % len(places)], self.count)
            self.count += 1
        ArticleFactory(unit=self.unit, status=Article.Status.DRAFT, category=self.category, meeting=self.meeting)

    def pages(self):
        today = timezone.localdate()
        unit, star = self.unit.slug, self.star.slug
        filters = {
            "unit": f"unit={unit}",
            "period": "period=2021-H1",
            "category": f"category={self.category.slug}",
            "tag": f"tag={self.tag.slug}",
            "kind": "kind=so_ket_6_thang",
            "from": f"from={today - timedelta(days=30):%d/%m/%Y}",
            "to": f"to={today:%Y-%m-%d}",
            "q": "q=hoi+nghi+so+ket",
        }
        return {
            "home": "/",
            "list": "/tin-tuc/",
            **{f"list?{name}": f"/tin-tuc/?{query}" for name, query in filters.items()},
            "list with all filters": "/tin-tuc/?" + "&".join(filters.values()),
            "search": "/tim-kiem/?q=hoi+nghi+so+ket",
            "search with filters": f"/tim-kiem/?q=hoi+nghi&unit={unit}&period=2021&category={self.category.slug}",
            "article": f"/tin-tuc/{star}/",
            "unit list": "/don-vi/",
            "unit": f"/don-vi/{unit}/",
            "unit period": f"/don-vi/{unit}/ky/2021/",
            "period": "/ky/2021/",
            "category": f"/chuyen-muc/{self.category.slug}/",
            "tag": f"/the/{self.tag.slug}/",
            "meeting list": "/hoi-nghi/",
            "meeting list filtered": f"/hoi-nghi/?unit={unit}&period=2021&kind=so_ket_6_thang",
            "meeting": f"/hoi-nghi/{self.meeting.pk}/",
            "feed": "/rss/",
            "unit feed": f"/don-vi/{unit}/rss/",
            "category feed": f"/chuyen-muc/{self.category.slug}/rss/",
            "tag feed": f"/the/{self.tag.slug}/rss/",
            "sitemap": "/sitemap.xml",
            "sitemap articles": "/sitemap-articles.xml",
            "sitemap meetings": "/sitemap-meetings.xml",
            "robots": "/robots.txt",
            "documents": "/van-ban/",
            "documents filtered": f"/van-ban/?q=chi+thi&form=chi_thi&issuer={self.document.issuer.slug}&year=2016",
            "document": f"/van-ban/{self.document.slug}/",
            "schedule": "/lich-cong-tac/",
            "unit schedule": f"/don-vi/{unit}/lich-cong-tac/",
            "schedule feed": "/lich-cong-tac/lich.ics",
            "unit introduction": f"/don-vi/{unit}/gioi-thieu/",
        }


def measure(client, pages):
    """{page: (status, queries made from nothing, queries made again with its fragments kept)}: the page cache is
    off, so that the second request makes the page again."""
    counts = {}
    for name, url in pages.items():
        pagecache.bump()  # each page made from nothing: no fragment (a card...) that the page before left cached
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        with CaptureQueriesContext(connection) as again:
            client.get(url)
        counts[name] = (response.status_code, len(queries), len(again))
    return counts


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker, tmp_path_factory):
    """Query counts of every public page with 5 articles, then with 200 (measured once for the module)."""
    media = tmp_path_factory.mktemp("media")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with (
        override_settings(MEDIA_ROOT=media, STORAGES=storages, PAGE_CACHE_SECONDS=0),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        client = Client()
        cache.clear()
        SiteSettings.current()  # the footer's row, cached for an hour as on the live site
        site = Site()
        site.grow(articles=4, units=2, extras=2)
        small = measure(client, site.pages())
        site.grow(articles=195, units=20, extras=20)
        grown = measure(client, site.pages())
        transaction.set_rollback(True)
    return small, grown


PAGES = [
    "home",
    "list",
    "list?unit",
    "list?period",
    "list?category",
    "list?tag",
    "list?kind",
    "list?from",
    "list?to",
    "list?q",
    "list with all filters",
    "search",
    "search with filters",
    "article",
    "unit list",
    "unit",
    "unit period",
    "period",
    "category",
    "tag",
    "meeting list",
    "meeting list filtered",
    "meeting",
    "feed",
    "unit feed",
    "category feed",
    "tag feed",
    "sitemap",
    "sitemap articles",
    "sitemap meetings",
    "robots",
    "documents",
    "documents filtered",
    "document",
    "schedule",
    "unit schedule",
    "schedule feed",
    "unit introduction",
]


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_as_many_queries_with_200_articles_as_with_5(counts, page):
    small, grown = counts
    assert small[page][0] == grown[page][0] == 200
    assert grown[page][1] == small[page][1]
    assert grown[page][2] == small[page][2]  # made again, its kept fragments read back: as fixed


# The pages whose costly parts are kept (cards, blocks, the filter form): made again, they read less.
KEPT = ["home", "list", "list?unit", "list?period", "unit", "unit period", "period", "article", "category", "tag"]


@pytest.mark.parametrize("page", KEPT)
def test_a_page_made_again_reads_less_than_from_nothing(counts, page):
    small, grown = counts
    assert grown[page][2] < grown[page][1]


@pytest.mark.parametrize("page", ["sitemap", "sitemap articles", "sitemap meetings"])
def test_the_sitemap_is_made_once_per_generation(counts, page):
    small, grown = counts
    assert small[page][2] == grown[page][2] == 0


def test_every_public_page_is_measured(counts):
    small, grown = counts
    assert sorted(small) == sorted(grown) == sorted(PAGES)


# --- Indexes under every filter path ---


def indexed_columns(table):
    """The column lists of the indexes (unique ones included) on `table`."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return [c["columns"] for c in constraints.values() if (c["index"] or c["unique"]) and c["columns"]]


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("articles_article", ["status", "published_at"]),
        ("articles_article", ["published_at"]),
        ("articles_article", ["period_start", "period_end"]),
        ("articles_article", ["unit_id"]),
        ("articles_article", ["category_id"]),
        ("articles_article", ["meeting_id"]),
        ("articles_taggedarticle", ["tag_id"]),
        ("organizations_meeting", ["host_id"]),
        ("organizations_meeting", ["period_start", "period_end"]),
        ("organizations_meeting", ["kind"]),
    ],
)
def test_every_filter_path_has_an_index(db, table, columns):
    assert any(index[: len(columns)] == columns for index in indexed_columns(table))


@pytest.mark.parametrize("column", ["path", "slug"])
def test_units_have_a_unique_index_on_path_and_slug(db, column):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "organizations_organization")
    assert any(c["unique"] and c["columns"] == [column] for c in constraints.values())


def test_sub_unit_lookup_by_path_prefix_uses_an_index_on_postgresql(db):
    require(connection.vendor == "postgresql", "prefix matching on an index is checked on PostgreSQL")
    unit = OrganizationFactory()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = Organization.objects.filter(path__startswith=unit.path).explain()
    assert re.search(r"Index Cond: \(\(\(?path\)?(::text)? ~>=~", plan), plan
