"""The statistics page in Chromium: each chart is drawn, named for screen readers and shown beside its data; a
screenshot of each goes to the quality shots."""

from django.urls import reverse

from organizations.models import Organization

from .conftest import DESKTOP, PHONE, SHOTS

CHARTS = ["theo-thang", "theo-don-vi", "theo-loai", "xep-loai-to-chuc", "xep-loai-dang-vien"]


def test_each_chart_is_drawn_with_its_data_table(open_page, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    province = Organization.objects.get_root_nodes().get()
    for name, path in (
        ("thong-ke", reverse("reporting:statistics")),
        ("don-vi-thong-ke", reverse("reporting:unit-statistics", args=[province.slug])),
    ):
        page, log = open_page(DESKTOP)
        assert page.goto(path).status == 200
        for chart in CHARTS:
            section = page.locator(f"section[aria-labelledby='{chart}']")
            svg = section.locator("svg[role='img']")
            box = svg.bounding_box()
            assert box["width"] > 400 and box["height"] > 100, f"{chart}: {box}"
            assert svg.locator("title").text_content().startswith("Biểu đồ")
            assert section.locator("rect, polyline").count() > 0, f"{chart} draws nothing"
            assert section.locator("table").first.is_visible()
            section.screenshot(path=str(SHOTS / f"{name}-{chart}.png"))
        assert log.failed == [] and log.errors == [] and log.foreign() == []


def test_on_a_phone_the_charts_fit_the_screen(open_page, demo):
    page, _ = open_page(PHONE)
    page.goto(reverse("reporting:statistics"))
    for svg in page.locator("svg[role='img']").all():
        assert svg.bounding_box()["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(SHOTS / "thong-ke-dien-thoai.png"), full_page=True)
