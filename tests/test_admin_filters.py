"""Every change list's filters as an editor reads them: a heading and choices in words, never a bare "Có / Không",
"Rỗng / Không rỗng", "-" or a period code."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from organizations.models import Meeting
from reporting.models import ReminderSent, ReportingRule
from tests.factories import OrganizationFactory

PUZZLING = {"Có", "Không", "Rỗng", "Không rỗng", "-", "Không rõ", "Không có ngày", "Có ngày"}
THIRD_PARTY = {"django_tasks_database"}  # its own admin, for the superuser only
OURS = [model for model in admin.site._registry if model._meta.app_label not in THIRD_PARTY]


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def filters(html):
    """{heading: [choice, ...]} of the change list's filter panel, as shown (none when no filter has choices)."""
    panel = re.search(r'<nav id="changelist-filter".*?</nav>', html, re.S)
    if not panel:
        return {}
    return {
        summary.strip(): [choice.strip() for choice in re.findall(r"<a [^>]*>(.*?)</a>", choices, re.S)]
        for summary, choices in re.findall(r"<summary>(.*?)</summary>(.*?)</details>", panel.group(0), re.S)
    }


@pytest.mark.parametrize("model", OURS, ids=lambda model: model._meta.label)
def test_no_filter_choice_puzzles_an_editor(admin_client, model):
    response = admin_client.get(changelist(model))
    assert response.status_code == 200
    for heading, choices in filters(response.text).items():
        assert not PUZZLING & set(choices), f"{heading}: {' / '.join(choices)}"
        assert not heading.startswith("Bởi"), heading


@pytest.mark.parametrize(
    ("url", "heading", "choices"),
    [
        ("admin:organizations_organization_changelist", "Cần xác nhận", ["Chờ xác nhận", "Đã xác nhận"]),
        ("admin:organizations_organization_changelist", "Tình trạng", ["Đang hoạt động"]),
        ("admin:organizations_person_changelist", "Chức vụ công khai", ["Có chức vụ hiện trên trang"]),
        ("admin:organizations_position_changelist", "Công khai", ["Hiện trên trang công khai", "Chỉ lưu nội bộ"]),
        ("admin:organizations_membership_changelist", "Sinh hoạt", ["Đang sinh hoạt"]),
        ("admin:articles_article_changelist", "Tin nổi bật", ["Tin nổi bật", "Tin thường"]),
        ("admin:articles_tag_changelist", "Bài viết", ["Đang gắn cho bài viết", "Chưa gắn cho bài nào"]),
        ("admin:articles_photo_changelist", "Dùng trong bài", ["Chưa dùng trong bài nào"]),
        ("admin:documents_document_changelist", "Công khai", ["Hiện trên trang công khai", "Văn bản nội bộ"]),
        ("admin:statutory_scheduleentry_changelist", "Công khai", ["Hiện trên trang công khai", "Chỉ lưu nội bộ"]),
        ("admin:reporting_reportingrule_changelist", "Đang áp dụng", ["Đang áp dụng", "Tạm ngừng"]),
        ("admin:auth_user_changelist", "Tài khoản", ["Đang dùng", "Đã khóa"]),
        ("admin:auth_user_changelist", "Vai trò", ["Chưa có vai trò"]),
        ("admin:axes_accessattempt_changelist", "Khóa đăng nhập", ["Đang bị khóa", "Chưa bị khóa"]),
        ("admin:axes_accesslog_changelist", "Thời điểm đăng xuất", ["Chưa đăng xuất", "Đã đăng xuất"]),
        ("admin:axes_accessfailurelog_changelist", "Khóa đăng nhập", ["Bị khóa sau lần này", "Chưa bị khóa"]),
    ],
)
def test_filter_speaks_the_editors_words(admin_client, url, heading, choices):
    shown = filters(admin_client.get(reverse(url)).text)
    assert set(choices) <= set(shown[heading]), shown


def test_reminders_are_filtered_by_period_name(admin_client):
    rule = ReportingRule.objects.create(
        unit_kind="grassroots", meeting_kind=Meeting.Kind.SO_KET_6_THANG, period_kind="half", period_number=1
    )
    ReminderSent.objects.create(unit=OrganizationFactory(), rule=rule, period_code="2026-H1")
    response = admin_client.get(reverse("admin:reporting_remindersent_changelist"))
    assert filters(response.text)["Kỳ"] == ["Tất cả", "6 tháng đầu năm 2026"]
    narrowed = admin_client.get(reverse("admin:reporting_remindersent_changelist"), {"ky": "2026-H1"})
    assert len(narrowed.context["cl"].result_list) == 1
