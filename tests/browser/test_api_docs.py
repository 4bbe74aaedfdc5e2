"""The API's browsable description in Chromium: Swagger UI from the site's own files, under its CSP, no CDN."""

from tests.browser.conftest import SHOTS


def test_the_api_docs_page_lists_the_operations_with_nothing_from_elsewhere(open_page, transactional_db):
    page, log = open_page()

    page.goto("/api/v1/docs/")

    page.get_by_text("/api/v1/articles/{slug}/").first.wait_for()
    assert page.get_by_text("/api/v1/units/").first.is_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "api-docs.png"))
    assert log.foreign() == []
    assert [error for error in log.errors if "Content Security Policy" in error] == []
    assert log.failed == []
