from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from articles.sitemaps import (
    ArticleSitemap,
    CategorySitemap,
    MeetingSitemap,
    OrganizationSitemap,
    PeriodSitemap,
    StaticViewSitemap,
    TagSitemap,
)
from documents.sitemaps import DocumentSitemap
from newsroom import media, pagecache
from newsroom.periods import PeriodConverter
from newsroom.views import healthz, sitemap_section, view_on_site

register_converter(PeriodConverter, "period")  # /ky/2021-h1/ → Period, before the apps' URLs load

admin.site.site_header = _("Quản trị tin tức Đảng bộ")
admin.site.site_title = _("Quản trị tin tức")
admin.site.index_title = _("Bảng điều khiển")
admin.site.enable_nav_sidebar = False  # the change lists need the width

sitemaps = {
    "pages": StaticViewSitemap,
    "articles": ArticleSitemap,
    "units": OrganizationSitemap,
    "meetings": MeetingSitemap,
    "periods": PeriodSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "documents": DocumentSitemap,
}

handler500 = "newsroom.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/r/<int:content_type_id>/<path:object_id>/", admin.site.admin_view(view_on_site)),
    path("admin/xac-thuc/", include("accounts.urls")),
    path("admin/bao-cao/", include("reporting.admin_urls")),
    path("admin/", admin.site.urls),
    # an index of sections, each in pages of 500 addresses (articles.sitemaps.PagedSitemap)
    path(
        "sitemap.xml",
        pagecache.kept(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", pagecache.kept(sitemap_section), {"sitemaps": sitemaps}, name="sitemap-section"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("api/v1/", include("api.urls")),
    path("", include("comments.urls")),
    path("", include("reporting.urls")),
    path("", include("articles.urls")),
    path("", include("documents.urls")),
    path("", include("statutory.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, view=media.serve, document_root=settings.MEDIA_ROOT)
