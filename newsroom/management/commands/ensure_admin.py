import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị cho bản chạy thử (nếu chưa có) và in thông tin đăng nhập."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        password_file = settings.BASE_DIR / ".admin-password"
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(username, f"{username}@example.vn", password)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        elif password_file.exists():
            password = password_file.read_text().strip()
        else:
            self.stdout.write(
                f"Tài khoản “{username}” đã có sẵn. Đặt lại mật khẩu: python manage.py changepassword {username}"
            )
            return
        self.stdout.write(self.style.SUCCESS("Trang quản trị: http://127.0.0.1:8000/admin/"))
        self.stdout.write(f"  Tên đăng nhập: {username}\n  Mật khẩu:      {password}")
