from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Article
from ..workflow import APPROVE_PERMISSION

register = template.Library()
S = Article.Status


@register.inclusion_tag("admin/includes/dashboard.html", takes_context=True)
def editor_dashboard(context, count=8):
    """The admin index for editors and approvers: what waits for them, what is coming, what went out."""
    user = context["request"].user
    if not user.has_perm("articles.view_article"):
        return {"panels": []}
    units = Article.objects.editable_by(user).select_related("unit")
    mine = units.filter(created_by=user)
    panels = [
        (_("Bài nháp của tôi"), mine.filter(status=S.DRAFT).order_by("-updated_at")[:count], "updated_at"),
        (_("Bị trả lại cho tôi"), mine.filter(status=S.RETURNED).order_by("-updated_at")[:count], "updated_at"),
    ]
    if user.has_perm(APPROVE_PERMISSION):
        waiting = units.filter(status=S.SUBMITTED).order_by("submitted_at")[:count]
        panels.append((_("Chờ tôi duyệt"), waiting, "submitted_at"))
    panels += [
        (_("Hẹn giờ đăng"), units.filter(status=S.PUBLISHED, published_at__gt=timezone.now())[:count], "published_at"),
        (_("Mới đăng"), units.published().order_by("-published_at")[:count], "published_at"),
    ]
    return {"panels": [(title, list(articles), field) for title, articles, field in panels]}
