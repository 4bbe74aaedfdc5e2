import re
import unicodedata
from math import ceil

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_CODE = re.compile(r"[0-9]{6}")
WRONG_CODE = _("Mã xác thực không đúng.")


class CodeForm(forms.Form):
    """A code from the user's authenticator app, or one of his recovery codes.

    After validation, `device` is the device that accepted the code, and `failed` says that a code was checked and
    was wrong (not merely empty, too long, or typed during django-otp's back-off after a wrong one)."""

    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=40,
        error_messages={"required": _("Hãy nhập mã xác thực."), "max_length": WRONG_CODE},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None
        self.failed = False

    def devices(self, code):
        """A six-digit code is the authenticator's; anything else can only be a recovery code."""
        model = TOTPDevice if AUTHENTICATOR_CODE.fullmatch(code) else StaticDevice
        return model.objects.devices_for_user(self.user, confirmed=True)

    def clean_code(self):
        code = "".join(unicodedata.normalize("NFKC", self.cleaned_data["code"]).split()).lower()
        # why: the device row stays locked while the code is checked, so that one code cannot be used twice at once
        with transaction.atomic():
            device = self.devices(code).select_for_update().first()
            allowed, refusal = device.verify_is_allowed() if device is not None else (True, None)
            verified = allowed and device is not None and device.verify_token(code)
        if not allowed:
            seconds = max(ceil((refusal["locked_until"] - timezone.now()).total_seconds()), 1)
            raise ValidationError(
                _("Vừa có mã sai: hãy đợi %(seconds)s giây rồi nhập lại."), params={"seconds": seconds}
            )
        if not verified:
            self.failed = True
            raise ValidationError(WRONG_CODE)
        self.device = device
        return code


class EnrolmentForm(CodeForm):
    """The first code of a new authenticator app: it confirms that the app and the site share the key."""

    def __init__(self, device, *args, **kwargs):
        super().__init__(device.user, *args, **kwargs)
        self.new_device = device

    def devices(self, code):
        return TOTPDevice.objects.filter(pk=self.new_device.pk)
