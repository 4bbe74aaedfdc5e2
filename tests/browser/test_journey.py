"""A reader's way to a report, on a desktop and on a phone: home, a unit, one of its years, the report and its
photos, then the same report found again by a search typed without diacritics, and the unit's RSS feed."""

import re
from xml.etree import ElementTree

from playwright.sync_api import expect

from tests.quality.pages import report_with_gallery

from .conftest import VIEWPORTS


def test_a_reader_reaches_a_report_by_unit_and_period_then_finds_it_by_search(open_page, demo):
    """One walk per screen size, on one copy of the demo data (each test with the live server seeds it anew)."""
    report = report_with_gallery()
    for viewport in VIEWPORTS.values():
        page, log = open_page(viewport)
        try:
            walk(page, report, viewport)
        except AssertionError as error:
            error.add_note(f"on a {viewport['width']}-px wide screen")
            raise
        assert log.foreign() == [], "every request goes to this site"
        assert log.failed == [] and log.errors == []


def walk(page, report, viewport):
    unit, year = report.unit, report.period.start.year

    page.goto("/")
    expect(page.get_by_role("heading", name="Tin nổi bật")).to_be_visible()
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Đơn vị").click()
    expect(page).to_have_url(re.compile(r"/don-vi/$"))

    page.locator(".unit-tree").get_by_role("link", name=unit.name, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(unit.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(unit.name)

    periods = page.get_by_role("navigation", name="Chọn kỳ")
    periods.get_by_role("link", name=f"Năm {year}", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/ky/{year}/$"))
    expect(periods.get_by_role("link", name=f"Năm {year}", exact=True)).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Năm {year}")

    page.get_by_role("link", name=report.title, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(report.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(report.title)
    expect(page.locator(".facts")).to_contain_text(report.period.label)

    # The gallery: a photo opens large in a dialog, with its caption; Escape closes it.
    photo = page.locator(".gallery__item").first
    photo.scroll_into_view_if_needed()
    caption = photo.locator("figcaption").inner_text()
    large_url = photo.locator("a").get_attribute("href")
    photo.locator("a").click()
    dialog = page.get_by_role("dialog", name="Xem ảnh")
    expect(dialog).to_be_visible()
    expect(dialog.locator("img")).to_have_attribute("src", re.compile(re.escape(large_url) + "$"))
    expect(dialog.locator("img")).to_have_attribute("alt", photo.locator("img").get_attribute("alt"))
    expect(dialog).to_contain_text(caption)
    expect(dialog.get_by_role("button", name="Đóng")).to_be_focused()
    large, thumbnail = page.wait_for_function(
        """() => [document.querySelector("dialog.lightbox img"), document.querySelector(".gallery__item img")]
                 .map(image => image.complete && image.naturalWidth).every(Boolean)
                 && [document.querySelector("dialog.lightbox img").naturalWidth,
                     document.querySelector(".gallery__item img").naturalWidth]"""
    ).json_value()
    assert large > thumbnail, "the dialog shows the large photo, not the thumbnail"
    shown = dialog.locator("img").bounding_box()
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= viewport["width"], "the photo fits the screen"
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(photo.locator("a")).to_be_focused()  # back where the reader was

    # A search typed without diacritics finds the report; the reader narrows it to the report's half-year.
    search = page.get_by_role("search", name="Tìm kiếm trên trang").get_by_role("searchbox")
    search.fill("hoi nghi so ket")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=hoi\+nghi\+so\+ket$"))
    expect(page.locator(".cards mark").first).to_be_visible()
    page.get_by_label("Kỳ", exact=True).select_option(label=report.period.label)  # periods listed by name
    page.get_by_role("button", name="Lọc").click()
    expect(page.get_by_role("list", name="Bộ lọc đang chọn")).to_contain_text(report.period.label)
    result = page.locator(".card").filter(has=page.get_by_role("link", name=report.title, exact=True))
    expect(result).to_have_count(1)
    expect(result.locator("mark").first).to_be_visible()

    # The unit's RSS feed, linked from its page, is an RSS document.
    page.goto(unit.get_absolute_url())
    feed_url = page.get_by_role("link", name="RSS của đơn vị").get_attribute("href")
    assert page.locator(f'link[rel="alternate"][type="application/rss+xml"][href="{feed_url}"]').count() == 1
    feed = page.request.get(feed_url)
    assert feed.ok and "xml" in feed.headers["content-type"]
    channel = ElementTree.fromstring(feed.body()).find("channel")
    assert unit.name in channel.findtext("title") and channel.findall("item")
