"""Fragments of public pages kept for the content generation: the same until a write, fresh right after it."""

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template

from articles.models import Article, ArticleQuerySet
from newsroom import pagecache
from tests.factories import ArticleFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

COUNTED = Template('{% load newsroom %}{% fragment "counted" name %}{{ counter.next }}{% endfragment %}')


class Counter:
    def __init__(self):
        self.n = 0

    def next(self):
        self.n += 1
        return self.n


def test_a_fragment_is_made_once_per_generation_and_per_value():
    counter = Counter()
    render = lambda name: COUNTED.render(Context({"counter": counter, "name": name}))  # noqa: E731
    assert [render("a"), render("a"), render("b"), render("a")] == ["1", "1", "2", "1"]
    pagecache.bump()
    assert [render("a"), render("a")] == ["3", "3"]


def test_a_scheduled_change_coming_due_makes_fragments_stale(monkeypatch):
    counter = Counter()
    render = lambda: COUNTED.render(Context({"counter": counter, "name": "x"}))  # noqa: E731
    assert render() == render() == "1"
    cache.set(pagecache.DUE_KEY, 1.0, timeout=None)  # a publication was due in the past
    assert render() == "2"


def test_no_fragment_is_kept_when_turned_off(settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    counter = Counter()
    assert [COUNTED.render(Context({"counter": counter, "name": "x"})) for _ in range(2)] == ["1", "2"]


def test_a_fragment_without_a_name_is_a_template_error():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        Template("{% load newsroom %}{% fragment %}x{% endfragment %}")


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the fragments alone


def test_cards_follow_an_edit_a_unit_rename_and_a_withdrawal(client, page_cache_off):
    unit = OrganizationFactory(name="Đảng bộ xã Hòa An")
    article = ArticleFactory(unit=unit, title="Hội nghị sơ kết 6 tháng")
    assert "Hội nghị sơ kết 6 tháng" in client.get("/tin-tuc/").content.decode()
    article.title = "Hội nghị sơ kết 6 tháng đầu năm"
    article.save()
    html = client.get("/tin-tuc/").content.decode()
    assert "Hội nghị sơ kết 6 tháng đầu năm" in html
    unit.name = "Đảng bộ xã Hòa An Tây"
    unit.save()
    assert "Đảng bộ xã Hòa An Tây" in client.get("/tin-tuc/").content.decode()
    article.status = "draft"
    article.save()
    assert "Hội nghị sơ kết 6 tháng đầu năm" not in client.get("/").content.decode()


def test_cards_are_read_back_in_one_round_trip(client, page_cache_off):
    for n in range(12):
        ArticleFactory(title=f"Tin số {n}")
    client.get("/tin-tuc/")
    pagecache.recent.clear()  # another process: the cards are in the shared cache, not in its memory
    calls = []
    get_many = cache.get_many
    cache.get_many = lambda keys, **kw: calls.append(len(keys)) or get_many(keys, **kw)
    try:
        html = client.get("/tin-tuc/").content.decode()
    finally:
        del cache.get_many
    assert all(f"Tin số {n}<" in html for n in range(12))
    assert 12 in calls  # the twelve cards together


def test_recent_fragments_keep_the_newest_and_drop_the_oldest():
    recent = pagecache.Recent(2)
    recent.put("a", 1)
    recent.put("b", 2)
    assert recent.get("a") == 1  # a is used: b is now the oldest
    recent.put("c", 3)
    assert (recent.get("a"), recent.get("b"), recent.get("c")) == (1, None, 3)


def test_recent_values_can_be_weighed_and_the_oldest_go_past_the_budget():
    recent = pagecache.Recent(10, weigh=len)
    recent.put("a", "xxxx")
    recent.put("b", "xxxx")
    recent.put("a", "xx")  # put again: weighed again, and the newest
    recent.put("c", "xxxxx")  # 4 + 2 + 5 > 10: b goes
    assert (recent.get("a"), recent.get("b"), recent.get("c")) == ("xx", None, "xxxxx")
    recent.put("d", "x" * 11)  # heavier than the whole budget: kept by nobody
    assert [recent.get(key) for key in "acd"] == [None, None, None]
    recent.put("e", "x" * 4, seconds=0)  # kept no time: as the cache's copy, it expires
    assert recent.get("e") is None and recent.weight == 0
    recent.put("e", "x" * 4)
    recent.clear()
    recent.put("f", "x" * 10)  # the whole budget again
    assert (recent.get("e"), recent.get("f")) == (None, "x" * 10)


def test_a_page_made_again_reads_its_fragments_with_one_round_trip(client, page_cache_off):
    article = ArticleFactory(title="Hội nghị sơ kết 6 tháng")
    client.get(article.get_absolute_url())
    calls = []
    get_many = cache.get_many
    cache.get_many = lambda keys, **kw: calls.append(list(keys)) or get_many(keys, **kw)
    try:
        assert client.get(article.get_absolute_url()).status_code == 200
    finally:
        del cache.get_many
    assert len(calls) == 1 and pagecache.GENERATION_KEY in calls[0]  # the generation, then this process's memory


def test_a_write_in_a_request_forgets_the_generation_it_read():
    scope = pagecache._request.set({})
    try:
        before, _ = pagecache.lookup()
        assert pagecache.lookup()[0] == before
        pagecache.bump()
        assert pagecache.lookup()[0] != before
    finally:
        pagecache._request.reset(scope)


def test_a_list_keeps_its_count_and_each_pages_keys_for_the_generation(django_assert_num_queries):
    unit = OrganizationFactory()
    ArticleFactory.create_batch(7, unit=unit)
    listed = lambda: pagecache.CachedCountPaginator(  # noqa: E731
        Article.objects.order_by("-pk"), 3, count_key="/tin-tuc/"
    )
    with django_assert_num_queries(2):  # the count, the keys of page 3
        assert len(listed().page(3).object_list.keys) == 1
    with django_assert_num_queries(0):
        page = listed().page(3)
        assert page.paginator.num_pages == 3 and len(page.object_list.keys) == 1
    with django_assert_num_queries(1):  # page 2's keys: the count is kept
        keys = listed().page(2).object_list.keys
    ArticleFactory(unit=unit)  # a write: a new generation, read again
    with django_assert_num_queries(2):
        assert listed().page(2).object_list.keys != keys and listed().count == 8


def test_a_list_read_again_never_builds_its_filters(client, page_cache_off, monkeypatch):
    """A search read again takes its count, its page's keys and its cards from what is kept: its ranking (built by
    Django at some cost even when not run) is not built at all; after a write it is, and the page follows."""
    unit = OrganizationFactory()
    for n in range(3):
        ArticleFactory(unit=unit, title=f"Hội nghị sơ kết số {n}")
    url = "/tim-kiem/?q=hoi+nghi+so+ket"
    first = client.get(url)
    built = []
    search = ArticleQuerySet.search
    monkeypatch.setattr(ArticleQuerySet, "search", lambda self, q: built.append(q) or search(self, q))
    again = client.get(url)
    assert built == [] and without_nonces(again) == without_nonces(first)
    assert client.get("/tin-tuc/?q=so+ket").status_code == 200 and built == ["so ket"]  # another list: built
    ArticleFactory(unit=unit, title="Hội nghị sơ kết số 3")  # a write: a new generation
    assert "số 3" in client.get(url).content.decode() and built[-1] == "hoi nghi so ket"


def without_nonces(response):
    return re.sub(r'nonce="[^"]*"', "", response.content.decode())


def test_a_list_whose_filters_are_invalid_is_empty_and_says_so(client, page_cache_off):
    ArticleFactory(title="Hội nghị sơ kết")
    for _ in range(2):  # made, then read again
        response = client.get("/tin-tuc/?from=khong-phai-ngay")
        assert response.status_code == 200 and "Bộ lọc có giá trị không hợp lệ" in response.content.decode()
