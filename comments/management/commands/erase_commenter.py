from django.core.management.base import BaseCommand

from comments.models import Comment
from comments.services import erase_commenter


class Command(BaseCommand):
    help = "Tìm và xóa mọi bình luận (họ tên, e-mail, IP, nội dung) gửi bằng một e-mail, theo yêu cầu của người gửi."

    def add_arguments(self, parser):
        parser.add_argument("email", help="E-mail người gửi đã dùng (không phân biệt chữ hoa).")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không xóa.")

    def handle(self, *args, email, dry_run, **options):
        found = Comment.objects.by_commenter(email).select_related("article")
        for comment in found:
            self.stdout.write(f"#{comment.pk} {comment.created_at:%d/%m/%Y} “{comment.article}”: {comment.text[:60]}")
        if dry_run:
            self.stdout.write(f"Tìm thấy {len(found)} bình luận; chưa xóa (--dry-run).")
            return
        erased = erase_commenter(email=email, actor_name="erase_commenter")
        self.stdout.write(self.style.SUCCESS(f"Đã xóa {erased} bình luận gửi bằng e-mail này."))
