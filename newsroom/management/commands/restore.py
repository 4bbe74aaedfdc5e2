from pathlib import Path

from django.core.management.base import BaseCommand

from newsroom.backup import restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu (manage.py backup) vào cơ sở dữ liệu và kho tệp media đang cấu hình, cả hai phải "
        "trống; rồi kiểm tra số dòng và mã SHA-256 của từng tệp."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="Tệp newsroom-backup-….tar")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Khôi phục cả khi không trống: XÓA HẾT các bảng của cơ sở dữ liệu và ghi đè tệp media trùng tên.",
        )

    def handle(self, *args, archive, force, **options):
        restore_backup(archive, force=force, say=self.stdout.write)
