"""The layout on a 390-px phone and on a desktop: nothing scrolls sideways, the header wraps tidily, print leaves
out the navigation. Screenshots go to /tmp/quality-shots/ for a person to look at."""

from django.urls import reverse

from tests.quality.pages import report_with_gallery

from .conftest import DESKTOP, PHONE, SHOTS

IMAGES_LOADED = """() => {
  document.querySelectorAll("img[loading=lazy]").forEach(image => { image.loading = "eager"; });
  return [...document.images].every(image => image.complete);
}"""


def boxes(page, *selectors):
    return [page.locator(selector).first.bounding_box() for selector in selectors]


def test_nothing_scrolls_sideways_the_header_wraps_tidily_and_print_leaves_out_navigation(open_page, demo):
    report = report_with_gallery()
    pages = {
        "home": reverse("articles:home"),
        "list": reverse("articles:list"),
        "article": report.get_absolute_url(),
        "unit": report.unit.get_absolute_url(),
        "search": reverse("articles:search") + "?q=hoi+nghi+so+ket",
        "units": reverse("articles:unit-list"),
    }
    screenshots = {"home", "article", "unit", "search"}
    SHOTS.mkdir(parents=True, exist_ok=True)

    phone, log = open_page(PHONE)
    for name, path in pages.items():
        phone.goto(path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide on a {PHONE['width']}-px phone"
        site_name, nav, search, search_input, main = boxes(
            phone, ".site-name", ".site-nav", ".site-search", ".site-search input", "main"
        )
        for box in (site_name, nav, search):
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"{path}: the header overflows"
        assert nav["y"] >= site_name["y"] + site_name["height"] - 1, f"{path}: the sections go below the site name"
        assert search["y"] >= nav["y"] + nav["height"] - 1, f"{path}: the search box has a line of its own"
        assert search_input["width"] >= 0.6 * PHONE["width"], f"{path}: the search box spans the phone"
        assert main["y"] >= search["y"] + search["height"], f"{path}: the header covers the page"
        if name in screenshots:
            phone.wait_for_function(IMAGES_LOADED)
            phone.screenshot(path=SHOTS / f"{name}-phone.png", full_page=True)

    desktop, desktop_log = open_page(DESKTOP)
    for name, path in pages.items():
        desktop.goto(path)
        assert desktop.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"], path
        site_name, nav, search = boxes(desktop, ".site-name", ".site-nav", ".site-search")
        assert nav["y"] < site_name["y"] + site_name["height"] and search["y"] < nav["y"] + nav["height"], (
            f"{path}: the header is one line on a desktop"
        )
        if name in screenshots:
            desktop.wait_for_function(IMAGES_LOADED)
            desktop.screenshot(path=SHOTS / f"{name}-desktop.png", full_page=True)

    desktop.goto(pages["article"])
    desktop.emulate_media(media="print")
    for hidden in (".site-header", ".share", ".newer-older", ".related", ".breadcrumbs", ".skip-link"):
        assert desktop.locator(hidden).first.is_hidden(), f"{hidden} is printed"
    for shown in ("h1", ".article .body", ".gallery", ".site-footer"):
        assert desktop.locator(shown).first.is_visible(), f"{shown} is not printed"

    for page_log in (log, desktop_log):
        assert page_log.foreign() == [] and page_log.failed == [] and page_log.errors == []
