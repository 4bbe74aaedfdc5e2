import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from organizations.models import Organization
from reporting.admin_views import default_period, period_choices
from reporting.matrix import build_matrix
from reporting.models import MemberRatingCount, OrganizationRating, RatingScheme, ReportingRule

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """What the demo holds for reporting, measured once and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        rules = list(ReportingRule.objects.active())
        today = timezone.localdate()
        period = default_period(rules, period_choices(rules, today), today)
        province = Organization.objects.get_root_nodes().get()
        states = {
            all_levels: {
                cell.state
                for row in build_matrix(unit=province, period=period, all_levels=all_levels).rows
                for cell in row.cells
                if cell
            }
            for all_levels in (False, True)
        }
        rated = set(OrganizationRating.objects.values_list("year", flat=True))
        counted = set(MemberRatingCount.objects.values_list("year", flat=True))
        schemes = {
            subject: {RatingScheme.objects.for_year(year, subject).get().name for year in rated}
            for subject in RatingScheme.Subject
        }
        transaction.set_rollback(True)
    return {"period": period, "states": states, "rated": rated, "counted": counted, "schemes": schemes}


def test_the_matrix_opens_on_a_period_showing_every_state(demo):
    assert demo["period"].label == "6 tháng đầu năm 2025"
    for all_levels, states in demo["states"].items():
        assert {state.value for state in states} == {"on_time", "late", "unreported", "missing"}, all_levels


def test_the_demo_rates_2016_to_2025_under_both_schemes(demo):
    assert demo["rated"] == demo["counted"] == set(range(2016, 2026))
    for subject, names in demo["schemes"].items():
        assert len(names) == 2, subject
