"""A reader comments from the article page in Chromium: the page carries no token (it may be cached for everyone);
the script fetches one as the reader starts writing, and the comment waits for approval."""

from comments.models import Comment
from tests.browser.conftest import SHOTS
from tests.factories import ArticleFactory


def write_and_send(page, text):
    page.get_by_label("Họ tên").fill("Nguyễn Văn An")
    page.get_by_label("E-mail (không hiển thị)").fill("an@example.vn")
    page.get_by_label("Nội dung bình luận").fill(text)
    page.get_by_role("button", name="Gửi bình luận").click()


def test_a_reader_comments_from_the_article_page(open_page, transactional_db, settings):
    settings.COMMENT_MIN_FILL_SECONDS = 0
    article = ArticleFactory(title="Hội nghị sơ kết 6 tháng đầu năm 2021")
    page, log = open_page()

    page.goto(article.get_absolute_url())
    write_and_send(page, "Hội nghị tổ chức chu đáo.")

    page.get_by_text("Bình luận đã được gửi và sẽ hiện dưới bài viết sau khi được duyệt").wait_for()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "binh-luan-da-gui.png"), full_page=True)
    comment = Comment.objects.get()
    assert (comment.text, comment.status) == ("Hội nghị tổ chức chu đáo.", Comment.Status.PENDING)
    page.goto(article.get_absolute_url())
    assert page.get_by_text("Hội nghị tổ chức chu đáo.").count() == 0

    for comment in Comment.objects.all():  # as the approvers' queue does, which shows the change at once
        comment.status = Comment.Status.APPROVED
        comment.save()
    page.goto(article.get_absolute_url())
    page.get_by_role("heading", name="Bình luận (1)").wait_for()
    assert page.get_by_text("Hội nghị tổ chức chu đáo.").is_visible()
    assert page.get_by_text("an@example.vn").count() == 0
    page.locator("#binh-luan").screenshot(path=str(SHOTS / "binh-luan-bai-viet.png"))
    assert log.errors == [] and log.foreign() == []


def test_without_the_script_the_form_comes_back_once_with_a_token(browser, live_server, transactional_db, settings):
    settings.COMMENT_MIN_FILL_SECONDS = 0
    article = ArticleFactory()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(article.get_absolute_url())
        write_and_send(page, "Gửi lần đầu không có mã.")
        page.get_by_text("Hãy bấm Gửi lần nữa").wait_for()
        assert page.get_by_label("Nội dung bình luận").input_value() == "Gửi lần đầu không có mã."
        page.get_by_role("button", name="Gửi bình luận").click()
        page.get_by_text("Bình luận đã được gửi").wait_for()
    finally:
        context.close()
    assert Comment.objects.get().text == "Gửi lần đầu không có mã."
