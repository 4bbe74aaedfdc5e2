"""The "Nhập bài cũ" page and `--background` with the production task backend: the worker imports, the page reads
the progress from the database."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, ImportBatch, ImportFile
from newsroom.roles import SITE_ADMIN
from organizations.models import Organization
from tests.conftest import sign_in
from tests.factories import OrganizationFactory, staff_with_role
from tests.importer.test_import import TEXT
from tests.importer.test_review_queue import NO_UNIT
from tests.tasks.conftest import run_worker


def test_a_batch_waits_for_the_worker_and_the_page_follows_it(database_tasks, client):
    province = OrganizationFactory(kind=Organization.Kind.PROVINCIAL, name="Đảng bộ tỉnh Thanh Sơn")
    OrganizationFactory(parent=province, name="Đảng bộ Sở Tài nguyên và Môi trường", aliases="Sở TN&MT")
    sign_in(client, staff_with_role(SITE_ADMIN, province))
    client.post(reverse("admin:articles_importbatch_add"), {"files": [SimpleUploadedFile("a.txt", TEXT.encode())]})
    batch = ImportBatch.objects.get()
    url = reverse("admin:articles_importbatch_change", args=[batch.pk])
    row = batch.files.get()

    client.post(url, {f"unit_{row.pk}": "", f"kind_{row.pk}": ""})

    waiting = client.get(url).content.decode()
    assert "Đang chờ nhập" in waiting and 'http-equiv="refresh"' in waiting and not Article.objects.exists()
    run_worker()
    done = client.get(url).content.decode()
    assert "Đã nhập xong" in done and "Đã nhập: 1" in done and 'http-equiv="refresh"' not in done
    assert Article.objects.get().title in done


def test_a_background_file_without_a_unit_waits_in_the_review_queue(database_tasks, tmp_path):
    OrganizationFactory(kind=Organization.Kind.PROVINCIAL, name="Đảng bộ tỉnh Thanh Sơn")
    (tmp_path / "b.txt").write_text(NO_UNIT, encoding="utf-8")
    call_command("import_articles", str(tmp_path), "--background", stdout=io.StringIO())
    run_worker()
    assert ImportFile.objects.waiting_for_unit().get().name == "b.txt"
    assert not Article.objects.exists()
