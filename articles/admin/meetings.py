"""The meeting admin of organizations, locked once a meeting's report is published: the meeting's page then shows
everything its form holds. Organizations knows nothing of reports, so the articles app registers it in its place."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from organizations.admin import MeetingAdmin
from organizations.models import Meeting

from ..models import Article
from .approval import ApprovalRequiredAdmin

admin.site.unregister(Meeting)


@admin.register(Meeting)
class ReportedMeetingAdmin(ApprovalRequiredAdmin, MeetingAdmin):
    locked_message = _(
        "Hội nghị này đã có bài đăng: trang hội nghị đang hiển thị công khai tên, thời gian, địa điểm, thành phần, "
        "tóm tắt và nhiệm vụ, nên chỉ người duyệt mới được sửa. Bạn chỉ xem được; thay đổi không được lưu."
    )

    def is_public(self, meeting):
        return Article.objects.approved().reported_meetings().filter(pk=meeting.pk).exists()
