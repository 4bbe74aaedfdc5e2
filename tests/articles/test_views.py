import json
import re
import time
from datetime import UTC, date, datetime, timedelta
from html import unescape
from unittest import mock
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.core.cache import cache, caches
from django.test import Client
from django.utils import timezone

from articles.models import Article, SiteSettings
from articles.views import READS_PER_MINUTE
from organizations.models import Meeting, Organization
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    MeetingFactory,
    OrganizationFactory,
    PhotoFactory,
    TagFactory,
)
from tests.reader import heading, hrefs, links, region, tags, text

UNPUBLISHED = {
    "draft": {"status": Article.Status.DRAFT},
    "submitted": {"status": Article.Status.SUBMITTED},
    "returned": {"status": Article.Status.RETURNED},
    "withdrawn": {"status": Article.Status.WITHDRAWN},
    "scheduled": {"published_at": timezone.now() + timedelta(days=1)},
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def tree(db):
    """Tỉnh ủy > (Khối A > Sở 1 > Chi bộ 1, Khối B)."""
    province = OrganizationFactory(name="Đảng bộ tỉnh Bến Tre", kind=Organization.Kind.PROVINCIAL)
    bloc_a = OrganizationFactory(name="Đảng bộ Khối A", kind=Organization.Kind.UPPER, parent=province)
    dept = OrganizationFactory(name="Đảng bộ Sở Tài chính", parent=bloc_a)
    cell = OrganizationFactory(name="Chi bộ Phòng Ngân sách", kind=Organization.Kind.CELL, parent=dept)
    bloc_b = OrganizationFactory(name="Đảng bộ Khối B", kind=Organization.Kind.UPPER, parent=province)
    return {"province": province, "bloc_a": bloc_a, "dept": dept, "cell": cell, "bloc_b": bloc_b}


def card_titles(response):
    """Titles of the article cards, in page order."""
    html = response.content.decode()
    return [text_of(t) for t in re.findall(r'class="card__title"><a [^>]*>(.*?)</a>', html, re.S)]


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


# --- Home ---


def test_home_lists_the_latest_articles_newest_first(client, db):
    ArticleFactory(title="Tin cũ", published_at=hours_ago(3))
    ArticleFactory(title="Tin mới nhất", published_at=hours_ago(1))
    ArticleFactory(title="Tin hôm qua", published_at=hours_ago(24))
    assert card_titles(client.get("/")) == ["Tin mới nhất", "Tin cũ", "Tin hôm qua"]


def test_home_shows_featured_articles_in_their_own_block(client, db):
    ArticleFactory(title="Tin nổi bật về Đại hội", is_featured=True)
    ArticleFactory(title="Tin thường")
    featured = region(client.get("/"), "Tin nổi bật")
    assert "Tin nổi bật về Đại hội" in featured
    assert "Tin thường" not in featured


def test_home_has_a_block_for_each_top_level_unit_with_its_branch_articles(client, tree):
    ArticleFactory(title="Tin của Chi bộ Phòng Ngân sách", unit=tree["cell"])
    ArticleFactory(title="Tin của Khối B", unit=tree["bloc_b"])
    response = client.get("/")
    assert "Tin của Chi bộ Phòng Ngân sách" in region(response, "Đảng bộ Khối A")
    assert "Tin của Khối B" not in region(response, "Đảng bộ Khối A")
    assert "Tin của Khối B" in region(response, "Đảng bộ Khối B")


def test_home_unit_block_shows_only_the_branch_newest_articles(client, tree):
    for n in range(6):
        ArticleFactory(title=f"Tin Khối A số {n}", unit=tree["dept"], published_at=hours_ago(n + 1))
    block = region(client.get("/"), "Đảng bộ Khối A")
    assert [n for n in range(6) if f"Tin Khối A số {n}" in block] == [0, 1, 2, 3]


def test_home_has_no_block_for_a_dissolved_top_level_unit(client, tree):
    closed = OrganizationFactory(
        name="Đảng bộ Khối đã giải thể",
        kind=Organization.Kind.UPPER,
        parent=tree["province"],
        valid_to=date(2020, 1, 1),
    )
    ArticleFactory(title="Tin cũ của khối đã giải thể", unit=closed)
    response = client.get("/")
    assert "Tin cũ của khối đã giải thể" in card_titles(response)
    assert not re.search(r"<h2[^>]*>(?:\s|<[^>]+>)*Đảng bộ Khối đã giải thể", response.content.decode())


def test_home_most_read_orders_by_view_count(client, db):
    ArticleFactory(title="Đọc vừa", view_count=10)
    ArticleFactory(title="Đọc nhiều nhất", view_count=500)
    ArticleFactory(title="Chưa ai đọc", view_count=0)
    most_read = region(client.get("/"), "Đọc nhiều")
    assert most_read.index("Đọc nhiều nhất") < most_read.index("Đọc vừa")
    assert "Chưa ai đọc" not in most_read


@pytest.mark.parametrize("hidden", UNPUBLISHED.values(), ids=UNPUBLISHED.keys())
def test_home_never_shows_an_unpublished_article(client, tree, hidden):
    ArticleFactory(title="Tin công khai", unit=tree["dept"])
    ArticleFactory(title="Bài chưa công khai", unit=tree["dept"], is_featured=True, view_count=999, **hidden)
    page = text(client.get("/"))
    assert "Tin công khai" in page
    assert "Bài chưa công khai" not in page


# --- The read beacon ---


@pytest.fixture
def local_cache(settings):
    """A cache that expires keys by the clock, whatever cache the suite runs with."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "reads"}}
    caches["default"].clear()


def read(
    client, article, reader="203.0.113.7", agent="Mozilla/5.0 (Windows NT 10.0) Chrome/120.0 Safari/537.36", **headers
):
    return client.post(f"/tin-tuc/{article.slug}/doc/", REMOTE_ADDR=reader, HTTP_USER_AGENT=agent, **headers)


def view_count(article):
    article.refresh_from_db()
    return article.view_count


def test_read_beacon_answers_204_and_counts_a_read(client, db, local_cache):
    article = ArticleFactory()
    assert read(client, article).status_code == 204
    assert view_count(article) == 1


def test_read_beacon_counts_a_reader_once_an_hour(client, db, local_cache):
    article = ArticleFactory()
    read(client, article)
    read(client, article)
    assert view_count(article) == 1


def test_read_beacon_counts_each_reader(client, db, local_cache):
    article = ArticleFactory()
    read(client, article, reader="203.0.113.7")
    read(client, article, reader="198.51.100.4")
    assert view_count(article) == 2


def test_read_beacon_is_not_fooled_by_a_made_up_forwarded_address(client, db, local_cache):
    article = ArticleFactory()
    for made_up in ["10.0.0.1", "10.0.0.2", "10.0.0.3"]:
        client.post(f"/tin-tuc/{article.slug}/doc/", HTTP_X_FORWARDED_FOR=f"{made_up}, 203.0.113.7")
    assert view_count(article) == 1


def test_read_beacon_counts_a_reader_in_zalo_in_app_browser(client, db, local_cache):
    article = ArticleFactory()
    zalo = "Mozilla/5.0 (Linux; Android 13; SM-A525F) Chrome/120.0 Mobile Safari/537.36 Zalo android/12100541"
    read(client, article, agent=zalo)
    assert view_count(article) == 1


def test_read_beacon_counts_the_same_reader_again_after_an_hour(client, db, local_cache):
    article = ArticleFactory()
    read(client, article)
    with mock.patch("time.time", return_value=time.time() + 3601):
        read(client, article)
    assert view_count(article) == 2


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "curl/8.5",
    ],
)
def test_read_beacon_counts_nothing_for_a_bot(client, db, local_cache, agent):
    article = ArticleFactory()
    assert read(client, article, agent=agent).status_code == 204
    assert view_count(article) == 0


@pytest.mark.parametrize("hidden", UNPUBLISHED.values(), ids=UNPUBLISHED.keys())
def test_read_beacon_does_nothing_for_an_unpublished_article(client, db, local_cache, hidden):
    article = ArticleFactory(**hidden)
    assert read(client, article).status_code == 204
    assert view_count(article) == 0


def test_read_beacon_needs_no_csrf_token(db, local_cache):
    article = ArticleFactory()
    assert read(Client(enforce_csrf_checks=True), article).status_code == 204
    assert view_count(article) == 1


def test_read_beacon_from_the_sites_own_page_counts(client, db, local_cache):
    article = ArticleFactory()
    response = read(client, article, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 204
    assert view_count(article) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://ke-gian-lan.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
    ],
    ids=["other-origin", "opaque-origin", "other-scheme", "cross-site", "same-site", "fetch-metadata-wins"],
)
def test_read_beacon_posted_from_another_site_counts_nothing(client, db, local_cache, headers):
    article = ArticleFactory()
    assert read(client, article, **headers).status_code == 403
    assert view_count(article) == 0


def test_read_beacon_ignores_a_forwarded_address_without_a_trusted_proxy(client, db, local_cache, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    article = ArticleFactory()
    for n in range(1, 4):
        read(client, article, reader="10.0.0.2", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert view_count(article) == 1


def test_read_beacon_behind_a_trusted_proxy_counts_each_client(client, db, local_cache, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    article = ArticleFactory()
    for made_up in ["10.9.9.1", "10.9.9.2"]:
        read(client, article, reader="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{made_up}, 203.0.113.7")
    read(client, article, reader="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert view_count(article) == 2


def test_read_beacon_is_rate_limited_per_client(client, db, local_cache):
    first, second = ArticleFactory(), ArticleFactory()
    for _request in range(READS_PER_MINUTE):
        assert read(client, first).status_code == 204
    assert read(client, second).status_code == 429
    assert view_count(second) == 0
    assert read(client, second, reader="198.51.100.4").status_code == 204  # another client is not held back
    assert view_count(second) == 1


def test_read_beacon_rate_limit_lifts_after_a_minute(client, db, local_cache):
    first, second = ArticleFactory(), ArticleFactory()
    for _request in range(READS_PER_MINUTE + 1):
        read(client, first)
    with mock.patch("time.time", return_value=time.time() + 61):
        assert read(client, second).status_code == 204
    assert view_count(second) == 1


def test_read_beacon_refuses_get(client, db):
    assert client.get(f"/tin-tuc/{ArticleFactory().slug}/doc/").status_code == 405


# --- The list and its filters ---


def test_article_list_shows_published_articles_newest_first(client, db):
    ArticleFactory(title="Tin thứ hai", published_at=hours_ago(2))
    ArticleFactory(title="Tin thứ nhất", published_at=hours_ago(1))
    ArticleFactory(title="Bản nháp", status=Article.Status.DRAFT)
    assert card_titles(client.get("/tin-tuc/")) == ["Tin thứ nhất", "Tin thứ hai"]


def test_article_list_shows_20_articles_a_page(client, db):
    for n in range(21):
        ArticleFactory(title=f"Tin số {n:02}", published_at=hours_ago(n + 1))
    assert len(card_titles(client.get("/tin-tuc/"))) == 20
    assert card_titles(client.get("/tin-tuc/?page=2")) == ["Tin số 20"]


def test_unit_filter_includes_sub_units(client, tree):
    ArticleFactory(title="Tin của Khối A", unit=tree["bloc_a"])
    ArticleFactory(title="Tin của Chi bộ", unit=tree["cell"])
    ArticleFactory(title="Tin của Khối B", unit=tree["bloc_b"])
    found = card_titles(client.get(f"/tin-tuc/?unit={tree['bloc_a'].slug}"))
    assert sorted(found) == ["Tin của Chi bộ", "Tin của Khối A"]


def test_period_filter_finds_articles_whose_period_lies_within_it(client, db):
    ArticleFactory(title="Quý I/2021", period_code="2021-Q1")
    ArticleFactory(title="6 tháng đầu 2021", period_code="2021-H1")
    ArticleFactory(title="Cả năm 2021", period_code="2021")
    ArticleFactory(title="Quý III/2021", period_code="2021-Q3")
    assert sorted(card_titles(client.get("/tin-tuc/?period=2021-H1"))) == ["6 tháng đầu 2021", "Quý I/2021"]


def test_period_filter_ignores_case(client, db):
    ArticleFactory(title="6 tháng đầu 2021", period_code="2021-H1")
    assert card_titles(client.get("/tin-tuc/?period=2021-h1")) == ["6 tháng đầu 2021"]


def test_period_filter_accepts_a_vietnamese_phrase(client, db):
    ArticleFactory(title="6 tháng đầu 2021", period_code="2021-H1")
    ArticleFactory(title="6 tháng cuối 2021", period_code="2021-H2")
    assert card_titles(client.get("/tin-tuc/", {"period": "6 tháng đầu năm 2021"})) == ["6 tháng đầu 2021"]


def test_category_filter(client, db):
    category = CategoryFactory(name="Xây dựng Đảng")
    ArticleFactory(title="Trong chuyên mục", category=category)
    ArticleFactory(title="Chuyên mục khác", category=CategoryFactory())
    assert card_titles(client.get(f"/tin-tuc/?category={category.slug}")) == ["Trong chuyên mục"]


def test_tag_filter(client, db):
    tag = TagFactory(name="Nghị quyết 21")
    ArticleFactory(title="Có thẻ").tags.add(tag)
    ArticleFactory(title="Không có thẻ").tags.add(TagFactory())
    assert card_titles(client.get(f"/tin-tuc/?tag={tag.slug}")) == ["Có thẻ"]


def test_kind_filter_goes_through_the_article_meeting(client, db):
    ArticleFactory(title="Báo cáo sơ kết", meeting=MeetingFactory(kind=Meeting.Kind.SO_KET_6_THANG))
    ArticleFactory(title="Báo cáo tổng kết", meeting=MeetingFactory(kind=Meeting.Kind.TONG_KET_NAM))
    ArticleFactory(title="Không thuộc hội nghị nào")
    assert card_titles(client.get("/tin-tuc/?kind=tong_ket_nam")) == ["Báo cáo tổng kết"]


def vn_time(*args):
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def june_articles(db):
    ArticleFactory(title="Tối 14/6", published_at=vn_time(2021, 6, 14, 23, 30))
    ArticleFactory(title="Sáng sớm 15/6", published_at=vn_time(2021, 6, 15, 0, 30))
    ArticleFactory(title="Tối 30/6", published_at=vn_time(2021, 6, 30, 23, 30))
    ArticleFactory(title="Ngày 1/7", published_at=vn_time(2021, 7, 1, 6, 0))


def test_date_filters_take_day_month_year(client, june_articles):
    found = card_titles(client.get("/tin-tuc/?from=15/06/2021&to=30/06/2021"))
    assert found == ["Tối 30/6", "Sáng sớm 15/6"]


def test_date_filters_take_iso_dates(client, june_articles):
    found = card_titles(client.get("/tin-tuc/?from=2021-06-15&to=2021-06-30"))
    assert found == ["Tối 30/6", "Sáng sớm 15/6"]


def test_date_filter_keeps_its_value_in_the_form_whatever_format_it_came_in(client, june_articles):
    inputs = {field["name"]: field.get("value") for field in tags(client.get("/tin-tuc/?from=15/06/2021"), "input")}
    assert inputs["from"] == "2021-06-15"


def test_search_filter_on_the_list(client, db):
    ArticleFactory(title="Hội nghị sơ kết công tác Đảng")
    ArticleFactory(title="Lễ kết nạp đảng viên", lead="")
    assert card_titles(client.get("/tin-tuc/?q=hoi+nghi+so+ket")) == ["Hội nghị sơ kết công tác Đảng"]


def test_filters_compose(client, tree):
    category, tag = CategoryFactory(), TagFactory()
    ArticleFactory(title="Khớp cả ba", unit=tree["dept"], category=category).tags.add(tag)
    ArticleFactory(title="Sai đơn vị", unit=tree["bloc_b"], category=category).tags.add(tag)
    ArticleFactory(title="Sai chuyên mục", unit=tree["dept"]).tags.add(tag)
    ArticleFactory(title="Không có thẻ", unit=tree["dept"], category=category)
    query = f"/tin-tuc/?unit={tree['bloc_a'].slug}&category={category.slug}&tag={tag.slug}"
    assert card_titles(client.get(query)) == ["Khớp cả ba"]


def test_page_links_keep_the_filters(client, tree):
    for _ in range(21):
        ArticleFactory(unit=tree["dept"], period_code="2021-H1")
    response = client.get(f"/tin-tuc/?unit={tree['bloc_a'].slug}&period=2021")
    next_page = next(href for href, _, attrs in links(response) if attrs.get("rel") == "next")
    assert parse_qs(urlsplit(next_page).query) == {"unit": [tree["bloc_a"].slug], "period": ["2021"], "page": ["2"]}


def test_filter_with_no_match_says_so(client, db):
    ArticleFactory(period_code="2021-H1")
    assert "Không có bài viết nào khớp" in text(client.get("/tin-tuc/?period=2022"))


# --- Chosen filters ---


def removal_link(response, label):
    """Where the chip of the filter `label` takes the reader: the same URL without that filter."""
    for href, _, attrs in links(response):
        if attrs.get("aria-label", "").endswith(label) and attrs["aria-label"].startswith("Bỏ lọc"):
            return parse_qs(urlsplit(href).query)
    raise AssertionError(f"no link removes {label!r}")


@pytest.fixture
def filtered(client, tree):
    category = CategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    ArticleFactory(unit=tree["dept"], category=category, period_code="2021-H1")
    url = f"/tin-tuc/?unit={tree['bloc_a'].slug}&category=xay-dung-dang&period=2021-h1&kind=so_ket_6_thang&page=1"
    return client.get(url)


def test_chosen_filters_are_shown_by_name(filtered):
    chips = region(filtered, "Bộ lọc đang chọn")
    assert "Đơn vị: Đảng bộ Khối A" in chips
    assert "Chuyên mục: Xây dựng Đảng" in chips
    assert "Kỳ: 6 tháng đầu năm 2021" in chips


def test_chosen_meeting_kind_is_shown_by_its_name_not_its_code(filtered):
    chips = region(filtered, "Bộ lọc đang chọn")
    assert "Loại hội nghị: Hội nghị sơ kết 6 tháng" in chips
    assert "so_ket_6_thang" not in chips


def test_removing_a_chosen_filter_keeps_the_others(filtered, tree):
    assert removal_link(filtered, "Đơn vị") == {
        "category": ["xay-dung-dang"],
        "period": ["2021-h1"],
        "kind": ["so_ket_6_thang"],
    }


def test_removing_a_chosen_filter_goes_back_to_the_first_page(filtered):
    assert "page" not in removal_link(filtered, "Chuyên mục")


def test_all_filters_can_be_removed_at_once(filtered):
    assert any(href == "/tin-tuc/" and "Bỏ tất cả" in label for href, label, _ in links(filtered))


def test_no_chips_without_filters(client, db):
    assert "Bộ lọc đang chọn" not in client.get("/tin-tuc/").content.decode()


# --- Bad filter values ---


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("period=2021-H9", "Kỳ “2021-H9” không hợp lệ"),
        ("period=<script>", "không hợp lệ"),
        ("unit=khong-ton-tai", "Hãy chọn một lựa chọn hợp lệ"),
        ("category=khong-ton-tai", "Hãy chọn một lựa chọn hợp lệ"),
        ("tag=khong-ton-tai", "Hãy chọn một lựa chọn hợp lệ"),
        ("kind=khong-co", "Hãy chọn một lựa chọn hợp lệ"),
        ("from=31/02/2021", "Nhập một ngày hợp lệ"),
        ("q=" + "hội nghị " * 1200, "Từ khóa quá dài: tối đa 200 ký tự"),
    ],
)
def test_a_bad_filter_value_gives_a_page_with_a_clear_message(client, db, query, message):
    response = client.get(f"/tin-tuc/?{query}")
    assert response.status_code == 200
    assert message in text(response)
    assert "Bộ lọc có giá trị không hợp lệ" in text(response)


def test_a_bad_filter_value_is_not_echoed_as_markup(client, db):
    assert "<script>" not in client.get("/tin-tuc/?period=<script>").content.decode()


# --- Article page ---


@pytest.fixture
def report(tree):
    meeting = MeetingFactory(
        host=tree["dept"],
        title="Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2023",
        kind=Meeting.Kind.SO_KET_6_THANG,
        period_code="2023-H1",
    )
    article = ArticleFactory(
        title="Đảng bộ Sở Tài chính sơ kết 6 tháng đầu năm 2023",
        unit=tree["cell"],
        meeting=meeting,
        period_code="2023-H1",
        lead="Chiều ngày 16/5/2023, Đảng bộ Sở tổ chức Hội nghị sơ kết.",
        source="BDK.VN",
        body="<p>Đồng chí Bí thư phát biểu chỉ đạo Hội nghị.</p>",
        byline="Hoài Thu",
        photo_credit="Thiệu Phan",
        published_at=datetime(2023, 5, 17, 5, 17, tzinfo=UTC),
        cover=PhotoFactory(),
    )
    article.tags.add("Nghị quyết 21", "Sơ kết")
    ArticlePhotoFactory(article=article, caption="Quang cảnh Hội nghị", credit="Minh Tuấn", order=1)
    ArticlePhotoFactory(article=article, caption="Đại biểu biểu quyết", order=2)
    return article


@pytest.fixture
def page(client, report):
    return client.get(report.get_absolute_url())


def test_article_page_shows_the_title(page, report):
    assert heading(page) == report.title


def test_article_page_shows_publication_time_in_vietnam(page):
    assert "17/05/2023 - 12:17" in text(page)


def test_article_page_breadcrumb_goes_up_the_unit_tree(page):
    crumbs = region(page, "Vị trí")
    order = ["Đảng bộ tỉnh Bến Tre", "Đảng bộ Khối A", "Đảng bộ Sở Tài chính", "Chi bộ Phòng Ngân sách"]
    assert [crumbs.index(name) for name in order] == sorted(crumbs.index(name) for name in order)


def test_article_page_links_its_meeting_and_period(page, report):
    assert report.meeting.get_absolute_url() in hrefs(page)
    assert "/ky/2023-h1/" in hrefs(page)
    assert "6 tháng đầu năm 2023" in text(page)


def test_article_page_lead_starts_with_the_source(page):
    assert "BDK.VN - Chiều ngày 16/5/2023, Đảng bộ Sở tổ chức Hội nghị sơ kết." in text(page)


def test_article_page_shows_the_body(page):
    assert "<p>Đồng chí Bí thư phát biểu chỉ đạo Hội nghị.</p>" in page.content.decode()


def test_article_gallery_shows_captions_and_credits(page):
    assert "Quang cảnh Hội nghị (Ảnh: Minh Tuấn)" in text(page)


def test_gallery_credit_falls_back_to_the_article_photo_credit(page):
    assert "Đại biểu biểu quyết (Ảnh: Thiệu Phan)" in text(page)


def test_article_page_shows_the_byline(page):
    assert "Hoài Thu" in text(page)


def test_article_page_links_its_tags(client, page):
    tag_links = {label: href for href, label, _ in links(page) if href and href.startswith("/the/")}
    assert set(tag_links) == {"Nghị quyết 21", "Sơ kết"}
    assert card_titles(client.get(tag_links["Sơ kết"])) == ["Đảng bộ Sở Tài chính sơ kết 6 tháng đầu năm 2023"]


def test_article_page_lists_related_articles(client, report):
    ArticleFactory(title="Cùng thẻ Nghị quyết 21").tags.add("Nghị quyết 21")
    ArticleFactory(title="Cùng hội nghị", meeting=report.meeting)
    ArticleFactory(title="Không liên quan")
    ArticleFactory(title="Bản nháp cùng thẻ", status=Article.Status.DRAFT).tags.add("Nghị quyết 21")
    related = region(client.get(report.get_absolute_url()), "Tin liên quan")
    assert "Cùng thẻ Nghị quyết 21" in related
    assert "Cùng hội nghị" in related
    assert "Không liên quan" not in related
    assert "Bản nháp cùng thẻ" not in related


def test_article_page_links_newer_and_older_articles_of_the_same_unit(client, report, tree):
    ArticleFactory(title="Cũ hơn cùng chi bộ", unit=report.unit, published_at=report.published_at - timedelta(days=1))
    ArticleFactory(title="Cũ nhất cùng chi bộ", unit=report.unit, published_at=report.published_at - timedelta(days=2))
    ArticleFactory(title="Mới hơn cùng chi bộ", unit=report.unit, published_at=report.published_at + timedelta(days=1))
    ArticleFactory(
        title="Mới hơn đơn vị khác", unit=tree["bloc_b"], published_at=report.published_at + timedelta(hours=1)
    )
    nearby = {label for href, label, attrs in links(client.get(report.get_absolute_url())) if attrs.get("rel")}
    assert any("Cũ hơn cùng chi bộ" in label for label in nearby)
    assert any("Mới hơn cùng chi bộ" in label for label in nearby)
    assert not any("Cũ nhất" in label or "đơn vị khác" in label for label in nearby)


def test_article_page_has_share_links_to_facebook_and_zalo(page, report):
    url = quote(f"http://testserver{report.get_absolute_url()}", safe="")
    assert f"https://www.facebook.com/sharer/sharer.php?u={url}" in hrefs(page)
    assert f"https://zalo.me/share?url={url}" in hrefs(page)


def test_article_page_offers_to_copy_its_link(page, report):
    assert "Sao chép liên kết" in page.content.decode()
    assert f"http://testserver{report.get_absolute_url()}" in [attrs.get("value") for attrs in tags(page, "input")]


def test_article_page_loads_no_third_party_script(page):
    scripts = [attrs.get("src", "") for attrs in tags(page, "script")]
    assert all(not src or src.startswith("/static/") for src in scripts)


def test_article_page_has_a_canonical_link_without_the_query_string(client, report):
    response = client.get(report.get_absolute_url() + "?utm_source=zalo")
    canonical = [attrs["href"] for attrs in tags(response, "link") if attrs.get("rel") == "canonical"]
    assert canonical == [f"http://testserver{report.get_absolute_url()}"]


def test_article_page_has_opengraph_tags(page, report):
    og = {attrs["property"]: attrs["content"] for attrs in tags(page, "meta") if "property" in attrs}
    assert og["og:type"] == "article"
    assert og["og:title"] == report.title
    assert og["og:url"] == f"http://testserver{report.get_absolute_url()}"
    assert og["og:description"].startswith("Chiều ngày 16/5/2023")
    assert og["og:image"].startswith("http://testserver/media/")


def json_ld(response):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_article_page_describes_itself_as_a_news_article_in_json_ld(page, report):
    data = json_ld(page)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == report.title
    assert data["mainEntityOfPage"] == f"http://testserver{report.get_absolute_url()}"
    assert datetime.fromisoformat(data["datePublished"]) == report.published_at


def test_a_title_containing_a_closing_script_tag_stays_inside_the_json_ld(client, db):
    article = ArticleFactory(title='Bài </script><script>alert("x")</script> thử')
    response = client.get(article.get_absolute_url())
    assert json_ld(response)["headline"] == article.title
    assert '<script>alert("x")' not in response.content.decode()


def test_article_page_links_a_print_stylesheet(page):
    assert any(attrs.get("media") == "print" for attrs in tags(page, "link") if attrs.get("rel") == "stylesheet")


def test_footer_names_the_responsible_body_and_editor(client, db):
    SiteSettings.objects.create(responsible_body="Ban Tuyên giáo Tỉnh ủy Bến Tre", editor_in_charge="Nguyễn Văn An")
    footer = text(client.get(ArticleFactory().get_absolute_url()))
    assert "Cơ quan chủ quản: Ban Tuyên giáo Tỉnh ủy Bến Tre" in footer
    assert "Chịu trách nhiệm nội dung: Nguyễn Văn An" in footer


def test_footer_shows_the_new_editor_as_soon_as_the_settings_are_saved(client, db):
    site = SiteSettings.objects.create(editor_in_charge="Nguyễn Văn An")
    url = ArticleFactory().get_absolute_url()
    client.get(url)
    site.editor_in_charge = "Trần Thị Bình"
    site.save()
    assert "Chịu trách nhiệm nội dung: Trần Thị Bình" in text(client.get(url))


@pytest.mark.parametrize("hidden", UNPUBLISHED.values(), ids=UNPUBLISHED.keys())
def test_unpublished_article_page_is_not_found(client, db, hidden):
    assert client.get(ArticleFactory(**hidden).get_absolute_url()).status_code == 404


def test_unknown_article_is_not_found(client, db):
    assert client.get("/tin-tuc/khong-co/").status_code == 404


# --- Period archive, category and tag pages ---


@pytest.fixture
def periods(db):
    for code in ["2021-06", "2021-Q3", "2021-H1", "2021", "2020-2025", "2022-Q1"]:
        ArticleFactory(title=f"Báo cáo kỳ {code}", period_code=code)


@pytest.mark.parametrize(
    ("path", "codes"),
    [
        ("/ky/2021/", ["2021-06", "2021-Q3", "2021-H1", "2021"]),
        ("/ky/2021-h1/", ["2021-06", "2021-H1"]),
        ("/ky/2021-H1/", ["2021-06", "2021-H1"]),
        ("/ky/2021-q3/", ["2021-Q3"]),
        ("/ky/2021-06/", ["2021-06"]),
        ("/ky/2020-2025/", ["2021-06", "2021-Q3", "2021-H1", "2021", "2020-2025", "2022-Q1"]),
    ],
)
def test_period_page_lists_articles_whose_period_lies_within_it(client, periods, path, codes):
    assert sorted(card_titles(client.get(path))) == sorted(f"Báo cáo kỳ {code}" for code in codes)


def test_period_page_is_titled_with_the_period_in_words(client, periods):
    assert heading(client.get("/ky/2021-h1/")) == "6 tháng đầu năm 2021"


@pytest.mark.parametrize("path", ["/ky/2021-h9/", "/ky/2021-13/", "/ky/0999/", "/ky/2021-q5/", "/ky/hai-nghin/"])
def test_impossible_period_page_is_not_found(client, db, path):
    assert client.get(path).status_code == 404


def test_category_page_lists_its_published_articles(client, db):
    category = CategoryFactory(name="Xây dựng Đảng")
    ArticleFactory(title="Trong chuyên mục", category=category)
    ArticleFactory(title="Nháp trong chuyên mục", category=category, status=Article.Status.DRAFT)
    ArticleFactory(title="Ngoài chuyên mục")
    assert card_titles(client.get(f"/chuyen-muc/{category.slug}/")) == ["Trong chuyên mục"]


def test_tag_page_lists_its_published_articles(client, db):
    tag = TagFactory(name="Chuyển đổi số")
    ArticleFactory(title="Có thẻ").tags.add(tag)
    ArticleFactory(title="Nháp có thẻ", status=Article.Status.DRAFT).tags.add(tag)
    ArticleFactory(title="Không có thẻ")
    assert card_titles(client.get(f"/the/{tag.slug}/")) == ["Có thẻ"]


@pytest.mark.parametrize("path", ["/chuyen-muc/khong-co/", "/the/khong-co/"])
def test_unknown_category_or_tag_page_is_not_found(client, db, path):
    assert client.get(path).status_code == 404


# --- Only what is published is public ---


@pytest.fixture
def public_and_hidden(request, tree):
    """A published article and a hidden one that share unit, meeting, period, category and tag."""
    meeting = MeetingFactory(host=tree["dept"], period_code="2021-H1")
    category, tag = CategoryFactory(slug="chuyen-muc"), TagFactory(slug="the")
    shared = {"unit": tree["dept"], "meeting": meeting, "period_code": "2021-H1", "category": category}
    ArticleFactory(title="Hội nghị công khai", **shared).tags.add(tag)
    hidden = ArticleFactory(
        title="Hội nghị chưa công khai", is_featured=True, view_count=999, **shared, **request.param
    )
    hidden.tags.add(tag)
    return {"unit": tree["bloc_a"].slug, "meeting": meeting.pk}


HIDDEN_FROM = [
    "/",
    "/tin-tuc/",
    "/tin-tuc/?period=2021",
    "/tim-kiem/?q=hoi+nghi",
    "/don-vi/{unit}/",
    "/don-vi/{unit}/ky/2021/",
    "/ky/2021-h1/",
    "/chuyen-muc/chuyen-muc/",
    "/the/the/",
    "/hoi-nghi/{meeting}/",
    "/rss/",
    "/don-vi/{unit}/rss/",
    "/chuyen-muc/chuyen-muc/rss/",
    "/the/the/rss/",
]


@pytest.mark.parametrize("public_and_hidden", UNPUBLISHED.values(), ids=UNPUBLISHED.keys(), indirect=True)
@pytest.mark.parametrize("path", HIDDEN_FROM)
def test_unpublished_articles_appear_on_no_public_page(client, public_and_hidden, path):
    response = client.get(path.format(**public_and_hidden))
    assert response.status_code == 200
    assert "Hội nghị công khai" in response.content.decode()
    assert "Hội nghị chưa công khai" not in response.content.decode()


# --- Hostile or malformed input on every public page ---


PUBLIC_URLS = {
    "home": "/",
    "list": "/tin-tuc/",
    "search": "/tim-kiem/",
    "article": "/tin-tuc/{article}/",
    "period": "/ky/2021/",
    "category": "/chuyen-muc/chuyen-muc/",
    "tag": "/the/the/",
    "unit list": "/don-vi/",
    "unit": "/don-vi/{unit}/",
    "unit period": "/don-vi/{unit}/ky/2021-h1/",
    "meeting list": "/hoi-nghi/",
    "meeting": "/hoi-nghi/{meeting}/",
    "feed": "/rss/",
    "unit feed": "/don-vi/{unit}/rss/",
    "category feed": "/chuyen-muc/chuyen-muc/rss/",
    "tag feed": "/the/the/rss/",
    "sitemap": "/sitemap.xml",
    "robots": "/robots.txt",
}

INVALID_FILTERS = [
    "period=2021-H9",
    "period=%3Cscript%3Ealert(1)%3C/script%3E",
    "unit=khong-ton-tai",
    "unit=a&unit=b",
    "category=khong-ton-tai",
    "tag=khong-ton-tai",
    "kind=%3Cscript%3Ealert(1)%3C/script%3E",
    "from=31/02/2021",
    "to=2021-13-45",
    "from=0001-01-01",
    "to=9999-12-31",
    "from=01/01/0001",
    "q=" + "x" * 10_000,
    "q=%00",
]

HOSTILE = [
    "page=abc",
    "page=-1",
    "page=0",
    "page=99999999",
    "page=1&page=2",
    "p=abc",
    *INVALID_FILTERS,
    "q=%27%22%3B--%20%26%7C!:*",
    "q=%3Cscript%3Ealert(1)%3C/script%3E",
]


@pytest.fixture
def objects(tree):
    category, tag = CategoryFactory(slug="chuyen-muc"), TagFactory(slug="the")
    meeting = MeetingFactory(host=tree["dept"])
    article = ArticleFactory(unit=tree["dept"], category=category, meeting=meeting, period_code="2021-H1")
    article.tags.add(tag)
    return {"article": article.slug, "unit": tree["bloc_a"].slug, "meeting": meeting.pk}


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("page", PUBLIC_URLS)
def test_hostile_query_gives_a_normal_page_or_not_found(client, objects, page, query):
    response = client.get(PUBLIC_URLS[page].format(**objects) + "?" + query)
    assert response.status_code in (200, 404)
    assert b"<script>alert(1)" not in response.content


@pytest.mark.parametrize("query", INVALID_FILTERS)
@pytest.mark.parametrize(("page", "message"), [("list", "Bộ lọc có giá trị không hợp lệ"), ("search", "không hợp lệ")])
def test_hostile_filter_value_gives_a_vietnamese_message(client, objects, page, message, query):
    response = client.get(PUBLIC_URLS[page] + "?" + query)
    assert response.status_code == 200
    assert message in text(response)


@pytest.mark.parametrize(
    "path",
    ["/ky/2021-h9/", "/don-vi/khong-ton-tai/", "/hoi-nghi/999999/", "/tin-tuc/khong-co/", "/the/khong-co/rss/"],
)
def test_a_missing_page_is_not_found(client, db, path):
    assert client.get(path).status_code == 404


def test_read_beacon_for_an_unknown_article_stores_nothing(client, db, local_cache):
    response = client.post("/tin-tuc/khong-co-bai-nay/doc/", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 204
    assert caches["default"].get("read:khong-co-bai-nay:203.0.113.7") is None
