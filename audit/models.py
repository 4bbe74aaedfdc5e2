from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.http import client_ip

from .middleware import current_request


class AuditEventQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


class AuditEvent(models.Model):
    """Who did what, when: kept even when the user or the object is gone."""

    class Action(models.TextChoices):
        LOGIN = "login", _("Đăng nhập")
        LOGIN_FAILED = "login_failed", _("Đăng nhập thất bại")
        LOCKOUT = "lockout", _("Khóa đăng nhập")
        LOGOUT = "logout", _("Đăng xuất")
        OTP_ENROL = "otp_enrol", _("Bật xác thực hai bước")
        OTP_VERIFIED = "otp_verified", _("Nhập đúng mã xác thực")
        OTP_FAILED = "otp_failed", _("Nhập sai mã xác thực")
        RECOVERY_USED = "recovery_used", _("Dùng mã dự phòng")
        RECOVERY_RENEWED = "recovery_renewed", _("Tạo lại mã dự phòng")
        OTP_REMOVED = "otp_removed", _("Gỡ xác thực hai bước")
        SUBMIT = "submit", _("Gửi duyệt")
        APPROVE = "approve", _("Duyệt đăng")
        RETURN = "return", _("Trả lại")
        WITHDRAW = "withdraw", _("Gỡ bài")
        DELETE = "delete", _("Chuyển vào thùng rác")
        RESTORE = "restore", _("Khôi phục")
        PURGE = "purge", _("Xóa hẳn")
        REVERT = "revert", _("Khôi phục phiên bản")
        PERMISSION_CHANGE = "permission_change", _("Thay đổi quyền")
        ASSIGNMENT_CHANGE = "assignment_change", _("Thay đổi phân công đơn vị")
        PASSWORD_CHANGE = "password_change", _("Đặt mật khẩu cho người khác")
        REJECT = "reject", _("Từ chối")
        EXPORT = "export", _("Xuất dữ liệu")
        ERASE = "erase", _("Xóa dữ liệu cá nhân")

    at = models.DateTimeField(_("thời gian"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("tên đăng nhập"), max_length=150, blank=True)
    action = models.CharField(_("thao tác"), max_length=20, choices=Action.choices, db_index=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=300, blank=True)
    detail = models.TextField(_("chi tiết"), blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("sự kiện")
        verbose_name_plural = _("nhật ký hệ thống")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_name} {self.get_action_display()} {self.object_repr}"


def record(action, *, actor=None, obj=None, detail="", request=None, actor_name=""):
    """Write one audit event. `request` gives the IP address and, unless `actor` or `actor_name` says who acted,
    the signed-in user; it defaults to the request being served (audit.middleware), for signal receivers."""
    request = request if request is not None else current_request.get()
    if actor is None and not actor_name and request is not None:
        actor = getattr(request, "user", None)
    if actor is not None and not actor.pk:  # AnonymousUser
        actor = None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_name=actor_name or (actor.get_username() if actor is not None else ""),
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        detail=detail,
        ip_address=client_ip(request) if request is not None else None,
    )
