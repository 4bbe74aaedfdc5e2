import re
import unicodedata
from datetime import timedelta
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from articles import search
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


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_the_exact_phrase_in_the_title_ranks_first(client, db):
    ArticleFactory(title="Hội nghị sơ kết công tác Đảng", lead="", body="", published_at=days_ago(3))
    ArticleFactory(title="Sơ kết hoạt động, hội nghị chi bộ", lead="", body="", published_at=days_ago(2))
    ArticleFactory(
        title="Tin hoạt động", lead="", body="<p>Đảng bộ tổ chức Hội nghị sơ kết.</p>", published_at=days_ago(1)
    )
    assert found(client, "hoi nghi so ket") == [
        "Hội nghị sơ kết công tác Đảng",
        "Tin hoạt động",  # the phrase itself, if only in the body, above the words scattered in a title
        "Sơ kết hoạt động, hội nghị chi bộ",
    ]


def test_a_word_in_the_title_ranks_above_one_in_the_lead_above_one_in_the_body(client, db):
    ArticleFactory(title="Tin thứ nhất", lead="", body="<p>Chuyển đổi số.</p>", published_at=days_ago(1))
    ArticleFactory(title="Tin thứ hai", lead="Chuyển đổi số.", body="", published_at=days_ago(2))
    ArticleFactory(title="Chuyển đổi số", lead="", body="", published_at=days_ago(3))
    assert found(client, "chuyen doi so") == ["Chuyển đổi số", "Tin thứ hai", "Tin thứ nhất"]


def test_query_words_side_by_side_rank_above_scattered_ones(client, db):
    scattered = "<p>Tháng 6 năm 2021, chi bộ kết nạp đảng viên và sơ bộ đánh giá.</p>"
    ArticleFactory(title="Tin chi bộ", lead="", body=scattered, published_at=days_ago(1))
    side_by_side = "<p>Chi bộ sơ kết 6 tháng đầu năm 2021.</p>"
    ArticleFactory(title="Tin đảng bộ", lead="", body=side_by_side, published_at=days_ago(2))
    assert found(client, "so ket 6 thang 2021") == ["Tin đảng bộ", "Tin chi bộ"]


def test_equally_good_matches_go_newest_first(client, db):
    for days in (3, 1, 2):
        ArticleFactory(title=f"Hội nghị sơ kết ({days})", lead="", body="", published_at=days_ago(days))
    assert found(client, "hoi nghi so ket") == ["Hội nghị sơ kết (1)", "Hội nghị sơ kết (2)", "Hội nghị sơ kết (3)"]


def test_ranking_looks_only_at_the_newest_matches(client, db, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 2)
    ArticleFactory(title="Hội nghị sơ kết", lead="", body="", published_at=days_ago(3))
    ArticleFactory(title="Tin hoạt động", lead="", body="<p>Hội nghị sơ kết.</p>", published_at=days_ago(2))
    ArticleFactory(title="Tin mới", lead="", body="<p>Hội nghị sơ kết.</p>", published_at=days_ago(1))
    assert found(client, "hoi nghi so ket") == ["Tin mới", "Tin hoạt động"]
    assert "Có từ 2 kết quả trở lên cho “hoi nghi so ket”: đây là 2 bài mới nhất" in text(
        client.get("/tim-kiem/", {"q": "hoi nghi so ket"})
    )


def test_filters_narrow_the_matches_before_the_newest_are_taken(client, db, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 1)
    unit = OrganizationFactory()
    ArticleFactory(title="Hội nghị sơ kết của đơn vị", unit=unit, published_at=days_ago(2))
    ArticleFactory(title="Hội nghị sơ kết đơn vị khác", published_at=days_ago(1))
    assert found(client, "hoi nghi so ket", unit=unit.slug) == ["Hội nghị sơ kết của đơn vị"]


def test_fewer_results_than_the_limit_are_counted(client, db):
    ArticleFactory.create_batch(3, title="Hội nghị sơ kết")
    assert "3 kết quả cho “hoi nghi so ket”, bài phù hợp nhất lên trước." in text(
        client.get("/tim-kiem/", {"q": "hoi nghi so ket"})
    )


def test_search_index_follows_saves_and_deletions(db):
    kept = ArticleFactory(title="Hội nghị sơ kết", lead="", body="")
    article = ArticleFactory(title="Tin hoạt động", lead="", body="<p>Nội dung.</p>")
    article.title = "Đại hội đại biểu lần thứ XIII"
    article.save()
    assert list(Article.objects.search("dai hoi dai bieu")) == [article]
    assert not Article.objects.search("tin hoat dong").exists()
    article.delete()
    assert not Article.objects.search("dai hoi").exists()
    assert list(Article.objects.search("hoi nghi so ket")) == [kept]


def test_punctuation_and_hyphens_split_words_alike_on_both_databases(client, db):
    ArticleFactory(title="Đại hội nhiệm kỳ 2020-2025", lead="", body="")
    assert found(client, "2025") == found(client, "nhiem ky 2020 2025") == ["Đại hội nhiệm kỳ 2020-2025"]


def test_a_syllable_of_another_word_is_not_marked(client, db):
    ArticleFactory(title="Tin", lead="", body="<p>Đại hội Đảng bộ cơ sở bàn về Hội nghị sơ kết.</p>")
    assert snippets(client, "hoi nghi so ket") == ["Đại hội Đảng bộ cơ sở bàn về <mark>Hội nghị sơ kết</mark>."]


def test_words_of_the_query_standing_apart_are_marked_apart(client, db):
    ArticleFactory(title="Tin", lead="", body="<p>Hội nghị Ban Chấp hành sơ kết công tác.</p>")
    assert snippets(client, "hoi nghi so ket") == ["<mark>Hội nghị</mark> Ban Chấp hành <mark>sơ kết</mark> công tác."]


def test_a_number_of_the_query_is_marked_on_its_own(client, db):
    ArticleFactory(title="Tin", lead="", body="<p>Sơ kết 6 tháng đầu năm 2021 tại cơ sở.</p>")
    assert snippets(client, "so ket 6 thang 2021") == [
        "<mark>Sơ kết 6 tháng</mark> đầu năm <mark>2021</mark> tại cơ sở."
    ]


def test_a_one_word_query_marks_that_word_wherever_it_is(client, db):
    ArticleFactory(title="Tin", lead="", body="<p>Đảng bộ và đảng viên.</p>")
    assert snippets(client, "dang") == ["<mark>Đảng</mark> bộ và <mark>đảng</mark> viên."]


def test_the_snippet_opens_at_the_whole_phrase(client, db):
    body = "<p>Hội đồng họp. " + "Nội dung khác. " * 40 + "Kết luận của Hội nghị sơ kết.</p>"
    ArticleFactory(title="Tin", lead="", body=body)
    [snippet] = snippets(client, "hoi nghi so ket")
    assert snippet.startswith("… ") and "<mark>Hội nghị sơ kết</mark>" in snippet
    assert "Hội đồng" not in snippet


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


def test_query_of_punctuation_only_says_nothing_was_found(client, db):
    ArticleFactory(title="Hội nghị sơ kết")
    assert "Không tìm thấy bài viết nào cho “!!!”" in text(client.get("/tim-kiem/", {"q": "!!!"}))


def test_stored_search_vector_follows_every_write_of_the_text_on_postgresql(db):
    require(connection.vendor == "postgresql", "the stored search vector and its trigger are PostgreSQL's")
    article = ArticleFactory(title="Tin hoạt động", lead="", body="<p>Nội dung.</p>")
    assert not Article.objects.search("so ket giua nhiem ky").exists()
    article.title = "Hội nghị sơ kết giữa nhiệm kỳ"
    article.save()
    assert list(Article.objects.search("so ket giua nhiem ky")) == [article]
    Article.objects.filter(pk=article.pk).update(body_text="Đại hội đại biểu lần thứ XIII")
    assert list(Article.objects.search("dai hoi dai bieu")) == [article]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table and its triggers are SQLite's")
@pytest.mark.django_db
def test_sqlite_keeps_its_search_triggers_through_every_migration():
    """A later migration that rebuilds the article table drops its triggers; post_migrate puts them back."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles_article'")
        triggers = {name for (name,) in cursor.fetchall()}
    assert {f"{search.FTS_TABLE}_{name}" for name in search.SQLITE_TRIGGERS} <= triggers
    ArticleFactory(title="Tổng kết năm")
    assert [a.title for a in Article.objects.search("tong ket")] == ["Tổng kết năm"]
