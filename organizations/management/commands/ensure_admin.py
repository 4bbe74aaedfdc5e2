import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from newsroom.roles import APPROVER, EDITOR
from organizations.models import Organization, StaffAssignment

DEMO_ROLES = [("phongvien", EDITOR), ("duyetbai", APPROVER)]


def keep(password_file, password):
    """Write `password` to a file only its owner can read, from the moment it exists."""
    with open(os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as kept:
        kept.write(password + "\n")
    password_file.chmod(0o600)  # a file left by an older run may have been readable by others


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị cho bản chạy thử (nếu chưa có) và in thông tin đăng nhập."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--demo-roles",
            action="store_true",
            help="Tạo thêm một phóng viên và một người duyệt của một Đảng bộ cơ sở, mỗi người một mật khẩu riêng.",
        )

    def handle(self, *args, username, demo_roles, **options):
        User = get_user_model()
        password_file = settings.BASE_DIR / ".admin-password"
        if not User.objects.filter(username=username).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(username, f"{username}@example.vn", password)
            keep(password_file, password)
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
            for name, role in DEMO_ROLES:
                demo_password = self.demo_password(name, role, unit, password)
                self.stdout.write(f"  {role}: {name} / {demo_password} (đơn vị: {unit.name})")

    def demo_password(self, name, role, unit, admin_password):
        """A demo account's own password: made with the account, kept in .<name>-password; an account that still
        has the admin's password (older versions gave it) gets its own."""
        password_file = settings.BASE_DIR / f".{name}-password"
        user, created = get_user_model().objects.get_or_create(
            username=name, defaults={"is_staff": True, "email": f"{name}@example.vn"}
        )
        if created:
            user.groups.add(Group.objects.get(name=role))
            StaffAssignment.objects.create(user=user, organization=unit)
        elif password_file.exists():
            return password_file.read_text().strip()
        elif not user.check_password(admin_password):
            return f"(đã có sẵn; đặt lại mật khẩu: python manage.py changepassword {name})"
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save()
        keep(password_file, password)
        return password
