from django.shortcuts import get_object_or_404

from articles.feeds import LatestArticlesFeed
from articles.models import Article, SiteSettings

from .models import Organization


class UnitArticlesFeed(LatestArticlesFeed):
    """A unit's articles and its sub-units'."""

    def get_object(self, request, slug):
        return get_object_or_404(Organization, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} – {SiteSettings.current().site_name}"

    def articles(self, obj):
        return Article.objects.published().in_unit(obj)
