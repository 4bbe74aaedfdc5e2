from django import template

from ..models import MemberRatingCount, OrganizationRating

register = template.Library()
YEARS_ON_UNIT_PAGE = 3


@register.inclusion_tag("reporting/includes/unit_ratings.html")
def unit_ratings(unit):
    """The latest years' ratings of a unit's sub-units and members, as counts and shares per level."""
    return {
        "unit": unit,
        "organizations": OrganizationRating.objects.below(unit).tally()[:YEARS_ON_UNIT_PAGE],
        "members": MemberRatingCount.objects.in_unit(unit).tally()[:YEARS_ON_UNIT_PAGE],
    }
