from django.contrib.sitemaps import Sitemap

from .models import Document


class DocumentSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Document.objects.public().only("slug", "updated_at").order_by("-issued_on", "-pk")

    def lastmod(self, item):
        return item.updated_at
