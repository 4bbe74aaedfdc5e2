"""Every model's admin pages open, list, search and filter, with a query count that does not grow with rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.articles.test_admin import ADMINS as ARTICLE_ADMINS
from tests.organizations.test_admin import ADMINS as ORGANIZATION_ADMINS

# (app, model) -> (make one object, a search that finds it, a filter query that keeps it)
ADMINS = {("articles", model): spec for model, spec in ARTICLE_ADMINS.items()} | {
    ("organizations", model): spec for model, spec in ORGANIZATION_ADMINS.items()
}
FILTERED = [key for key, (_, _, query) in ADMINS.items() if query]
each_admin = pytest.mark.parametrize("key", ADMINS, ids=".".join)


def admin_url(key, view="changelist", *args):
    app, model = key
    return reverse(f"admin:{app}_{model}_{view}", args=args)


def result_names(response):
    return {str(obj) for obj in response.context["cl"].result_list}


@each_admin
def test_changelist_lists_the_object(admin_client, key):
    obj = ADMINS[key][0]()
    response = admin_client.get(admin_url(key))
    assert response.status_code == 200
    assert str(obj) in result_names(response)


@each_admin
def test_changelist_search_finds_vietnamese_text(admin_client, key):
    create, search, _ = ADMINS[key]
    obj = create()
    response = admin_client.get(admin_url(key), {"q": search})
    assert response.status_code == 200
    assert result_names(response) == {str(obj)}


@pytest.mark.parametrize("key", FILTERED, ids=".".join)
def test_changelist_filter_keeps_the_matching_object(admin_client, key):
    create, _, query = ADMINS[key]
    obj = create()
    response = admin_client.get(f"{admin_url(key)}?{query}")
    assert response.status_code == 200
    assert result_names(response) == {str(obj)}


@each_admin
def test_add_page_opens(admin_client, key):
    assert admin_client.get(admin_url(key, "add")).status_code == 200


@each_admin
def test_change_page_opens(admin_client, key):
    obj = ADMINS[key][0]()
    response = admin_client.get(admin_url(key, "change", obj.pk))
    assert response.status_code == 200
    assert response.context["original"] == obj


@each_admin
def test_changelist_query_count_does_not_grow_with_rows(admin_client, key):
    ADMINS[key][0]()
    admin_client.get(admin_url(key))  # thumbnails are made once, on the first view
    with CaptureQueriesContext(connection) as one:
        admin_client.get(admin_url(key))
    for _ in range(4):
        ADMINS[key][0]()
    admin_client.get(admin_url(key))
    with CaptureQueriesContext(connection) as five:
        admin_client.get(admin_url(key))
    assert len(five) == len(one)
