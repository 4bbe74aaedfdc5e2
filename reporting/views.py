from datetime import date

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import TemplateView

from articles.models import Article
from organizations.models import Meeting, Organization

from . import charts
from .models import MemberRatingCount, OrganizationRating

MONTHS_SHOWN = 60
TOP_UNITS = 20


def months_between(first: date, last: date):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def articles_per_month(articles):
    """[(first day of the month, count)] over the last MONTHS_SHOWN months that have articles, gaps as 0."""
    counts = {
        timezone.localdate(row["month"]) if hasattr(row["month"], "hour") else row["month"]: row["n"]
        for row in articles.annotate(month=TruncMonth("published_at")).values("month").annotate(n=Count("pk"))
    }
    if not counts:
        return []
    months = list(months_between(min(counts), max(counts)))[-MONTHS_SHOWN:]
    return [(month, counts.get(month, 0)) for month in months]


def by_scheme(tallies):
    """[(scheme, its levels, its years' tallies)]: one table per scale, a column per level."""
    groups = {}
    for tally in tallies:
        groups.setdefault(tally.scheme, (tally.scheme, [share.level for share in tally.shares], []))[2].append(tally)
    return list(groups.values())


class StatisticsView(TemplateView):
    """Articles per month, per unit and per meeting kind, and the annual ratings: for the site or one unit."""

    template_name = "reporting/statistics.html"

    def get_context_data(self, **kwargs):
        unit = None
        articles = Article.objects.published()
        org_ratings, member_counts = OrganizationRating.objects.all(), MemberRatingCount.objects.all()
        if "slug" in self.kwargs:
            unit = get_object_or_404(Organization, slug=self.kwargs["slug"])
            articles = articles.in_unit(unit)
            org_ratings, member_counts = org_ratings.below(unit), member_counts.in_unit(unit)
        monthly = articles_per_month(articles)
        per_unit = list(
            articles.values("unit__name", "unit__slug")
            .annotate(n=Count("pk"))
            .order_by("-n", "unit__name")[:TOP_UNITS]
        )
        kinds = dict(Meeting.Kind.choices)
        per_kind = [
            (kinds.get(row["meeting__kind"], row["meeting__kind"]), row["n"])
            for row in articles.exclude(meeting=None).values("meeting__kind").annotate(n=Count("pk")).order_by("-n")
        ]
        org_tallies, member_tallies = org_ratings.tally(), member_counts.tally()
        return super().get_context_data(
            unit=unit,
            monthly=monthly,
            monthly_chart=charts.line_chart([(f"{m:%m/%Y}", n) for m, n in monthly]) if monthly else None,
            per_unit=per_unit,
            per_unit_chart=charts.bar_chart([(row["unit__name"], row["n"]) for row in per_unit]) if per_unit else None,
            per_kind=per_kind,
            per_kind_chart=charts.bar_chart(per_kind) if per_kind else None,
            org_tallies=by_scheme(org_tallies),
            org_chart=charts.stacked_chart(org_tallies) if org_tallies else None,
            member_tallies=by_scheme(member_tallies),
            member_chart=charts.stacked_chart(member_tallies) if member_tallies else None,
            **kwargs,
        )
