import io
from datetime import date

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from newsroom.roles import EDITOR
from organizations.models import Organization
from reporting.models import ReminderSent
from reporting.reminders import send_reminders
from tests.factories import OrganizationFactory, staff_with_role

REMIND_DAY = date(2021, 8, 7)  # 2021-H1 is due on 31/07; the rule reminds 7 days later


@pytest.fixture
def people(rules, bloc):
    return {
        "missing": staff_with_role(EDITOR, bloc["missing"], email="phongvien.xaydung@example.vn"),
        "bloc": staff_with_role(EDITOR, bloc["bloc"], email="vanphong.khoi@example.vn"),
        "late": staff_with_role(EDITOR, bloc["late"], email="phongvien.tuphap@example.vn"),
        "elsewhere": staff_with_role(
            EDITOR,
            OrganizationFactory(parent=bloc["province"], kind=Organization.Kind.UPPER),
            email="noi.khac@example.vn",
        ),
    }


def sent_to():
    return {message.subject.rsplit("– ", 1)[1]: sorted(message.to) for message in mail.outbox}


def test_overdue_units_editors_and_the_superior_staff_are_reminded(people, bloc):
    assert send_reminders(today=REMIND_DAY) == 2

    assert sent_to() == {
        "Đảng bộ Sở Xây dựng": ["phongvien.xaydung@example.vn", "vanphong.khoi@example.vn"],
        "Đảng bộ Sở Y tế": ["vanphong.khoi@example.vn"],
    }
    body = mail.outbox[0].body
    assert "31/07/2021" in body and "6 tháng đầu năm 2021" in body and "2021-H1" not in body.split("/admin/")[0]


def test_a_second_run_sends_nothing_again(people, bloc):
    send_reminders(today=REMIND_DAY)
    mail.outbox.clear()

    assert send_reminders(today=date(2021, 8, 20)) == 0
    assert mail.outbox == []
    assert ReminderSent.objects.count() == 2


def test_nothing_is_sent_before_the_reminder_day(people, bloc):
    assert send_reminders(today=date(2021, 8, 6)) == 0
    assert mail.outbox == []


def test_a_late_or_on_time_report_is_never_reminded(people, bloc):
    send_reminders(today=REMIND_DAY)

    assert "Đảng bộ Sở Tư pháp" not in sent_to() and "Đảng bộ Sở Tài chính" not in sent_to()


def test_a_dry_run_counts_without_sending_or_recording(people, bloc):
    assert send_reminders(today=REMIND_DAY, dry_run=True) == 2
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_the_command_says_how_many_it_sent(people, bloc):
    out = io.StringIO()
    call_command("send_report_reminders", "--on", "2021-08-07", stdout=out)
    call_command("send_report_reminders", "--on", "2021-08-08", stdout=out)

    assert out.getvalue().splitlines() == ["Đã gửi 2 thư nhắc.", "Đã gửi 0 thư nhắc."]


def test_the_command_refuses_a_bad_date(db):
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("send_report_reminders", "--on", "07/08/2021")
