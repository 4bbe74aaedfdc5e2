"""The reporting matrix: for a unit and a period, which of its sub-units held and reported the meetings the rules
require of them. A fixed number of queries whatever the number of units."""

from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from newsroom.periods import Period
from newsroom.text import fold
from organizations.models import Meeting, Organization

from .models import ReportingRule


class State(models.TextChoices):
    ON_TIME = "on_time", _("Đã họp, đưa tin đúng hạn")
    LATE = "late", _("Đưa tin muộn")
    UNREPORTED = "unreported", _("Đã họp, chưa đưa tin")
    MISSING = "missing", _("Chưa tổ chức")
    PENDING = "pending", _("Chưa đến hạn")


# Worst first: sorting a column by state puts the units that need a call on top.
SEVERITY = [State.MISSING, State.UNREPORTED, State.LATE, State.PENDING, State.ON_TIME]


@dataclass
class Cell:
    rule: ReportingRule
    due: date
    state: State
    meeting: dict | None = None

    @property
    def reported_on(self):
        return self.meeting and self.meeting["reported_at"] and timezone.localdate(self.meeting["reported_at"])


@dataclass
class Row:
    unit: Organization
    cells: list  # one per column: a Cell, or None where the rules ask nothing of this unit

    def count(self, state):
        return sum(1 for cell in self.cells if cell and cell.state == state)

    @property
    def on_time(self):
        return self.count(State.ON_TIME)


@dataclass
class Column:
    meeting_kind: str
    label: str


@dataclass
class Matrix:
    unit: Organization
    period: Period
    all_levels: bool
    columns: list = field(default_factory=list)
    rows: list = field(default_factory=list)

    def summary(self):
        """[(state, count, percent of the required meetings)] and the number required."""
        cells = [cell for row in self.rows for cell in row.cells if cell]
        counts = {state: 0 for state in State}
        for cell in cells:
            counts[cell.state] += 1
        total = len(cells)
        return [
            (state, counts[state], round(100 * counts[state] / total, 1) if total else 0) for state in State
        ], total

    def sort(self, key):
        """Order the rows by "ten" (name), "dung-han" (on time count) or a column's meeting kind; "-" reverses."""
        reverse, key = key.startswith("-"), key.lstrip("-")
        kinds = [column.meeting_kind for column in self.columns]
        if key == "ten":
            self.rows.sort(key=lambda row: fold(row.unit.name), reverse=reverse)
        elif key == "dung-han":
            self.rows.sort(key=lambda row: row.count(State.ON_TIME), reverse=reverse)
        elif key in kinds:
            index = kinds.index(key)

            def severity(row):
                cell = row.cells[index]
                return SEVERITY.index(cell.state) if cell else len(SEVERITY)

            self.rows.sort(key=severity, reverse=reverse)
        return self


def required_units(unit, kinds, period, *, all_levels):
    """The sub-units of `unit` of the `kinds` the rules name, active at the end of `period`."""
    units = unit.get_descendants().filter(kind__in=kinds)
    if not all_levels:
        units = units.filter(depth=unit.depth + 1)
    end = period.end
    return units.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=end), Q(valid_to__isnull=True) | Q(valid_to__gte=end)
    )


def meetings_with_first_report(unit, kinds, period):
    """The meetings held for `period` in `unit`'s subtree, each with its first published report (or None)."""
    reports = Article.objects.published().filter(meeting=OuterRef("pk")).order_by("published_at", "pk")
    return (
        Meeting.objects.filter(
            host__path__startswith=unit.path, kind__in=kinds, period_start=period.start, period_end=period.end
        )
        .annotate(
            reported_at=Subquery(reports.values("published_at")[:1]), report_slug=Subquery(reports.values("slug")[:1])
        )
        .values("pk", "host_id", "kind", "title", "held_on", "reported_at", "report_slug")
    )


def build_matrix(*, unit: Organization, period: Period, all_levels: bool = False, today: date | None = None) -> Matrix:
    today = today or timezone.localdate()
    rules = list(ReportingRule.objects.active().for_period(period))
    matrix = Matrix(unit=unit, period=period, all_levels=all_levels)
    labels = dict(Meeting.Kind.choices)
    for kind in dict.fromkeys(rule.meeting_kind for rule in rules):
        matrix.columns.append(Column(kind, labels[kind]))
    if not rules:
        return matrix
    unit_kinds = {rule.unit_kind for rule in rules}
    meeting_kinds = [column.meeting_kind for column in matrix.columns]
    best = {}
    for meeting in meetings_with_first_report(unit, meeting_kinds, period):
        key = (meeting["host_id"], meeting["kind"])
        held = meeting["held_on"] is None or meeting["held_on"] <= today
        if held and (key not in best or _earlier(meeting, best[key])):
            best[key] = meeting
    rule_for = {(rule.unit_kind, rule.meeting_kind): rule for rule in rules}
    for sub_unit in required_units(unit, unit_kinds, period, all_levels=all_levels):
        cells = []
        for kind in meeting_kinds:
            rule = rule_for.get((sub_unit.kind, kind))
            cells.append(rule and _cell(rule, period, best.get((sub_unit.pk, kind)), today))
        matrix.rows.append(Row(sub_unit, cells))
    return matrix


def _earlier(meeting, other):
    """Whether `meeting` counts before `other`: reported before it, or reported where it is not."""
    if meeting["reported_at"] and other["reported_at"]:
        return meeting["reported_at"] < other["reported_at"]
    return bool(meeting["reported_at"]) and not other["reported_at"]


def _cell(rule, period, meeting, today):
    due = rule.due_on(period)
    if meeting and meeting["reported_at"]:
        on_time = timezone.localdate(meeting["reported_at"]) <= due
        return Cell(rule, due, State.ON_TIME if on_time else State.LATE, meeting)
    if today <= due:
        return Cell(rule, due, State.PENDING, meeting)
    return Cell(rule, due, State.UNREPORTED if meeting else State.MISSING, meeting)
