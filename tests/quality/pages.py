"""Every kind of public page, and the staff pages held to the same bar, as URLs into the demo province
(`manage.py seed_demo`): the HTML and accessibility checks walk these lists."""

from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Category, Tag
from documents.models import Document
from newsroom.periods import Period
from organizations.models import Meeting, Organization
from reporting.admin_views import default_period, period_choices
from reporting.models import OrganizationRating, ReportingRule

NOT_FOUND = "/trang-nay-khong-co/"


def report_with_gallery():
    """A published report of a meeting, with its period, tags and at least two photos."""
    return (
        Article.objects.published()
        .filter(meeting__kind=Meeting.Kind.SO_KET_6_THANG, period_start__isnull=False)
        .annotate(photo_count=Count("gallery", distinct=True), tag_count=Count("tags", distinct=True))
        .filter(photo_count__gte=2, tag_count__gte=1)
        .select_related("unit", "meeting")
        .latest()
    )


def public_pages():
    """[(name, path, expected status)] for every public page, on the demo data."""
    report = report_with_gallery()
    province = Organization.objects.get_root_nodes().get()
    renamed = Organization.objects.exclude(succeeded_by=None).select_related("succeeded_by").first()
    category = Category.objects.filter(articles__isnull=False).first()
    tag = Tag.objects.filter(tagged_articles__isnull=False).first()
    year = report.period.start.year
    document = (
        Document.objects.public()
        .annotate(citing=Count("citations"), attached=Count("files"))
        .filter(citing__gt=0, attached__gt=0)
        .first()
    )
    replaced = Document.objects.public().exclude(replaced_by=None).select_related("replaced_by").first()
    document_filters = {"q": "chi thi", "form": "chi_thi", "issuer": document.issuer.slug, "year": 2016}
    filters = {
        "q": "hoi nghi",
        "unit": province.slug,
        "period": f"{year}-H1",
        "category": category.slug,
        "kind": Meeting.Kind.SO_KET_6_THANG,
        "from": f"{year}-01-01",
        "to": f"{year}-12-31",
    }
    invalid = {"period": "kỳ không có", "from": "31/02/2021", "unit": "khong-co-don-vi", "kind": "khong-co"}
    return [
        ("trang-chu", reverse("articles:home"), 200),
        ("tin-tuc", reverse("articles:list"), 200),
        ("tin-tuc-trang-2", reverse("articles:list") + "?page=2", 200),
        ("tin-tuc-loc", reverse("articles:list") + "?" + urlencode(filters), 200),
        ("tin-tuc-loc-theo-ky", reverse("articles:list") + f"?period={year}", 200),
        ("tin-tuc-loc-sai", reverse("articles:list") + "?" + urlencode(invalid), 200),
        ("tim-kiem", reverse("articles:search") + "?q=hoi+nghi", 200),
        ("tim-kiem-trong", reverse("articles:search"), 200),
        ("tim-kiem-khong-thay", reverse("articles:search") + "?q=xyzxyz", 200),
        ("bai-viet", report.get_absolute_url(), 200),
        ("binh-luan", reverse("comments:form", args=[report.slug]), 200),
        ("don-vi", reverse("articles:unit-list"), 200),
        ("don-vi-tinh", province.get_absolute_url(), 200),
        ("don-vi-bao-cao", report.unit.get_absolute_url(), 200),
        ("don-vi-theo-ky", reverse("articles:unit-period", args=[province.slug, Period.year(year)]), 200),
        ("don-vi-doi-ten", renamed.get_absolute_url(), 200),
        ("don-vi-ke-thua", renamed.succeeded_by.get_absolute_url(), 200),
        ("ky-nam", reverse("articles:period", args=[Period.year(2021)]), 200),
        ("ky-6-thang", reverse("articles:period", args=[Period.half(2021, 1)]), 200),
        ("ky-cua-bai", reverse("articles:period", args=[report.period]), 200),
        ("chuyen-muc", reverse("articles:category", args=[category.slug]), 200),
        ("the", reverse("articles:tag", args=[tag.slug]), 200),
        ("hoi-nghi", reverse("articles:meeting-list"), 200),
        ("hoi-nghi-loc-sai", reverse("articles:meeting-list") + "?period=sai&unit=khong-co", 200),
        ("hoi-nghi-chi-tiet", report.meeting.get_absolute_url(), 200),
        ("van-ban", reverse("documents:list"), 200),
        ("van-ban-loc", reverse("documents:list") + "?" + urlencode(document_filters), 200),
        ("van-ban-loc-sai", reverse("documents:list") + "?year=abc&form=khong-co&issuer=khong-co", 200),
        ("van-ban-chi-tiet", document.get_absolute_url(), 200),
        ("van-ban-thay-the", replaced.replaced_by.get_absolute_url(), 200),
        ("van-ban-bi-thay-the", replaced.get_absolute_url(), 200),
        ("lich-cong-tac", reverse("statutory:schedule"), 200),
        ("lich-cong-tac-tuan-khac", reverse("statutory:schedule") + "?tuan=2021-W28", 200),
        ("lich-cong-tac-don-vi", reverse("statutory:unit-schedule", args=[province.slug]), 200),
        ("gioi-thieu-don-vi", reverse("statutory:unit-introduction", args=[province.slug]), 200),
        ("gioi-thieu-don-vi-bao-cao", reverse("statutory:unit-introduction", args=[report.unit.slug]), 200),
        ("thong-ke", reverse("reporting:statistics"), 200),
        ("don-vi-thong-ke", reverse("reporting:unit-statistics", args=[province.slug]), 200),
        ("404", NOT_FOUND, 404),
    ]


def staff_pages():
    """[(name, path, expected status)] of the staff pages a site administrator opens: the reporting matrix (direct
    sub-units and all levels, on the period it opens on) and the bulk entry of ratings for the latest rated year."""
    province = Organization.objects.get_root_nodes().get()
    rules = list(ReportingRule.objects.active())
    today = timezone.localdate()
    period = default_period(rules, period_choices(rules, today), today)
    year = OrganizationRating.objects.latest("year").year
    matrix = reverse("reporting-admin:matrix") + "?" + urlencode({"unit": province.slug, "period": period.code})
    return [
        ("bao-cao", matrix, 200),
        ("bao-cao-moi-cap", matrix + "&cap=tat-ca", 200),
        (
            "bao-cao-xep-loai",
            reverse("reporting-admin:ratings") + "?" + urlencode({"unit": province.slug, "year": year}),
            200,
        ),
    ]
