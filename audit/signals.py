"""Audit events for what happens outside the editorial workflow: sign-ins, lockouts, permissions.

The acting user and the IP address come from the request being served (audit.middleware).
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent, record

Action = AuditEvent.Action
User = get_user_model()

# through model of a many-to-many → (the field naming who gets, the field naming what is given)
GRANTS = {
    User.groups.through: ("user", "group"),
    User.user_permissions.through: ("user", "permission"),
    Group.permissions.through: ("group", "permission"),
}
FLAGS = {
    "is_staff": (_("Cho phép %(user)s vào trang quản trị"), _("Không cho %(user)s vào trang quản trị nữa")),
    "is_superuser": (_("Cấp toàn quyền cho %(user)s"), _("Thu hồi toàn quyền của %(user)s")),
    "is_active": (_("Kích hoạt %(user)s"), _("Vô hiệu hóa %(user)s")),
}


def label(obj):
    if isinstance(obj, Group):
        return _("nhóm %(name)s") % {"name": obj.name}
    if isinstance(obj, Permission):
        app_label = ContentType.objects.get_for_id(obj.content_type_id).app_label
        return _("quyền %(name)s") % {"name": f"{app_label}.{obj.codename}"}
    return _("tài khoản %(name)s") % {"name": obj.get_username()}


def record_login(sender, request, user, **kwargs):
    record(Action.LOGIN, actor=user, request=request)


def record_logout(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, actor=user, request=request)


def record_login_failure(sender, credentials, request=None, **kwargs):
    """A wrong password, or a wrong second-factor code (credentials with an "otp_token", as django-otp names it)."""
    username = credentials.get(User.USERNAME_FIELD) or credentials.get("username") or "?"
    record(
        Action.OTP_FAILED if "otp_token" in credentials else Action.LOGIN_FAILED, actor_name=username, request=request
    )


def record_lockout(sender, request, username, ip_address, **kwargs):
    record(
        Action.LOCKOUT,
        actor_name=username or "?",
        request=request,
        detail=_("Tạm khóa đăng nhập sau nhiều lần nhập sai mật khẩu hoặc mã xác thực (địa chỉ %(ip)s).")
        % {"ip": ip_address},
    )


def record_grant(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Groups or permissions given to or taken from a user, permissions given to or taken from a group."""
    if action not in ("post_add", "post_remove", "pre_clear") or (action != "pre_clear" and not pk_set):
        return
    holder_field, item_field = GRANTS[sender]
    if action == "pre_clear":
        links = sender.objects.filter(**{item_field if reverse else holder_field: instance})
        links = links.select_related(holder_field, item_field)
        pairs = [(getattr(link, holder_field), getattr(link, item_field)) for link in links]
    else:
        others = model.objects.filter(pk__in=pk_set)
        pairs = [(other, instance) if reverse else (instance, other) for other in others]
    given = {}
    for holder, item in pairs:
        given.setdefault(holder, []).append(label(item))
    verb = _("Thêm %(items)s cho %(holder)s") if action == "post_add" else _("Bỏ %(items)s của %(holder)s")
    for holder, items in given.items():
        detail = verb % {"items": ", ".join(sorted(items)), "holder": label(holder)}
        record(Action.PERMISSION_CHANGE, obj=holder, detail=detail)


def remember_flags(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not FLAGS.keys() & set(update_fields)):
        instance._flags_before = None
    elif instance.pk and not instance._state.adding:
        instance._flags_before = sender.objects.filter(pk=instance.pk).values(*FLAGS).first()
    else:
        instance._flags_before = {flag: sender._meta.get_field(flag).default for flag in FLAGS}


def record_flag_changes(sender, instance, **kwargs):
    before = getattr(instance, "_flags_before", None)
    for flag, (granted, revoked) in FLAGS.items():
        if before is not None and before[flag] != getattr(instance, flag):
            detail = (granted if getattr(instance, flag) else revoked) % {"user": label(instance)}
            record(Action.PERMISSION_CHANGE, obj=instance, detail=detail)


def connect():
    user_logged_in.connect(record_login, dispatch_uid="audit-login")
    user_logged_out.connect(record_logout, dispatch_uid="audit-logout")
    user_login_failed.connect(record_login_failure, dispatch_uid="audit-login-failed")
    user_locked_out.connect(record_lockout, dispatch_uid="audit-lockout")
    for through in GRANTS:
        m2m_changed.connect(record_grant, sender=through, dispatch_uid=f"audit-grant-{through._meta.label}")
    pre_save.connect(remember_flags, sender=User, dispatch_uid="audit-flags-before")
    post_save.connect(record_flag_changes, sender=User, dispatch_uid="audit-flags")
