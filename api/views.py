"""The public, read-only API: what the public pages show, as JSON. A resource is a queryset, a serializer, a
cursor ordering and a line in urls.py."""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control
from django.utils.decorators import decorator_from_middleware
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from articles.filters import ArticleFilter, MeetingFilter
from articles.models import Article
from articles.sitemaps import PeriodSitemap
from comments.models import Comment
from newsroom.http import rate_limited
from organizations.models import Organization

from . import serializers

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)  # ETag, and 304 to If-None-Match


class Cursor(CursorPagination):
    """Opaque cursors (?cursor=...): pages stay right while articles are published; the view says the order."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_ordering(self, request, queryset, view):
        return view.ordering


class ClientThrottle(BaseThrottle):
    """API_REQUESTS_PER_MINUTE per client address (behind TRUSTED_PROXY_COUNT proxies), as the site counts."""

    def allow_request(self, request, view):
        return not rate_limited(request, "api", limit=settings.API_REQUESTS_PER_MINUTE)

    def wait(self):
        return 60


class PublicAPIMixin:
    """Anyone may read (GET and HEAD, from any origin), and caches may keep an answer for API_CACHE_SECONDS."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = [ClientThrottle]
    http_method_names = ["get", "head", "options"]

    @classmethod
    def as_view(cls, *args, **kwargs):
        return conditional_get(super().as_view(*args, **kwargs))

    def options(self, request, *args, **kwargs):
        """The answer to a browser's CORS preflight: only GET and HEAD."""
        return Response(status=204)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Accept, If-None-Match"
        response["Access-Control-Expose-Headers"] = "ETag"
        response["Access-Control-Max-Age"] = "86400"
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        return response


class ReadOnlyViewSet(PublicAPIMixin, viewsets.ReadOnlyModelViewSet):
    pagination_class = Cursor
    lookup_value_regex = "[^/]+"  # any key reaches the view, which answers a JSON 404 for one it does not know


class NotFoundView(PublicAPIMixin, APIView):
    """Any other address under /api/v1/: a JSON 404, as the API's own."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        raise NotFound()


class ArticleViewSet(ReadOnlyViewSet):
    """Published articles, newest first, with the filters of the public list (/tin-tuc/)."""

    lookup_field = "slug"
    ordering = ["-published_at", "-pk"]
    filter_backends = [DjangoFilterBackend]
    filterset_class = ArticleFilter

    def get_queryset(self):
        articles = Article.objects.published().for_listing().prefetch_related("tags")
        articles = articles.annotate(comment_count=Comment.objects.approved().count_per_article())
        if self.action == "retrieve":
            articles = articles.prefetch_related("gallery__photo")
        return articles

    def get_serializer_class(self):
        return serializers.ArticleDetailSerializer if self.action == "retrieve" else serializers.ArticleSerializer


class UnitViewSet(ReadOnlyViewSet):
    """The unit tree, in tree order (a unit before its sub-units); `parent` links each to the one above."""

    lookup_field = "slug"
    ordering = ["path"]
    serializer_class = serializers.UnitSerializer

    def get_queryset(self):
        parent = Organization.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Organization.steplen)
        )
        return Organization.objects.select_related("succeeded_by").annotate(
            parent_slug=Subquery(parent.values("slug")[:1])
        )


class MeetingViewSet(ReadOnlyViewSet):
    """The meetings published articles report on, most recently recorded first, with the meeting list's filters."""

    ordering = ["-pk"]
    filter_backends = [DjangoFilterBackend]
    filterset_class = MeetingFilter
    serializer_class = serializers.MeetingSerializer

    def get_queryset(self):
        return Article.objects.published().reported_meetings().select_related("host")


class PeriodListView(PublicAPIMixin, APIView):
    """Every period published articles report on, and the years holding them, in time order."""

    @extend_schema(responses=serializers.PeriodSerializer(many=True))
    def get(self, request):
        return Response(serializers.PeriodSerializer(PeriodSitemap().items(), many=True).data)
