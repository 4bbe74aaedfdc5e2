"""The editorial workflow: one table of transitions and one function that applies them.

draft ──submit──▶ submitted ──approve──▶ published ──withdraw (reason)──▶ withdrawn
  ▲                   │                                                      │
  └── returned ◀──return (comment)                     submit again ◀────────┘
An approver may also approve a draft of their own units directly.
"""

from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models import AuditEvent, record
from newsroom.roles import APPROVER
from organizations.models import Organization

from .models import Article, ArticleEvent

S = Article.Status
APPROVE_PERMISSION = "articles.approve_article"


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    permission: str | None = None
    needs_comment: bool = False


TRANSITIONS = {
    t.name: t
    for t in [
        Transition("submit", gettext_lazy("Gửi duyệt"), frozenset({S.DRAFT, S.RETURNED, S.WITHDRAWN}), S.SUBMITTED),
        Transition(
            "approve",
            gettext_lazy("Duyệt và đăng"),
            frozenset({S.SUBMITTED, S.DRAFT}),
            S.PUBLISHED,
            APPROVE_PERMISSION,
        ),
        Transition(
            "return",
            gettext_lazy("Trả lại cho phóng viên"),
            frozenset({S.SUBMITTED}),
            S.RETURNED,
            APPROVE_PERMISSION,
            needs_comment=True,
        ),
        Transition(
            "withdraw",
            gettext_lazy("Gỡ bài"),
            frozenset({S.PUBLISHED}),
            S.WITHDRAWN,
            APPROVE_PERMISSION,
            needs_comment=True,
        ),
    ]
}
AUDIT_ACTIONS = {
    "submit": AuditEvent.Action.SUBMIT,
    "approve": AuditEvent.Action.APPROVE,
    "return": AuditEvent.Action.RETURN,
    "withdraw": AuditEvent.Action.WITHDRAW,
}


def works_for(user, article):
    """Whether `article`'s unit is one of `user`'s units (or below one)."""
    return user.is_superuser or Organization.objects.editable_by(user).filter(pk=article.unit_id).exists()


def allowed(user, article, transition):
    return (
        article.status in transition.sources
        and user.has_perm("articles.change_article")
        and (transition.permission is None or user.has_perm(transition.permission))
        and works_for(user, article)
    )


def available_transitions(user, article):
    return [t for t in TRANSITIONS.values() if allowed(user, article, t)]


@transaction.atomic
def apply_transition(article: Article, name: str, *, by, comment: str = "", request=None) -> Article:
    """Move `article` along the workflow as `by`; records the step, the audit event, and tells who must know."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise ValidationError(_("Thao tác không hợp lệ."))
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status not in transition.sources:
        raise ValidationError(
            _("Không thể “%(action)s” một bài đang ở trạng thái “%(status)s”.")
            % {"action": transition.label, "status": article.get_status_display()}
        )
    if not allowed(by, article, transition):
        raise PermissionDenied(_("Bạn không có quyền “%(action)s” bài này.") % {"action": transition.label})
    comment = comment.strip()
    if transition.needs_comment and not comment:
        raise ValidationError(_("Hãy ghi rõ lý do khi “%(action)s”.") % {"action": transition.label})

    source = article.status
    now = timezone.now()
    article.status = transition.target
    fields = ["status", "version"]
    if transition.target == S.SUBMITTED:
        article.submitted_at = now
        fields.append("submitted_at")
    if transition.target == S.PUBLISHED and article.published_at is None:
        article.published_at = now
        fields.append("published_at")
    article.version += 1  # the row is locked: a form opened before this step can no longer overwrite it
    article.save(update_fields=fields)
    ArticleEvent.objects.create(
        article=article, action=name, from_status=source, to_status=transition.target, actor=by, comment=comment
    )
    record(AUDIT_ACTIONS[name], actor=by, obj=article, detail=comment, request=request)
    from .tasks import notify_workflow_step  # why: the tasks build on this module

    link = reverse("admin:articles_article_change", args=[article.pk])
    if request is not None:
        link = request.build_absolute_uri(link)
    transaction.on_commit(partial(notify_workflow_step.enqueue, article.pk, name, by.pk, comment, link))
    return article


def approvers_of(unit):
    """Active users who may approve for `unit`: assigned to it or to a unit above it."""
    above = [unit.path[:end] for end in range(Organization.steplen, len(unit.path) + 1, Organization.steplen)]
    can_approve = Q(groups__name=APPROVER) | Q(user_permissions__codename="approve_article")
    return (
        get_user_model()
        .objects.filter(can_approve, is_active=True, unit_assignments__organization__path__in=above)
        .exclude(email="")
        .distinct()
    )


def notify(article, transition, *, by, comment, link):
    """E-mail the approvers of the unit when a report waits for them, the author when it moves on (a task:
    articles.tasks.notify_workflow_step)."""
    if transition.name == "submit":
        recipients = [user.email for user in approvers_of(article.unit) if user.pk != by.pk]
    else:
        author = article.created_by
        recipients = [author.email] if author and author.email and author.pk != by.pk else []
    if not recipients:
        return
    subject = _("[%(site)s] %(action)s: %(title)s") % {
        "site": settings.SITE_NAME,
        "action": transition.label,
        "title": article.title[:120],
    }
    subject = " ".join(subject.split())  # a header is one line: Django refuses a title pasted with its line breaks
    lines = [
        _("Bài “%(title)s” (%(unit)s) đã chuyển sang trạng thái “%(status)s”.")
        % {"title": article.title, "unit": article.unit.name, "status": S(transition.target).label},
        _("Người thực hiện: %(user)s") % {"user": by.get_full_name() or by.get_username()},
    ]
    if comment:
        lines.append(_("Ghi chú: %(comment)s") % {"comment": comment})
    lines.append(_("Xem và xử lý: %(link)s") % {"link": link})
    send_mail(subject, "\n".join(lines), None, recipients, fail_silently=True)
