"""axe-core, in Chromium, finds no serious or critical accessibility problem on any public page nor on the staff pages
of reporting; a keyboard user skips the header straight to the content."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from tests.conftest import require
from tests.quality.pages import public_pages, staff_pages

from .conftest import DESKTOP, PHONE

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
PHONE_PAGES = {"trang-chu", "tim-kiem", "bai-viet", "don-vi-tinh"}  # the phone layout's own rules, in use
RUN_AXE = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => `${n.target.join(" ")}: ${(n.failureSummary || "").split("\\n").slice(1).join(" ")}`),
  }));
}"""


@pytest.fixture
def axe_page(open_page):
    require(AXE.is_file(), f"{AXE} is missing: run `npm ci --ignore-scripts` (make test does)")

    def axe_page(viewport):
        page, log = open_page(viewport)
        page.context.add_init_script(path=str(AXE))  # through the DevTools protocol: no inline script in the page
        return page, log

    return axe_page


def test_no_serious_or_critical_violation_on_any_public_page(axe_page, demo):
    pages = public_pages()
    problems = []
    for viewport, paths in ((DESKTOP, pages), (PHONE, [page for page in pages if page[0] in PHONE_PAGES])):
        page, log = axe_page(viewport)
        for _name, path, status in paths:
            problems += serious_violations(page, path, status, viewport)
        assert log.foreign() == []
    assert not problems, "\n".join(problems)


def test_no_serious_or_critical_violation_on_the_staff_pages_of_reporting(axe_page, demo, sign_in_page):
    admin = get_user_model().objects.create_superuser("kiemtra", "kiemtra@example.vn", None)
    pages = staff_pages()
    problems = []
    for viewport, paths in ((DESKTOP, pages), (PHONE, pages[:1])):
        page, log = axe_page(viewport)
        sign_in_page(page, admin)
        for _name, path, status in paths:
            problems += serious_violations(page, path, status, viewport)
            assert page.url.endswith(path), f"{path}: sent to {page.url}"  # signed in: not the sign-in form
        assert log.foreign() == [] and log.errors == []
    assert not problems, "\n".join(problems)


def serious_violations(page, path, status, viewport):
    response = page.goto(path)
    assert response.status == status, f"{path}: {response.status}"
    problems = []
    for violation in page.evaluate(RUN_AXE):
        if violation["impact"] in ("serious", "critical"):
            nodes = "\n      ".join(violation["nodes"][:5])
            problems.append(
                f"{path} ({viewport['width']} px): {violation['impact']} {violation['id']}: "
                f"{violation['help']}\n      {nodes}"
            )
    return problems


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(open_page):
    for viewport in (DESKTOP, PHONE):
        page, _ = open_page(viewport)
        page.goto("/tin-tuc/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link", viewport
        box = page.get_by_role("link", name="Bỏ qua, đến nội dung chính").bounding_box()
        assert box["x"] >= 0 and box["y"] >= 0 and box["width"] > 50, "the focused skip link is on screen"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "noi-dung", viewport
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('main') !== null"), "the next Tab stays in the content"
        assert page.evaluate("document.activeElement.tagName") in ("INPUT", "SELECT", "A", "BUTTON")
