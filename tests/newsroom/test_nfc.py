import unicodedata

import pytest

from articles.models import Article, Tag
from organizations.models import Meeting, Organization, Person
from tests.factories import ArticleFactory, MeetingFactory, OrganizationFactory, PersonFactory, TagFactory


def nfd(value):
    decomposed = unicodedata.normalize("NFD", value)
    assert decomposed != value
    return decomposed


def is_nfc(value):
    return unicodedata.is_normalized("NFC", value)


def test_organization_name_is_stored_composed(db):
    unit = OrganizationFactory(name=nfd("Đảng bộ Sở Văn hóa, Thể thao và Du lịch"))
    assert Organization.objects.get(pk=unit.pk).name == "Đảng bộ Sở Văn hóa, Thể thao và Du lịch"


def test_organization_text_fields_are_stored_composed(db):
    unit = OrganizationFactory(short_name=nfd("Sở VHTTDL"), aliases=nfd("Đảng ủy Sở\nSở Văn hóa"))
    stored = Organization.objects.get(pk=unit.pk)
    assert (stored.short_name, stored.aliases) == ("Sở VHTTDL", "Đảng ủy Sở\nSở Văn hóa")


def test_organization_slug_from_decomposed_name_keeps_every_letter(db):
    assert OrganizationFactory(name=nfd("Đảng ủy Khối")).slug == "dang-uy-khoi"


def test_person_name_and_bio_are_stored_composed(db):
    person = PersonFactory(full_name=nfd("Hoàng Thanh Oai"), bio=nfd("Tỉnh ủy viên, Giám đốc Sở"))
    stored = Person.objects.get(pk=person.pk)
    assert (stored.full_name, stored.bio) == ("Hoàng Thanh Oai", "Tỉnh ủy viên, Giám đốc Sở")


def test_person_from_decomposed_name_sorts_like_the_composed_one(db):
    assert PersonFactory(full_name=nfd("Trần Thị Ánh")).sort_key == PersonFactory(full_name="Trần Thị Ánh").sort_key


def test_article_title_and_lead_are_stored_composed(db):
    article = ArticleFactory(title=nfd("Hội nghị sơ kết 6 tháng"), lead=nfd("Chiều ngày 18/6/2021, Đảng bộ Sở"))
    stored = Article.objects.get(pk=article.pk)
    assert (stored.title, stored.lead) == ("Hội nghị sơ kết 6 tháng", "Chiều ngày 18/6/2021, Đảng bộ Sở")


def test_article_rich_text_body_is_stored_composed(db):
    article = ArticleFactory(body=nfd("<p>Toàn cảnh Hội nghị</p>"))
    assert Article.objects.get(pk=article.pk).body == "<p>Toàn cảnh Hội nghị</p>"


def test_article_byline_is_stored_composed(db):
    article = ArticleFactory(byline=nfd("Tin, ảnh: Hoàng Lam"), photo_credit=nfd("Thiệu Phan"))
    stored = Article.objects.get(pk=article.pk)
    assert (stored.byline, stored.photo_credit) == ("Tin, ảnh: Hoàng Lam", "Thiệu Phan")


def test_tag_name_is_stored_composed(db):
    tag = TagFactory(name=nfd("Nghị quyết"))
    assert Tag.objects.get(pk=tag.pk).name == "Nghị quyết"


def test_decomposed_tag_given_to_an_article_reuses_the_composed_tag(db):
    ArticleFactory().tags.add("Nghị quyết")
    ArticleFactory().tags.add(nfd("Nghị quyết"))
    assert list(Tag.objects.values_list("name", flat=True)) == ["Nghị quyết"]


def test_meeting_text_fields_are_stored_composed(db):
    meeting = MeetingFactory(
        title=nfd("Hội nghị tổng kết năm"), location=nfd("Hội trường Tỉnh ủy"), summary=nfd("Hoàn thành tốt nhiệm vụ")
    )
    stored = Meeting.objects.get(pk=meeting.pk)
    assert (stored.title, stored.location, stored.summary) == (
        "Hội nghị tổng kết năm",
        "Hội trường Tỉnh ủy",
        "Hoàn thành tốt nhiệm vụ",
    )


def test_meeting_decomposed_period_phrase_is_understood(db):
    meeting = MeetingFactory.build(host=OrganizationFactory(), period_code=nfd("6 tháng cuối năm 2021"))
    meeting.full_clean()
    assert meeting.period_code == "2021-H2"


@pytest.mark.parametrize("update_fields", [None, ["name"]])
def test_decomposed_text_saved_later_is_stored_composed(db, update_fields):
    unit = OrganizationFactory()
    unit.name = nfd("Đảng bộ Khối Doanh nghiệp")
    unit.save(update_fields=update_fields)
    assert is_nfc(Organization.objects.get(pk=unit.pk).name)


def test_text_is_stored_without_nul_or_noncharacters(db):
    """PostgreSQL cannot store NUL (a paste from an old file may carry one), and U+FFFE/U+FFFF are no text at all."""
    article = ArticleFactory(title="Hội nghị\x00 sơ kết\ufffe năm\uffff 2021", lead="Sáng\x00 nay")
    article.refresh_from_db()
    assert (article.title, article.lead) == ("Hội nghị sơ kết năm 2021", "Sáng nay")
