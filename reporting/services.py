from django.db import transaction

from .models import MemberRatingCount, OrganizationRating


@transaction.atomic
def save_unit_ratings(*, unit, year, ratings, member_counts, by):
    """Store a year's ratings of `unit`'s sub-units ({sub-unit: level or None}) and their members' counts
    ({(sub-unit, level): count or None}); None clears what was there."""
    for sub_unit, level in ratings.items():
        if level is None:
            OrganizationRating.objects.filter(unit=sub_unit, year=year).delete()
        else:
            OrganizationRating.objects.update_or_create(
                unit=sub_unit, year=year, defaults={"level": level, "updated_by": by}
            )
    for (sub_unit, level), count in member_counts.items():
        if count is None:
            MemberRatingCount.objects.filter(unit=sub_unit, year=year, level=level).delete()
        else:
            MemberRatingCount.objects.update_or_create(
                unit=sub_unit, year=year, level=level, defaults={"count": count, "updated_by": by}
            )
