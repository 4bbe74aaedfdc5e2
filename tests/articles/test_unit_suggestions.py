"""The unit filter of the public lists: the upper levels in the select, any unit found by name as one types."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.filters import LISTED_UNIT_DEPTH
from tests.factories import ArticleFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    """Five levels: the province, a district, a commune, a party cell and a cell below it."""
    province = OrganizationFactory(name="Đảng bộ tỉnh Thanh Sơn", kind="provincial")
    district = OrganizationFactory(parent=province, name="Đảng bộ huyện Châu Sơn", kind="upper")
    commune = OrganizationFactory(parent=district, name="Đảng bộ xã Đông Hòa")
    cell = OrganizationFactory(parent=commune, name="Chi bộ thôn Đồng Tâm", kind="cell")
    deepest = OrganizationFactory(parent=cell, name="Tổ đảng Đồng Tâm 2", kind="cell", short_name="Tổ 2")
    return province, district, commune, cell, deepest


def options(html):
    select = re.search(r'<select name="unit"[^>]*>(.*?)</select>', html, re.DOTALL)[1]
    return re.findall(r'<option value="([^"]*)"', select)


def test_the_select_lists_the_upper_levels_and_asks_for_the_rest(client, tree):
    province, district, commune, cell, deepest = tree
    html = client.get("/tin-tuc/").content.decode()
    assert options(html) == ["", province.slug, district.slug, commune.slug]
    assert LISTED_UNIT_DEPTH == 3
    assert 'data-suggest="/don-vi/goi-y.json"' in html
    assert "js/suggest.js" in html


def test_a_deeper_unit_chosen_is_listed_and_selected(client, tree):
    *_, cell, deepest = tree
    ArticleFactory(unit=deepest, title="Sinh hoạt tổ đảng tháng 5")
    html = client.get(f"/tin-tuc/?unit={deepest.slug}").content.decode()
    assert options(html)[-1] == deepest.slug
    assert f'<option value="{deepest.slug}" selected>Tổ đảng Đồng Tâm 2</option>' in html
    assert "Sinh hoạt tổ đảng tháng 5" in html
    assert cell.slug not in options(html)  # only the one chosen is added


def test_a_slug_that_is_no_unit_is_refused_in_words(client, tree):
    response = client.get("/tin-tuc/?unit=khong-co-don-vi-nay")
    assert response.status_code == 200
    assert "Bộ lọc có giá trị không hợp lệ" in response.content.decode()


def test_suggestions_match_every_word_without_diacritics_upper_levels_first(client, tree):
    province, district, commune, cell, deepest = tree
    found = client.get("/don-vi/goi-y.json", {"q": "dong tam"}).json()["results"]
    assert found == [
        {"value": cell.slug, "label": "Chi bộ thôn Đồng Tâm", "within": "Đảng bộ xã Đông Hòa"},
        {"value": deepest.slug, "label": "Tổ đảng Đồng Tâm 2", "within": "Chi bộ thôn Đồng Tâm"},
    ]
    assert [r["value"] for r in client.get("/don-vi/goi-y.json", {"q": "ĐỒNG  tâm 2"}).json()["results"]] == [
        deepest.slug
    ]
    assert [r["value"] for r in client.get("/don-vi/goi-y.json", {"q": "to 2"}).json()["results"]] == [deepest.slug]
    assert client.get("/don-vi/goi-y.json", {"q": "am"}).json()["results"] == []  # "Tâm": words start so
    assert client.get("/don-vi/goi-y.json", {"q": "chau son"}).json()["results"][0]["within"] == province.name


@pytest.mark.parametrize("query", ["", "   ", "khong co", "x" * 5000])
def test_suggestions_for_nothing_or_no_match_are_empty(client, tree, query):
    response = client.get("/don-vi/goi-y.json", {"q": query})
    assert response.status_code == 200
    assert response.json() == {"results": []}


def test_suggestions_are_bounded_and_read_once_per_content_generation(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the endpoint itself, not the page cache in front of it
    root = OrganizationFactory(name="Đảng bộ tỉnh", kind="provincial")
    for n in range(40):
        OrganizationFactory(parent=root, name=f"Chi bộ khu phố {n}", kind="cell")
    assert len(client.get("/don-vi/goi-y.json", {"q": "khu pho"}).json()["results"]) == 15
    with CaptureQueriesContext(connection) as queries:
        found = client.get("/don-vi/goi-y.json", {"q": "khu pho 3"}).json()["results"]  # words that start so
    assert [r["label"][-2:] for r in found] == [" 3", *(str(n) for n in range(30, 40))]
    assert len(queries) == 0
    OrganizationFactory(parent=root, name="Chi bộ khu phố 3B", kind="cell")  # a write: read again
    found = client.get("/don-vi/goi-y.json", {"q": "khu pho 3b"}).json()["results"]
    assert [r["label"] for r in found] == ["Chi bộ khu phố 3B"]
