"""The read counter in a real browser: the page's script posts the beacon with the headers Chromium gives it."""

from tests.factories import ArticleFactory

# headless Chromium says "HeadlessChrome", which the counter takes for a bot
READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


def test_opening_a_report_counts_one_read(browser, live_server, transactional_db):
    article = ArticleFactory()
    context = browser.new_context(base_url=live_server.url, user_agent=READER)
    try:
        page = context.new_page()
        with page.expect_response(lambda response: response.url.endswith("/doc/")) as beacon:
            page.goto(article.get_absolute_url())
        assert beacon.value.status == 204
    finally:
        context.close()
    article.refresh_from_db()
    assert article.view_count == 1
