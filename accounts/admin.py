from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin, IsLockedOutFilter
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from newsroom.admin import worded

# django-otp's own pages show keys and codes, in English; a device is reset from the account's page instead.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


# django-axes' sign-in logs, their filters in words: who is locked out, who signed out, not "Có / Không".
class LockedOutFilter(IsLockedOutFilter):
    title = _("khóa đăng nhập")

    def lookups(self, request, model_admin):
        return [("yes", _("Đang bị khóa")), ("no", _("Chưa bị khóa"))]


class SignedOutFilter(admin.DateFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        *dates, (_none, never), (_some, ever) = self.links
        self.links = (*dates, (_("Chưa đăng xuất"), never), (_("Đã đăng xuất"), ever))


admin.site.unregister([AccessAttempt, AccessLog, AccessFailureLog])


@admin.register(AccessAttempt)
class SignInAttemptAdmin(AccessAttemptAdmin):
    list_filter = [LockedOutFilter if spec is IsLockedOutFilter else spec for spec in AccessAttemptAdmin.list_filter]


@admin.register(AccessLog)
class SignInLogAdmin(AccessLogAdmin):
    list_filter = ["attempt_time", ("logout_time", SignedOutFilter), "path_info"]


@admin.register(AccessFailureLog)
class SignInFailureAdmin(AccessFailureLogAdmin):
    list_filter = ["attempt_time", ("locked_out", worded(_("Bị khóa sau lần này"), _("Chưa bị khóa"))), "path_info"]
