"""The product's URLs plus two views mounted only for the benchmark: the ceiling and the reference.

The ceiling is the fastest answer Django gives through the whole middleware stack: a short text, no database.
The reference is what a plain Django list costs: 20 rows read with the ORM and rendered through a template.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from articles.models import Article
from newsroom.urls import urlpatterns as product_urlpatterns

REFERENCE = engines["django"].from_string(
    "<!doctype html><html lang=vi><title>Tin</title><ul>"
    "{% for a in articles %}<li><a href='/tin-tuc/{{ a.slug }}/'>{{ a.title }}</a> "
    "{{ a.published_at|date:'d/m/Y' }} {{ a.unit.name }}</li>{% endfor %}</ul>"
)


def ceiling(request):
    return HttpResponse("ok", content_type="text/plain")


def reference(request):
    articles = Article.objects.published().select_related("unit").order_by("-published_at")[:20]
    return HttpResponse(REFERENCE.render({"articles": articles}))


urlpatterns = [path("bench/ceiling/", ceiling), path("bench/reference/", reference), *product_urlpatterns]
