"""The "Nhập bài cũ" page in Chromium: a site administrator uploads old articles, reads the dry run, corrects a
row's unit and kind, imports, and finds the report again after a reload."""

import re

from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from articles.models import Article
from newsroom.roles import SITE_ADMIN, sync_roles
from organizations.models import Organization
from tests.conftest import totp_code
from tests.factories import OrganizationFactory, StaffAssignmentFactory, TOTPDeviceFactory, UserFactory
from tests.importer.test_import import TEXT
from tests.importer.test_review_queue import NO_UNIT

from .conftest import DESKTOP, SHOTS

PASSWORD = "mat-khau-quan-tri-2025"


def test_a_dry_run_a_correction_and_an_import(open_page, live_server, tmp_path):
    sync_roles(apps)  # the roles come from a data migration: a live-server test before this one flushed them
    province = OrganizationFactory(kind=Organization.Kind.PROVINCIAL, name="Đảng bộ tỉnh Thanh Sơn")
    bloc = OrganizationFactory(parent=province, kind=Organization.Kind.UPPER, name="Đảng bộ Khối các cơ quan tỉnh")
    department = OrganizationFactory(parent=bloc, name="Đảng bộ Sở Tài nguyên và Môi trường", aliases="Sở TN&MT")
    school = OrganizationFactory(parent=bloc, name="Chi bộ Trường THPT Lê Lợi", kind=Organization.Kind.CELL)
    admin = UserFactory(username="quantri", is_staff=True)
    admin.set_password(PASSWORD)
    admin.save()
    admin.groups.add(Group.objects.get(name=SITE_ADMIN))
    StaffAssignmentFactory(user=admin, organization=province)
    device = TOTPDeviceFactory(user=admin)
    (tmp_path / "so-ket.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "hoc-tap.txt").write_text(NO_UNIT, encoding="utf-8")

    page, log = open_page(DESKTOP)
    page.goto("/admin/login/")
    page.locator("#id_username").fill("quantri")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_label("Mã xác thực").fill(totp_code(device))
    page.get_by_role("button", name="Xác nhận").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # The upload and its dry run: nothing written yet.
    page.get_by_role("link", name="Nhập bài cũ").first.click()
    page.get_by_role("link", name=re.compile("Thêm")).click()
    page.get_by_label("Tệp bài cũ").set_input_files([tmp_path / "so-ket.txt", tmp_path / "hoc-tap.txt"])
    page.get_by_role("button", name="Đọc thử").click()
    rows = page.locator("#import-rows tbody tr")
    expect(rows).to_have_count(2)
    first, second = rows.filter(has_text="so-ket.txt"), rows.filter(has_text="hoc-tap.txt")
    expect(first).to_contain_text("Đảng bộ Sở Tài nguyên và Môi trường")
    expect(first).to_contain_text("18/06/2021")
    expect(first).to_contain_text("6 tháng đầu năm 2021")
    expect(first).to_contain_text("Hoàng Thanh Oai")
    expect(second).to_contain_text("Không xác định được")
    assert not Article.all_objects.exists()

    # The correction: the second file's unit and kind.
    second.get_by_label("Đơn vị của hoc-tap.txt").select_option(label=school.name)
    second.get_by_label("Loại hội nghị của hoc-tap.txt").select_option(label="Sinh hoạt chi bộ chuyên đề")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "import-dry-run.png", full_page=True)
    page.get_by_role("button", name="Nhập", exact=True).click()

    # The import ran in the background; the page shows the report, and again after a reload.
    for _ in range(2):
        expect(page.locator("#import-status")).to_contain_text("Đã nhập xong")
        expect(page.locator("#import-report")).to_contain_text("Đã nhập: 2")
        page.reload()
    page.screenshot(path=SHOTS / "import-report.png", full_page=True)
    imported = {article.unit: article for article in Article.objects.select_related("meeting")}
    assert set(imported) == {department, school}
    assert imported[school].meeting.kind == "sinh_hoat_chuyen_de" and imported[school].status == "draft"
    page.get_by_role("link", name=imported[department].title).click()
    expect(page.locator("#id_title")).to_have_value(imported[department].title)
    assert (log.foreign(), log.errors, log.failed) == ([], [], [])
