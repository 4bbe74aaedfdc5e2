import re
from base64 import b32encode, b64encode

import qrcode
import qrcode.image.svg
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEvent, record
from newsroom.roles import requires_two_factor

from .forms import CodeForm, EnrolmentForm
from .lockout import count_failure, forget_failures, is_locked_out, lock_out
from .middleware import pending_step
from .services import confirm_device, renew_recovery_codes

Action = AuditEvent.Action


def admin_page(request, template, **context):
    return TemplateResponse(request, template, {**admin.site.each_context(request), **context})


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure())
    return url if safe else reverse("admin:index")


def complete_sign_in(request, device):
    """The code was right: the session counts as verified from now on, under a new key."""
    request.session.cycle_key()
    otp_login(request, device)
    forget_failures(request, request.user)


@staff_member_required
def two_factor(request):
    user = request.user
    return admin_page(
        request,
        "accounts/two_factor.html",
        title=_("Xác thực hai bước"),
        has_device=user_has_device(user),
        required=requires_two_factor(user),
        remaining=StaticToken.objects.filter(device__user=user).count(),
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def verify(request):
    user = request.user
    if pending_step(user) != "accounts:verify":
        return redirect(next_url(request))
    if request.method == "POST" and is_locked_out(request, user):
        return lock_out(request, user)
    form = CodeForm(user, request.POST or None)
    if form.is_valid():
        complete_sign_in(request, form.device)
        if isinstance(form.device, StaticDevice):
            left = form.device.token_set.count()
            detail = _("Còn %(count)s mã dự phòng chưa dùng.") % {"count": left}
            record(Action.RECOVERY_USED, request=request, obj=user, detail=detail)
        else:
            record(Action.OTP_VERIFIED, request=request, obj=user)
        return redirect(next_url(request))
    if form.failed and count_failure(request, user):
        return lock_out(request, user)
    return admin_page(request, "accounts/verify.html", title=_("Nhập mã xác thực"), form=form, next=next_url(request))


@staff_member_required
@require_http_methods(["GET", "POST"])
def enrol(request):
    user = request.user
    if TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
        return redirect("accounts:two-factor")
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Ứng dụng xác thực"), confirmed=False)
    form = EnrolmentForm(device, request.POST or None)
    if form.is_valid():
        codes = confirm_device(device=device)
        complete_sign_in(request, device)
        return admin_page(
            request, "accounts/recovery_codes.html", title=_("Mã dự phòng"), codes=codes, next=next_url(request)
        )
    return admin_page(
        request,
        "accounts/enrol.html",
        title=_("Bật xác thực hai bước"),
        form=form,
        qr_code=qr_code(device.config_url),
        secret=" ".join(re.findall(".{1,4}", b32encode(device.bin_key).decode())),
        next=next_url(request),
        required=requires_two_factor(user),
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    user = request.user
    if not user.is_verified():
        return redirect("accounts:two-factor")
    context = {"title": _("Mã dự phòng"), "next": reverse("accounts:two-factor")}
    if request.method == "POST":
        context["codes"] = renew_recovery_codes(user=user)
    else:
        context["remaining"] = StaticToken.objects.filter(device__user=user).count()
    return admin_page(request, "accounts/recovery_codes.html", **context)


def qr_code(text):
    """`text` as an SVG QR code in a data: URI: drawn here, as the admin loads nothing from elsewhere."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, border=2)
    return "data:image/svg+xml;base64," + b64encode(image.to_string()).decode()
