from django.conf import settings
from django.core.management.base import BaseCommand

from audit.models import AuditEvent, record
from comments.models import Comment


class Command(BaseCommand):
    help = (
        "Xóa e-mail và địa chỉ IP của các bình luận gửi quá COMMENT_RETENTION_DAYS ngày (họ tên và nội dung giữ "
        "nguyên). Chạy hằng ngày."
    )

    def handle(self, *args, **options):
        erased = Comment.objects.past_retention().erase_personal_data()
        days = settings.COMMENT_RETENTION_DAYS
        if erased:
            detail = f"Xóa e-mail và IP của {erased} bình luận quá {days} ngày"
            record(AuditEvent.Action.ERASE, detail=detail, actor_name="expire_comment_data")
        self.stdout.write(f"Đã xóa e-mail và IP của {erased} bình luận gửi quá {days} ngày.")
