from html import escape
from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from organizations.models import Organization

from ..matrix import State
from ..models import MemberRatingCount, OrganizationRating

register = template.Library()
YEARS_ON_UNIT_PAGE = 3
PLACEHOLDER = "tham-so"


@register.inclusion_tag("reporting/includes/unit_ratings.html")
def unit_ratings(unit):
    """The latest years' ratings of a unit's sub-units and members, as counts and shares per level."""
    return {
        "unit": unit,
        "organizations": OrganizationRating.objects.below(unit).tally()[:YEARS_ON_UNIT_PAGE],
        "members": MemberRatingCount.objects.in_unit(unit).tally()[:YEARS_ON_UNIT_PAGE],
    }


def url_maker(name):
    """A function giving URL `name` for one argument: reverse() once, then string joins, for thousands of links."""
    head, tail = reverse(name, args=[PLACEHOLDER]).split(PLACEHOLDER)
    return lambda value: f"{head}{quote(str(value))}{tail}"


def _day(value):
    return value.strftime("%d/%m/%Y") if value else ""


@register.simple_tag
def matrix_rows(matrix):
    """The matrix's body, one <tr> per unit, built in Python: for 2,000 units × meetings the template language
    (a lookup per variable, a reverse() per link) takes seconds, these joins a few hundredths."""
    unit_url = url_maker("articles:unit")
    meeting_url = url_maker("admin:organizations_meeting_change")
    report_url = url_maker("articles:detail")
    labels = {state: escape(str(state.label)) for state in State}
    kinds = {kind: escape(str(label)) for kind, label in Organization.Kind.choices}

    def cell_html(cell):
        if cell is None:
            return '<td class="quiet">—</td>'
        notes = []
        if meeting := cell.meeting:
            held = _day(meeting["held_on"]) or "(chưa rõ ngày)"
            notes.append(f'<a href="{escape(meeting_url(meeting["pk"]))}">Họp {held}</a>')
            if meeting["report_slug"]:
                url = escape(report_url(meeting["report_slug"]))
                notes.append(f'<a href="{url}">Đưa tin {_day(cell.reported_on)}</a>')
        notes.append(f"hạn {_day(cell.due)}")
        return (
            f'<td class="state state--{cell.state.value}"><strong>{labels[cell.state]}</strong>'
            f'<br><span class="mini">{" · ".join(notes)}</span></td>'
        )

    def row_html(row):
        unit = row.unit
        return (
            f'<tr><th scope="row" class="depth-{unit.depth}"><a href="{escape(unit_url(unit.slug))}">'
            f'{escape(unit.name)}</a><br><span class="mini quiet">{kinds.get(unit.kind, "")}</span></th>'
            f"{''.join(cell_html(cell) for cell in row.cells)}<td>{row.on_time}</td></tr>"
        )

    return mark_safe("\n".join(row_html(row) for row in matrix.rows))  # noqa: S308 every text above is escaped
