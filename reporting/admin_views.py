"""Staff pages under /admin/bao-cao/: the reporting matrix (with its exports) and the bulk entry of ratings."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from newsroom.periods import Period
from organizations.models import Meeting, Organization

from . import exports
from .forms import UnitRatingsForm
from .matrix import State, build_matrix
from .models import RatingScheme, ReportingRule
from .services import save_unit_ratings

YEARS_BACK = 10
PARENT_KINDS = [
    Organization.Kind.PROVINCIAL,
    Organization.Kind.UPPER,
    Organization.Kind.GRASSROOTS,
    Organization.Kind.PARTIAL,
]


def period_choices(rules, today):
    """The periods the rules ask about that have begun by `today`, newest first."""
    periods = {period for rule in rules for period in rule.periods_in(today.year - YEARS_BACK, today.year)}
    return sorted((period for period in periods if period.start <= today), reverse=True)


def default_period(rules, choices, today):
    """The newest period already due that has any required meeting recorded (else the newest due): the one worth
    looking at first."""
    due = [
        period for period in choices if any(rule.due_on(period) < today for rule in rules if rule.applies_to(period))
    ]
    if not due:
        return choices[0] if choices else None
    held = Meeting.objects.filter(kind__in={rule.meeting_kind for rule in rules}, period_end__lte=due[0].end)
    held = set(held.values_list("period_start", "period_end").distinct())
    return next((period for period in due if (period.start, period.end) in held), due[0])


class StaffUnitMixin:
    """The unit chosen in ?unit=: one of the units the staff member's assignments cover."""

    def units(self):
        return Organization.objects.editable_by(self.request.user)

    def chosen_unit(self):
        slug = self.request.GET.get("unit", "").strip()
        if not slug:
            return self.units().order_by("depth", "path").first()
        unit = get_object_or_404(Organization, slug=slug)
        if not self.units().filter(pk=unit.pk).exists():
            raise PermissionDenied(_("Đơn vị này nằm ngoài các đơn vị bạn được phân công."))
        return unit

    def unit_choices(self, current):
        """[(slug, name indented by depth)] of the units that have sub-units to report on, and `current`: thousands
        of grassroots units without any would bury the few that have."""
        units = self.units().party().filter(Q(numchild__gt=0) | Q(pk=getattr(current, "pk", None)))
        units = units.filter(kind__in=PARENT_KINDS).only("name", "slug", "depth", "path")
        return [(unit.slug, "— " * (unit.depth - 1) + unit.name) for unit in units]


class ReportingMatrixView(StaffUnitMixin, TemplateView):
    template_name = "reporting/admin/matrix.html"

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        unit = self.chosen_unit()
        rules = list(ReportingRule.objects.active())
        choices = period_choices(rules, today)
        period, error = self.chosen_period(rules, choices, today)
        all_levels = request.GET.get("cap") == "tat-ca"
        matrix = None
        if unit is not None and period is not None:
            matrix = build_matrix(unit=unit, period=period, all_levels=all_levels, today=today)
            matrix.sort(request.GET.get("sap-xep", ""))
            export = request.GET.get("format")
            if export == "csv":
                return exports.as_csv(matrix)
            if export == "xlsx":
                return exports.as_xlsx(matrix)
        context = self.get_context_data(
            unit=unit,
            period=period,
            headers=self.headers(matrix),
            export_query=self.query(format=None),
            period_error=error,
            periods=choices,
            all_levels=all_levels,
            matrix=matrix,
            states=list(State),
            sort=request.GET.get("sap-xep", ""),
            unit_choices=self.unit_choices(unit),
            title=_("Tình hình tổ chức hội nghị và đưa tin"),
            **admin.site.each_context(request),
        )
        return self.render_to_response(context)

    def query(self, **changes):
        """This page's query string with `changes` (None drops a parameter)."""
        params = self.request.GET.copy()
        for key, value in changes.items():
            params.pop(key, None)
            if value is not None:
                params[key] = value
        return params.urlencode()

    def headers(self, matrix):
        """[(label, URL sorting by it, aria-sort)] for the sortable columns: the unit, each meeting, the total."""
        if matrix is None:
            return []
        current = self.request.GET.get("sap-xep", "")
        keys = [("ten", _("Đơn vị"))]
        keys += [(column.meeting_kind, column.label) for column in matrix.columns]
        keys += [("dung-han", _("Số hội nghị đưa tin đúng hạn"))]
        headers = []
        for key, label in keys:
            state = "ascending" if current == key else "descending" if current == f"-{key}" else "none"
            sort = f"-{key}" if current == key else key
            headers.append((label, "?" + self.query(**{"sap-xep": sort, "format": None}), state))
        return headers

    def chosen_period(self, rules, choices, today):
        code = self.request.GET.get("period", "").strip()
        if code:
            try:
                return Period.parse(code), ""
            except ValueError as error:
                return default_period(rules, choices, today), str(error)
        return default_period(rules, choices, today), ""


class UnitRatingsView(StaffUnitMixin, TemplateView):
    """One form per unit and year: the rating of each sub-unit and the members' counts per level."""

    template_name = "reporting/admin/ratings.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("reporting.change_organizationrating"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def chosen_year(self):
        try:
            year = int(self.request.GET.get("year") or timezone.localdate().year - 1)
        except ValueError:
            year = timezone.localdate().year - 1
        return max(1930, min(year, 2100))

    def get(self, request, *args, **kwargs):
        return self.show(self.form())

    def post(self, request, *args, **kwargs):
        form = self.form(data=request.POST)
        if form.is_valid():
            save_unit_ratings(
                unit=form.unit,
                year=form.year,
                ratings=form.ratings(),
                member_counts=form.member_counts(),
                by=request.user,
            )
            messages.success(request, _("Đã lưu xếp loại năm %(year)s.") % {"year": form.year})
            url = reverse("reporting-admin:ratings")
            return redirect(f"{url}?unit={form.unit.slug}&year={form.year}")
        return self.show(form)

    def form(self, data=None):
        unit, year = self.chosen_unit(), self.chosen_year()
        schemes = RatingScheme.objects.prefetch_related("levels")
        return UnitRatingsForm(
            data,
            unit=unit,
            year=year,
            scheme=schemes.for_year(year, RatingScheme.Subject.ORGANIZATION).first(),
            member_scheme=schemes.for_year(year, RatingScheme.Subject.MEMBER).first(),
        )

    def show(self, form):
        context = self.get_context_data(
            form=form,
            unit_choices=self.unit_choices(form.unit),
            title=_("Nhập xếp loại chất lượng theo năm"),
            **admin.site.each_context(self.request),
        )
        return self.render_to_response(context)
