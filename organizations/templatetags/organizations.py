from django import template
from django.utils import timezone

from ..models import Organization, Position

register = template.Library()


@register.inclusion_tag("organizations/includes/breadcrumbs.html")
def unit_breadcrumbs(unit, current=None):
    return {"units": [*unit.get_ancestors(), unit], "current": current}


@register.inclusion_tag("organizations/includes/leadership.html")
def unit_leadership(unit):
    positions = Position.objects.public().held_on(timezone.localdate()).filter(organization=unit)
    return {"leaders": positions.leaders()}


@register.inclusion_tag("organizations/includes/sub_units.html")
def sub_units(unit):
    return {"units": unit.get_children().select_related("succeeded_by")}


@register.inclusion_tag("organizations/includes/predecessors.html")
def predecessors(unit):
    return {"units": Organization.objects.filter(succeeded_by=unit)}
