"""The reporting matrix in Chromium, for a site administrator: the summary, a row per unit in its state's colour,
sorting by a column; a screenshot goes to the quality shots."""

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.quality.pages import staff_pages

from .conftest import DESKTOP, SHOTS

STATES = ["Đã họp, đưa tin đúng hạn", "Đưa tin muộn", "Đã họp, chưa đưa tin", "Chưa tổ chức"]


def test_the_matrix_shows_each_state_and_sorts_by_a_column(open_page, demo, sign_in_page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    admin = get_user_model().objects.create_superuser("kiemtra", "kiemtra@example.vn", None)
    path = dict((name, path) for name, path, _status in staff_pages())["bao-cao-moi-cap"]
    page, log = open_page(DESKTOP)
    sign_in_page(page, admin)
    assert page.goto(path).status == 200
    expect(page.get_by_role("heading", level=2)).to_contain_text("6 tháng đầu năm")
    summary = page.locator(".reporting__summary")
    for state in STATES:
        expect(summary).to_contain_text(state.lower())
        expect(page.locator("tbody td.state strong", has_text=state).first).to_be_visible()
    rows = page.locator("tbody tr")
    assert rows.count() > 10
    page.screenshot(path=str(SHOTS / "bao-cao.png"), full_page=True)

    header = page.locator("thead th").nth(1)
    header.get_by_role("link").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(rows.first.locator("td.state").first).to_contain_text("Chưa tổ chức")  # the worst first
    page.locator(".reporting__table").screenshot(path=str(SHOTS / "bao-cao-sap-xep.png"))
    assert log.failed == [] and log.errors == [] and log.foreign() == []
