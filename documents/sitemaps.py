from articles.sitemaps import PagedSitemap

from .models import Document


class DocumentSitemap(PagedSitemap):
    changefreq = "monthly"

    def items(self):
        return Document.objects.public().only("slug", "updated_at").order_by("-issued_on", "-pk")

    def lastmod(self, item):
        return item.updated_at
