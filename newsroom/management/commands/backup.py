from pathlib import Path

from django.core.management.base import BaseCommand

from newsroom.backup import create_backup


class Command(BaseCommand):
    help = (
        "Sao lưu toàn bộ trang vào một tệp newsroom-backup-<ngày>-<giờ>.tar: cơ sở dữ liệu PostgreSQL (pg_dump), "
        "mọi tệp media (thư mục hoặc bucket S3) và manifest.json (phiên bản, số dòng, kích thước và mã SHA-256 "
        "của từng tệp)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", type=Path, default=Path("."), help="Thư mục ghi bản sao lưu (mặc định: thư mục hiện tại)."
        )

    def handle(self, *args, output_dir, **options):
        create_backup(output_dir, say=self.stdout.write)
