"""The public JSON API: public data only, the public list's filters, cursors, ETags, CORS and its rate limit."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from comments.models import Comment
from organizations.models import Meeting
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    MeetingFactory,
    OrganizationFactory,
    PhotoFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def get(url, **headers):
    return Client().get(url, headers=headers)


def slugs(response):
    return [item["slug"] for item in response.json()["results"]]


def test_only_published_articles_and_nothing_personal():
    published = ArticleFactory(title="Hội nghị sơ kết")
    draft = ArticleFactory(status=Article.Status.DRAFT)
    Comment.objects.create(article=published, name="An", email="an@example.vn", ip_address="203.0.113.7", text="Hay")
    Article.objects.filter(pk=published.pk).update(body='<p onclick="x()">Nội dung</p><script>alert(1)</script>')

    Comment.objects.create(article=published, name="Bình", email="b@example.vn", text="Chờ duyệt")
    Comment.objects.create(article=published, name="Chi", email="c@example.vn", text="Duyệt", status="approved")
    assert slugs(get("/api/v1/articles/")) == [published.slug]
    assert get("/api/v1/articles/").json()["results"][0]["comment_count"] == 1
    assert get(f"/api/v1/articles/{draft.slug}/").status_code == 404
    detail = get(f"/api/v1/articles/{published.slug}/")
    assert detail.json()["body"] == "<p>Nội dung</p>"
    for response in (detail, get("/api/v1/articles/"), get("/api/v1/units/"), get("/api/v1/meetings/")):
        assert b"an@example.vn" not in response.content and b"203.0.113.7" not in response.content
        assert "Chờ duyệt".encode() not in response.content


def test_the_detail_has_images_with_their_renditions():
    article = ArticleFactory(cover=PhotoFactory(alt_text="Toàn cảnh"))
    ArticlePhotoFactory(article=article, caption="Đ/c Bí thư phát biểu", credit="Thiệu Phan")

    data = get(f"/api/v1/articles/{article.slug}/").json()

    assert data["cover"]["alt"] == "Toàn cảnh"
    [image] = data["images"]
    assert (image["caption"], image["credit"]) == ("Đ/c Bí thư phát biểu", "Thiệu Phan")
    geometries = [rendition["geometry"] for rendition in image["image"]["renditions"]]
    assert geometries == ["480x320", "1200"]
    rendition = image["image"]["renditions"][0]
    assert rendition["url"].startswith("/media/") and rendition["width"] <= 480


def test_the_filters_of_the_public_list():
    province = OrganizationFactory(name="Tỉnh ủy")
    unit = OrganizationFactory(name="Đảng bộ Khối", parent=province)
    cell = OrganizationFactory(name="Chi bộ Văn phòng", parent=unit)
    other = OrganizationFactory(name="Đảng bộ khác")
    category, tag = CategoryFactory(), TagFactory(name="Nghị quyết")
    meeting = MeetingFactory(host=cell, kind=Meeting.Kind.SO_KET_6_THANG, period_code="2021-H1")
    in_cell = ArticleFactory(unit=cell, period_code="2021-H1", category=category, meeting=meeting, title="Sơ kết")
    in_cell.tags.add(tag)
    in_unit = ArticleFactory(unit=unit, period_code="2022", title="Tổng kết năm")
    ArticleFactory(unit=other, title="Bài khác")

    assert set(slugs(get(f"/api/v1/articles/?unit={unit.slug}"))) == {in_cell.slug, in_unit.slug}
    assert slugs(get("/api/v1/articles/?period=2021-H1")) == [in_cell.slug]
    assert slugs(get(f"/api/v1/articles/?category={category.slug}")) == [in_cell.slug]
    assert slugs(get(f"/api/v1/articles/?tag={tag.slug}")) == [in_cell.slug]
    assert slugs(get("/api/v1/articles/?kind=so_ket_6_thang")) == [in_cell.slug]
    assert slugs(get("/api/v1/articles/?q=tong+ket")) == [in_unit.slug]
    assert [m["id"] for m in get(f"/api/v1/meetings/?unit={unit.slug}").json()["results"]] == [meeting.pk]

    bad = get("/api/v1/articles/?period=2021-H9&unit=khong-co")
    assert bad.status_code == 400 and {"period", "unit"} <= set(bad.json())


def test_the_units_tree_links_each_unit_to_its_parent():
    province = OrganizationFactory(name="Tỉnh ủy")
    unit = OrganizationFactory(name="Đảng bộ Khối", parent=province)
    OrganizationFactory(name="Chi bộ", parent=unit)

    units = get("/api/v1/units/").json()["results"]

    assert [(u["name"], u["parent"], u["depth"]) for u in units] == [
        ("Tỉnh ủy", None, 1),
        ("Đảng bộ Khối", province.slug, 2),
        ("Chi bộ", unit.slug, 3),
    ]


def test_cursor_pages_walk_every_article_once():
    made = {ArticleFactory().slug for _ in range(5)}
    seen, url = [], "/api/v1/articles/?page_size=2"
    while url:
        page = get(url).json()
        seen += [item["slug"] for item in page["results"]]
        url = page["next"]
    assert len(seen) == 5 and set(seen) == made
    assert get("/api/v1/articles/?cursor=rac").status_code == 404


def test_etag_and_cache_control():
    ArticleFactory()
    first = get("/api/v1/articles/")
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    again = get("/api/v1/articles/", if_none_match=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    ArticleFactory()
    assert get("/api/v1/articles/", if_none_match=first["ETag"]).status_code == 200


def test_cors_for_get_only():
    response = get("/api/v1/articles/", origin="https://cong-thong-tin.example.vn")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = Client().options(
        "/api/v1/articles/",
        headers={"origin": "https://cong-thong-tin.example.vn", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 204 and preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert Client().post("/api/v1/articles/", {}).status_code == 405
    assert Client().delete("/api/v1/units/x/").status_code == 405


def test_rate_limit_per_client(settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    for _ in range(3):
        assert Client(REMOTE_ADDR="198.51.100.1").get("/api/v1/units/").status_code == 200
    limited = Client(REMOTE_ADDR="198.51.100.1").get("/api/v1/units/")
    assert limited.status_code == 429 and "Retry-After" in limited
    assert Client(REMOTE_ADDR="198.51.100.2").get("/api/v1/units/").status_code == 200


def test_openapi_description_and_its_page_served_from_the_site():
    schema = get("/api/v1/openapi.json")
    assert schema.status_code == 200 and schema.json()["openapi"].startswith("3.")
    assert {"/api/v1/articles/", "/api/v1/units/", "/api/v1/meetings/", "/api/v1/periods/"} <= set(
        schema.json()["paths"]
    )
    page = get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "https://" not in page and "http://" not in page


# --- A fixed number of queries per page, whatever the number of rows ---


def grow(count):
    parent = OrganizationFactory()
    category = CategoryFactory()
    for _ in range(count):
        unit = OrganizationFactory(parent=parent)
        meeting = MeetingFactory(host=unit, period_code="2021-H1")
        article = ArticleFactory(unit=unit, category=category, meeting=meeting, period_code="2021-H1")
        article.cover = PhotoFactory()
        article.save()
        article.tags.add(TagFactory(), TagFactory())
        ArticlePhotoFactory(article=article)
        ArticlePhotoFactory(article=article)
        Comment.objects.create(article=article, name="An", email="an@example.vn", text="Hay", status="approved")
    return article


def queries(url):
    Client().get(url)  # renditions are found once, then kept in the cache as on the live site
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(url).status_code == 200
    return len(captured)


API_PAGES = ["/api/v1/articles/", "/api/v1/articles/?period=2021-H1&q=hoi+nghi", "/api/v1/units/"]
API_PAGES += ["/api/v1/meetings/", "/api/v1/periods/"]


def test_each_api_page_runs_as_many_queries_with_many_rows_as_with_few():
    last = grow(3)
    few = {url: queries(url) for url in [*API_PAGES, f"/api/v1/articles/{last.slug}/"]}
    last = grow(25)
    many = {url: queries(url) for url in [*API_PAGES, f"/api/v1/articles/{last.slug}/"]}
    assert list(many.values()) == list(few.values())
