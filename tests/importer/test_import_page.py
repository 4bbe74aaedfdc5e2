"""The "Nhập bài cũ" admin page: upload, dry-run table, corrections, an import in the background, the report."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.imports import MAX_FILES
from articles.models import Article, ImportBatch, ImportFile
from newsroom.roles import APPROVER, SITE_ADMIN
from organizations.models import Organization
from tests.conftest import sign_in
from tests.factories import OrganizationFactory, staff_with_role
from tests.importer.test_import import TEXT
from tests.importer.test_review_queue import NO_UNIT

Kind = Organization.Kind
UPLOAD = reverse("admin:articles_importbatch_add")


def zipped(**files):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name, content in files.items():
            archive.writestr(name.replace("__", "/"), content)
    return SimpleUploadedFile("bai-cu.zip", data.getvalue(), content_type="application/zip")


@pytest.fixture
def department(db):
    province = OrganizationFactory(kind=Kind.PROVINCIAL, name="Đảng bộ tỉnh Thanh Sơn", aliases="Tỉnh ủy")
    bloc = OrganizationFactory(parent=province, kind=Kind.UPPER, name="Đảng bộ Khối các cơ quan tỉnh")
    return OrganizationFactory(parent=bloc, name="Đảng bộ Sở Tài nguyên và Môi trường", aliases="Sở TN&MT")


@pytest.fixture
def site_admin_client(client, department):
    return sign_in(client, staff_with_role(SITE_ADMIN, department.get_parent().get_parent()))


def upload(client, *files):
    return client.post(UPLOAD, {"files": list(files)})


def test_a_dry_run_a_correction_and_an_import(site_admin_client, department):
    archive = zipped(
        so_ket__so_ket_6_thang_2021=b"",  # a folder entry's neighbour with no suffix: skipped
        **{"so_ket__a.txt": TEXT.encode(), "b.txt": NO_UNIT.encode("utf-16"), "c.html": b"\x00\x01binary"},
    )
    response = upload(site_admin_client, archive)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "admin:articles_importbatch_change", args=[batch.pk]
    )

    table = site_admin_client.get(response.url).content.decode()
    assert "Đã đọc thử, chờ nhập" in table
    assert "Đảng bộ Sở Tài nguyên và Môi trường" in table and "18/06/2021" in table and "6 tháng đầu năm 2021" in table
    assert "Hoàng Thanh Oai" in table and "Hội nghị sơ kết 6 tháng" in table
    assert "Tệp nhị phân (có byte 0)" in table  # c.html, with its reason
    assert not Article.all_objects.exists()

    rows = {row.name: row for row in batch.files.all()}
    assert set(rows) == {"so_ket/a.txt", "b.txt", "c.html"}
    a, b = rows["so_ket/a.txt"], rows["b.txt"]
    response = site_admin_client.post(
        reverse("admin:articles_importbatch_change", args=[batch.pk]),
        {
            f"unit_{a.pk}": department.pk,
            f"kind_{a.pk}": "so_ket_6_thang",
            f"unit_{b.pk}": department.pk,  # the correction: the text names no unit
            f"kind_{b.pk}": "sinh_hoat_chuyen_de",
        },
    )
    assert response.status_code == 302

    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.total) == (ImportBatch.Status.DONE, 3, 3)
    report = site_admin_client.get(response.url).content.decode()
    assert "Đã nhập xong" in report and "Đã nhập: 2" in report and "Lỗi: 1" in report
    first, second = Article.objects.order_by("pk")
    assert (first.unit, first.meeting.kind, first.status) == (department, "so_ket_6_thang", "draft")
    assert (second.unit, second.meeting.kind) == (department, "sinh_hoat_chuyen_de")
    assert first.title in report


def test_a_file_left_without_a_unit_goes_to_the_review_queue(site_admin_client):
    upload(site_admin_client, SimpleUploadedFile("b.txt", NO_UNIT.encode()))
    batch = ImportBatch.objects.get()
    row = batch.files.get()
    site_admin_client.post(
        reverse("admin:articles_importbatch_change", args=[batch.pk]), {f"unit_{row.pk}": "", f"kind_{row.pk}": ""}
    )
    row.refresh_from_db()
    assert row.state == ImportFile.State.WAITING_UNIT and not Article.all_objects.exists()
    page = site_admin_client.get(reverse("admin:articles_importbatch_change", args=[batch.pk])).content.decode()
    assert "Chờ xác nhận đơn vị: 1" in page


@pytest.mark.parametrize(
    "files, error",
    [
        ([SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4")], "chỉ nhận tệp .txt, .html, .htm hoặc .zip"),
        ([SimpleUploadedFile("hong.zip", b"not a zip")], "không phải tệp .zip đọc được"),
        ([zipped(**{"anh.jpg": b"\xff\xd8"})], "không chứa tệp .txt hay .html nào"),
    ],
)
def test_bad_uploads_are_refused_with_a_reason(site_admin_client, files, error):
    response = upload(site_admin_client, *files)
    assert response.status_code == 200 and error in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_an_empty_form_asks_for_files(site_admin_client):
    assert "Hãy chọn ít nhất một tệp." in site_admin_client.post(UPLOAD, {}).content.decode()


def test_too_many_files_at_once(site_admin_client, settings):
    response = upload(site_admin_client, zipped(**{f"{n}.txt": b"x" for n in range(MAX_FILES + 1)}))
    assert "Quá nhiều tệp một lần" in response.content.decode()


def test_a_unit_outside_the_administrators_own_is_refused_at_import(client, department):
    other = OrganizationFactory(parent=department.get_parent(), name="Đảng bộ Sở Y tế")
    sign_in(client, staff_with_role(SITE_ADMIN, other))
    upload(client, SimpleUploadedFile("a.txt", TEXT.encode()))
    batch = ImportBatch.objects.get()
    row = batch.files.get()
    client.post(reverse("admin:articles_importbatch_change", args=[batch.pk]), {f"unit_{row.pk}": ""})
    row.refresh_from_db()
    assert row.state == ImportFile.State.FAILED and "không thuộc các đơn vị bạn quản lý" in row.message
    assert not Article.all_objects.exists()


def test_the_page_is_for_site_administrators_only(client, department):
    sign_in(client, staff_with_role(APPROVER, department))
    assert client.get(UPLOAD).status_code == 403
    assert "Nhập bài cũ" not in client.get(reverse("admin:index")).content.decode()


def test_a_running_batch_shows_its_progress_and_refreshes(site_admin_client):
    upload(site_admin_client, SimpleUploadedFile("b.txt", NO_UNIT.encode()))
    batch = ImportBatch.objects.get()
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING, done=0)
    page = site_admin_client.get(reverse("admin:articles_importbatch_change", args=[batch.pk])).content.decode()
    assert 'http-equiv="refresh"' in page and "Đang nhập" in page and "0/1 tệp đã xử lý" in page
