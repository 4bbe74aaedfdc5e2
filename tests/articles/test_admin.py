import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, ArticlePhoto, Category, Photo, Tag
from organizations.models import StaffAssignment
from tests.admin_forms import form_data
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    MeetingFactory,
    OrganizationFactory,
    PhotoFactory,
    image_file,
)


def admin_url(model, view="changelist", *args):
    return reverse(f"admin:articles_{model}_{view}", args=args)


def result_names(response):
    return {str(obj) for obj in response.context["cl"].result_list}


def not_an_image(name="anh.jpg"):
    return SimpleUploadedFile(name, "Đây không phải là ảnh".encode(), content_type="image/jpeg")


@pytest.fixture
def unit(db):
    return OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường")


def tagged_article(*tags, **fields):
    article = ArticleFactory(**fields)
    article.tags.add(*tags)
    return article


# One object of each model, how to find it with the changelist search, and a filter that keeps it.
ADMINS = {
    "category": (CategoryFactory, "Xây dựng Đảng", None),
    "tag": (lambda: tagged_article("Nghị quyết").tags.get(), "Nghị", "dang_dung=1"),
    "photo": (lambda: ArticlePhotoFactory(photo__alt_text="Toàn cảnh Hội nghị").photo, "Toàn cảnh", "dang_dung=1"),
    "article": (lambda: ArticleFactory(title="Hội nghị sơ kết 6 tháng đầu năm"), "sơ kết", "status__exact=published"),
}


@pytest.mark.parametrize("model", ["tag", "photo"])
def test_in_use_filter_hides_used_rows_when_asked_for_unused(admin_client, model):
    ADMINS[model][0]()
    response = admin_client.get(admin_url(model), {"dang_dung": "0"})
    assert response.status_code == 200
    assert result_names(response) == set()


def test_admin_index_lists_the_articles_app_in_vietnamese(admin_client):
    content = admin_client.get(reverse("admin:index")).content.decode()
    assert "Tin bài" in content and "Kho ảnh" in content
    assert reverse("admin:articles_tag_changelist") in content
    assert "/admin/taggit/" not in content  # taggit's own, unused tag model is not offered


# --- Category, Tag, Photo ---


def test_category_add_creates_it_with_a_vietnamese_slug(admin_client):
    data = form_data(admin_client.get(admin_url("category", "add")), name="Đảng, Đoàn thể", order="3")
    assert admin_client.post(admin_url("category", "add"), data).status_code == 302
    category = Category.objects.get(name="Đảng, Đoàn thể")
    assert (category.slug, category.order) == ("dang-doan-the", 3)


def test_category_change_updates_it(admin_client):
    category = CategoryFactory()
    url = admin_url("category", "change", category.pk)
    assert admin_client.post(url, form_data(admin_client.get(url), description="Tin Đảng bộ")).status_code == 302
    category.refresh_from_db()
    assert category.description == "Tin Đảng bộ"


def test_tag_changelist_counts_the_articles_of_each_tag(admin_client):
    for _ in range(3):
        tagged_article("Nghị quyết")
    response = admin_client.get(admin_url("tag"), {"dang_dung": "1"})
    assert [(tag.name, tag.article_count) for tag in response.context["cl"].result_list] == [("Nghị quyết", 3)]


def test_tag_form_is_in_vietnamese(admin_client):
    content = admin_client.get(admin_url("tag", "add")).content.decode()
    assert "Tên thẻ" in content and "Đường dẫn" in content


def test_tag_add_creates_it(admin_client):
    data = form_data(admin_client.get(admin_url("tag", "add")), name="Học tập Nghị quyết", slug="hoc-tap-nghi-quyet")
    assert admin_client.post(admin_url("tag", "add"), data).status_code == 302
    assert Tag.objects.get(slug="hoc-tap-nghi-quyet").name == "Học tập Nghị quyết"


def test_tag_change_updates_it(admin_client):
    tag = Tag.objects.create(name="Nghị quyết")
    url = admin_url("tag", "change", tag.pk)
    assert admin_client.post(url, form_data(admin_client.get(url), name="Nghị quyết Trung ương")).status_code == 302
    tag.refresh_from_db()
    assert tag.name == "Nghị quyết Trung ương"


def test_tag_merge_action_first_asks_which_tag_stays(admin_client):
    tagged_article("Nghị quyết", "Học tập")
    selected = list(Tag.objects.values_list("pk", flat=True))
    response = admin_client.post(admin_url("tag"), {"action": "merge_selected", "_selected_action": selected})
    assert response.status_code == 200
    assert "Chọn thẻ được giữ lại" in response.content.decode()
    assert Tag.objects.count() == 2


def test_tag_merge_action_keeps_the_chosen_tag_on_the_articles(admin_client):
    both = tagged_article("Nghị quyết", "Học tập")
    one = tagged_article("Nghị quyết")
    keep = Tag.objects.get(name="Nghị quyết")
    response = admin_client.post(
        admin_url("tag"),
        {
            "action": "merge_selected",
            "_selected_action": list(Tag.objects.values_list("pk", flat=True)),
            "confirm": "yes",
            "into": keep.pk,
        },
        follow=True,
    )
    assert list(Tag.objects.values_list("name", flat=True)) == ["Nghị quyết"]
    assert [list(a.tags.names()) for a in (both, one)] == [["Nghị quyết"], ["Nghị quyết"]]
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Đã gộp 1 thẻ vào “Nghị quyết”."]


def test_photo_add_stores_the_image_and_the_uploader(admin_client, admin_user):
    data = form_data(admin_client.get(admin_url("photo", "add")), alt_text="Toàn cảnh Hội nghị", credit="Thiệu Phan")
    assert admin_client.post(admin_url("photo", "add"), {**data, "image": image_file()}).status_code == 302
    photo = Photo.objects.get()
    assert (photo.alt_text, photo.credit, photo.width, photo.uploaded_by) == (
        "Toàn cảnh Hội nghị",
        "Thiệu Phan",
        64,
        admin_user,
    )


def test_photo_add_refuses_a_text_file_in_vietnamese(admin_client):
    data = form_data(admin_client.get(admin_url("photo", "add")), alt_text="Toàn cảnh")
    response = admin_client.post(admin_url("photo", "add"), {**data, "image": not_an_image()})
    assert response.status_code == 200
    assert "Hãy tải lên một hình ảnh hợp lệ." in response.content.decode()
    assert not Photo.objects.exists()


def test_photo_add_with_a_good_image_and_a_bad_field_shows_the_form_again(admin_client):
    data = form_data(admin_client.get(admin_url("photo", "add")), alt_text="x" * 301)
    response = admin_client.post(admin_url("photo", "add"), {**data, "image": image_file()})
    assert response.status_code == 200
    assert "alt_text" in response.context["adminform"].form.errors
    assert not Photo.objects.exists()


def test_photo_change_updates_it(admin_client):
    photo = PhotoFactory()
    url = admin_url("photo", "change", photo.pk)
    assert admin_client.post(url, form_data(admin_client.get(url), credit="Hoàng Lam")).status_code == 302
    photo.refresh_from_db()
    assert photo.credit == "Hoàng Lam"


# --- Article ---


def article_data(client, unit, **changes):
    data = form_data(client.get(admin_url("article", "add")))
    data |= {"title": "Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2021", "unit": unit.pk, "status": "published"}
    data |= {"published_at_0": "18/06/2021", "published_at_1": "17:30", "body": "<p>Chiều ngày 18/6/2021.</p>"}
    return data | changes


def test_article_add_creates_it(admin_client, admin_user, unit):
    category = CategoryFactory(name="Xây dựng Đảng")
    data = article_data(admin_client, unit, category=category.pk, tags="Nghị quyết, Học tập", period_code="2021-H1")
    assert admin_client.post(admin_url("article", "add"), data).status_code == 302
    article = Article.objects.get()
    assert (article.unit, article.category, article.period_code) == (unit, category, "2021-H1")
    assert (article.slug, article.created_by) == ("hoi-nghi-so-ket-cong-tac-dang-6-thang-dau-nam-2021", admin_user)
    assert article.published_at.isoformat() == "2021-06-18T10:30:00+00:00"
    assert sorted(article.tags.names()) == ["Học tập", "Nghị quyết"]


def test_article_change_updates_it_and_keeps_its_gallery(admin_client):
    placement = ArticlePhotoFactory(caption="Toàn cảnh Hội nghị")
    url = admin_url("article", "change", placement.article.pk)
    data = form_data(admin_client.get(url), title="Hội nghị sơ kết (cập nhật)", **{"gallery-0-caption": "Quang cảnh"})
    assert admin_client.post(url, data).status_code == 302
    placement.refresh_from_db()
    assert placement.article.title == "Hội nghị sơ kết (cập nhật)"
    assert placement.caption == "Quang cảnh"


def test_article_gallery_upload_creates_the_photo_and_its_placement(admin_client, admin_user, unit):
    data = article_data(
        admin_client, unit, **{"gallery-0-caption": "Toàn cảnh Hội nghị", "gallery-0-upload": image_file()}
    )
    assert admin_client.post(admin_url("article", "add"), data).status_code == 302
    placement = ArticlePhoto.objects.get()
    assert placement.caption == "Toàn cảnh Hội nghị"
    assert (placement.article.unit, placement.photo.uploaded_by, placement.photo.width) == (unit, admin_user, 64)


def test_article_gallery_refuses_a_text_file_named_jpg_and_saves_nothing(admin_client, unit):
    data = article_data(admin_client, unit, **{"gallery-0-caption": "Toàn cảnh", "gallery-0-upload": not_an_image()})
    response = admin_client.post(admin_url("article", "add"), data)
    assert response.status_code == 200
    assert "Tệp tải lên không phải là ảnh hợp lệ" in response.content.decode()
    assert not Photo.objects.exists() and not Article.objects.exists()


def test_article_gallery_upload_is_not_kept_when_the_article_is_invalid(admin_client, unit):
    data = article_data(admin_client, unit, title="", **{"gallery-0-upload": image_file()})
    assert admin_client.post(admin_url("article", "add"), data).status_code == 200
    assert not Photo.objects.exists() and not Article.objects.exists()


def test_article_gallery_can_use_an_existing_photo(admin_client, unit):
    photo = PhotoFactory()
    data = article_data(
        admin_client, unit, **{"gallery-0-photo": photo.pk, "gallery-0-caption": "Đ/c Bí thư phát biểu"}
    )
    assert admin_client.post(admin_url("article", "add"), data).status_code == 302
    assert list(ArticlePhoto.objects.values_list("photo", "caption")) == [(photo.pk, "Đ/c Bí thư phát biểu")]


def test_article_gallery_row_without_a_photo_is_refused_in_vietnamese(admin_client, unit):
    data = article_data(admin_client, unit, **{"gallery-0-caption": "Toàn cảnh Hội nghị"})
    response = admin_client.post(admin_url("article", "add"), data)
    assert response.status_code == 200
    assert "Hãy tải lên một ảnh hoặc chọn ảnh có sẵn." in response.content.decode()
    assert not Article.objects.exists()


def test_article_change_page_links_to_the_site(admin_client):
    article = ArticleFactory()
    content = admin_client.get(admin_url("article", "change", article.pk)).content.decode()
    content_type = ContentType.objects.get_for_model(Article)
    assert reverse("admin:view_on_site", args=[content_type.pk, article.pk]) in content
    assert "Xem trên trang web" in content


def test_article_body_uses_ckeditor_in_vietnamese(admin_client):
    content = admin_client.get(admin_url("article", "add")).content.decode()
    assert 'class="django_ckeditor_5"' in content
    assert "django_ckeditor_5/dist/translations/vi.js" in content
    assert reverse("articles:editor-upload") in content


# --- Autocomplete ---


def autocomplete(client, field, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": field, "term": term},
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_meeting_autocomplete_finds_meetings_by_vietnamese_title(admin_client):
    MeetingFactory(title="Hội nghị tổng kết năm 2015")
    MeetingFactory(title="Hội nghị sơ kết 6 tháng đầu năm 2021")
    assert autocomplete(admin_client, "meeting", "tổng kết") == ["Hội nghị tổng kết năm 2015"]


def test_photo_autocomplete_finds_photos_by_vietnamese_description(admin_client):
    PhotoFactory(alt_text="Đ/c Bí thư phát biểu chỉ đạo")
    PhotoFactory(alt_text="Toàn cảnh Hội nghị")
    assert autocomplete(admin_client, "cover", "phát biểu") == ["Đ/c Bí thư phát biểu chỉ đạo"]


def test_category_autocomplete_finds_categories_by_vietnamese_name(admin_client):
    CategoryFactory(name="Đảng, Đoàn thể")
    CategoryFactory(name="Xây dựng Đảng")
    assert autocomplete(admin_client, "category", "Đoàn thể") == ["Đảng, Đoàn thể"]


def test_unit_autocomplete_finds_units_by_vietnamese_name(admin_client, unit):
    OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh")
    assert autocomplete(admin_client, "unit", "Tài nguyên") == [unit.name]


# --- Staff of a unit see only that unit's articles ---


@pytest.fixture
def editor(client, django_user_model, units):
    user = django_user_model.objects.create_user(
        "bientap", "bientap@example.vn", "mat-khau-bien-tap-2025", is_staff=True
    )
    codenames = ["view_article", "change_article", "add_article", "view_organization", "view_meeting"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    StaffAssignment.objects.create(user=user, organization=units[0])
    client.force_login(user)
    return client


def test_editor_sees_articles_of_their_units_only(editor, units):
    a, a_cell, b = units
    for title, unit in [("Tin A", a), ("Tin chi bộ", a_cell), ("Tin B", b)]:
        ArticleFactory(title=title, unit=unit)
    assert result_names(editor.get(admin_url("article"))) == {"Tin A", "Tin chi bộ"}


def test_editor_cannot_open_an_article_of_another_unit(editor, units):
    article = ArticleFactory(title="Tin của đơn vị khác", unit=units[2])
    response = editor.get(admin_url("article", "change", article.pk), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "Tin của đơn vị khác" not in response.content.decode()


def test_editor_unit_choices_are_their_units(editor, units):
    form = editor.get(admin_url("article", "add")).context["adminform"].form
    assert set(form.fields["unit"].queryset) == {units[0], units[1]}


def test_editor_unit_autocomplete_offers_only_their_units(editor, units):
    assert set(autocomplete(editor, "unit", "Đảng bộ Sở")) == {units[0].name}


def test_editor_meeting_autocomplete_offers_only_their_units_meetings(editor, units):
    MeetingFactory(title="Hội nghị của Sở Tài nguyên", host=units[1])
    MeetingFactory(title="Hội nghị của Sở Văn hóa", host=units[2])
    assert autocomplete(editor, "meeting", "Hội nghị") == ["Hội nghị của Sở Tài nguyên"]


def test_editor_cannot_post_an_article_for_another_unit(editor, units):
    response = editor.post(admin_url("article", "add"), article_data(editor, units[2]))
    assert response.status_code == 200
    assert not Article.objects.exists()


# --- The rich-text editor's image upload ---


def test_editor_upload_stores_a_photo_and_answers_its_url(admin_client, admin_user):
    response = admin_client.post(reverse("articles:editor-upload"), {"upload": image_file()})
    assert response.status_code == 200
    photo = Photo.objects.get()
    assert response.json() == {"url": photo.image.url}
    assert photo.uploaded_by == admin_user


def test_editor_upload_refuses_a_text_file_in_vietnamese(admin_client):
    response = admin_client.post(reverse("articles:editor-upload"), {"upload": not_an_image()})
    assert response.status_code == 400
    assert "không phải là ảnh hợp lệ" in response.json()["error"]["message"]
    assert not Photo.objects.exists()


def test_editor_upload_refuses_anonymous_users(client, db):
    response = client.post(reverse("articles:editor-upload"), {"upload": image_file()})
    assert response.status_code == 403
    assert not Photo.objects.exists()


def test_editor_upload_accepts_only_post(admin_client):
    assert admin_client.get(reverse("articles:editor-upload")).status_code == 405


def test_adding_a_tag_that_differs_only_by_case_or_tone_placement_is_refused_clearly(admin_client):
    Tag.objects.create(name="Tỉnh ủy")
    data = form_data(admin_client.get(admin_url("tag", "add")), name="tỉnh uỷ")
    response = admin_client.post(admin_url("tag", "add"), data)
    assert response.status_code == 200
    assert "Đã có thẻ" in response.content.decode()
    assert Tag.objects.count() == 1
