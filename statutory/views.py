from datetime import timedelta

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from organizations.models import Organization, Position

from . import ics
from .schedule import monday_of, read_week, schedule_items, week_code, week_days

# The feed covers what a calendar app needs: the recent past and the months ahead.
FEED_DAYS_BEFORE, FEED_DAYS_AFTER = 28, 90


class UnitIntroductionView(DetailView):
    """A unit's introduction, from its records: functions, structure, contacts, leaders; never written by hand."""

    model = Organization
    template_name = "statutory/unit_introduction.html"
    context_object_name = "unit"

    def get_queryset(self):
        return Organization.objects.select_related("succeeded_by", "contact_person")

    def get_context_data(self, **kwargs):
        unit, today = self.object, timezone.localdate()
        below = Organization.objects.current().filter(
            path__startswith=unit.path, depth__in=[unit.depth + 1, unit.depth + 2]
        )
        children = [u for u in below if u.depth == unit.depth + 1]
        grandchildren = {}
        for sub in below:
            if sub.depth == unit.depth + 2:
                grandchildren.setdefault(sub.path[: len(sub.path) - Organization.steplen], []).append(sub)
        structure = [(child, grandchildren.get(child.path, [])) for child in children]
        leaders = Position.objects.public().held_on(today).filter(organization=unit).leaders()
        return super().get_context_data(structure=structure, leaders=leaders, **kwargs)


class ScheduleView(TemplateView):
    """The week's schedule, of every unit or (with a slug) of one unit and its sub-units."""

    template_name = "statutory/schedule.html"

    def get_context_data(self, **kwargs):
        unit = None
        if "slug" in self.kwargs:
            unit = get_object_or_404(Organization, slug=self.kwargs["slug"])
        asked = self.request.GET.get("tuan", "")
        this_week = monday_of(timezone.localdate())
        monday = read_week(asked) or this_week
        return super().get_context_data(
            unit=unit,
            monday=monday,
            sunday=monday + timedelta(days=6),
            week_error=bool(asked) and read_week(asked) is None,
            days=week_days(monday, unit),
            is_this_week=monday == this_week,
            previous_week=week_code(monday - timedelta(days=7)),
            next_week=week_code(monday + timedelta(days=7)),
            this_week=week_code(this_week),
            **kwargs,
        )


def schedule_feed(request, slug=None):
    unit = get_object_or_404(Organization, slug=slug) if slug else None
    today = timezone.localdate()
    items = schedule_items(today - timedelta(days=FEED_DAYS_BEFORE), today + timedelta(days=FEED_DAYS_AFTER), unit)
    name = f"Lịch công tác – {unit.name}" if unit else "Lịch công tác"
    body = ics.calendar(items, name=name, site_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-cong-tac.ics"'
    return response
