"""An article's way through the newsroom, in Chromium: a reporter writes it and sends it for approval, an approver
of the unit (who sets up his second factor as he first signs in) publishes it from the dashboard, a reader sees it,
and a later edit of the title is undone by restoring the earlier version from the article's history."""

import re
from base64 import b32decode

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.oath import totp
from playwright.sync_api import expect

from articles.models import Article
from newsroom.roles import APPROVER, EDITOR, sync_roles
from organizations.models import Meeting, Organization
from tests.conftest import totp_code
from tests.factories import OrganizationFactory, StaffAssignmentFactory, TOTPDeviceFactory, UserFactory

from .conftest import DESKTOP

PASSWORD = "mat-khau-phong-vien-2025"
TITLE = "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2025"
EDITED_TITLE = "Hội nghị tổng kết công tác xây dựng Đảng năm 2025"
LEAD = "Sáng 20/6/2025, Đảng bộ Sở Tài nguyên và Môi trường tổ chức Hội nghị sơ kết."
BODY = "Đồng chí Bí thư Đảng ủy chủ trì Hội nghị và quán triệt nhiệm vụ 6 tháng cuối năm."


@pytest.fixture
def newsroom(live_server):
    """A unit with a reporter and an approver, committed where the live server sees them."""
    sync_roles(apps)  # the roles come from a data migration: a live-server test before this one flushed them
    unit = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường", kind=Organization.Kind.GRASSROOTS)
    OrganizationFactory(name="Đảng bộ Sở Tài chính")  # not theirs: the unit field must not offer it

    def member(username, role):
        user = UserFactory(username=username, first_name=username.capitalize(), is_staff=True)
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=role))
        StaffAssignmentFactory(user=user, organization=unit)
        return user

    return {"unit": unit, "editor": member("phongvien", EDITOR), "approver": member("nguoiduyet", APPROVER)}


def test_an_article_goes_from_reporter_to_approver_to_readers_and_an_edit_is_undone(open_page, newsroom):
    unit = newsroom["unit"]
    logs = []

    def new_page(user=None):
        page, log = open_page(DESKTOP)
        logs.append(log)
        if user is not None:
            log_in(page, user)
        return page

    # The reporter writes the article and sends it for approval.
    editor = new_page(newsroom["editor"])
    editor.goto("/admin/articles/article/add/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_lead").fill(LEAD)
    pick_unit(editor, unit)
    # the unit and a meeting kind propose what is still empty (period, tags), never over the typed title
    editor.locator("#id_meeting_kind").select_option(Meeting.Kind.SO_KET_6_THANG.value)
    expect(editor.locator("#id_period_code_0")).to_have_value(str(timezone.localdate().year))
    expect(editor.locator("#id_period_code_1")).to_have_value("h1")  # "6 tháng đầu năm"
    expect(editor.locator("#id_tags")).to_have_value("Sơ kết, Công tác Đảng")
    expect(editor.locator("#id_title")).to_have_value(TITLE)
    body = editor.locator(".field-body .ck-editor__editable")
    expect(body).to_be_visible()  # CKEditor has started
    body.click()
    editor.keyboard.type(BODY)
    expect(body).to_contain_text(BODY)
    editor.get_by_role("button", name="Gửi duyệt", exact=True).click()
    expect(editor.locator(".messagelist .success")).to_have_text(
        "Đã lưu và “Gửi duyệt”: bài đang ở trạng thái “Chờ duyệt”."
    )
    expect(workflow_status(editor)).to_have_text("Chờ duyệt")
    article = Article.objects.get(title=TITLE)
    assert article.created_by == newsroom["editor"] and article.unit == unit
    assert BODY in article.body and article.status == Article.Status.SUBMITTED
    assert article.period_code == f"{timezone.localdate().year}-H1"
    expect(editor.get_by_role("button", name="Duyệt và đăng")).to_have_count(0)  # not the reporter's to approve

    # The reporter makes a preview link for someone without an account, who sees the report as readers will.
    editor.get_by_role("button", name="Tạo liên kết xem trước").click()
    link = editor.get_by_role("textbox", name="Liên kết xem trước")
    expect(link).to_have_value(re.compile(r"/xem-truoc/[^/]+/$"))
    outsider = new_page()
    outsider.goto(link.input_value())
    expect(outsider.get_by_role("heading", level=1)).to_have_text(TITLE)

    # The approver signs in for the first time: his role requires a second factor, so he sets up his authenticator
    # app (from the key the page shows) and is given his recovery codes; then he finds the article waiting on the
    # dashboard and publishes it.
    approver = new_page()
    log_in(approver, newsroom["approver"], landing=r"/admin/xac-thuc/dang-ky/\?next=/admin/$")
    expect(approver.get_by_role("img", name=re.compile("Mã QR"))).to_be_visible()
    key = b32decode(approver.locator(".two-factor__secret").inner_text().replace(" ", ""))
    approver.get_by_label("Mã xác thực").fill(f"{totp(key):06d}")
    approver.get_by_role("button", name="Xác nhận").click()
    expect(approver.locator(".two-factor__codes li")).to_have_count(10)
    approver.get_by_role("link", name="Tôi đã cất các mã, tiếp tục").click()
    expect(approver).to_have_url(re.compile(r"/admin/$"))
    waiting = approver.locator(".dashboard__panel").filter(
        has=approver.locator("caption", has_text=re.compile(r"^Chờ tôi duyệt \(1\)$"))
    )
    waiting.get_by_role("link", name=TITLE).click()
    expect(approver).to_have_url(re.compile(rf"/admin/articles/article/{article.pk}/change/$"))
    expect(workflow_status(approver)).to_have_text("Chờ duyệt")
    expect(approver.locator(".field-body .ck-editor__editable")).to_contain_text(BODY)
    approver.get_by_role("button", name="Duyệt và đăng", exact=True).click()
    expect(approver.locator(".messagelist .success")).to_have_text(
        "Đã lưu và “Duyệt và đăng”: bài đang ở trạng thái “Đã đăng”."
    )
    expect(workflow_status(approver)).to_have_text("Đã đăng")

    # A reader, signed in nowhere, reads it.
    article.refresh_from_db()
    assert article.is_published()
    reader = new_page()
    see_public(reader, article, TITLE)
    expect(reader.locator("main")).to_contain_text(BODY)

    # The approver retitles it; the history compares the two versions and restores the earlier one.
    approver.locator("#id_title").fill(EDITED_TITLE)
    approver.get_by_role("button", name="Lưu lại", exact=True).click()
    expect(approver.locator(".messagelist .success")).to_contain_text(EDITED_TITLE)
    see_public(reader, article, EDITED_TITLE)

    approver.goto(f"/admin/articles/article/{article.pk}/change/")
    approver.get_by_role("link", name="Lịch sử", exact=True).click()
    versions = approver.locator("table.history-versions tbody tr")
    expect(versions).to_have_count(3)  # sent for approval, approved, retitled
    expect(versions.first).to_contain_text("(mới nhất)")
    approver.get_by_role("button", name="So sánh hai phiên bản đã chọn").click()
    title_row = approver.locator("table.history-diff tbody tr").filter(
        has=approver.get_by_role("rowheader", name="Tiêu đề", exact=True)
    )
    expect(title_row.locator("td").first).to_have_text(TITLE)
    expect(title_row.locator("td").last).to_have_text(EDITED_TITLE)
    expect(title_row.locator("td").first.locator("del")).not_to_have_count(0)
    expect(title_row.locator("td").last.locator("ins")).not_to_have_count(0)

    approver.go_back()
    versions.nth(1).get_by_role("link").click()  # the version before the new title: its time opens it
    expect(approver.locator(".restore-notice")).to_be_visible()
    expect(approver.locator("#id_title")).to_have_value(TITLE)
    expect(approver.locator(".field-body .ck-editor__editable")).to_contain_text(BODY)
    approver.get_by_role("button", name="Lưu lại", exact=True).click()
    expect(approver.locator(".messagelist .success")).to_contain_text(TITLE)

    article.refresh_from_db()
    assert article.title == TITLE and article.status == Article.Status.PUBLISHED
    see_public(reader, article, TITLE)
    approver.goto(f"/admin/articles/article/{article.pk}/history/")
    expect(versions).to_have_count(4)
    expect(versions.first).to_contain_text("Khôi phục phiên bản lưu lúc")

    for log in logs:
        assert log.foreign() == [], "every request goes to this site"
        assert log.errors == [], "no script error on any page"
        assert log.failed == [], "no request failed"


def test_an_approver_signs_in_with_the_code_of_his_authenticator_app(open_page, newsroom):
    device = TOTPDeviceFactory(user=newsroom["approver"])
    page, log = open_page(DESKTOP)
    log_in(page, newsroom["approver"], landing=r"/admin/xac-thuc/nhap-ma/\?next=/admin/$")
    page.get_by_label("Mã xác thực").fill(totp_code(device))
    page.get_by_role("button", name="Xác nhận").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("div.dashboard")).to_be_visible()
    assert (log.foreign(), log.errors, log.failed) == ([], [], [])


def log_in(page, user, landing=r"/admin/$"):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(re.compile(landing))


def pick_unit(page, unit):
    """The unit field is a select2 autocomplete: open it, type part of the name, choose the one result."""
    # each step waits for its answer: select2 aborts a request still running when the next one starts
    with page.expect_response(lambda response: "/admin/autocomplete/" in response.url):
        page.locator(".field-unit .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    with page.expect_response(lambda response: "/admin/autocomplete/" in response.url and "term=" in response.url):
        search.fill("Đảng bộ Sở")
    results = page.locator(".select2-results__option:not(.loading-results)")
    expect(results).to_have_text([unit.name])  # the reporter's own unit only
    results.first.click()
    expect(page.locator("#id_unit")).to_have_value(str(unit.pk))


def workflow_status(page):
    return page.locator("fieldset.workflow").get_by_text("Trạng thái:").locator("strong")


def see_public(page, article, title):
    page.goto(article.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
