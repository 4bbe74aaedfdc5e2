from django import template

from ..models import Document

register = template.Library()


@register.inclusion_tag("documents/includes/cited_documents.html")
def cited_documents(article):
    """The library's documents an article cites, as found when it was saved: one query."""
    return {"documents": Document.objects.public().cited_in(article).select_related("issuer")}
