"""The editor's and the reader's day, at 1366 and at 1920 px: a reporter writes a meeting report with one photo and
sends it, an approver publishes it from the always-visible workflow bar, and a reader finds it with its photo, by
meeting kind and by period. What a person sees is asserted; the screenshots go to SHOTS/newsroom-day/ (README)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article
from organizations.models import Meeting
from tests.conftest import totp_code
from tests.factories import ArticleFactory, TOTPDeviceFactory

from .conftest import SHOTS
from .test_editorial_flow import log_in, newsroom, pick_unit  # noqa: F401 -- newsroom is a fixture

VIEWPORTS = {"1366": {"width": 1366, "height": 768}, "1920": {"width": 1920, "height": 1080}}
TITLE = "Đảng bộ Sở Tài nguyên và Môi trường sơ kết công tác xây dựng Đảng nhiệm kỳ 2025 - 2030"
LEAD = "Sáng 20/6, Đảng bộ Sở Tài nguyên và Môi trường tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm."
CAPTION = "Toàn cảnh Hội nghị"


def in_view(page, locator):
    """Whether `locator` is wholly inside the window as it is scrolled now."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def jpeg(path):
    Image.new("RGB", (1200, 800), (163, 18, 15)).save(path, "JPEG")
    return path


@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_report_goes_from_reporter_to_approver_to_readers_on_a_desktop(open_page, newsroom, size, tmp_path):  # noqa: F811
    viewport = VIEWPORTS[size]
    shots = SHOTS / "newsroom-day"
    shots.mkdir(parents=True, exist_ok=True)
    unit, year = newsroom["unit"], timezone.localdate().year
    for n in range(30):  # a list as long as a real one, under a unit with a long name
        ArticleFactory(
            title=f"Chi bộ số {n} học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX",
            unit=unit,
            published_at=timezone.now() - timedelta(days=n + 1),
        )
    logs = []

    def new_page():
        page, log = open_page(viewport)
        logs.append(log)
        return page

    # The reporter's index fills the screen, its panels side by side.
    editor = new_page()
    log_in(editor, newsroom["editor"])
    assert editor.locator("#header").bounding_box()["width"] == viewport["width"]
    main, side = (editor.locator(selector).bounding_box() for selector in ("#content-main", "#content-related"))
    assert side["x"] + side["width"] - main["x"] >= 0.9 * viewport["width"], "the panels and the sidebar span the page"
    panels = editor.locator(".dashboard__panel")
    assert panels.nth(0).bounding_box()["y"] == panels.nth(1).bounding_box()["y"]
    editor.screenshot(path=shots / f"index-{size}.png", full_page=True)

    # The article list gives the title a third of its width at least.
    editor.goto("/admin/articles/article/")
    table = editor.locator("#result_list").bounding_box()
    title = editor.locator("#result_list th.column-title").bounding_box()
    assert title["width"] >= table["width"] / 3
    editor.screenshot(path=shots / f"article-list-{size}.png")

    # The new report: the meeting kind is picked once and kept; the period is picked from Vietnamese names.
    editor.goto("/admin/articles/article/add/")
    send = editor.get_by_role("button", name="Gửi duyệt", exact=True)
    assert in_view(editor, send), "the workflow button is in view without scrolling"
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_lead").fill(LEAD)
    pick_unit(editor, unit)
    editor.locator("#id_meeting_kind").select_option(Meeting.Kind.SO_KET_6_THANG.value)
    part = editor.get_by_label("Kỳ trong năm")
    expect(part.locator("option")).to_contain_text(["Cả năm", "6 tháng đầu năm", "6 tháng cuối năm", "Quý I"])
    expect(editor.get_by_label("Năm", exact=True)).to_have_value(str(year))  # proposed by the meeting kind
    expect(part).to_have_value("h1")
    editor.locator("#id_gallery-0-upload").set_input_files(jpeg(tmp_path / "toan-canh.jpg"))
    editor.locator("#id_gallery-0-caption").fill(CAPTION)
    editor.mouse.wheel(0, 5000)
    assert in_view(editor, send), "the workflow bar stays in view as the form scrolls"
    editor.screenshot(path=shots / f"add-form-{size}.png")
    send.click()
    expect(editor.locator(".messagelist .success")).to_contain_text("Chờ duyệt")
    article = Article.objects.get(title=TITLE)
    assert article.meeting_kind == Meeting.Kind.SO_KET_6_THANG and article.period_code == f"{year}-H1"
    assert article.cover is not None and article.cover == article.gallery.get().photo
    expect(editor.locator("#id_meeting_kind")).to_have_value(Meeting.Kind.SO_KET_6_THANG.value)

    # The approver sees the state, who waits on whom, and his buttons without scrolling.
    device = TOTPDeviceFactory(user=newsroom["approver"])
    approver = new_page()
    log_in(approver, newsroom["approver"], landing=r"/admin/xac-thuc/nhap-ma/\?next=/admin/$")
    approver.get_by_label("Mã xác thực").fill(totp_code(device))
    approver.get_by_role("button", name="Xác nhận").click()
    expect(approver).to_have_url(re.compile(r"/admin/$"))
    approver.goto(f"/admin/articles/article/{article.pk}/change/")
    bar = approver.locator(".workflow-bar")
    expect(bar.locator("strong")).to_have_text("Chờ duyệt")
    expect(bar).to_contain_text("Chờ người duyệt")
    approve = approver.get_by_role("button", name="Duyệt và đăng", exact=True)
    send_back = approver.get_by_role("button", name="Trả lại cho phóng viên", exact=True)
    assert in_view(approver, approve) and in_view(approver, send_back)
    approver.screenshot(path=shots / f"change-form-{size}.png")
    approver.mouse.wheel(0, 5000)
    assert in_view(approver, approve), "still in view at the bottom of the form"
    approve.click()
    expect(approver.locator(".messagelist .success")).to_contain_text("Đã đăng")

    # Readers: the photo on the home page and large on the report; found by kind and by period.
    reader = new_page()
    reader.goto("/")
    card = reader.locator(".latest .card").filter(has=reader.get_by_role("link", name=TITLE))
    expect(card.locator("img.card__image")).to_be_visible()
    reader.screenshot(path=shots / f"home-{size}.png")
    reader.get_by_role("link", name=TITLE).first.click()
    cover = reader.locator(".article__cover img")
    expect(cover).to_be_visible()
    assert cover.bounding_box()["width"] >= 600
    expect(reader.locator(".article__cover figcaption")).to_contain_text(CAPTION)
    reader.screenshot(path=shots / f"article-{size}.png")

    reader.goto(f"/tin-tuc/?kind={Meeting.Kind.SO_KET_6_THANG.value}")
    expect(reader.get_by_role("link", name=TITLE)).to_be_visible()
    reader.goto("/tin-tuc/")
    reader.get_by_label("Kỳ").select_option(label=f"6 tháng đầu năm {year}")
    reader.get_by_role("button", name="Lọc").click()
    expect(reader).to_have_url(re.compile(rf"period={year}-H1"))
    expect(reader.get_by_role("link", name=TITLE)).to_be_visible()
    reader.screenshot(path=shots / f"list-by-period-{size}.png")

    for log in logs:
        assert log.foreign() == [] and log.errors == [] and log.failed == []
