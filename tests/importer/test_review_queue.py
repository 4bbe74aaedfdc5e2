"""Nothing lost: files without a host unit wait in the review queue, proposals hang where the text says, editors'
changes survive a re-import, and an estimated publication time says so."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.importer import UnitUnknown, extract, import_extraction
from articles.models import Article, ImportFile
from newsroom.roles import APPROVER, SITE_ADMIN
from organizations.models import Meeting, Organization
from tests.admin_forms import form_data
from tests.conftest import sign_in
from tests.factories import OrganizationFactory, staff_with_role
from tests.importer.test_import import SOURCED, TEXT

Kind = Organization.Kind

NO_UNIT = """Học tập chuyên đề năm 2023

12/05/2023 - 08:00

Sáng ngày 10/5/2023, các cán bộ, đảng viên đã học tập chuyên đề năm 2023 theo kế hoạch đề ra. Đồng chí Trần Văn \
Bình, Bí thư chủ trì buổi học.

Tin: Minh An
"""


def run(*args):
    out = io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def province(db):
    return OrganizationFactory(kind=Kind.PROVINCIAL, name="Đảng bộ tỉnh Thanh Sơn", aliases="Tỉnh ủy")


@pytest.fixture
def department(province):
    bloc = OrganizationFactory(parent=province, kind=Kind.UPPER, name="Đảng bộ Khối các cơ quan tỉnh")
    return OrganizationFactory(parent=bloc, name="Đảng bộ Sở Tài nguyên và Môi trường", aliases="Sở TN&MT")


@pytest.fixture
def no_unit_file(tmp_path):
    path = tmp_path / "hoc-tap.txt"
    path.write_text(NO_UNIT, encoding="utf-8")
    return path


# --- The review queue ---


def test_a_file_without_a_unit_waits_in_the_review_queue_not_on_the_site(province, no_unit_file, client):
    with pytest.raises(UnitUnknown):
        import_extraction(extract(NO_UNIT))

    out = run(str(no_unit_file))
    again = run(str(no_unit_file))

    assert "Cần xác nhận đơn vị" in out and "Cần xác nhận đơn vị" in again
    row = ImportFile.objects.waiting_for_unit().get()  # once, however often it is imported
    assert (row.name, row.facts["title"], row.facts["meeting_date"]) == (
        "hoc-tap.txt",
        "Học tập chuyên đề năm 2023",
        "2023-05-10",
    )
    assert [person["name"] for person in row.facts["people"]] == ["Trần Văn Bình"]
    assert not Article.all_objects.exists()
    assert "Học tập chuyên đề" not in client.get("/").content.decode()


def test_a_dry_run_says_the_file_would_wait_and_keeps_nothing(province, no_unit_file):
    out = run("--dry-run", str(no_unit_file))
    assert "sẽ vào hàng chờ “Cần xác nhận đơn vị”" in out
    assert not ImportFile.objects.exists()


def test_a_site_administrator_sets_the_unit_and_the_draft_is_created(department, no_unit_file, client):
    run(str(no_unit_file))
    row = ImportFile.objects.get()
    site_admin = staff_with_role(SITE_ADMIN, department)
    sign_in(client, site_admin)

    queue = client.get(reverse("admin:articles_unitreview_changelist")).content.decode()
    assert "Cần xác nhận đơn vị" in queue and "Học tập chuyên đề năm 2023" in queue
    page = client.get(reverse("admin:articles_unitreview_change", args=[row.pk])).content.decode()
    assert "Trần Văn Bình" in page and "10/05/2023" in page

    response = client.post(
        reverse("admin:articles_unitreview_change", args=[row.pk]),
        {"unit": department.pk, "meeting_type": "sinh_hoat_chuyen_de"},
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert (article.unit, article.status, article.meeting.kind) == (department, "draft", "sinh_hoat_chuyen_de")
    row.refresh_from_db()
    assert (row.state, row.article) == (ImportFile.State.IMPORTED, article)
    assert not ImportFile.objects.waiting_for_unit().exists()


def test_the_review_queue_is_for_site_administrators_only(department, no_unit_file, client):
    run(str(no_unit_file))
    sign_in(client, staff_with_role(APPROVER, department))
    assert client.get(reverse("admin:articles_unitreview_changelist")).status_code == 403
    assert "Cần xác nhận đơn vị" not in client.get(reverse("admin:index")).content.decode()


def test_a_site_administrator_chooses_only_among_his_units(department, province, no_unit_file, client):
    run(str(no_unit_file))
    row = ImportFile.objects.get()
    other = OrganizationFactory(parent=province, kind=Kind.UPPER, name="Đảng bộ Khối doanh nghiệp tỉnh")
    sign_in(client, staff_with_role(SITE_ADMIN, department))
    response = client.post(reverse("admin:articles_unitreview_change", args=[row.pk]), {"unit": other.pk})
    assert response.status_code == 200 and not Article.all_objects.exists()


# --- Proposed units ---


def test_in_an_empty_tree_a_proposal_never_hangs_under_an_earlier_proposal(db):
    first = import_extraction(extract(TEXT)).proposed_unit
    second = import_extraction(
        extract(TEXT.replace("Sở Tài nguyên và Môi trường", "Sở Y tế").replace("Sở TN&MT", "Sở Y tế"))
    ).proposed_unit
    assert first.name == "Đảng bộ Sở Tài nguyên và Môi trường" and second.name == "Đảng bộ Sở Y tế"
    assert first.is_root() and second.is_root()
    assert first.needs_review and second.needs_review


def test_a_proposal_hangs_under_the_province_the_tree_has_when_the_text_speaks_of_it(province):
    unit = import_extraction(extract(TEXT)).proposed_unit  # "Tỉnh ủy viên": a unit of the province
    assert unit.get_parent() == province and unit.needs_review


def test_a_proposed_province_is_no_parent_for_later_proposals(db):
    proposal = OrganizationFactory(kind=Kind.PROVINCIAL, name="Đảng bộ tỉnh Bến Tre", needs_review=True)
    unit = import_extraction(extract(TEXT)).proposed_unit
    assert unit.is_root() and unit != proposal


def test_titles_of_the_province_go_to_a_province_an_administrator_made_only(db):
    OrganizationFactory(kind=Kind.GRASSROOTS, name="Đảng bộ Sở Nội vụ", needs_review=True)
    result = import_extraction(extract(TEXT))
    oai = result.meeting.participations.get(person__full_name="Hoàng Thanh Oai").person
    assert all(
        position.organization.kind != Kind.GRASSROOTS or position.organization == result.unit
        for position in oai.positions.all()
    )


# --- Re-import safety: the meeting too ---


def test_a_meeting_edited_in_the_cms_is_not_overwritten_by_a_reimport(department):
    article = import_extraction(extract(SOURCED)).article
    meeting = article.meeting
    meeting.title, meeting.held_on = "Hội nghị đã được biên tập viên sửa", date(2021, 6, 19)
    meeting.version += 1  # as the meeting admin saves it
    meeting.save()

    again = import_extraction(extract(SOURCED.replace("18/6/2021", "17/6/2021")))

    assert again.action == "conflict" and "Hội nghị của bài đã được sửa" in again.notes[0]
    meeting.refresh_from_db()
    assert (meeting.title, meeting.held_on) == ("Hội nghị đã được biên tập viên sửa", date(2021, 6, 19))


def test_a_reimport_that_changes_the_meeting_bumps_its_version_and_still_updates_later(department):
    article = import_extraction(extract(SOURCED)).article
    version = article.meeting.version
    assert import_extraction(extract(SOURCED.replace("18/6/2021", "17/6/2021"))).action == "updated"
    assert Meeting.objects.get().version == version + 1  # a meeting form opened before must not overwrite it
    assert import_extraction(extract(SOURCED.replace("18/6/2021", "16/6/2021"))).action == "updated"
    assert Meeting.objects.get().held_on == date(2021, 6, 16)


# --- Estimated publication times ---


def test_without_a_date_line_the_publication_time_is_estimated_and_marked(department):
    article = import_extraction(extract(TEXT)).article
    assert article.published_at.date() == date(2021, 6, 18) and article.published_at_estimated
    dated = import_extraction(extract(TEXT.replace("Đảng, Đoàn thể", "Đảng, Đoàn thể\n\n20/06/2021 - 09:30")))
    assert dated.article.published_at.date() == date(2021, 6, 20) and not dated.article.published_at_estimated


def test_editors_see_the_estimate_and_correcting_it_clears_the_mark(department, admin_client):
    article = import_extraction(extract(TEXT)).article
    listing = admin_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "18/06/2021 12:00 <em" in listing and "(ước tính)" in listing
    form = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "Ước tính: bài nhập từ trang cũ không ghi thời gian đăng" in form

    url = reverse("admin:articles_article_change", args=[article.pk])
    unchanged = admin_client.post(url, form_data(admin_client.get(url), title="Tiêu đề đã sửa"))
    assert unchanged.status_code == 302
    article.refresh_from_db()
    assert article.published_at_estimated  # another field was edited: still an estimate

    corrected = admin_client.post(
        url, form_data(admin_client.get(url), published_at_0="20/06/2021", published_at_1="09:30:00")
    )
    assert corrected.status_code == 302
    article.refresh_from_db()
    assert article.published_at.date() == date(2021, 6, 20) and not article.published_at_estimated


def test_a_name_too_general_to_tell_units_apart_is_not_proposed_again_and_again(db):
    # two proposals of one name (as imports before this rule made): neither matches alone; no third is made
    earlier = [OrganizationFactory(name="Đảng bộ phường", needs_review=True) for _ in range(2)]
    general = TEXT.replace("Đảng ủy Sở Tài nguyên và Môi trường tổ chức", "Đảng ủy phường tổ chức")
    units = {import_extraction(extract(general.replace("Hoài Thu", name))).unit for name in ("Minh Anh", "Thu Hà")}
    assert units == {earlier[0]}
    assert Organization.objects.filter(name="Đảng bộ phường").count() == 2
