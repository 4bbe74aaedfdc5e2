import re
import unicodedata
from datetime import timedelta
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from articles.models import Article
from tests.conftest import require
from tests.factories import ArticleFactory, CategoryFactory, OrganizationFactory
from tests.reader import text


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def found(client, query, **filters):
    response = client.get("/tim-kiem/", {"q": query, **filters})
    assert response.status_code == 200
    titles = re.findall(r'class="card__title">(.*?)</h', response.content.decode(), re.S)
    return [unescape(re.sub(r"<[^>]+>", "", title)).strip() for title in titles]


def snippets(client, query):
    html = client.get("/tim-kiem/", {"q": query}).content.decode()
    return re.findall(r'class="card__snippet">(.*?)</p>', html, re.S)


# --- Diacritics, tone placement and Unicode form ---


def test_query_without_diacritics_finds_vietnamese_title(client, db):
    ArticleFactory(title="Hội nghị sơ kết công tác Đảng 6 tháng đầu năm", lead="", body="")
    ArticleFactory(title="Lễ kết nạp đảng viên mới", lead="", body="")
    assert found(client, "hoi nghi so ket") == ["Hội nghị sơ kết công tác Đảng 6 tháng đầu năm"]


@pytest.mark.parametrize("stored", ["Tỉnh ủy", "Tỉnh uỷ"])
@pytest.mark.parametrize("query", ["tinh uy", "Tỉnh ủy", "Tỉnh uỷ", "TỈNH ỦY"])
def test_tone_placement_and_case_do_not_matter(client, db, stored, query):
    ArticleFactory(title=f"Ban Thường vụ {stored} làm việc với Đảng ủy Khối", lead="", body="")
    assert found(client, query) == [f"Ban Thường vụ {stored} làm việc với Đảng ủy Khối"]


def test_query_typed_in_decomposed_unicode_is_found(client, db):
    ArticleFactory(title="Hội nghị sơ kết", lead="", body="")
    assert found(client, unicodedata.normalize("NFD", "Hội nghị sơ kết")) == ["Hội nghị sơ kết"]


def test_d_with_stroke_matches_plain_d(client, db):
    ArticleFactory(title="Đại hội Đảng bộ", lead="", body="")
    assert found(client, "dai hoi dang bo") == ["Đại hội Đảng bộ"]


def test_a_word_in_the_body_is_found(client, db):
    ArticleFactory(title="Tin hoạt động", lead="", body="<p>Quán triệt Nghị quyết về chuyển đổi số.</p>")
    assert found(client, "chuyen doi so") == ["Tin hoạt động"]


def test_every_word_must_match(client, db):
    ArticleFactory(title="Hội nghị sơ kết", lead="", body="")
    assert found(client, "hoi nghi tong ket") == []


@pytest.mark.parametrize(
    "status", [Article.Status.DRAFT, Article.Status.SUBMITTED, Article.Status.RETURNED, Article.Status.WITHDRAWN]
)
def test_search_never_finds_an_unpublished_article(client, db, status):
    ArticleFactory(title="Hội nghị sơ kết chưa đăng", status=status)
    assert found(client, "hoi nghi so ket") == []


# --- Ranking and highlighting ---


def test_title_match_ranks_above_a_body_only_match_on_postgresql(client, db):
    require(connection.vendor == "postgresql", "ranking is PostgreSQL full-text search")
    older = timezone.now() - timedelta(days=3)
    ArticleFactory(title="Hội nghị sơ kết công tác Đảng", lead="", body="<p>Nội dung.</p>", published_at=older)
    ArticleFactory(title="Tin hoạt động tháng 6", lead="", body="<p>Đảng bộ tổ chức Hội nghị sơ kết.</p>")
    assert found(client, "hoi nghi so ket") == ["Hội nghị sơ kết công tác Đảng", "Tin hoạt động tháng 6"]


def test_search_uses_the_gin_index_on_postgresql(db):
    require(connection.vendor == "postgresql", "the GIN index exists on PostgreSQL only")
    unit, now = OrganizationFactory(), timezone.now()
    Article.objects.bulk_create(
        Article(title=f"Tin số {n}", slug=f"tin-so-{n}", unit=unit, status="published", published_at=now)
        for n in range(1000)
    )
    ArticleFactory(title="Hội nghị sơ kết")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
        cursor.execute("SET LOCAL enable_seqscan = off")
    # the search condition itself is served by the GIN index (published() may add another index path on its own)
    assert "article_search_idx" in Article.objects.search("hoi nghi so ket").explain()


def test_matched_words_are_marked_in_the_snippet(client, db):
    ArticleFactory(title="Tin hoạt động", lead="", body="<p>Đảng bộ Sở tổ chức Hội nghị sơ kết công tác Đảng.</p>")
    marked = "Đảng bộ Sở tổ chức <mark>Hội nghị</mark> sơ kết công tác Đảng."
    assert snippets(client, "hoi nghi") == [marked]


def test_snippet_escapes_markup_written_as_text_in_the_body(client, db):
    ArticleFactory(title="Tin hội nghị", lead="", body="<p>&lt;script&gt;alert(1)&lt;/script&gt; Hội nghị sơ kết</p>")
    response = client.get("/tim-kiem/", {"q": "hoi nghi"})
    assert "<script>alert(1)" not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippets(client, "hoi nghi")[0]


# --- Filters, empty and bad queries ---


def test_search_combines_with_the_filters(client, db):
    unit, category = OrganizationFactory(), CategoryFactory(slug="xay-dung-dang")
    ArticleFactory(title="Hội nghị của đơn vị", unit=unit, category=category)
    ArticleFactory(title="Hội nghị đơn vị khác", category=category)
    ArticleFactory(title="Hội nghị khác chuyên mục", unit=unit)
    assert found(client, "hoi nghi", unit=unit.slug, category="xay-dung-dang") == ["Hội nghị của đơn vị"]


def test_search_without_a_query_asks_for_one(client, db):
    assert "Nhập từ khóa" in text(client.get("/tim-kiem/"))


def test_search_without_results_says_so(client, db):
    ArticleFactory(title="Hội nghị sơ kết")
    assert "Không tìm thấy bài viết nào cho “chuyen doi so”" in text(client.get("/tim-kiem/?q=chuyen+doi+so"))


def test_too_long_query_gives_a_clear_vietnamese_message(client, db):
    response = client.get("/tim-kiem/", {"q": "hội nghị " * 1250})
    assert response.status_code == 200
    assert "Từ khóa quá dài: tối đa 200 ký tự" in text(response)


@pytest.mark.parametrize("query", ["!!!", "'\";--", "&|:*", "- -", "<>"])
def test_query_of_punctuation_only_finds_nothing_and_does_not_fail(client, db, query):
    ArticleFactory(title="Hội nghị sơ kết")
    assert found(client, query) in ([], ["Hội nghị sơ kết"])


def test_stored_search_vector_follows_every_write_of_the_text_on_postgresql(db):
    require(connection.vendor == "postgresql", "the stored search vector and its trigger are PostgreSQL's")
    article = ArticleFactory(title="Tin hoạt động", lead="", body="<p>Nội dung.</p>")
    assert not Article.objects.search("so ket giua nhiem ky").exists()
    article.title = "Hội nghị sơ kết giữa nhiệm kỳ"
    article.save()
    assert list(Article.objects.search("so ket giua nhiem ky")) == [article]
    Article.objects.filter(pk=article.pk).update(body_text="Đại hội đại biểu lần thứ XIII")
    assert list(Article.objects.search("dai hoi dai bieu")) == [article]
