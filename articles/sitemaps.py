from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef
from django.urls import reverse

from newsroom.periods import Period
from organizations.models import Organization

from .models import Article, Category, Tag


class PagedSitemap(Sitemap):
    """A section of the sitemap index, in pages of 500 addresses: well under the protocol's 10,000, so that a page is
    about 80 KB, made in tens of milliseconds, and served from the page cache as fast as a short page (a page of
    10,000 addresses is 1.6 MB, and its bytes, not the app, bound how often it can be sent: bench/RESULTS.md). At
    100,000 articles the index lists 320 pages, against the 50,000 it may."""

    limit = 500

    def get_urls(self, page=1, site=None, protocol=None):
        """Django's, made lighter for pages of many addresses: what they share (the origin, and changefreq and
        priority when they are attributes) is read once, and location() and lastmod() are called directly instead
        of looked up four times an address. Django's own for what varies by address or language."""
        shared = {name: getattr(self, name, None) for name in ("changefreq", "priority")}
        lastmod = getattr(self, "lastmod", None)
        if self.i18n or any(map(callable, shared.values())) or not (lastmod is None or callable(lastmod)):
            return super().get_urls(page=page, site=site, protocol=protocol)
        shared = {name: str(value) for name, value in shared.items() if value is not None}
        lastmod = lastmod or (lambda item: None)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        urls = [
            {"location": origin + self.location(item), "lastmod": lastmod(item), **shared}
            for item in self.paginator.page(page).object_list
        ]
        if urls and all(url["lastmod"] is not None for url in urls):  # Django's view makes it the Last-Modified
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls

    def fast_address(self, name, placeholder, value):
        """reverse(name, args=[value]) for every item of a page at the cost of one reverse(): `placeholder` is a
        value the URL pattern accepts, replaced by the item's."""
        if not hasattr(self, "_addresses"):
            self._addresses = {}
        if name not in self._addresses:
            self._addresses[name] = reverse(name, args=[placeholder]).rsplit(str(placeholder), 1)
        before, after = self._addresses[name]
        return f"{before}{value}{after}"


class ArticleSitemap(PagedSitemap):
    changefreq = "weekly"

    def items(self):  # rows as dicts: a model instance per address was a third of the time of a page
        return Article.objects.published().order_by("-published_at", "-pk").values("slug", "updated_at")

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):  # the index asks: one MAX instead of every row
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]

    def location(self, item):
        return self.fast_address("articles:detail", "slug", item["slug"])  # reverse() was half the time of a page


class CategorySitemap(PagedSitemap):
    def items(self):
        return Category.objects.filter(Exists(Article.objects.published().filter(category=OuterRef("pk"))))

    def location(self, item):
        return reverse("articles:category", args=[item.slug])


class TagSitemap(PagedSitemap):
    def items(self):
        return Tag.objects.used_by(Article.objects.published())

    def location(self, item):
        return reverse("articles:tag", args=[item.slug])


class PeriodSitemap(PagedSitemap):
    """Every period that published articles report on, and the years that contain them."""

    def items(self):
        published = Article.objects.published().exclude(period_code="").order_by()  # DISTINCT over the codes alone
        codes = published.values_list("period_code", flat=True).distinct()
        periods = {Period.parse(code) for code in codes}
        periods |= {Period.year(p.start.year) for p in periods if p.start.year == p.end.year}
        return sorted(periods)

    def location(self, item):
        return reverse("articles:period", args=[item])


class OrganizationSitemap(PagedSitemap):
    def items(self):
        return Organization.objects.only("slug")

    def location(self, item):
        return self.fast_address("articles:unit", "slug", item.slug)


class MeetingSitemap(PagedSitemap):
    def items(self):
        return Article.objects.published().reported_meetings().order_by("pk").values("pk", "updated_at")

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]

    def location(self, item):
        return self.fast_address("articles:meeting-detail", 0, item["pk"])


class StaticViewSitemap(PagedSitemap):
    changefreq = "daily"

    def items(self):
        return ["articles:home", "articles:list", "articles:unit-list", "articles:meeting-list"]

    def location(self, item):
        return reverse(item)
