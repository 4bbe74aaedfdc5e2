"""Photos belong to a unit: staff reach the photos of their units, and an article shows only its unit's photos."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Article, ArticlePhoto, Photo
from newsroom.roles import APPROVER, EDITOR
from tests.admin_forms import form_data
from tests.conftest import sign_in
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    PhotoFactory,
    StaffAssignmentFactory,
    UserFactory,
    image_file,
    staff_with_role,
)

ANOTHER_UNIT = "thuộc đơn vị khác"


@pytest.fixture
def photos(units):
    a, a_cell, b = units
    return {
        "a": PhotoFactory(alt_text="Ảnh của Sở Tài nguyên", unit=a),
        "a_cell": PhotoFactory(alt_text="Ảnh của Chi bộ Phòng Đất đai", unit=a_cell),
        "b": PhotoFactory(alt_text="Ảnh nháp của Sở Văn hóa", unit=b),
        "none": PhotoFactory(alt_text="Ảnh chưa có đơn vị", unit=None),
    }


@pytest.fixture
def reporter(client, units):
    client.force_login(staff_with_role(EDITOR, units[0]))
    return client


def listed(client):
    response = client.get(reverse("admin:articles_photo_changelist"))
    assert response.status_code == 200
    return {str(photo) for photo in response.context["cl"].result_list}


def autocomplete(client, model_name, field_name):
    params = {"app_label": "articles", "model_name": model_name, "field_name": field_name, "term": "Ảnh"}
    response = client.get(reverse("admin:autocomplete"), params)
    assert response.status_code == 200
    return {result["text"] for result in response.json()["results"]}


def article_add_data(client, unit, **changes):
    data = form_data(client.get(reverse("admin:articles_article_add")))
    data |= {"title": "Hội nghị sơ kết 6 tháng đầu năm 2021", "unit": unit.pk, "body": "<p>Nội dung.</p>"}
    return data | changes


OURS = {"Ảnh của Sở Tài nguyên", "Ảnh của Chi bộ Phòng Đất đai"}


def test_reporter_sees_only_his_units_photos_in_the_library(reporter, photos):
    assert listed(reporter) == OURS


def test_superuser_sees_every_photo_including_those_of_no_unit(admin_client, photos):
    assert listed(admin_client) == {str(photo) for photo in photos.values()}


def test_reporter_cannot_open_another_units_photo(reporter, photos):
    response = reporter.get(reverse("admin:articles_photo_change", args=[photos["b"].pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "Ảnh nháp của Sở Văn hóa" not in response.content.decode()


@pytest.mark.parametrize(("model_name", "field_name"), [("article", "cover"), ("articlephoto", "photo")])
def test_reporter_photo_autocompletes_offer_only_his_units_photos(reporter, photos, model_name, field_name):
    assert autocomplete(reporter, model_name, field_name) == OURS


def test_reporter_cannot_attach_another_units_photo_as_cover_by_its_id(reporter, units, photos):
    response = reporter.post(
        reverse("admin:articles_article_add"), article_add_data(reporter, units[0], cover=photos["b"].pk)
    )
    assert response.status_code == 200
    assert "cover" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_reporter_cannot_attach_another_units_photo_to_a_gallery_by_its_id(reporter, units, photos):
    data = article_add_data(
        reporter, units[0], **{"gallery-0-photo": photos["b"].pk, "gallery-0-caption": "Toàn cảnh"}
    )
    assert reporter.post(reverse("admin:articles_article_add"), data).status_code == 200
    assert not Article.objects.exists() and not ArticlePhoto.objects.exists()


def test_sub_units_photo_can_be_used_by_the_units_article(reporter, units, photos):
    data = article_add_data(
        reporter,
        units[0],
        cover=photos["a_cell"].pk,
        **{"gallery-0-photo": photos["a"].pk, "gallery-0-caption": "Toàn cảnh"},
    )
    assert reporter.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = Article.objects.get()
    assert (article.cover, [p.photo for p in article.gallery.all()]) == (photos["a_cell"], [photos["a"]])


def test_units_photo_cannot_be_used_by_a_sub_units_article(reporter, units, photos):
    response = reporter.post(
        reverse("admin:articles_article_add"), article_add_data(reporter, units[1], cover=photos["a"].pk)
    )
    assert ANOTHER_UNIT in response.context["adminform"].form.errors["cover"][0]
    assert not Article.objects.exists()


def test_superuser_cannot_attach_a_photo_to_an_article_of_another_unit_either(admin_client, units, photos):
    data = article_add_data(
        admin_client, units[0], **{"gallery-0-photo": photos["b"].pk, "gallery-0-caption": "Toàn cảnh"}
    )
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert ANOTHER_UNIT in response.content.decode()
    assert not Article.objects.exists()


def test_article_keeps_a_photo_of_another_unit_attached_before_photos_had_units(reporter, units, photos):
    article = ArticleFactory(unit=units[0], status=Article.Status.DRAFT, published_at=None, cover=photos["b"])
    ArticlePhotoFactory(article=article, photo=photos["b"], caption="Toàn cảnh")
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert reporter.post(url, form_data(reporter.get(url), title="Tiêu đề mới")).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.cover) == ("Tiêu đề mới", photos["b"])


# --- Uploads get a unit ---


def test_gallery_upload_belongs_to_the_articles_unit(reporter, units):
    data = article_add_data(reporter, units[1], **{"gallery-0-upload": image_file(), "gallery-0-caption": "Toàn cảnh"})
    assert reporter.post(reverse("admin:articles_article_add"), data).status_code == 302
    assert Photo.objects.get().unit == units[1]


def test_editor_upload_belongs_to_the_reporters_first_unit(client, units):
    user = staff_with_role(EDITOR, units[2])
    StaffAssignmentFactory(user=user, organization=units[0])
    client.force_login(user)
    assert client.post(reverse("articles:editor-upload"), {"upload": image_file()}).status_code == 200
    assert Photo.objects.get().unit == units[2]


def test_editor_upload_is_refused_to_staff_of_no_unit(client, db):
    client.force_login(staff_without_unit())
    response = client.post(reverse("articles:editor-upload"), {"upload": image_file()})
    assert response.status_code == 403
    assert "chưa được phân công đơn vị" in response.json()["error"]["message"]
    assert not Photo.objects.exists()


def staff_without_unit():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


def test_photo_added_in_the_library_belongs_to_the_chosen_unit_among_the_users(reporter, units):
    url = reverse("admin:articles_photo_add")
    form = reporter.get(url).context["adminform"].form
    assert set(form.fields["unit"].queryset) == {units[0], units[1]}
    assert form.initial["unit"] == units[0].pk
    data = form_data(reporter.get(url), image=image_file(), unit=units[1].pk, alt_text="Toàn cảnh")
    assert reporter.post(url, data).status_code == 302
    assert Photo.objects.get().unit == units[1]


def test_reporter_cannot_add_a_photo_for_another_unit(reporter, units):
    url = reverse("admin:articles_photo_add")
    data = form_data(reporter.get(url), image=image_file(), unit=units[2].pk, alt_text="Toàn cảnh")
    assert reporter.post(url, data).status_code == 200
    assert not Photo.objects.exists()


def test_approver_reaches_the_photos_of_his_units_only(client, units, photos):
    sign_in(client, staff_with_role(APPROVER, units[1]))
    assert listed(client) == {"Ảnh của Chi bộ Phòng Đất đai"}


# --- Photos stored before they had a unit ---

fill_photo_units = import_module("articles.migrations.0008_photo_unit").fill_photo_units


def test_migration_gives_a_photo_the_unit_of_an_article_that_shows_it(units):
    a, a_cell, b = units
    cover, shown = PhotoFactory(), PhotoFactory()
    ArticleFactory(unit=a_cell, cover=cover)
    ArticlePhotoFactory(article=ArticleFactory(unit=b), photo=shown)
    fill_photo_units(apps, None)
    assert [Photo.objects.get(pk=p.pk).unit for p in (cover, shown)] == [a_cell, b]


def test_migration_gives_an_unused_photo_its_uploaders_first_unit(units):
    uploader = staff_with_role(EDITOR, units[2])
    StaffAssignmentFactory(user=uploader, organization=units[0])
    unused, orphan = PhotoFactory(uploaded_by=uploader), PhotoFactory(uploaded_by=UserFactory())
    fill_photo_units(apps, None)
    assert Photo.objects.get(pk=unused.pk).unit == units[2]
    assert Photo.objects.get(pk=orphan.pk).unit is None
