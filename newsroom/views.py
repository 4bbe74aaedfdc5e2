import logging
import sys
from datetime import datetime
from html import escape

from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.template import loader
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import get_random_string
from django.utils.log import log_response
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)
# What PostgreSQL away looks like: refused, restarting ("the database system is shutting down"), or a connection
# it closed under us.
DATABASE_DOWN = (OperationalError, InterfaceError)


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" redirect, for what the user may open in the admin only.

    Django's own redirects any staff account to any object's address: a draft, scheduled or trashed article of
    another unit would give away its address.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    try:
        model_admin = admin.site.get_model_admin(model) if model else None
    except NotRegistered:
        model_admin = None
    obj = model_admin.get_object(request, unquote(object_id)) if model_admin else None
    if obj is None or not model_admin.has_view_or_change_permission(request, obj):
        raise Http404
    return shortcut(request, content_type_id, object_id)


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError as error:
        logger.warning("Kiểm tra sức khỏe: cơ sở dữ liệu không trả lời: %s", error)
        return False


def cache_answers():
    value = get_random_string(16)
    cache.set("healthz", value, 30)
    return cache.get("healthz") == value


@require_safe
@never_cache
def healthz(request):
    """For the load balancer and the container's health check: can this process reach PostgreSQL and the cache?"""
    checks = {"database": database_answers(), "cache": cache_answers()}
    return JsonResponse(
        {name: "ok" if ok else "error" for name, ok in checks.items()}, status=200 if all(checks.values()) else 503
    )


def server_error(request):
    """handler500: a database that does not answer is an outage to wait out (503, a warning), not a bug (500,
    an error with its trace), wherever the request met it (a view, a template, a middleware reading the session)."""
    error = sys.exc_info()[1]
    if not isinstance(error, DATABASE_DOWN):
        return defaults.server_error(request)
    # Rendered without a request: no context processor, so nothing asks the database again.
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = "5"
    add_never_cache_headers(response)
    # Logged here as a warning without the trace; Django then skips its own error line for this response.
    log_response(
        "Cơ sở dữ liệu không trả lời: %s %s: %s",
        request.method,
        request.path,
        str(error).strip().splitlines()[0],
        response=response,
        request=request,
        level="warning",
        logger=logger,
    )
    return response


SITEMAP_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sitemap_section(request, sitemaps, section):
    """A page of a sitemap section: Django's view, written as its template writes it but without the template
    engine, which took nine tenths of the time of a page of 10,000 addresses."""
    lazy = sitemap_views.sitemap(request, sitemaps, section=section)  # a TemplateResponse, not rendered yet
    zone = timezone.get_current_timezone()  # once: looked up for each address, it was a third of a page's time
    body = "".join(sitemap_entry(url, zone) for url in lazy.context_data["urlset"])
    response = HttpResponse(SITEMAP_HEAD + body + "</urlset>\n", content_type="application/xml")
    for header, value in lazy.items():
        if header != "Content-Type":
            response[header] = value
    return response


def sitemap_entry(url, zone):
    """One address of a sitemap page; its last change as a date in `zone` (the site's time zone)."""
    parts = [f"<url><loc>{escape(url['location'])}</loc>"]
    if lastmod := url.get("lastmod"):
        if isinstance(lastmod, datetime):
            lastmod = (lastmod.astimezone(zone) if timezone.is_aware(lastmod) else lastmod).date()
        parts.append(f"<lastmod>{lastmod.isoformat()}</lastmod>")  # strftime() took eight times as long
    if url.get("changefreq"):
        parts.append(f"<changefreq>{url['changefreq']}</changefreq>")
    if url.get("priority"):
        parts.append(f"<priority>{url['priority']}</priority>")
    for alternate in url.get("alternates", ()):
        parts.append(
            f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
            f'href="{escape(alternate["location"])}"/>'
        )
    parts.append("</url>\n")
    return "".join(parts)
