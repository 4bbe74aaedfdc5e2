from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEvent, record

RECOVERY_CODE_COUNT = 10


@transaction.atomic
def confirm_device(*, device: TOTPDevice) -> list[str]:
    """Confirm a new authenticator app; returns the recovery codes that come with it, to be shown once."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _replace_recovery_codes(device.user)
    record(AuditEvent.Action.OTP_ENROL, actor=device.user, obj=device.user)
    return codes


@transaction.atomic
def renew_recovery_codes(*, user) -> list[str]:
    """New recovery codes for `user`; the old ones stop working."""
    codes = _replace_recovery_codes(user)
    record(AuditEvent.Action.RECOVERY_RENEWED, actor=user, obj=user)
    return codes


def _replace_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Mã dự phòng"))
    codes = [StaticToken.random_token() for _code in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def remove_devices(*, user, by) -> None:
    """Take `user`'s authenticator app and recovery codes away (a lost phone): he signs in with his password, then
    enrols again if his role requires a second factor."""
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
    detail = _("Gỡ xác thực hai bước của tài khoản %(name)s") % {"name": user.get_username()}
    record(AuditEvent.Action.OTP_REMOVED, actor=by, obj=user, detail=detail)
