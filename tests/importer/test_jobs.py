"""`import_articles --jobs N`: the same outcome as one process, in several; nothing made twice by a race."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Article
from organizations.models import Organization, Person
from tests.conftest import require
from tests.factories import OrganizationFactory
from tests.importer.test_command import TEXT

PEOPLE = ["Lê Thị Hồng Nhung", "Trần Quốc Bảo", "Phạm Minh Châu"]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def folder(tmp_path):
    """Twelve articles of one unit: each names the same three people, one of whom chairs."""
    for number in range(12):
        chair = PEOPLE[number % 3]
        guests = ", ".join(name for name in PEOPLE if name != chair)
        text = TEXT.replace("Lê Thị Hồng Nhung", chair).replace(
            "chủ trì Hội nghị.", f"chủ trì Hội nghị. Dự Hội nghị có các đồng chí {guests}, Phó Bí thư Đảng ủy."
        )
        (tmp_path / f"{number:02}.txt").write_text(text.replace("14-7-2022", f"{number + 1}-7-2022"), encoding="utf-8")
    return tmp_path


def make_unit():
    root = OrganizationFactory(kind=Organization.Kind.PROVINCIAL, name="Đảng bộ tỉnh Thanh Sơn")
    return OrganizationFactory(parent=root, name="Đảng bộ Sở Tư pháp")


def test_a_dry_run_reads_in_several_processes_and_says_the_same(db, folder):
    make_unit()
    serial, parallel = run("--dry-run", str(folder)), run("--dry-run", "--jobs", "2", str(folder))
    assert serial.splitlines()[:-2] == parallel.splitlines()[:-2]  # all but the timings
    assert "sẽ nhập mới 12" not in serial and serial.count("sẽ nhập mới") == 12
    assert not Article.objects.exists()


def test_jobs_must_be_a_positive_number(db, folder):
    with pytest.raises(Exception, match="số nguyên dương"):
        call_command("import_articles", str(folder), "--jobs", "0", stdout=io.StringIO(), stderr=io.StringIO())


def test_processes_side_by_side_make_each_person_and_unit_once(transactional_db, folder):
    require(connection.vendor == "postgresql", "importers side by side need PostgreSQL (SQLite has one writer)")
    unit = make_unit()
    for name in ("Chi bộ Phòng Hộ tịch", "Chi bộ Phòng Bổ trợ tư pháp"):  # unknown: proposed once each
        (folder / f"{name}.txt").write_text(
            TEXT.replace("Đảng ủy Sở Tư pháp tổ chức", f"{name} thuộc Đảng bộ Sở Tư pháp tổ chức"), encoding="utf-8"
        )

    out = run("--jobs", "3", str(folder))

    assert "nhập mới 14" in out and "lỗi 0" in out, out
    assert Article.objects.count() == 14
    assert sorted(Person.objects.values_list("full_name", flat=True)) == sorted(PEOPLE), out
    cells = Organization.objects.filter(name__startswith="Chi bộ Phòng")
    assert cells.count() == 2 and all(cell.get_parent() == unit for cell in cells)
    again = run("--jobs", "3", str(folder))
    assert "nhập mới 0" in again and "lỗi 0" in again
    assert Article.objects.count() == 14 and Person.objects.count() == 3
