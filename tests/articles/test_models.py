from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from articles.models import Article, ArticlePhoto, Tag
from newsroom.periods import Period, PeriodKind
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    OrganizationFactory,
    PhotoFactory,
    StaffAssignmentFactory,
    TagFactory,
    UserFactory,
)


def titles(articles):
    return sorted(article.title for article in articles)


# --- Slugs ---


def test_slug_is_made_from_the_vietnamese_title(db):
    article = ArticleFactory(title="Đảng bộ Sở Tài nguyên và Môi trường tổ chức Hội nghị sơ kết")
    assert article.slug == "dang-bo-so-tai-nguyen-va-moi-truong-to-chuc-hoi-nghi-so-ket"


def test_duplicate_title_gets_a_numbered_slug(db):
    ArticleFactory(title="Hội nghị tổng kết năm 2023")
    ArticleFactory(title="Hội nghị tổng kết năm 2023")
    third = ArticleFactory(title="Hội nghị tổng kết năm 2023")
    assert third.slug == "hoi-nghi-tong-ket-nam-2023-3"


def test_slug_typed_by_the_editor_is_kept(db):
    assert ArticleFactory(title="Hội nghị", slug="hoi-nghi-so-ket-2021").slug == "hoi-nghi-so-ket-2021"


def test_slug_does_not_change_when_the_title_is_corrected(db):
    article = ArticleFactory(title="Hội nghị sơ kết")
    article.title = "Hội nghị sơ kết 6 tháng"
    article.save()
    assert article.slug == "hoi-nghi-so-ket"


def test_very_long_title_gives_a_slug_that_fits(db):
    article = ArticleFactory(title="Đảng bộ Khối các cơ quan tỉnh " * 10)
    assert len(article.slug) <= 300
    assert article.slug.startswith("dang-bo-khoi-cac-co-quan-tinh-")


# --- Publication ---


def test_published_hides_drafts_and_future_articles(db):
    ArticleFactory(title="Đã đăng")
    ArticleFactory(title="Nháp", status=Article.Status.DRAFT)
    ArticleFactory(title="Hẹn giờ", published_at=timezone.now() + timedelta(days=1))
    assert titles(Article.objects.published()) == ["Đã đăng"]


def test_published_hides_withdrawn_and_submitted_articles(db):
    ArticleFactory(title="Đã gỡ", status=Article.Status.WITHDRAWN)
    ArticleFactory(title="Chờ duyệt", status=Article.Status.SUBMITTED)
    assert list(Article.objects.published()) == []


def test_article_without_publication_time_is_not_published(db):
    article = ArticleFactory(published_at=None)
    assert not article.is_published()
    assert list(Article.objects.published()) == []


def test_scheduled_article_is_not_yet_published(db):
    assert not ArticleFactory(published_at=timezone.now() + timedelta(minutes=5)).is_published()


def test_body_is_sanitized_on_save(db):
    article = ArticleFactory(body='<p onclick="steal()">Nội dung</p><script>alert(1)</script>')
    article.refresh_from_db()
    assert article.body == "<p>Nội dung</p>"


# --- Units ---


@pytest.fixture
def units(db):
    bloc = OrganizationFactory(name="Đảng bộ Khối")
    department = OrganizationFactory(name="Đảng bộ Sở", parent=bloc)
    cell = OrganizationFactory(name="Chi bộ", parent=department)
    sibling = OrganizationFactory(name="Đảng bộ Sở bên cạnh", parent=bloc)
    return {"bloc": bloc, "department": department, "cell": cell, "sibling": sibling}


def test_articles_in_unit_include_those_of_sub_units(units):
    ArticleFactory(title="Bài của Sở", unit=units["department"])
    ArticleFactory(title="Bài của Chi bộ", unit=units["cell"])
    assert titles(Article.objects.in_unit(units["department"])) == ["Bài của Chi bộ", "Bài của Sở"]


def test_articles_in_unit_exclude_those_of_siblings_and_parents(units):
    ArticleFactory(unit=units["sibling"])
    ArticleFactory(unit=units["bloc"])
    assert list(Article.objects.in_unit(units["department"])) == []


def test_editor_can_edit_articles_of_the_assigned_unit_and_below(units):
    assignment = StaffAssignmentFactory(organization=units["department"])
    ArticleFactory(title="Bài của Chi bộ", unit=units["cell"])
    ArticleFactory(title="Bài của Sở bên cạnh", unit=units["sibling"])
    assert titles(Article.objects.editable_by(assignment.user)) == ["Bài của Chi bộ"]


def test_superuser_can_edit_every_article(units):
    ArticleFactory(unit=units["cell"])
    ArticleFactory(unit=units["sibling"])
    assert Article.objects.editable_by(UserFactory(is_superuser=True)).count() == 2


def test_deleting_an_editor_keeps_their_articles(db):
    editor = UserFactory()
    article = ArticleFactory(created_by=editor)
    editor.delete()
    article.refresh_from_db()
    assert article.created_by is None


def test_deleting_a_unit_with_articles_is_refused(units):
    article = ArticleFactory(unit=units["cell"])
    with pytest.raises(ProtectedError):
        units["cell"].delete()
    assert Article.objects.filter(pk=article.pk).exists()


# --- Periods ---


def test_period_phrase_becomes_a_code_after_full_clean(db):
    article = ArticleFactory.build(unit=OrganizationFactory(), period_code="6 tháng đầu năm 2021")
    article.full_clean()
    assert article.period_code == "2021-H1"


def test_period_kind_and_dates_are_filled_on_save(db):
    article = ArticleFactory(period_code="quý III/2021")
    article.refresh_from_db()
    assert (article.period_code, article.period_kind, article.period_start, article.period_end) == (
        "2021-Q3",
        PeriodKind.QUARTER,
        date(2021, 7, 1),
        date(2021, 9, 30),
    )


def test_garbage_period_is_refused_on_the_period_field(db):
    article = ArticleFactory.build(unit=OrganizationFactory(), period_code="sắp tới")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert error.value.message_dict["period_code"] == ["Không hiểu kỳ báo cáo “sắp tới”."]


def test_articles_in_a_year_include_those_on_its_halves_and_quarters(db):
    ArticleFactory(title="6 tháng đầu năm 2021", period_code="2021-H1")
    ArticleFactory(title="Quý III/2021", period_code="2021-Q3")
    ArticleFactory(title="Năm 2021", period_code="2021")
    assert titles(Article.objects.in_period(Period.parse("2021"))) == [
        "6 tháng đầu năm 2021",
        "Năm 2021",
        "Quý III/2021",
    ]


def test_articles_in_a_year_exclude_other_years_longer_periods_and_no_period(db):
    ArticleFactory(period_code="2022")
    ArticleFactory(period_code="2020-2025")
    ArticleFactory(period_code="")
    assert list(Article.objects.in_period(Period.parse("2021"))) == []


def test_articles_in_a_period_come_newest_first_in_an_order_no_date_index_holds(db):
    now = timezone.now()
    for hours, title in [(5, "Cũ nhất"), (1, "Mới nhất"), (3, "Ở giữa")]:
        ArticleFactory(title=title, period_code="2021-H1", published_at=now - timedelta(hours=hours))
    articles = Article.objects.published().in_period(Period.parse("2021"))
    assert [a.title for a in articles] == ["Mới nhất", "Ở giữa", "Cũ nhất"]
    # why: walking the date index from today back to an old period read every article published since
    assert "NULLS LAST" in str(articles.query)


# --- Tags ---


def tag_names():
    return list(Tag.objects.values_list("name", flat=True))


def test_tags_differing_in_case_and_spacing_are_one_tag(db):
    first, second = ArticleFactory(), ArticleFactory()
    first.tags.add("Nghị quyết")
    second.tags.add("nghị quyết", "Nghị  quyết")
    assert tag_names() == ["Nghị quyết"]
    assert list(first.tags.all()) == list(second.tags.all())


def test_tags_differing_in_case_and_spacing_given_together_are_one_tag(db):
    article = ArticleFactory()
    article.tags.add("Nghị quyết", "nghị quyết", "Nghị  quyết")
    assert tag_names() == ["Nghị quyết"]
    assert article.tags.count() == 1


def test_tags_differing_in_tone_placement_are_one_tag(db):
    first, second = ArticleFactory(), ArticleFactory()
    first.tags.add("Tỉnh uỷ")
    second.tags.add("Tỉnh ủy")
    assert Tag.objects.count() == 1
    assert Tag.objects.get().tagged_articles.count() == 2


def test_tags_differing_in_tone_placement_given_together_are_one_tag(db):
    article = ArticleFactory()
    article.tags.add("Tỉnh uỷ", "Tỉnh ủy", "tỉnh Ủy")
    assert Tag.objects.count() == 1


def test_tags_differing_in_first_letter_case_beyond_ascii_are_one_tag(db):
    first, second = ArticleFactory(), ArticleFactory()
    first.tags.add("Đảng viên mới")
    second.tags.add("đảng viên mới")
    assert Tag.objects.count() == 1


def test_tag_keeps_the_spelling_it_was_first_given(db):
    ArticleFactory().tags.add("Tỉnh uỷ")
    ArticleFactory().tags.add("Tỉnh ủy")
    assert tag_names() == ["Tỉnh uỷ"]


def test_tag_with_extra_spaces_is_stored_tidy(db):
    ArticleFactory().tags.add("  Chỉ thị   05-CT/TW ")
    assert tag_names() == ["Chỉ thị 05-CT/TW"]


def test_tag_slug_keeps_the_letter_d(db):
    assert TagFactory(name="Đảng viên").slug == "dang-vien"


def test_tags_with_the_same_slug_but_different_words_get_numbered_slugs(db):
    TagFactory(name="Đảng")
    assert TagFactory(name="Dang").slug == "dang-1"


def test_different_tags_stay_different(db):
    ArticleFactory().tags.add("Nghị quyết", "Nghị định")
    assert set(tag_names()) == {"Nghị định", "Nghị quyết"}


# --- Photos ---


def test_photo_credit_is_the_one_given_in_the_article(db):
    placement = ArticlePhotoFactory(credit="Hoàng Lam", photo__credit="Thiệu Phan", article__photo_credit="BDK.VN")
    assert placement.display_credit == "Hoàng Lam"


def test_photo_credit_falls_back_to_the_photo_credit(db):
    placement = ArticlePhotoFactory(credit="", photo__credit="Thiệu Phan", article__photo_credit="BDK.VN")
    assert placement.display_credit == "Thiệu Phan"


def test_photo_credit_falls_back_to_the_article_photo_credit(db):
    placement = ArticlePhotoFactory(credit="", photo__credit="", article__photo_credit="BDK.VN")
    assert placement.display_credit == "BDK.VN"


def test_same_photo_has_its_own_caption_in_each_article(db):
    photo = PhotoFactory()
    ArticlePhotoFactory(photo=photo, article__title="Bài 1", caption="Toàn cảnh Hội nghị")
    ArticlePhotoFactory(photo=photo, article__title="Bài 2", caption="Đ/c Bí thư phát biểu chỉ đạo Hội nghị")
    captions = {p.article.title: p.caption for p in ArticlePhoto.objects.filter(photo=photo)}
    assert captions == {"Bài 1": "Toàn cảnh Hội nghị", "Bài 2": "Đ/c Bí thư phát biểu chỉ đạo Hội nghị"}
    assert photo.articles.count() == 2


def test_photo_alt_text_falls_back_to_the_caption(db):
    placement = ArticlePhotoFactory(alt_text="", photo__alt_text="", caption="Toàn cảnh Hội nghị")
    assert placement.display_alt == "Toàn cảnh Hội nghị"


def test_photo_used_in_an_article_cannot_be_deleted(db):
    placement = ArticlePhotoFactory()
    with pytest.raises(ProtectedError):
        placement.photo.delete()


def test_photo_size_is_recorded(db):
    photo = PhotoFactory()
    photo.refresh_from_db()
    assert (photo.width, photo.height) == (64, 48)
