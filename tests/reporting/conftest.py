from datetime import datetime

import pytest
from django.utils import timezone

from organizations.models import Meeting, Organization
from reporting.models import ReportingRule
from tests.factories import ArticleFactory, MeetingFactory, OrganizationFactory

K = Organization.Kind


def at(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 9, 0))


def bulk_units(parent, count, kind=K.GRASSROOTS, **fields):
    """`count` sub-units of `parent` in one insert (treebeard's add_child takes queries per unit)."""
    start = parent.numchild
    units = [
        Organization(
            path=Organization._get_path(parent.path, parent.depth + 1, start + n + 1),
            depth=parent.depth + 1,
            numchild=0,
            kind=kind,
            name=f"Đảng bộ cơ sở số {start + n + 1}",
            slug=f"{parent.slug}-co-so-{start + n + 1}",
            **fields,
        )
        for n in range(count)
    ]
    Organization.objects.bulk_create(units)
    Organization.objects.filter(pk=parent.pk).update(numchild=start + count)
    parent.refresh_from_db()
    return units


@pytest.fixture
def rules(db):
    return [
        ReportingRule.objects.create(
            unit_kind=K.GRASSROOTS, meeting_kind=Meeting.Kind.SO_KET_6_THANG, period_kind="half", period_number=1
        ),
        ReportingRule.objects.create(
            unit_kind=K.GRASSROOTS, meeting_kind=Meeting.Kind.TONG_KET_NAM, period_kind="year", due_days=31
        ),
    ]


@pytest.fixture
def bloc(db):
    """A bloc under the province with four grassroots units, one in each state for 2021-H1."""
    province = OrganizationFactory(name="Đảng bộ tỉnh", kind=K.PROVINCIAL)
    bloc = OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh", kind=K.UPPER, parent=province)
    names = ["Đảng bộ Sở Tài chính", "Đảng bộ Sở Tư pháp", "Đảng bộ Sở Y tế", "Đảng bộ Sở Xây dựng"]
    on_time, late, unreported, missing = (OrganizationFactory(name=name, parent=bloc) for name in names)
    meeting = MeetingFactory(host=on_time, held_on=datetime(2021, 6, 18).date(), period_code="2021-H1")
    ArticleFactory(unit=on_time, meeting=meeting, published_at=at(2021, 6, 20))
    meeting = MeetingFactory(host=late, held_on=datetime(2021, 7, 2).date(), period_code="2021-H1")
    ArticleFactory(unit=late, meeting=meeting, published_at=at(2021, 8, 15))
    meeting = MeetingFactory(host=unreported, held_on=datetime(2021, 7, 5).date(), period_code="2021-H1")
    ArticleFactory(unit=unreported, meeting=meeting, status="draft", published_at=None)
    bloc.refresh_from_db()
    return {
        "province": province,
        "bloc": bloc,
        "on_time": on_time,
        "late": late,
        "unreported": unreported,
        "missing": missing,
    }
