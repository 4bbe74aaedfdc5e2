import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from newsroom.roles import APPROVER, EDITOR
from organizations.models import Organization, StaffAssignment


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị cho bản chạy thử (nếu chưa có) và in thông tin đăng nhập."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--demo-roles",
            action="store_true",
            help="Tạo thêm một phóng viên và một người duyệt của một Đảng bộ cơ sở.",
        )

    def handle(self, *args, username, demo_roles, **options):
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
        self.stdout.write(f"  Quản trị:  {username} / {password}")
        unit = Organization.objects.current().filter(kind=Organization.Kind.GRASSROOTS).first()
        if demo_roles and unit:
            for name, role in [("phongvien", EDITOR), ("duyetbai", APPROVER)]:
                user, created = User.objects.get_or_create(
                    username=name, defaults={"is_staff": True, "email": f"{name}@example.vn"}
                )
                if created:
                    user.set_password(password)
                    user.save()
                    user.groups.add(Group.objects.get(name=role))
                    StaffAssignment.objects.create(user=user, organization=unit)
                self.stdout.write(f"  {role}: {name} / {password} (đơn vị: {unit.name})")
