from django.contrib.sitemaps import Sitemap

from .models import Meeting, Organization


class OrganizationSitemap(Sitemap):
    def items(self):
        return Organization.objects.only("slug")


class MeetingSitemap(Sitemap):
    def items(self):
        return Meeting.objects.public().only("pk", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at
