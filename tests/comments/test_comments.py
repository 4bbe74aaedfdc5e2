"""Readers' comments: nothing shows before an approver of the article's unit approves it; each spam defence."""

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.signing import TimestampSigner
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from comments.forms import STARTED_SALT
from comments.models import BannedWord, Closure, Comment
from newsroom import pagecache
from tests.factories import ArticleFactory, CategoryFactory
from tests.reader import text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick(settings):
    cache.clear()  # the rate limits count in the cache
    settings.COMMENT_MIN_FILL_SECONDS = 3


def started(seconds_ago=10):
    return TimestampSigner(salt=STARTED_SALT).sign(str(int(time.time()) - seconds_ago))


class Reader:
    """A browser with cookies, as the article page's script does it: a token from /binh-luan/phien/, then post."""

    def __init__(self, address="203.0.113.7"):
        self.client = Client(enforce_csrf_checks=True, REMOTE_ADDR=address)

    def session(self):
        return self.client.get("/binh-luan/phien/").json()

    def post(self, article, *, token=True, seconds_ago=10, **fields):
        data = {"name": "Nguyễn Văn An", "email": "an@example.vn", "text": "Bài viết rất hay.", "website": ""}
        data |= fields
        data["started"] = started(seconds_ago)
        if token:
            data["csrfmiddlewaretoken"] = self.session()["csrfmiddlewaretoken"]
        return self.client.post(f"/tin-tuc/{article.slug}/binh-luan/", data)


def page(article):
    return Client().get(article.get_absolute_url())


def test_a_comment_waits_for_approval_then_shows_escaped_and_counted():
    article = ArticleFactory()
    response = Reader().post(article, text="<script>alert(1)</script> Xem https://spam.example <b>đây</b>")

    assert response.status_code == 302 and response["Location"].endswith("?da-gui=1")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING and comment.ip_address == "203.0.113.7"
    assert "Xem https://spam.example" not in page(article).content.decode()

    comment.status = Comment.Status.APPROVED
    comment.save()
    response = page(article)
    html = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Xem https://spam.example &lt;b&gt;đây&lt;/b&gt;" in html
    assert 'href="https://spam.example' not in html
    assert "Bình luận (1)" in text(response)
    assert "an@example.vn" not in html


def test_the_article_page_carries_no_token_so_it_can_be_cached_for_everyone():
    article = ArticleFactory()
    response = page(article)
    assert 'id="gui-binh-luan"' in response.content.decode()
    assert "csrftoken" not in response.cookies
    assert 'name="csrfmiddlewaretoken" value=""' in response.content.decode()


def test_a_post_without_the_token_gives_the_form_back_with_what_was_written_and_a_token():
    article = ArticleFactory()
    reader = Reader()
    response = reader.post(article, token=False, text="Tôi đồng tình với Nghị quyết.")

    assert response.status_code == 403
    assert not Comment.objects.exists()
    html = response.content.decode()
    assert "Tôi đồng tình với Nghị quyết." in html and 'name="csrfmiddlewaretoken" value="' in html
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    data = {"name": "An", "email": "an@example.vn", "text": "Tôi đồng tình.", "csrfmiddlewaretoken": token}
    again = reader.client.post(f"/tin-tuc/{article.slug}/binh-luan/", data | {"started": started()})
    assert again.status_code == 302 and Comment.objects.count() == 1


def test_a_token_of_another_browser_is_refused():
    article = ArticleFactory()
    token = Reader().session()["csrfmiddlewaretoken"]
    other = Client(enforce_csrf_checks=True)
    data = {"name": "An", "email": "an@example.vn", "text": "Hay.", "started": started(), "csrfmiddlewaretoken": token}
    assert other.post(f"/tin-tuc/{article.slug}/binh-luan/", data).status_code == 403
    assert not Comment.objects.exists()


def test_the_honeypot_drops_the_comment_silently():
    article = ArticleFactory()
    response = Reader().post(article, website="http://spam.example")
    assert response.status_code == 302 and response["Location"].endswith("?da-gui=1")
    assert not Comment.objects.exists()


def test_a_form_filled_faster_than_the_minimum_is_refused():
    article = ArticleFactory()
    response = Reader().post(article, seconds_ago=0)
    assert response.status_code == 400 and "Bạn gửi nhanh quá" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_forged_or_expired_start_time_is_refused(settings):
    article = ArticleFactory()
    reader = Reader()
    data = {"name": "An", "email": "an@example.vn", "text": "Hay."}
    data["csrfmiddlewaretoken"] = reader.session()["csrfmiddlewaretoken"]
    forged = str(int(time.time()) - 60)
    response = reader.client.post(f"/tin-tuc/{article.slug}/binh-luan/", data | {"started": forged})
    assert response.status_code == 400 and "hết hạn" in response.content.decode()
    settings.COMMENT_FORM_MAX_AGE = -1
    assert reader.client.post(f"/tin-tuc/{article.slug}/binh-luan/", data | {"started": started()}).status_code == 400
    assert not Comment.objects.exists()


def test_a_comment_longer_than_the_limit_is_refused(settings):
    settings.COMMENT_MAX_LENGTH = 50
    article = ArticleFactory()
    response = Reader().post(article, text="x" * 51)
    assert response.status_code == 400 and "tối đa 50 ký tự" in response.content.decode()
    assert Reader(address="203.0.113.8").post(article, text="x" * 50).status_code == 302


def test_banned_words_are_found_without_diacritics_case_or_punctuation_but_not_inside_words():
    BannedWord.objects.create(word="Đồ ngốc")
    article = ArticleFactory()
    for written in ("Tác giả là đồ ngốc!", "tac gia la DO NGOC.", "đồ  ngốc"):
        response = Reader().post(article, text=written)
        assert response.status_code == 400 and "không phù hợp" in response.content.decode()
        cache.clear()
    assert Reader().post(article, text="Đồ ngốc nghếch thì không phải từ cấm, đồ ngốcnghếch").status_code == 400
    cache.clear()
    assert Reader().post(article, text="Đồng ngốc? Không, đồ ngon.").status_code == 302


def test_rate_limit_per_address(settings):
    settings.COMMENTS_PER_IP = 2
    article = ArticleFactory()
    reader = Reader()
    for n in range(2):
        assert reader.post(article, email=f"nguoi{n}@example.vn").status_code == 302
    response = reader.post(article, email="nguoi3@example.vn", text="Lần thứ ba.")
    assert response.status_code == 429 and "Lần thứ ba." in response.content.decode()
    assert Reader(address="203.0.113.9").post(article).status_code == 302
    assert Comment.objects.count() == 3


def test_rate_limit_per_email_whatever_the_address(settings):
    settings.COMMENTS_PER_EMAIL = 2
    article = ArticleFactory()
    for n in range(2):
        assert Reader(address=f"203.0.113.{n + 1}").post(article, email="An@Example.vn").status_code == 302
    response = Reader(address="203.0.113.50").post(article, email="an@example.vn")
    assert response.status_code == 429
    assert Comment.objects.count() == 2


def test_name_email_and_text_are_required():
    article = ArticleFactory()
    response = Reader().post(article, name="", email="", text="  ")
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_comments_off_per_article_and_per_category():
    category = CategoryFactory()
    closed_by_category = ArticleFactory(category=category)
    closed = ArticleFactory()
    open_article = ArticleFactory(category=CategoryFactory())
    Closure.objects.create(category=category)
    Closure.objects.create(article=closed)

    for article in (closed, closed_by_category):
        assert 'id="gui-binh-luan"' not in page(article).content.decode()
        assert "không nhận bình luận" in text(page(article))
        assert Reader().post(article).status_code == 403
    assert 'id="gui-binh-luan"' in page(open_article).content.decode()
    assert not Comment.objects.exists()


def test_no_comments_on_unpublished_articles():
    draft = ArticleFactory(status="draft")
    assert Reader().post(draft).status_code == 404


def test_retention_erases_email_and_address_of_old_comments_only(settings):
    settings.COMMENT_RETENTION_DAYS = 30
    article = ArticleFactory()
    old = Comment.objects.create(
        article=article,
        name="An",
        email="an@example.vn",
        ip_address="203.0.113.7",
        text="Cũ",
        created_at=timezone.now() - timedelta(days=31),
    )
    recent = Comment.objects.create(
        article=article,
        name="Bình",
        email="binh@example.vn",
        ip_address="203.0.113.8",
        text="Mới",
        created_at=timezone.now() - timedelta(days=29),
    )
    call_command("expire_comment_data", stdout=open("/dev/null", "w"))

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.email, old.ip_address, old.name, old.text) == ("", None, "An", "Cũ")
    assert (recent.email, recent.ip_address) == ("binh@example.vn", "203.0.113.8")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ERASE).count() == 1


def test_erase_commenter_finds_and_deletes_every_comment_of_an_email(capsys):
    article = ArticleFactory()
    for n, email in enumerate(["an@example.vn", "AN@example.vn", "binh@example.vn"]):
        Comment.objects.create(article=article, name=f"Người {n}", email=email, text=f"Ý kiến {n}")

    call_command("erase_commenter", "an@example.vn", "--dry-run")
    assert "Tìm thấy 2 bình luận" in capsys.readouterr().out
    assert Comment.objects.count() == 3

    call_command("erase_commenter", "an@example.vn")
    assert list(Comment.objects.values_list("email", flat=True)) == ["binh@example.vn"]
    event = AuditEvent.objects.get(action=AuditEvent.Action.ERASE)
    assert "2 bình luận" in event.detail and "an@example.vn" not in event.detail


def test_the_article_page_runs_as_many_queries_with_many_comments_as_with_one():
    article = ArticleFactory()

    def queries():
        pagecache.bump()  # the page as rendered, not as the page cache serves it
        with CaptureQueriesContext(connection) as captured:
            assert page(article).status_code == 200
        return len(captured)

    Comment.objects.create(article=article, name="An", email="an@example.vn", text="Một", status="approved")
    page(article)  # the site settings, cached from then on
    one = queries()
    for n in range(30):
        Comment.objects.create(article=article, name="An", email="an@example.vn", text=f"Ý {n}", status="approved")
        Comment.objects.create(article=article, name="Bình", email="b@example.vn", text=f"Chờ {n}")
    assert queries() == one
    assert "Bình luận (31)" in text(page(article))
