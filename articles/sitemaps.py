from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from newsroom.periods import Period
from organizations.models import Organization

from .models import Article, Category, Tag


class ArticleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at")

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(Sitemap):
    def items(self):
        return Category.objects.filter(articles__in=Article.objects.published()).distinct()

    def location(self, item):
        return reverse("articles:category", args=[item.slug])


class TagSitemap(Sitemap):
    def items(self):
        return Tag.objects.used_by(Article.objects.published())

    def location(self, item):
        return reverse("articles:tag", args=[item.slug])


class PeriodSitemap(Sitemap):
    """Every period that published articles report on, and the years that contain them."""

    def items(self):
        published = Article.objects.published().exclude(period_code="").order_by()  # DISTINCT over the codes alone
        codes = published.values_list("period_code", flat=True).distinct()
        periods = {Period.parse(code) for code in codes}
        periods |= {Period.year(p.start.year) for p in periods if p.start.year == p.end.year}
        return sorted(periods)

    def location(self, item):
        return reverse("articles:period", args=[item])


class OrganizationSitemap(Sitemap):
    def items(self):
        return Organization.objects.only("slug")


class MeetingSitemap(Sitemap):
    def items(self):
        return Article.objects.published().reported_meetings().only("pk", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class StaticViewSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["articles:home", "articles:list", "articles:unit-list", "articles:meeting-list"]

    def location(self, item):
        return reverse(item)
