import re

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed

from organizations.models import Organization

from .models import Article, Category, SiteSettings, Tag

FEED_SIZE = 20
# What XML 1.0 forbids (its Char production): C0 controls but tab and newlines, surrogates, U+FFFE and U+FFFF.
NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
WORD_BREAKS = str.maketrans({"\x0b": " ", "\x0c": " "})  # Word's line and page breaks


def xml_safe(value):
    if isinstance(value, str):
        return NOT_XML_CHAR.sub("", value.translate(WORD_BREAKS))
    if isinstance(value, list | tuple):
        return [xml_safe(part) for part in value]
    return value


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def get_feed(self, obj, request):
        """The feed without the control characters XML 1.0 forbids: text pasted from Word carries some."""
        feed = super().get_feed(obj, request)
        for data in [feed.feed, *feed.items]:
            data.update({key: xml_safe(value) for key, value in data.items()})
        return feed

    def title(self, obj=None):
        return SiteSettings.current().site_name

    def description(self, obj=None):
        return self.title(obj)

    def link(self, obj=None):
        return obj.get_absolute_url() if obj else reverse("articles:home")

    def items(self, obj=None):
        return self.articles(obj).for_listing()[:FEED_SIZE]

    def articles(self, obj):
        return Article.objects.published()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead or item.body_text[:400]

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.byline or item.unit.name

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class CategoryArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} – {SiteSettings.current().site_name}"

    def link(self, obj=None):
        return reverse("articles:category", args=[obj.slug])

    def articles(self, obj):
        return Article.objects.published().filter(category=obj)


class TagArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag.objects.used_by(Article.objects.published()), slug=slug)

    def title(self, obj=None):
        return f"{obj.name} – {SiteSettings.current().site_name}"

    def link(self, obj=None):
        return reverse("articles:tag", args=[obj.slug])

    def articles(self, obj):
        return Article.objects.published().filter(tags=obj)


class UnitArticlesFeed(LatestArticlesFeed):
    """A unit's articles and its sub-units'."""

    def get_object(self, request, slug):
        return get_object_or_404(Organization, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} – {SiteSettings.current().site_name}"

    def articles(self, obj):
        return Article.objects.published().in_unit(obj)
