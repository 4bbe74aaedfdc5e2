from django import template
from django.utils import timezone

from articles.models import Article
from newsroom.periods import Period

from ..models import Organization, Position

register = template.Library()


@register.inclusion_tag("organizations/includes/breadcrumbs.html")
def unit_breadcrumbs(unit, current=None):
    return {"units": [*unit.get_ancestors(), unit], "current": current}


@register.inclusion_tag("organizations/includes/leadership.html")
def unit_leadership(unit):
    """Public positions in `unit` held today, with the people's public biographies."""
    positions = Position.objects.public().held_on(timezone.localdate()).filter(organization=unit)
    return {"positions": positions.select_related("person").order_by("rank", "person__sort_key")}


@register.inclusion_tag("organizations/includes/sub_units.html")
def sub_units(unit):
    return {"units": unit.get_children().select_related("succeeded_by")}


@register.inclusion_tag("organizations/includes/predecessors.html")
def predecessors(unit):
    return {"units": Organization.objects.filter(succeeded_by=unit)}


@register.inclusion_tag("organizations/includes/period_selector.html")
def unit_period_selector(unit, current=None):
    """Links to the years this unit's (and its sub-units') articles report on."""
    years = Article.objects.published().in_unit(unit).exclude(period_start=None).dates("period_start", "year", "DESC")
    return {"unit": unit, "periods": [Period.year(day.year) for day in years], "current": current}
