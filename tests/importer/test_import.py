"""import_extraction(): the article, its unit, meeting, people and positions, written once and updated after."""

import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

from articles.importer import CannotImport, UnitIndex, extract, import_extraction
from articles.models import Article, ArticleEvent
from articles.workflow import apply_transition
from audit.models import AuditEvent
from newsroom.roles import APPROVER
from organizations.models import Meeting, MeetingParticipant, Organization, Person, Position, Term
from tests.factories import ArticleFactory, CategoryFactory, OrganizationFactory, PersonFactory, staff_with_role

Kind = Organization.Kind

TEXT = """Đảng bộ Sở Tài nguyên và Môi trường sơ kết công tác Đảng 6 tháng đầu năm 2021

Đảng, Đoàn thể

Chiều ngày 18/6/2021, Đảng ủy Sở Tài nguyên và Môi trường tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm, triển \
khai công tác 6 tháng cuối năm 2021. Đồng chí Hoàng Thanh Oai - Tỉnh ủy viên – Bí thư Đảng ủy – Giám đốc Sở chủ trì \
Hội nghị. Tham dự Hội nghị có đồng chí Ngô Văn Viện - Phó Giám đốc Sở - Chủ tịch Công đoàn Sở.

Toàn cảnh Hội nghị. Ảnh: Thiệu Phan

Trong 6 tháng đầu năm 2021, Đảng bộ Sở đã lãnh đạo đơn vị thực hiện tốt nhiệm vụ <chính trị> & chuyên môn.

Tác giả bài viết: Hoài Thu
"""


@pytest.fixture
def province(db):
    return OrganizationFactory(kind=Kind.PROVINCIAL, name="Đảng bộ tỉnh Thanh Sơn", aliases="Tỉnh ủy")


@pytest.fixture
def bloc(province):
    return OrganizationFactory(parent=province, kind=Kind.UPPER, name="Đảng bộ Khối các cơ quan tỉnh")


@pytest.fixture
def department(bloc):
    return OrganizationFactory(parent=bloc, name="Đảng bộ Sở Tài nguyên và Môi trường", aliases="Sở TN&MT")


def counts():
    models = (Article, Organization, Meeting, MeetingParticipant, Person, Position, Term)
    return {model.__name__: model.objects.count() for model in models}


# --- Units ---


@pytest.mark.parametrize(
    "name",
    ["Đảng ủy Sở Tài nguyên và Môi trường", "Đảng uỷ Sở TN&MT", "Sở TN&MT", "đảng bộ sở tài nguyên và môi trường"],
)
def test_unit_found_by_name_committee_name_abbreviation_or_alias(department, name):
    assert UnitIndex().match(name) == department


def test_short_name_shared_by_several_units_is_told_apart_by_the_text(department, bloc):
    OrganizationFactory(parent=bloc, name="Đảng bộ Sở Y tế")
    index = UnitIndex()
    assert index.match("Đảng bộ Sở") is None
    assert index.match("Đảng bộ Sở", text="... cán bộ thuộc Sở Tài nguyên và Môi trường ...") == department


def test_old_name_means_the_unit_of_that_time_not_its_successor(department, bloc):
    successor = OrganizationFactory(
        parent=bloc, name="Đảng bộ Sở Nông nghiệp và Môi trường", aliases="Đảng bộ Sở Tài nguyên và Môi trường"
    )
    department.dissolve(on=date(2025, 2, 28), successor=successor)
    index = UnitIndex()
    assert index.match("Đảng ủy Sở Tài nguyên và Môi trường", on=date(2021, 6, 18)) == department
    assert index.match("Đảng ủy Sở Tài nguyên và Môi trường", on=date(2025, 6, 1)) == successor


def test_known_unit_hosts_the_article_and_meeting(department):
    result = import_extraction(extract(TEXT))
    article, meeting = result.article, result.meeting
    assert (result.action, result.unit, result.proposed_unit) == ("created", department, None)
    assert article.unit == department and meeting.host == department
    assert (meeting.kind, meeting.held_on, meeting.part_of_day) == ("so_ket_6_thang", date(2021, 6, 18), "afternoon")
    assert meeting.title.startswith("Hội nghị sơ kết công tác 6 tháng đầu năm")
    assert article.period_code == meeting.period_code == "2021-H1"
    assert article.meeting == meeting


def test_unknown_unit_is_proposed_for_review_under_the_parent_the_text_names(bloc):
    text = TEXT.replace("Tài nguyên và Môi trường", "Y tế") + (
        "\nĐảng bộ Sở được Đảng bộ Khối các cơ quan tỉnh công nhận trong sạch, vững mạnh.\n\nHoài Thu"
    )
    result = import_extraction(extract(text))
    unit = result.proposed_unit
    assert unit == result.article.unit
    assert (unit.name, unit.kind, unit.needs_review) == ("Đảng bộ Sở Y tế", Kind.GRASSROOTS, True)
    assert unit.alias_list() == ["Đảng ủy Sở Y tế"]
    assert unit.get_parent() == bloc
    assert "Đề xuất đơn vị mới" in result.notes[0]


def test_cell_is_proposed_under_the_unit_it_belongs_to(department):
    text = TEXT.replace(
        "Đảng ủy Sở Tài nguyên và Môi trường tổ chức",
        "Chi bộ Phòng Quản lý đất đai thuộc Đảng bộ Sở TN&MT tổ chức",
    )
    unit = import_extraction(extract(text)).proposed_unit
    assert (unit.name, unit.kind, unit.get_parent()) == ("Chi bộ Phòng Quản lý đất đai", Kind.CELL, department)


def test_without_a_unit_the_import_asks_for_one(db):
    found = extract("Tin hoạt động\n\nVừa qua, các cán bộ đã học tập chuyên đề năm 2023 theo kế hoạch đề ra.")
    with pytest.raises(CannotImport, match="--unit"):
        import_extraction(found)
    unit = OrganizationFactory()
    assert import_extraction(found, unit=unit).article.unit == unit


# --- The article ---


def test_article_fields_body_and_captions(department, admin_user):
    category = CategoryFactory(name="Đảng, Đoàn thể")
    article = import_extraction(extract(TEXT), status=Article.Status.PUBLISHED, by=admin_user).article
    article.refresh_from_db()
    assert article.title == "Đảng bộ Sở Tài nguyên và Môi trường sơ kết công tác Đảng 6 tháng đầu năm 2021"
    assert article.lead.startswith("Chiều ngày 18/6/2021")
    assert article.category == category
    assert (article.byline, article.photo_credit) == ("Hoài Thu", "Thiệu Phan")
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at.date() == date(2021, 6, 18)  # no publication line: the meeting day
    assert (
        '<figure class="image"><figcaption>Toàn cảnh Hội nghị. (Ảnh: Thiệu Phan)</figcaption></figure>' in article.body
    )
    assert "&lt;chính trị&gt; &amp; chuyên môn" in article.body
    assert "Chiều ngày" not in article.body and "Tác giả" not in article.body
    assert len(article.import_key) == 64


def test_source_url_is_the_import_key(department):
    first = import_extraction(extract("# source: https://example.vn/a\n" + TEXT)).article
    changed = TEXT.replace("thực hiện tốt", "thực hiện rất tốt")
    again = import_extraction(extract("# source: https://example.vn/a\n" + changed))
    assert (again.action, again.article.pk) == ("updated", first.pk)
    assert again.article.source_url == "https://example.vn/a"


def test_importing_twice_changes_nothing(department):
    first = import_extraction(extract(TEXT))
    before = counts()
    Article.objects.filter(pk=first.article.pk).update(updated_at=timezone.now().replace(year=2000))
    second = import_extraction(extract(TEXT))
    assert second.action == "unchanged"
    assert second.article.pk == first.article.pk and second.meeting.pk == first.meeting.pk
    assert counts() == before
    assert Article.objects.get(pk=first.article.pk).updated_at.year == 2000


def test_editing_the_file_updates_the_same_article(department):
    first = import_extraction(extract("# source: https://example.vn/a\n" + TEXT))
    second = import_extraction(extract("# source: https://example.vn/a\n" + TEXT.replace("Hoài Thu", "Minh Anh")))
    assert (second.action, second.article.pk) == ("updated", first.article.pk)
    assert Article.objects.get().byline == "Minh Anh"


def test_dry_run_writes_nothing(bloc):
    before = counts()
    result = import_extraction(extract(TEXT.replace("Tài nguyên và Môi trường", "Y tế")), dry_run=True)
    assert result.action == "created" and result.proposed_unit is not None
    assert counts() == before


def test_trashed_article_is_not_brought_back(department):
    article = import_extraction(extract(TEXT)).article
    Article.all_objects.filter(pk=article.pk).update(deleted_at=timezone.now())
    with pytest.raises(CannotImport, match="thùng rác"):
        import_extraction(extract(TEXT))


# --- People ---


def test_people_are_matched_or_created_with_their_positions(department, province):
    known = PersonFactory(full_name="Hoàng Thanh Oai")
    result = import_extraction(extract(TEXT))
    assert Person.objects.filter(full_name="Hoàng Thanh Oai").get() == known
    assert result.people_created == 1
    chair = result.meeting.participations.get(role=MeetingParticipant.Role.CHAIR)
    assert (chair.person, chair.title_then) == (known, "Tỉnh ủy viên, Bí thư Đảng ủy, Giám đốc Sở")
    guest = result.meeting.participations.get(role=MeetingParticipant.Role.GUEST)
    assert guest.person.full_name == "Ngô Văn Viện"
    positions = {p.title: p for p in known.positions.all()}
    assert set(positions) == {"Tỉnh ủy viên", "Bí thư Đảng ủy", "Giám đốc Sở"}
    assert positions["Tỉnh ủy viên"].organization == province
    assert positions["Bí thư Đảng ủy"].kind == Position.Kind.PARTY
    assert positions["Giám đốc Sở"].kind == Position.Kind.GOVERNMENT
    assert positions["Giám đốc Sở"].starts_on == positions["Giám đốc Sở"].ends_on == date(2021, 6, 18)
    assert known.titles_on(date(2021, 6, 18)) == ["Tỉnh ủy viên", "Bí thư Đảng ủy", "Giám đốc Sở"]


def test_a_later_article_widens_the_position_it_confirms(department):
    import_extraction(extract(TEXT))
    later = TEXT.replace("18/6/2021", "20/12/2021").replace("6 tháng", "sáu tháng")
    import_extraction(extract(later))
    position = Position.objects.get(person__full_name="Hoàng Thanh Oai", title="Giám đốc Sở")
    assert (position.starts_on, position.ends_on) == (date(2021, 6, 18), date(2021, 12, 20))


def test_term_of_a_midterm_review_is_the_hosts(department):
    text = TEXT.replace("sơ kết công tác Đảng 6 tháng đầu năm 2021", "sơ kết giữa nhiệm kỳ").replace(
        "Hội nghị sơ kết công tác 6 tháng đầu năm, triển khai công tác 6 tháng cuối năm 2021",
        "Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ lần thứ IV, nhiệm kỳ 2020 - 2025",
    )
    meeting = import_extraction(extract(text)).meeting
    assert (meeting.kind, meeting.period_code) == ("so_ket_giua_nhiem_ky", "2020-2025-mid")
    assert (meeting.term.organization, meeting.term.start_year, meeting.term.end_year) == (department, 2020, 2025)


def test_existing_article_unrelated_to_imports_is_left_alone(department):
    ArticleFactory(unit=department, title="Bài viết tay")
    import_extraction(extract(TEXT))
    assert Article.objects.filter(title="Bài viết tay").exists() and Article.objects.count() == 2


# --- The five real articles in the demo province ---


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo province, built once for the class and rolled back after it."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.mark.usefixtures("demo", "db")
class TestSeedsInTheDemoProvince:
    def import_seeds(self, seeds):
        publisher = get_user_model().objects.get_or_create(username="nguoi-duyet-nhap", is_superuser=True)[0]
        return {
            path.name[:3]: import_extraction(
                extract(path.read_text(encoding="utf-8")), status="published", by=publisher
            )
            for path in sorted(seeds.glob("*.txt"))
        }

    def test_seeds_land_on_their_units_and_periods(self, seeds, client):
        results = self.import_seeds(seeds)
        assert results["000"].unit.name == "Đảng bộ Sở Tài nguyên và Môi trường"
        assert results["001"].unit.name == "Đảng bộ Sở Văn hóa, Thể thao và Du lịch"
        assert results["002"].unit.name == "Đảng bộ Sở Tài nguyên và Môi trường"
        assert results["004"].unit.name == "Đảng bộ Văn phòng UBND tỉnh"
        proposed = results["003"].proposed_unit
        assert proposed.needs_review and proposed.get_parent().kind == Kind.PROVINCIAL

        unit_page = client.get(reverse("articles:unit", args=[results["000"].unit.slug])).content.decode()
        assert results["000"].article.title in unit_page
        period_page = client.get(reverse("articles:period", args=["2021-h1"])).content.decode()
        for key in ("000", "001", "004"):
            assert results[key].article.title in period_page
        year_page = client.get(reverse("articles:period", args=["2015"])).content.decode()
        assert results["002"].article.title in year_page

    def test_seed_pages_show_meeting_people_and_captions(self, seeds, client):
        result = self.import_seeds(seeds)["000"]
        page = client.get(result.article.get_absolute_url()).content.decode()
        assert "<figcaption>Toàn cảnh Hội nghị</figcaption>" in page
        assert result.meeting.get_absolute_url() in page
        meeting_page = client.get(result.meeting.get_absolute_url()).content.decode()
        assert "Hoàng Thanh Oai" in meeting_page and "Ngô Văn Viện" in meeting_page

    def test_importing_the_seeds_twice_changes_nothing(self, seeds):
        self.import_seeds(seeds)
        before = counts()
        again = self.import_seeds(seeds)
        assert {result.action for result in again.values()} == {"unchanged"}
        assert counts() == before


def test_reimporting_changed_text_bumps_the_version_and_keeps_a_revision(db, tmp_path):
    import reversion

    from articles.importer import extract, import_extraction

    text = (
        "Hội nghị sơ kết\n\n"
        "Chiều ngày 18/6/2021, Đảng bộ Sở Nội vụ tổ chức Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2021."
    )
    source = "https://example.vn/tin/1"
    first = import_extraction(extract(text, source_url=source)).article
    second = import_extraction(extract(text + "\n\nCác đại biểu thống nhất.", source_url=source)).article
    assert second.pk == first.pk
    assert second.version == first.version + 1
    assert reversion.models.Version.objects.get_for_object(second).count() == 2


# --- Re-imports and the workflow ---

SOURCED = "# source: https://example.vn/tin/so-ket\n" + TEXT  # found again by its address when edited


def edit_in_the_cms(article, **changes):
    """What the admin does on a save: the new values, one version up."""
    for name, value in changes.items():
        setattr(article, name, value)
    article.version += 1
    article.save()


def test_an_article_edited_in_the_cms_is_not_overwritten_by_a_reimport(department):
    article = import_extraction(extract(SOURCED)).article
    edit_in_the_cms(article, title="Tiêu đề biên tập viên đã sửa", lead="Sapo đã sửa")

    again = import_extraction(extract(SOURCED.replace("Hoài Thu", "Minh Anh")))

    assert again.action == "conflict"
    assert "đã được sửa" in " ".join(again.notes)
    article.refresh_from_db()
    assert (article.title, article.lead, article.byline) == ("Tiêu đề biên tập viên đã sửa", "Sapo đã sửa", "Hoài Thu")


def test_a_reimport_after_a_reimport_still_updates(department):
    import_extraction(extract(SOURCED))
    import_extraction(extract(SOURCED.replace("Hoài Thu", "Minh Anh")))
    third = import_extraction(extract(SOURCED.replace("Hoài Thu", "Thu Hà")))
    assert third.action == "updated"
    assert Article.objects.get().byline == "Thu Hà"


def test_a_withdrawn_article_is_neither_overwritten_nor_republished(department, province):
    approver = staff_with_role(APPROVER, province)
    article = import_extraction(extract(SOURCED), status=Article.Status.PUBLISHED, by=approver).article
    apply_transition(article, "withdraw", by=approver, comment="Sai số liệu")

    again = import_extraction(extract(SOURCED), status=Article.Status.PUBLISHED, by=approver)

    assert again.action == "conflict"
    article.refresh_from_db()
    assert article.status == Article.Status.WITHDRAWN
    assert ArticleEvent.objects.filter(article=article, action="approve").count() == 1


def test_a_reimport_keeps_the_status_the_workflow_gave(department, province):
    approver = staff_with_role(APPROVER, province)
    import_extraction(extract(SOURCED))
    again = import_extraction(
        extract(SOURCED.replace("Hoài Thu", "Minh Anh")), status=Article.Status.PUBLISHED, by=approver
    )
    assert again.action == "updated"
    assert Article.objects.get().status == Article.Status.DRAFT
    assert "giữ nguyên trạng thái" in " ".join(again.notes)


def test_publishing_on_import_goes_through_the_workflow_and_the_audit_log(department, province):
    approver = staff_with_role(APPROVER, province)
    article = import_extraction(extract(SOURCED), status=Article.Status.PUBLISHED, by=approver).article
    assert article.status == Article.Status.PUBLISHED
    event = ArticleEvent.objects.get(article=article)
    assert (event.action, event.actor, event.from_status) == ("approve", approver, Article.Status.DRAFT)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.APPROVE, actor=approver).exists()


def test_publishing_on_import_needs_someone_who_may_approve_for_the_unit(department, bloc):
    elsewhere = OrganizationFactory(parent=bloc.get_parent(), name="Đảng bộ Khối doanh nghiệp tỉnh")
    stranger = staff_with_role(APPROVER, elsewhere)
    with pytest.raises(CannotImport, match="không có quyền"):
        import_extraction(extract(SOURCED), status=Article.Status.PUBLISHED, by=stranger)
    assert not Article.objects.exists()
    with pytest.raises(CannotImport, match="người duyệt"):
        import_extraction(extract(SOURCED), status=Article.Status.PUBLISHED)


def test_the_migration_remembers_the_version_of_each_articles_last_import(department):
    from importlib import import_module

    from django.apps import apps

    untouched = import_extraction(extract(SOURCED)).article
    edited = import_extraction(extract(TEXT.replace("Hoài Thu", "Minh Anh"))).article
    edit_in_the_cms(edited, title="Đã biên tập")
    Article.objects.update(imported_version=None)

    import_module("articles.migrations.0009_imported_version").remember_imported_versions(apps, None)

    untouched.refresh_from_db()
    edited.refresh_from_db()
    assert untouched.imported_version == untouched.version == 1
    assert (edited.imported_version, edited.version) == (1, 2)
    assert import_extraction(extract(TEXT.replace("Hoài Thu", "Minh Anh"))).action == "conflict"
