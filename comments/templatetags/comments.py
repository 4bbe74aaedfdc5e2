from django import template
from django.conf import settings

from ..forms import CommentForm
from ..models import Closure

register = template.Library()


@register.inclusion_tag("comments/includes/comments.html")
def article_comments(article):
    """The approved comments of `article` and, unless comments are off for it or its category, the form: two
    queries, whatever the number of comments. Nothing personal is read: not even the e-mail leaves the database."""
    comments = list(article.comments.approved().only("name", "text", "created_at", "article_id"))
    return {
        "article": article,
        "comments": comments,
        "is_open": not Closure.objects.closing(article).exists(),
        "form": CommentForm(),
        "retention_days": settings.COMMENT_RETENTION_DAYS,
    }
