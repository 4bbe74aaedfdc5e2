import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from articles.models import Article
from newsroom.roles import EDITOR
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, OrganizationFactory, StaffAssignmentFactory, UserFactory


def editor_client(unit, first_name, last_name):
    user = UserFactory(first_name=first_name, last_name=last_name)
    user.groups.add(Group.objects.get(name=EDITOR))
    StaffAssignmentFactory(user=user, organization=unit)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def no_one_present():
    cache.clear()


@pytest.fixture
def unit(db):
    return OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường")


@pytest.fixture
def article(unit):
    return ArticleFactory(unit=unit, title="Hội nghị sơ kết", status=Article.Status.DRAFT, published_at=None)


@pytest.fixture
def thu(unit):
    return editor_client(unit, "Thu", "Hoài")


@pytest.fixture
def lam(unit):
    return editor_client(unit, "Lam", "Hoàng")


def url_of(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_the_form_carries_the_version_it_was_opened_on(thu, article):
    form = thu.get(url_of(article)).context["adminform"].form
    assert form["base_version"].value() == 1
    assert 'name="base_version" value="1"' in thu.get(url_of(article)).content.decode()


def test_a_save_increments_the_version(thu, article):
    response = thu.post(url_of(article), form_data(thu.get(url_of(article)), title="Hội nghị sơ kết 6 tháng"))
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).version == 2


def test_the_second_of_two_concurrent_saves_is_refused_and_overwrites_nothing(thu, lam, article):
    thu_form, lam_form = form_data(thu.get(url_of(article))), form_data(lam.get(url_of(article)))
    assert thu_form["base_version"] == lam_form["base_version"] == "1"

    assert thu.post(url_of(article), thu_form | {"title": "Tiêu đề của Thu"}).status_code == 302
    response = lam.post(url_of(article), lam_form | {"title": "Tiêu đề của Lam", "lead": "Sapo của Lam"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Không lưu được: trong lúc bạn sửa, Thu Hoài đã lưu bài này" in page
    assert "Các mục đã đổi: Tiêu đề." in page
    article.refresh_from_db()
    assert (article.title, article.lead, article.version) == ("Tiêu đề của Thu", ArticleFactory.lead, 2)


def test_a_save_that_does_not_say_which_version_it_edits_is_refused(thu, article):
    form = form_data(thu.get(url_of(article)), title="Tiêu đề không rõ phiên bản")
    del form["base_version"]
    response = thu.post(url_of(article), form)
    assert response.status_code == 200
    assert "tải lại trang" in response.content.decode()
    article.refresh_from_db()
    assert (article.title, article.version) == ("Hội nghị sơ kết", 1)


def test_a_refused_form_stays_refused_until_reloaded(thu, lam, article):
    lam_form = form_data(lam.get(url_of(article)))
    thu.post(url_of(article), form_data(thu.get(url_of(article)), title="Tiêu đề của Thu"))
    lam.post(url_of(article), lam_form | {"title": "Tiêu đề của Lam"})
    again = lam.post(url_of(article), lam_form | {"title": "Tiêu đề của Lam"})
    assert again.status_code == 200
    reloaded = form_data(lam.get(url_of(article)), title="Tiêu đề của Lam")
    assert lam.post(url_of(article), reloaded).status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Tiêu đề của Lam"


def test_the_change_page_shows_who_else_has_the_article_open(thu, lam, article):
    thu.get(url_of(article))
    page = lam.get(url_of(article)).content.decode()
    assert 'Đang mở bởi: <span class="presence__names">Thu Hoài</span>' in page
    assert not presence_tag(page).endswith(" hidden>")
    assert "presence.js" in page


def presence_tag(page):
    return re.search(r'<ul class="messagelist" id="presence" [^>]*>', page).group()


def test_nobody_else_shows_no_names(thu, article):
    assert presence_tag(thu.get(url_of(article)).content.decode()).endswith(" hidden>")


def open_page(client, article):
    return client.get(url_of(article)).context["presence"]["page"]


def test_heartbeat_answers_with_the_others_and_leaving_clears_the_name(thu, lam, article):
    heartbeat = reverse("admin:articles_article_presence", args=[article.pk])
    thu_page, lam_page = open_page(thu, article), open_page(lam, article)
    assert lam.post(heartbeat, {"page": lam_page}).json() == {"others": ["Thu Hoài"]}
    assert thu.post(heartbeat, {"page": thu_page, "leave": "1"}).json() == {"others": ["Lam Hoàng"]}
    assert lam.post(heartbeat, {"page": lam_page}).json() == {"others": []}


def test_a_late_goodbye_from_the_page_before_a_reload_is_ignored(thu, lam, article):
    heartbeat = reverse("admin:articles_article_presence", args=[article.pk])
    before_reload = open_page(thu, article)
    open_page(thu, article)
    thu.post(heartbeat, {"page": before_reload, "leave": "1"})
    assert lam.post(heartbeat, {"page": open_page(lam, article)}).json() == {"others": ["Thu Hoài"]}


def test_heartbeat_is_a_post_for_those_who_may_see_the_article(thu, article):
    heartbeat = reverse("admin:articles_article_presence", args=[article.pk])
    assert thu.get(heartbeat).status_code == 405
    outsider = editor_client(OrganizationFactory(), "Người", "Ngoài")
    assert outsider.post(heartbeat).status_code == 404
