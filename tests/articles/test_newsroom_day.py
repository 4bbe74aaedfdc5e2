"""Issue 12 on the server side: an article's meeting kind, its cover from the gallery, periods picked by name, the
period page's news, the article page's side column and the portal's header."""

import json
import re
from datetime import date, datetime, timedelta

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.admin.articles import waiting_on
from articles.models import Article, SiteSettings
from newsroom.forms import PeriodPicker, PeriodSelect, code_of, parts_of
from newsroom.periods import Period
from newsroom.roles import EDITOR
from organizations.models import Meeting
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    MeetingFactory,
    OrganizationFactory,
    PhotoFactory,
    UserFactory,
    staff_with_role,
)
from tests.reader import region, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


# --- The meeting kind is data ---


def test_the_kind_filter_finds_an_article_by_its_own_kind_or_by_its_meetings():
    own = ArticleFactory(title="Sơ kết 6 tháng, chưa gắn hội nghị", meeting_kind=Meeting.Kind.SO_KET_6_THANG)
    by_meeting = ArticleFactory(title="Tường thuật hội nghị", meeting=MeetingFactory(kind=Meeting.Kind.SO_KET_6_THANG))
    overridden = ArticleFactory(
        title="Bài về lễ kết nạp",
        meeting=MeetingFactory(kind=Meeting.Kind.SO_KET_6_THANG),
        meeting_kind=Meeting.Kind.KET_NAP_DANG_VIEN,
    )
    ArticleFactory(title="Tin khác")
    page = text(Client().get("/tin-tuc/?kind=so_ket_6_thang"))
    assert own.title in page and by_meeting.title in page
    assert overridden.title not in page and "Tin khác" not in page
    assert list(Article.objects.of_kind(Meeting.Kind.KET_NAP_DANG_VIEN)) == [overridden]


# --- The first gallery photo is the cover ---


def test_the_first_gallery_photo_becomes_the_cover_when_none_is_chosen():
    article = ArticleFactory()
    second = ArticlePhotoFactory(article=article, order=2)
    article.refresh_from_db()
    assert article.cover == second.photo
    ArticlePhotoFactory(article=article, order=1)  # a cover once taken stays
    article.refresh_from_db()
    assert article.cover == second.photo


def test_a_chosen_cover_is_kept():
    chosen = PhotoFactory()
    article = ArticleFactory(cover=chosen)
    ArticlePhotoFactory(article=article)
    article.refresh_from_db()
    assert article.cover == chosen


def test_the_cover_shows_large_above_the_text_and_not_again_in_the_gallery():
    article = ArticleFactory()
    ArticlePhotoFactory(article=article, caption="Toàn cảnh Hội nghị", order=1)
    ArticlePhotoFactory(article=article, caption="Đồng chí Bí thư phát biểu", order=2)
    html = Client().get(article.get_absolute_url()).content.decode()
    cover = re.search(r'<figure class="article__cover">(.*?)</figure>', html, re.S)
    assert cover and "Toàn cảnh Hội nghị" in cover[1] and 'width="' in cover[1]
    captions = re.findall(
        r"<figcaption>(.*?)</figcaption>", re.search(r'<section class="gallery".*?</section>', html, re.S)[0]
    )
    assert captions == ["Đồng chí Bí thư phát biểu"]


def test_a_report_with_one_gallery_photo_has_an_image_on_the_home_page():
    article = ArticleFactory(title="Hội nghị có một ảnh")
    ArticlePhotoFactory(article=article)
    html = Client().get("/").content.decode()
    card = re.search(r'<article class="card">(?:(?!</article>).)*Hội nghị có một ảnh.*?</article>', html, re.S)
    assert card and 'class="card__image"' in card[0]


# --- Periods by name ---


@pytest.mark.parametrize(
    ("code", "parts"),
    [
        ("2021-H1", (2021, "h1")),
        ("2021", (2021, "year")),
        ("2021-Q3", (2021, "q3")),
        ("2021-06", (2021, "06")),
        ("2021-9M", (2021, "9m")),
        ("2020-2025", (2020, "term")),
        ("2020-2025-mid", (2020, "mid")),
        ("6 tháng cuối năm 2022", (2022, "h2")),
        ("", (None, None)),
    ],
)
def test_the_period_picker_shows_a_code_as_a_year_and_a_part_and_back(code, parts):
    assert parts_of(code) == parts
    if parts[0]:
        assert Period.parse(code_of(*parts)) == Period.from_text(code)


def test_the_period_picker_posts_one_code_and_reads_a_plain_one():
    picker = PeriodPicker()
    assert picker.value_from_datadict({"ky_year": "2021", "ky_part": "h1"}, {}, "ky") == "2021-H1"
    assert picker.value_from_datadict({"ky_year": "", "ky_part": "year"}, {}, "ky") == ""
    assert picker.value_from_datadict({"ky": "2021-Q2"}, {}, "ky") == "2021-Q2"
    html = picker.render("ky", "2021-H1")
    assert '<option value="2021" selected>' in html and '<option value="h1" selected>6 tháng đầu năm</option>' in html
    assert "Cả nhiệm kỳ" in html


def test_the_public_period_list_names_periods_in_vietnamese_and_keeps_codes_as_values():
    year = timezone.localdate().year
    html = PeriodSelect().render("period", "2021-h1")
    assert f'<option value="{year}-H1">6 tháng đầu năm {year}</option>' in html
    assert '<option value="2020-2025">Nhiệm kỳ 2020 - 2025</option>' in html
    assert '<option value="2021-H1" selected>6 tháng đầu năm 2021</option>' in html
    assert '<option value="1999-03" selected>Tháng 3/1999</option>' in PeriodSelect().render("period", "1999-03")


@pytest.mark.parametrize("url", ["/tin-tuc/", "/hoi-nghi/"])
def test_public_filters_offer_periods_by_name(url):
    html = Client().get(url).content.decode()
    select = re.search(r'<select name="period"[^>]*>(.*?)</select>', html, re.S)
    assert select and "6 tháng đầu năm" in select[1] and "placeholder" not in select[0]


def test_the_admin_filters_and_picks_periods_by_name(admin_client):
    ArticleFactory(title="Báo cáo quý", period_code="2021-Q3")
    ArticleFactory(title="Báo cáo năm", period_code="2022")
    page = admin_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Quý III/2021" in page and "Năm 2022" in page and "Bởi " not in page
    filtered = admin_client.get(reverse("admin:articles_article_changelist") + "?ky=2021").content.decode()
    assert "Báo cáo quý" in filtered and "Báo cáo năm" not in filtered
    form = admin_client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'name="period_code_year"' in form and "6 tháng đầu năm" in form
    assert "Mã kỳ" not in form


# --- The period page: reports about it, then the news published in it ---


def test_a_year_page_lists_the_news_published_in_it_below_its_reports():
    ArticleFactory(
        title="Tổng kết năm 2025", period_code="2025", published_at=timezone.make_aware(datetime(2026, 1, 5))
    )
    ArticleFactory(title="Tin tháng 3/2025", published_at=timezone.make_aware(datetime(2025, 3, 10, 9)))
    ArticleFactory(title="Tin năm 2024", published_at=timezone.make_aware(datetime(2024, 3, 10, 9)))
    response = Client().get("/ky/2025/")
    assert "Tổng kết năm 2025" in region(response, "Báo cáo về kỳ này")
    news = region(response, "Tin đăng trong kỳ")
    assert "Tin tháng 3/2025" in news and "Tổng kết năm 2025" not in news and "Tin năm 2024" not in news


# --- The article page and the portal ---


def test_the_article_page_has_meeting_facts_related_and_most_read_beside_the_text():
    meeting = MeetingFactory(title="Hội nghị sơ kết 6 tháng đầu năm 2025", location="Hội trường Tỉnh ủy")
    article = ArticleFactory(meeting=meeting, period_code="2025-H1")
    ArticleFactory(title="Bài cùng hội nghị", meeting=meeting)
    ArticleFactory(title="Bài đọc nhiều", view_count=50)
    response = Client().get(article.get_absolute_url())
    html = response.content.decode()
    side = html[html.index('<div class="article-side">') :]
    assert "Hội trường Tỉnh ủy" in side and "6 tháng đầu năm 2025" in side
    assert "Bài cùng hội nghị" in side and "Bài đọc nhiều" in side


def test_term_ranges_never_break_inside():
    html = Template("{% load newsroom %}{{ title|term_ranges }}").render(
        Context({"title": "Đại hội nhiệm kỳ 2025 - 2030 <b>"})
    )
    assert html == 'Đại hội nhiệm kỳ <span class="nowrap">2025&nbsp;-&nbsp;2030</span> &lt;b&gt;'


def test_the_header_has_a_date_line_a_category_menu_and_the_banner_of_the_settings():
    CategoryFactory(name="Xây dựng Đảng")
    SiteSettings.objects.create(site_name="Tin tức Đảng bộ tỉnh", banner="site/bang-ron.jpg")
    html = Client().get("/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert re.search(r"Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy), \d\d/\d\d/\d{4}|Chủ Nhật, \d\d/\d\d/\d{4}", header)
    assert '<nav class="category-nav" aria-label="Chuyên mục">' in header and "Xây dựng Đảng" in header
    assert '<img src="/media/site/bang-ron.jpg" alt="Tin tức Đảng bộ tỉnh">' in header


def test_a_new_category_reaches_the_menu():
    Client().get("/")
    CategoryFactory(name="Học tập và làm theo Bác")
    assert "Học tập và làm theo Bác" in Client().get("/").content.decode()


def test_featured_stories_are_not_repeated_under_the_latest_news():
    for n in range(3):
        ArticleFactory(title=f"Tin nổi bật {n}", is_featured=True)
    ArticleFactory(title="Tin thường", published_at=timezone.now() - timedelta(days=1))
    response = Client().get("/")
    latest = region(response, "Tin mới")
    assert "Tin thường" in latest and "Tin nổi bật" not in latest


def test_the_meeting_page_names_the_term_once_and_numbers_tasks_once():
    meeting = MeetingFactory(period_code="2020-2025", tasks="(1) Học tập Nghị quyết\n(2) Kết nạp đảng viên")
    meeting.term = meeting.host.terms.create(start_year=2020, end_year=2025)
    meeting.save()
    ArticleFactory(meeting=meeting)
    html = Client().get(meeting.get_absolute_url()).content.decode()
    assert "<dt>Kỳ báo cáo</dt>" in html and "<dt>Nhiệm kỳ</dt>" not in html
    assert '<ul class="tasks">' in html


# --- The workflow bar ---


def test_the_workflow_bar_says_who_the_article_waits_on():
    author = UserFactory(first_name="Hoài", last_name="Thu")
    unit = OrganizationFactory(name="Đảng bộ Sở Tài chính", short_name="Đảng bộ Sở TC")
    submitted = ArticleFactory(unit=unit, status=Article.Status.SUBMITTED, created_by=author)
    returned = ArticleFactory(unit=unit, status=Article.Status.RETURNED, created_by=author)
    assert "người duyệt của Đảng bộ Sở TC" in waiting_on(submitted)
    assert "Chờ" in waiting_on(returned) and "sửa theo ghi chú" in waiting_on(returned)
    assert "Gửi duyệt" in waiting_on(None)


def test_the_site_settings_banner_is_optional():
    assert not SiteSettings().banner
    assert date(2026, 12, 7).weekday() == 0  # the date line's weekday names start on Monday


# --- The unit list in the editor's words ---


def test_a_reporters_unit_tree_starts_at_his_unit_and_is_filtered_in_words(client):
    province = OrganizationFactory(name="Đảng bộ tỉnh")
    ours = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường", parent=province)
    cell = OrganizationFactory(name="Chi bộ Văn phòng Sở", parent=ours)
    OrganizationFactory(name="Tổ đảng Hành chính", parent=cell)
    other = OrganizationFactory(name="Đảng bộ Sở Y tế", parent=province)
    OrganizationFactory(name="Chi bộ Bệnh viện tỉnh", parent=other)
    client.force_login(staff_with_role(EDITOR, ours))
    url = reverse("admin:organizations_organization_changelist")
    response = client.get(url)
    assert [unit.name for unit in response.context["cl"].result_list] == [ours.name]
    tree = json.loads(re.search(r'id="tree-context"[^>]*>(.*?)</script>', response.text).group(1))
    assert tree == [{"node-id": str(ours.pk), "parent-id": "0", "level": 1, "has-children": 1, "can-change": 0}]
    children = client.get(f"{url}children/{ours.pk}/").json()["tree_context"]
    assert [(row["node-id"], row["level"]) for row in children] == [(str(cell.pk), 2)]
    grandchildren = client.get(f"{url}children/{cell.pk}/").json()["tree_context"]
    assert [row["level"] for row in grandchildren] == [3]
    assert client.get(f"{url}children/{other.pk}/").json()["tree_context"] == []
    html = response.text
    assert "Đang hoạt động" in html and "Đã giải thể, sáp nhập hoặc chia tách" in html
    assert "Rỗng" not in html and "Bởi " not in html
