import io
import re
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Max
from django.test.utils import override_settings
from django.utils import timezone

from articles.models import Article, ArticlePhoto, Photo
from comments.models import Comment
from documents.models import Citation, Document
from organizations.models import Meeting, MeetingParticipant, Membership, Organization, Person, Position, Term
from statutory.models import ScheduleEntry

PERIOD_OF_KIND = {
    Meeting.Kind.SO_KET_6_THANG: r"\d{4}-H1",
    Meeting.Kind.SO_KET_9_THANG: r"\d{4}-9M",
    Meeting.Kind.TONG_KET_NAM: r"\d{4}",
    Meeting.Kind.SO_KET_GIUA_NHIEM_KY: r"\d{4}-\d{4}-mid",
    Meeting.Kind.DAI_HOI: r"\d{4}-\d{4}",
    Meeting.Kind.SINH_HOAT_CHUYEN_DE: r"\d{4}-\d\d",
}


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    models = (Organization, Term, Person, Position, Membership, Meeting, MeetingParticipant, Article, Photo)
    return {model.__name__: model.objects.count() for model in models}


def snapshot():
    articles = Article.objects.order_by("slug").values_list("slug", "lead", "body", "published_at", "byline")
    people = Person.objects.order_by("slug").values_list("full_name", flat=True)
    return list(articles), list(people)


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data, built once for the class and rolled back after it."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield seed()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.mark.usefixtures("seeded", "db")
class TestSeededDemo:
    def test_output_sums_up_what_was_made(self, seeded):
        assert "Đã tạo dữ liệu mẫu" in seeded
        assert "bài viết" in seeded and "hội nghị" in seeded

    def test_tree_has_thirty_units_four_levels_deep(self):
        assert Organization.objects.count() >= 30
        assert Organization.objects.aggregate(Max("depth"))["depth__max"] >= 4
        assert Organization.objects.filter(kind=Organization.Kind.PROVINCIAL).count() == 1
        for kind in (Organization.Kind.UPPER, Organization.Kind.GRASSROOTS, Organization.Kind.CELL):
            assert Organization.objects.filter(kind=kind).exists()

    def test_units_have_names_to_be_found_by(self):
        unit = Organization.objects.get(name="Đảng bộ Sở Tài nguyên và Môi trường")
        assert "Sở TN&MT" in unit.alias_list()
        assert unit.short_name and unit.description and unit.email.endswith("example.vn")
        assert unit.contact_person is not None

    def test_2025_reorganization_keeps_history(self):
        old = Organization.objects.get(name="Đảng bộ Sở Tài nguyên và Môi trường")
        assert old.valid_to == date(2025, 2, 28)
        assert old.succeeded_by.name == "Đảng bộ Sở Nông nghiệp và Môi trường"
        merged = Organization.objects.get(name="Đảng bộ Sở Nông nghiệp và Phát triển nông thôn")
        assert merged.succeeded_by_id == old.succeeded_by_id
        blocs = Organization.objects.filter(name__startswith="Đảng bộ Khối")
        assert {bloc.succeeded_by.name for bloc in blocs} == {"Đảng bộ Ủy ban nhân dân tỉnh"}
        assert old.succeeded_by.lineage().filter(pk=old.pk).exists()

    def test_mass_organizations_stand_beside_party_units(self):
        kinds = set(Organization.objects.values_list("kind", flat=True))
        assert {Organization.Kind.TRADE_UNION, Organization.Kind.YOUTH_UNION, Organization.Kind.VETERANS} <= kinds

    def test_units_have_two_terms_opened_by_numbered_congresses(self):
        province = Organization.objects.get(kind=Organization.Kind.PROVINCIAL)
        assert {(t.start_year, t.end_year) for t in province.terms.all()} >= {(2015, 2020), (2020, 2025)}
        assert set(province.terms.values_list("congress_number", flat=True)) >= {"XIX", "XX"}
        for unit in Organization.objects.filter(kind=Organization.Kind.GRASSROOTS, valid_from__year__lt=2025):
            assert unit.terms.filter(start_year__in=(2015, 2020)).count() == 2
        assert Term.objects.count() >= 2

    def test_fifty_people_with_vietnamese_names(self):
        assert Person.objects.count() >= 50
        assert Person.objects.public().count() >= 50
        assert Person.objects.values("full_name").distinct().count() == Person.objects.count()
        given = Person.objects.values_list("full_name", flat=True)
        assert len({name.split()[-1] for name in given}) < len(given)  # some share a given name

    def test_someone_holds_several_positions_at_once(self):
        for day in (date(2017, 6, 1), date(2021, 6, 1), date(2025, 4, 1)):
            most = max(len(person.titles_on(day)) for person in Person.objects.public())
            assert most >= 2

    def test_positions_tied_to_terms_end_and_some_stay_private(self):
        assert Position.objects.filter(term__isnull=False).exists()
        assert Position.objects.filter(ends_on__isnull=False).exists()
        assert Position.objects.filter(is_public=False).exists()
        kinds = set(Position.objects.values_list("kind", flat=True))
        assert kinds == {Position.Kind.PARTY, Position.Kind.GOVERNMENT, Position.Kind.MASS}

    def test_every_cell_has_members(self):
        cells = Organization.objects.filter(kind=Organization.Kind.CELL).annotate(members=Count("memberships"))
        assert cells.exists()
        assert all(cell.members for cell in cells)

    def test_members_include_probationary_ones_and_a_transfer(self):
        assert Membership.objects.filter(status=Membership.Status.PROBATIONARY).exists()
        assert Membership.objects.filter(status=Membership.Status.FULL).exists()
        moved = Membership.objects.filter(end_reason=Membership.EndReason.TRANSFERRED).first()
        assert moved and Membership.objects.get(person=moved.person, since=moved.until + timedelta(days=1))

    def test_forty_meetings_of_every_kind_over_the_years(self):
        assert Meeting.objects.count() >= 40
        assert set(Meeting.objects.values_list("kind", flat=True)) == set(Meeting.Kind.values)
        years = {day.year for day in Meeting.objects.values_list("held_on", flat=True)}
        assert set(range(2016, 2026)) <= years

    def test_meeting_periods_match_their_kind(self):
        for kind, pattern in PERIOD_OF_KIND.items():
            codes = Meeting.objects.filter(kind=kind).values_list("period_code", flat=True)
            assert codes and all(re.fullmatch(pattern, code) for code in codes), kind
        assert not Meeting.objects.filter(kind=Meeting.Kind.SO_KET_6_THANG).exclude(period_kind="half").exists()

    def test_meetings_have_chairs_with_titles_of_the_day_and_tasks(self):
        chairs = MeetingParticipant.objects.filter(role=MeetingParticipant.Role.CHAIR).select_related("meeting")
        assert chairs.count() >= 40
        for chair in chairs[:50]:
            assert chair.title_then == chair.person.title_line(chair.meeting.held_on) != ""
        assert MeetingParticipant.objects.filter(role=MeetingParticipant.Role.GUEST).exists()
        review = Meeting.objects.filter(kind=Meeting.Kind.TONG_KET_NAM).first()
        assert review.summary and review.task_list()[0].startswith("(1) ")

    def test_150_articles_mostly_about_meetings(self):
        assert Article.objects.count() >= 150
        assert Article.objects.exclude(meeting=None).count() > Article.objects.count() / 2
        years = {at.year for at in Article.objects.exclude(published_at=None).values_list("published_at", flat=True)}
        assert set(range(2016, 2026)) <= years
        assert Article.objects.exclude(status=Article.Status.PUBLISHED).exists()
        assert Article.objects.exclude(source="").exists() and Article.objects.exclude(related_units=None).exists()

    def test_articles_are_published_soon_after_their_meeting(self):
        for article in Article.objects.published().exclude(meeting=None).select_related("meeting")[:100]:
            day = timezone.localtime(article.published_at).date()
            assert timedelta(0) <= day - article.meeting.held_on <= timedelta(days=5)
            assert article.period_code == article.meeting.period_code

    def test_article_bodies_are_clean_paragraphs_with_facts(self):
        review = Article.objects.filter(meeting__kind=Meeting.Kind.TONG_KET_NAM).first()
        assert review.body.startswith("<p>") and "<script" not in review.body
        assert "(1)" in review.body and "Năm " in review.body
        assert re.search(r"\d+/\d+ (chi bộ|tổ chức cơ sở đảng)", review.body)

    def test_published_articles_have_a_cover_a_captioned_gallery_and_tags(self):
        for article in Article.objects.published().prefetch_related("gallery", "tags")[:200]:
            gallery = list(article.gallery.all())
            assert 2 <= len(gallery) <= 4 and article.cover_id == gallery[0].photo_id
            assert all(photo.caption and photo.credit and photo.alt_text for photo in gallery)
            assert 2 <= len(article.tags.all()) <= 5
            assert article.category and article.byline

    def test_a_library_of_documents_of_several_forms_and_issuers_is_cited_by_the_articles(self):
        documents = Document.objects.public()
        assert documents.count() >= 30
        assert documents.values("form").distinct().count() >= 8
        assert documents.values("issuer").distinct().count() >= 6
        cited = documents.filter(citations__article__in=Article.objects.published()).distinct()
        assert cited.count() >= 25
        assert Document.objects.filter(is_public=False).exists() and documents.exclude(replaced_by=None).exists()

    def test_the_seeds_documents_are_in_the_library_and_linked(self):
        for key in ("chi_thi:5-CT/TW", "quyet_dinh:89/QD-UBND", "nghi_quyet:tw4:XII"):
            assert Citation.objects.filter(key=key, document__isnull=False).exists(), key

    def test_the_leaders_schedule_has_this_weeks_entries(self):
        monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
        assert ScheduleEntry.objects.between(monday, monday + timedelta(days=6)).count() >= 5

    def test_a_few_photos_are_reused_across_articles(self):
        assert 12 <= Photo.objects.count() <= 20
        assert ArticlePhoto.objects.values("photo").annotate(n=Count("article")).filter(n__gt=1).exists()
        assert all(photo.width == 1200 and photo.height == 800 for photo in Photo.objects.all())

    def test_readers_comments_approved_pending_and_rejected_on_published_articles(self):
        statuses = dict(Comment.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        assert set(statuses) == {"approved", "pending", "rejected"}
        assert not Comment.objects.exclude(article__in=Article.objects.published()).exists()
        assert not Comment.objects.filter(created_at__gt=timezone.now()).exists()

    def test_running_again_adds_nothing(self):
        before = counts()
        assert "đã có" in seed()
        assert counts() == before

    def test_if_empty_does_nothing_when_units_exist(self):
        before = counts()
        assert "bỏ qua" in seed("--if-empty")
        assert counts() == before


def test_same_seed_builds_the_same_data(db):
    runs = []
    for _ in range(2):
        with transaction.atomic():
            seed("--seed", "7")
            runs.append(snapshot())
            transaction.set_rollback(True)
    assert runs[0] == runs[1] and runs[0][0]


def test_size_multiplies_the_articles(db):
    seed("--size", "2")
    assert Article.objects.count() >= 300
    assert Meeting.objects.count() >= 150
