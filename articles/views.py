import re
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, TimestampSigner
from django.db.models import F
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from newsroom import pagecache
from newsroom.http import client_ip, is_same_origin, rate_limited
from newsroom.images import validate_image
from newsroom.pagecache import CachedCountPaginator
from newsroom.text import fold
from organizations.models import Organization

from . import search
from .filters import MAX_QUERY_LENGTH, ArticleFilter, MeetingFilter
from .models import Article, Category, Photo, Tag

# A reader opens a few articles a minute; a whole office behind one address, a few dozen.
READS_PER_MINUTE = 60
PREVIEW_SALT = "articles.preview"
PREVIEW_MAX_AGE = timedelta(days=3)
# Not "zalo": Zalo's in-app browser, where many readers open the links they are sent, says "Zalo" too.
BOTS = re.compile(r"bot|crawl|spider|slurp|facebookexternalhit|preview|curl|wget|python|headless", re.IGNORECASE)


class PublishedArticlesMixin:
    paginate_by = 20
    paginator_class = CachedCountPaginator

    def get_queryset(self):
        return Article.objects.published().for_cards()

    def get_paginator(self, queryset, per_page, **kwargs):
        return CachedCountPaginator(queryset, per_page, count_key=list_address(self.request), **kwargs)


def list_address(request):
    """The address of a list without its page number: what its count depends on."""
    query = request.GET.copy()
    query.pop("page", None)
    return f"{request.path}?{query.urlencode()}"


class HomeView(PublishedArticlesMixin, ListView):
    """The newest articles (no pages, so no count), the featured, the most read and a block per branch."""

    template_name = "articles/home.html"
    paginate_by = None

    def get_queryset(self):
        """The ten newest, without the featured stories shown above them (their keys: their cards are kept)."""
        newest = super().get_queryset().exclude(pk__in=Article.objects.published().featured().values("pk"))
        return pagecache.Rows.of(newest, 0, 10)


class ArticleListView(PublishedArticlesMixin, FilterView):
    filterset_class = ArticleFilter

    def get(self, request, *args, **kwargs):
        """FilterView's, except that the filtered queryset is made only if what is kept of the list does not
        answer (`pagecache.Deferred`)."""
        self.filterset = self.get_filterset(self.get_filterset_class())
        if not self.filterset.is_bound or self.filterset.is_valid() or not self.get_strict():
            self.object_list = pagecache.Deferred(lambda: self.filterset.qs, self.filterset.queryset.model)
        else:
            self.object_list = self.filterset.queryset.none()
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        return self.render_to_response(context)


class SearchView(ArticleListView):
    template_name = "articles/article_search.html"

    def get_queryset(self):
        return super().get_queryset().defer(None).for_listing()  # the snippet quotes the text

    def get_context_data(self, **kwargs):
        return super().get_context_data(search_limit=search.CANDIDATES, **kwargs)


class ArticleDetailView(PublishedArticlesMixin, DetailView):
    def get_queryset(self):
        articles = Article.objects.published()
        if self.previews_unpublished:
            articles |= Article.objects.editable_by(self.request.user)
        # the gallery and tags are read with the article's text, when not kept; the search data is never shown
        return articles.for_listing().defer("search_key", "search_vector")

    @property
    def previews_unpublished(self):
        """Staff also preview the unpublished articles of their units."""
        return self.request.user.has_perm("articles.change_article")

    def get_object(self, queryset=None):
        """The published article with its unit, meeting, category and cover, kept for the content generation (the
        page's parts are, and reading it cost as much as the rest of the page): staff read it fresh."""
        if queryset is not None or self.previews_unpublished:
            return super().get_object(queryset)
        key = pagecache.fragment_key("article", self.kwargs[self.slug_url_kwarg])
        return pagecache.remember(key, super().get_object)

    def get_context_data(self, **kwargs):
        page_url = self.request.build_absolute_uri(self.object.get_absolute_url())  # its address, to share and cite
        return super().get_context_data(preview=not self.object.is_published(), page_url=page_url, **kwargs)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if context["preview"]:
            response["X-Robots-Tag"] = "noindex, nofollow"
            patch_cache_control(response, private=True, no_store=True)
        return response


class ArticlePreviewView(ArticleDetailView):
    """An unpublished article through a signed link that expires: to show someone who has no account.

    The link holds the article's version and status: it dies when the article is saved again, moves on in the
    workflow (withdrawn included) or goes to the trash (which bumps the version: a restore does not revive it)."""

    def get_object(self, queryset=None):
        try:
            pk, version, status = TimestampSigner(salt=PREVIEW_SALT).unsign_object(
                self.kwargs["token"], max_age=PREVIEW_MAX_AGE
            )
        except (BadSignature, ValueError):
            raise Http404(_("Liên kết xem trước không hợp lệ hoặc đã hết hạn.")) from None
        articles = Article.objects.filter(version=version, status=status)
        return get_object_or_404(articles.for_listing(), pk=pk)


def preview_url(request, article):
    token = TimestampSigner(salt=PREVIEW_SALT).sign_object([article.pk, article.version, article.status])
    return request.build_absolute_uri(reverse("articles:preview", args=[token]))


class PeriodArchiveView(PublishedArticlesMixin, ListView):
    template_name = "articles/period_archive.html"

    published_in_count = 12

    def get_queryset(self):
        return super().get_queryset().in_period(self.kwargs["period"])

    def get_context_data(self, **kwargs):
        """Below the reports about the period, the other news published in it."""
        period = self.kwargs["period"]
        news = Article.objects.published().for_listing().published_within(period).not_in_period(period)
        news = pagecache.Rows.of(news, 0, self.published_in_count)
        return super().get_context_data(period=period, published_in=news, **kwargs)


class CategoryArticleListView(PublishedArticlesMixin, ListView):
    template_name = "articles/category_article_list.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class TagArticleListView(PublishedArticlesMixin, ListView):
    template_name = "articles/tag_article_list.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag.objects.used_by(Article.objects.published()), slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class OrganizationListView(ListView):
    template_name = "organizations/organization_list.html"

    def get_queryset(self):
        return Organization.objects.select_related("succeeded_by")


class UnitArticleListView(PublishedArticlesMixin, ListView):
    """A unit's page: the unit (its facts come from inclusion tags) and its articles, sub-units' included."""

    template_name = "organizations/organization_detail.html"

    def get_queryset(self):
        self.unit = get_object_or_404(
            Organization.objects.select_related("succeeded_by", "contact_person"), slug=self.kwargs["slug"]
        )
        articles = super().get_queryset().in_unit(self.unit)
        if "period" in self.kwargs:
            articles = articles.in_period(self.kwargs["period"])
        return articles

    def get_context_data(self, **kwargs):
        return super().get_context_data(unit=self.unit, period=self.kwargs.get("period"), **kwargs)


UNIT_SUGGESTIONS = 15


def unit_suggestions(request):
    """The units with a word starting with each word typed in their name (short name, other names), with or without
    diacritics, the upper levels first: JSON for the unit box of the public filters (static/js/suggest.js)."""
    starts = [f" {word}" for word in fold(request.GET.get("q", "")[:MAX_QUERY_LENGTH]).split()]
    found = []
    if starts:
        found = [unit for unit in unit_index() if all(start in unit["key"] for start in starts)][:UNIT_SUGGESTIONS]
    results = [{"value": unit["slug"], "label": unit["name"], "within": unit["within"]} for unit in found]
    return JsonResponse({"results": results})


def unit_index():
    """Every unit's slug, name, its superior's name and what it is found by, in tree order by level: kept in the
    cache for the content generation."""
    key = pagecache.fragment_key("unit-suggestions")
    current, found = pagecache.lookup(key)
    if key in found:
        return found[key]
    rows = list(
        Organization.objects.order_by("depth", "path").values_list("path", "slug", "name", "short_name", "aliases")
    )
    names = {path: name for path, _, name, _, _ in rows}
    step = Organization.steplen
    index = [
        {
            "slug": slug,
            "name": name,
            "within": names.get(path[:-step], ""),
            "key": " " + fold(f"{name} {short} {aliases}"),
        }
        for path, slug, name, short, aliases in rows
    ]
    pagecache.store(current, {key: index}, settings.FRAGMENT_CACHE_SECONDS or 300)
    return index


class MeetingListView(FilterView):
    filterset_class = MeetingFilter
    paginate_by = 20
    template_name = "organizations/meeting_list.html"

    def get_paginator(self, queryset, per_page, **kwargs):
        return CachedCountPaginator(queryset, per_page, count_key=list_address(self.request), **kwargs)

    def get_queryset(self):
        return Article.objects.published().reported_meetings().select_related("host")


class MeetingDetailView(DetailView):
    def get_queryset(self):
        return Article.objects.published().reported_meetings().select_related("host", "term")

    def get_context_data(self, **kwargs):
        participations = self.object.participations.select_related("person")
        articles = self.object.articles.published().for_cards()
        return super().get_context_data(participations=participations, articles=articles, **kwargs)


@csrf_exempt  # why: cached pages carry no token; is_same_origin() refuses other sites' pages instead
@require_POST
def count_view(request, slug):
    """A read, reported by the page's script after it loads: cached pages still count, bots without scripts don't.

    One count per reader and article per hour; a known bot's user agent counts nothing; other sites' pages and
    a client past READS_PER_MINUTE count nothing either.
    """
    if not is_same_origin(request):
        return HttpResponse(status=403)
    if rate_limited(request, "read", limit=READS_PER_MINUTE):
        return HttpResponse(status=429)
    if not BOTS.search(request.headers.get("User-Agent", "")):
        article = Article.objects.published().filter(slug=slug).values_list("pk", flat=True).first()
        if article and cache.add(f"read:{slug}:{client_ip(request)}", 1, 3600):
            Article.objects.filter(pk=article).update(view_count=F("view_count") + 1)
    return HttpResponse(status=204)


@require_POST
def editor_upload(request):
    """Image upload for the rich-text editor: the same checks as every other upload, answered as CKEditor expects.

    The photo belongs to the first unit the user is assigned to: the editor sends the file alone, and a body's
    images are shown by address, not drawn from the library by unit. A superuser's may belong to none.
    """
    if not request.user.is_staff or not request.user.has_perm("articles.add_photo"):
        return JsonResponse({"error": {"message": _("Bạn không có quyền tải tệp lên.")}}, status=403)
    unit = Organization.objects.assigned_to(request.user).first()
    if unit is None and not request.user.is_superuser:
        message = _("Bạn chưa được phân công đơn vị nào nên chưa tải ảnh lên được.")
        return JsonResponse({"error": {"message": message}}, status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("Không nhận được tệp ảnh.")}}, status=400)
    try:
        validate_image(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": error.messages[0]}}, status=400)
    photo = Photo.objects.create(image=upload, unit=unit, uploaded_by=request.user)
    return JsonResponse({"url": photo.image.url})
