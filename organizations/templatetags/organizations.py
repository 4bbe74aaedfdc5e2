from django import template
from django.utils import timezone

from articles.models import Article
from newsroom.periods import Period, PeriodKind

from ..models import Organization, Position

register = template.Library()
MULTI_YEAR = [PeriodKind.TERM, PeriodKind.MIDTERM]


@register.inclusion_tag("organizations/includes/breadcrumbs.html")
def unit_breadcrumbs(unit, current=None):
    return {"units": [*unit.get_ancestors(), unit], "current": current}


@register.inclusion_tag("organizations/includes/leadership.html")
def unit_leadership(unit):
    """The people holding public positions in `unit` today, most senior first, each once with all their titles."""
    positions = Position.objects.public().held_on(timezone.localdate()).filter(organization=unit)
    titles = {}
    for position in positions.select_related("person").order_by("rank", "pk"):
        titles.setdefault(position.person, []).append(position)
    leaders = sorted(titles.items(), key=lambda item: (min(p.seniority() for p in item[1]), item[0].sort_key))
    return {"leaders": [(person, ", ".join(p.title for p in held)) for person, held in leaders]}


@register.inclusion_tag("organizations/includes/sub_units.html")
def sub_units(unit):
    return {"units": unit.get_children().select_related("succeeded_by")}


@register.inclusion_tag("organizations/includes/predecessors.html")
def predecessors(unit):
    return {"units": Organization.objects.filter(succeeded_by=unit)}


@register.inclusion_tag("organizations/includes/period_selector.html")
def unit_period_selector(unit, current=None):
    """Links to the years this unit's (and its sub-units') articles report on: a term's report is in none of them."""
    within_a_year = Article.objects.published().in_unit(unit).exclude(period_kind__in=MULTI_YEAR)
    years = within_a_year.dates("period_start", "year", "DESC")
    return {"unit": unit, "periods": [Period.year(day.year) for day in years], "current": current}
