"""Reminders of overdue reports: the unit's editors and the superior unit's staff hear of each once."""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from organizations.models import Organization, StaffAssignment

from .matrix import State, build_matrix
from .models import ReminderSent, ReportingRule

OVERDUE = (State.MISSING, State.UNREPORTED)


def overdue_cells(*, today: date, within: int):
    """(unit, cell, period) for each required meeting still not reported `rule.remind_after_days` past its
    deadline, if that day fell in the last `within` days."""
    rules = list(ReportingRule.objects.active())
    periods = {
        period
        for rule in rules
        for period in rule.periods_in(today.year - 2, today.year)
        if today - timedelta(days=within) <= rule.due_on(period) + timedelta(days=rule.remind_after_days) <= today
    }
    for period in sorted(periods):
        for root in Organization.objects.get_root_nodes():
            for row in build_matrix(unit=root, period=period, all_levels=True, today=today).rows:
                for cell in row.cells:
                    if (
                        cell
                        and cell.state in OVERDUE
                        and cell.due + timedelta(days=cell.rule.remind_after_days) <= today
                    ):
                        yield row.unit, cell, period


def parents_of(units):
    """{unit pk: the unit directly above it, or None}: one query."""
    steplen = Organization.steplen
    by_path = {
        parent.path: parent for parent in Organization.objects.filter(path__in={u.path[:-steplen] for u in units})
    }
    return {unit.pk: by_path.get(unit.path[:-steplen]) for unit in units}


def recipients_for(units, parents):
    """{unit pk: [e-mail]}: the active staff assigned to the unit and to the unit directly above it."""
    paths = {unit.path for unit in units} | {parent.path for parent in parents.values() if parent}
    by_path = {}
    assignments = StaffAssignment.objects.filter(organization__path__in=paths, user__is_active=True)
    for path, email in assignments.exclude(user__email="").values_list("organization__path", "user__email"):
        by_path.setdefault(path, []).append(email)
    recipients = {}
    for unit in units:
        parent = parents[unit.pk]
        recipients[unit.pk] = sorted({*by_path.get(unit.path, []), *(by_path.get(parent.path, []) if parent else [])})
    return recipients


def send_reminders(*, today: date, within: int = 60, base_url: str = "", dry_run: bool = False):
    """Send the reminders not sent yet; the number sent (or that would be, with `dry_run`)."""
    due = list(overdue_cells(today=today, within=within))
    sent = set(
        ReminderSent.objects.filter(period_code__in={str(period) for _, _, period in due}).values_list(
            "unit_id", "rule_id", "period_code"
        )
    )
    due = [(unit, cell, period) for unit, cell, period in due if (unit.pk, cell.rule.pk, str(period)) not in sent]
    if dry_run:
        return len(due)
    units = [unit for unit, _, _ in due]
    parents = parents_of(units)
    emails = recipients_for(units, parents)
    count = 0
    for unit, cell, period in due:
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    unit=unit, rule=cell.rule, period_code=str(period), recipients=", ".join(emails[unit.pk])
                )
                if emails[unit.pk]:
                    subject, body = message(unit, parents[unit.pk], cell, period, today=today, base_url=base_url)
                    send_mail(subject, body, None, emails[unit.pk])
        except IntegrityError:  # another run sent it meanwhile
            continue
        count += 1
    return count


def message(unit, parent, cell, period, *, today, base_url):
    meeting = cell.rule.get_meeting_kind_display()
    subject = _("[%(site)s] Nhắc đưa tin: %(meeting)s %(period)s – %(unit)s") % {
        "site": settings.SITE_NAME,
        "meeting": meeting,
        "period": period.label.lower(),
        "unit": unit.display_name,
    }
    base = base_url.rstrip("/")
    what = (
        _("đã họp nhưng chưa có bài đưa tin được đăng")
        if cell.state == State.UNREPORTED
        else _("chưa có hội nghị nào được ghi nhận")
    )
    lines = [
        _("%(unit)s: %(meeting)s, %(period)s, %(what)s.")
        % {"unit": unit.name, "meeting": meeting, "period": period.label.lower(), "what": what},
        _("Hạn đưa tin: %(due)s (đã quá %(days)s ngày).")
        % {"due": cell.due.strftime("%d/%m/%Y"), "days": (today - cell.due).days},
        _("Viết bài đưa tin: %(link)s") % {"link": base + reverse("admin:articles_article_add")},
    ]
    if parent:
        matrix = f"{base}{reverse('reporting-admin:matrix')}?unit={parent.slug}&period={period.code}"
        lines.append(_("Bảng theo dõi của %(parent)s: %(link)s") % {"parent": parent.name, "link": matrix})
    return " ".join(subject.split()), "\n".join(lines)
