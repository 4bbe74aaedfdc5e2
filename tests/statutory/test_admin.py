from datetime import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from newsroom.roles import EDITOR
from statutory.models import ScheduleEntry
from tests.conftest import sign_in
from tests.factories import OrganizationFactory, StaffAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter(client):
    unit = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường")
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITOR))
    StaffAssignmentFactory(user=user, organization=unit)
    sign_in(client, user)
    return unit


def entry(unit, title):
    return ScheduleEntry.objects.create(
        unit=unit, title=title, starts_at=timezone.make_aware(datetime(2021, 7, 12, 8))
    )


def test_a_reporter_sees_the_schedule_of_his_units_only(client, reporter):
    entry(reporter, "Giao ban Sở")
    entry(OrganizationFactory(), "Việc đơn vị khác")
    page = client.get(reverse("admin:statutory_scheduleentry_changelist")).content.decode()
    assert "Giao ban Sở" in page and "Việc đơn vị khác" not in page


def test_a_reporter_may_add_documents_but_not_delete_them(client, reporter):
    assert client.get(reverse("admin:documents_document_add")).status_code == 200
    assert client.get(reverse("admin:documents_issuer_add")).status_code == 403


def test_an_end_before_the_start_is_refused(admin_client):
    unit = OrganizationFactory()
    url = reverse("admin:statutory_scheduleentry_add")
    response = admin_client.post(
        url,
        {
            "unit": unit.pk,
            "title": "Họp",
            "starts_at_0": "12/07/2021",
            "starts_at_1": "08:00",
            "ends_at_0": "12/07/2021",
            "ends_at_1": "07:00",
            "is_public": "on",
        },
    )
    assert response.status_code == 200
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
