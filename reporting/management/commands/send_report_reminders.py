from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reporting.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc khi một hội nghị phải tổ chức chưa được đưa tin quá số ngày quy định: đến phóng viên của "
        "đơn vị và cán bộ của đơn vị cấp trên. Chạy hằng ngày; mỗi đơn vị, quy định và kỳ chỉ nhắc một lần."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--within", type=int, default=60, help="Chỉ nhắc các hạn nhắc trong số ngày gần đây này (mặc định 60)."
        )
        parser.add_argument("--base-url", default="", help="Địa chỉ trang, vd. https://tintuc.example.vn")
        parser.add_argument("--on", help="Coi hôm nay là ngày này (YYYY-MM-DD), để chạy bù.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không gửi.")

    def handle(self, *args, within, base_url, on, dry_run, **options):
        try:
            today = date.fromisoformat(on) if on else timezone.localdate()
        except ValueError:
            raise CommandError(f"Ngày “{on}” không hợp lệ: dùng dạng YYYY-MM-DD.") from None
        if within < 1:
            raise CommandError("--within phải là số nguyên dương.")
        count = send_reminders(today=today, within=within, base_url=base_url, dry_run=dry_run)
        verb = "Sẽ gửi" if dry_run else "Đã gửi"
        self.stdout.write(f"{verb} {count} thư nhắc.")
