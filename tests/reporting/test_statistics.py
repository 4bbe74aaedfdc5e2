from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from organizations.models import Meeting, Organization
from reporting import charts
from reporting.models import OrganizationRating, RatingLevel, RatingScheme
from tests.factories import ArticleFactory, MeetingFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    province = OrganizationFactory(name="Đảng bộ tỉnh", kind=Organization.Kind.PROVINCIAL)
    bloc = OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh", kind=Organization.Kind.UPPER, parent=province)
    other = OrganizationFactory(name="Đảng bộ huyện Tân Lập", kind=Organization.Kind.UPPER, parent=province)
    scheme = RatingScheme.objects.create(name="Từ 2018", first_year=2018)
    level = RatingLevel.objects.create(scheme=scheme, name="Hoàn thành xuất sắc nhiệm vụ", order=1)
    return {"province": province, "bloc": bloc, "other": other, "level": level}


def grow(site, n):
    for i in range(n):
        unit = OrganizationFactory(parent=site["bloc"] if i % 2 else site["other"])
        meeting = MeetingFactory(host=unit, kind=list(Meeting.Kind)[i % 5])
        published = timezone.make_aware(datetime(2020 + i % 5, 1 + i % 12, 10))
        ArticleFactory(unit=unit, meeting=meeting, published_at=published)
        OrganizationRating.objects.create(unit=unit, year=2018 + i % 7, level=site["level"])


def test_the_statistics_page_counts_articles_per_unit_and_meeting_kind(client, site):
    grow(site, 4)

    response = client.get("/thong-ke/")

    assert response.status_code == 200
    assert [count for _, count in response.context["per_kind"]] == [1, 1, 1, 1]
    assert sum(count for _, count in response.context["monthly"]) == 4
    assert response.content.decode().count("<svg") == 4


def test_a_units_statistics_count_only_its_subtree(client, site):
    grow(site, 4)

    response = client.get(f"/don-vi/{site['bloc'].slug}/thong-ke/")

    assert sum(row["n"] for row in response.context["per_unit"]) == 2
    assert "Đảng bộ Khối các cơ quan tỉnh" in response.content.decode()


def test_an_unknown_unit_has_no_statistics_page(client, site):
    assert client.get("/don-vi/khong-co/thong-ke/").status_code == 404


def test_an_empty_site_says_there_is_nothing_yet(client, db):
    page = client.get("/thong-ke/").content.decode()

    assert "Chưa có bài viết nào." in page and "Chưa có kết quả xếp loại." in page


@pytest.mark.parametrize("path", ["/thong-ke/", "unit"])
def test_the_statistics_pages_run_as_many_queries_with_many_rows_as_with_few(client, site, path):
    path = f"/don-vi/{site['province'].slug}/thong-ke/" if path == "unit" else path
    grow(site, 3)
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    grow(site, 60)
    with CaptureQueriesContext(connection) as many:
        assert client.get(path).status_code == 200
    assert len(many) == len(few)


def test_the_line_chart_scales_to_a_round_top():
    chart = charts.line_chart([("01/2021", 3), ("02/2021", 7)])

    assert [line["value"] for line in chart["grid"]] == [0, 2, 5, 8, 10]
    assert chart["points"][1]["y"] < chart["points"][0]["y"]


def test_a_stacked_bar_reaches_the_top_with_100_percent(site):
    (tally,) = OrganizationRating.objects.none().tally() or [None]
    assert tally is None
    OrganizationRating.objects.create(unit=site["bloc"], year=2020, level=site["level"])

    chart = charts.stacked_chart(OrganizationRating.objects.all().tally())

    (segment,) = chart["bars"][0]["segments"]
    assert segment["y"] == charts.TOP
