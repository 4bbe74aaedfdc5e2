"""Two-factor sign-in: the admin's password form, then a code from an authenticator app (or a recovery code)."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEvent
from newsroom.roles import APPROVER, EDITOR, SITE_ADMIN
from tests.conftest import sign_in, totp_code
from tests.factories import (
    ArticleFactory,
    OrganizationFactory,
    TOTPDeviceFactory,
    UserFactory,
    image_file,
    staff_with_role,
)

Action = AuditEvent.Action
PASSWORD = "mat-khau-rat-manh-2025"
ARTICLES = "/admin/articles/article/"
VERIFY = reverse("accounts:verify")
ENROL = reverse("accounts:enrol")
RECOVERY_CODES = reverse("accounts:recovery-codes")


@pytest.fixture
def unit(db):
    return OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường")


def member(role, unit, username):
    user = staff_with_role(role, unit, username=username)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def approver(unit):
    return member(APPROVER, unit, "nguoiduyet")


@pytest.fixture
def reporter(unit):
    return member(EDITOR, unit, "phongvien")


@pytest.fixture
def enrolled(approver):
    """The approver with a confirmed authenticator and ten recovery codes."""
    device = TOTPDeviceFactory(user=approver)
    recovery = StaticDevice.objects.create(user=approver, name="Mã dự phòng")
    for token in ["aaaa2222", "bbbb3333", "cccc4444"]:
        recovery.token_set.create(token=token)
    return device


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def no_device_backoff(settings):
    """django-otp's own back-off (1, 2, 4… seconds after a wrong code) is tested on its own below; without it a test
    can post wrong codes one after the other and see only what the lockout counts."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def log_in(client, user, password=PASSWORD, next_url="/admin/"):
    return client.post(reverse("admin:login"), {"username": user.username, "password": password, "next": next_url})


def enter_code(client, code, next_url=None):
    return client.post(VERIFY + (f"?next={next_url}" if next_url else ""), {"code": code})


def events(action):
    return AuditEvent.objects.filter(action=action)


def is_verified(client):
    return "otp_device_id" in client.session


# --- Who needs it ---


def test_a_reporter_signs_in_with_the_password_alone(client, reporter):
    assert log_in(client, reporter).url == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get(ARTICLES).status_code == 200


@pytest.mark.parametrize("role", [APPROVER, SITE_ADMIN])
def test_an_approver_or_site_admin_without_a_device_is_sent_to_enrolment(client, unit, role):
    user = member(role, unit, "quanly")
    log_in(client, user)
    response = client.get(ARTICLES)
    assert response.status_code == 302
    assert response.url == f"{ENROL}?next={ARTICLES}"
    assert client.get("/admin/").url.startswith(ENROL)
    assert client.get(reverse("admin:auth_user_changelist")).url.startswith(ENROL)


def test_a_superuser_without_a_device_is_sent_to_enrolment(client, db, django_user_model):
    django_user_model.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    client.post(reverse("admin:login"), {"username": "quantri", "password": PASSWORD, "next": "/admin/"})
    assert client.get("/admin/").url.startswith(ENROL)


def test_an_account_that_must_enrol_may_still_sign_out(client, approver):
    log_in(client, approver)
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_half_signed_in_approver_is_a_stranger_on_the_public_site(client, unit, approver, enrolled):
    draft = ArticleFactory(unit=unit, status="draft", published_at=None)
    log_in(client, approver)
    assert client.get(draft.get_absolute_url()).status_code == 404
    enter_code(client, totp_code(enrolled))
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_a_half_signed_in_approver_cannot_upload_images_for_the_editor(client, approver, enrolled):
    log_in(client, approver)
    assert client.post(reverse("articles:editor-upload"), {"upload": image_file()}).status_code == 403


# --- Enrolment ---


def test_the_enrolment_page_shows_a_qr_code_and_the_secret_as_text(client, approver):
    log_in(client, approver)
    page = client.get(ENROL).content.decode()
    device = TOTPDevice.objects.get(user=approver, confirmed=False)
    assert re.search(r'<img[^>]+src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+"[^>]+alt="[^"]+"', page)
    secret = device.config_url.split("secret=")[1].split("&")[0]
    assert " ".join(re.findall(".{1,4}", secret)) in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)  # no inline script: the CSP would block it
    assert not re.search(r'src="(https?:)?//', page)  # nothing from elsewhere
    assert client.get(ENROL).context["secret"] == " ".join(re.findall(".{1,4}", secret))  # the same key again


def test_enrolling_with_a_correct_code_confirms_the_device_and_shows_ten_recovery_codes(client, approver):
    log_in(client, approver)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=approver)

    response = client.post(f"{ENROL}?next={ARTICLES}", {"code": totp_code(device)})

    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = response.context["codes"]
    assert len(codes) == len(set(codes)) == 10
    assert set(StaticToken.objects.filter(device__user=approver).values_list("token", flat=True)) == set(codes)
    page = response.content.decode()
    assert all(code in page for code in codes)
    assert f'href="{ARTICLES}"' in page
    assert is_verified(client)
    assert client.get(ARTICLES).status_code == 200
    event = events(Action.OTP_ENROL).get()
    assert (event.actor, event.object_repr) == (approver, "nguoiduyet")


def test_enrolling_with_a_wrong_code_is_refused(client, approver):
    log_in(client, approver)
    client.get(ENROL)
    response = client.post(ENROL, {"code": "000000"})
    assert response.status_code == 200
    assert "Mã xác thực không đúng" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=approver, confirmed=True).exists()
    assert client.get(ARTICLES).url.startswith(ENROL)


def test_a_reporter_may_enrol_and_is_then_asked_for_codes(client, reporter):
    log_in(client, reporter)
    assert client.get(reverse("accounts:two-factor")).status_code == 200
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=reporter)
    client.post(ENROL, {"code": totp_code(device)})
    client.post(reverse("admin:logout"))

    log_in(client, reporter)
    assert client.get(ARTICLES).url == f"{VERIFY}?next={ARTICLES}"


def test_an_enrolled_account_cannot_enrol_again(client, approver, enrolled):
    sign_in(client, approver)
    assert client.get(ENROL).url == reverse("accounts:two-factor")
    assert TOTPDevice.objects.filter(user=approver).count() == 1


# --- Signing in with a code ---


def test_after_enrolment_the_next_sign_in_asks_for_the_code(client, approver, enrolled):
    assert log_in(client, approver, next_url=ARTICLES).url == ARTICLES
    response = client.get(ARTICLES)
    assert response.url == f"{VERIFY}?next={ARTICLES}"
    assert client.get(response.url).status_code == 200

    response = enter_code(client, totp_code(enrolled), next_url=ARTICLES)

    assert response.url == ARTICLES
    assert client.get(ARTICLES).status_code == 200
    assert events(Action.OTP_VERIFIED).get().actor == approver


def test_a_code_may_be_typed_with_spaces(client, approver, enrolled):
    log_in(client, approver)
    code = totp_code(enrolled)
    assert enter_code(client, f" {code[:3]} {code[3:]} ").url == "/admin/"


def test_a_wrong_code_is_refused_and_audited(client, approver, enrolled):
    log_in(client, approver)
    response = enter_code(client, "123456" if totp_code(enrolled) != "123456" else "654321")
    assert response.status_code == 200
    assert "Mã xác thực không đúng" in response.content.decode()
    assert not is_verified(client)
    assert client.get(ARTICLES).url.startswith(VERIFY)
    event = events(Action.OTP_FAILED).get()
    assert (event.actor_name, event.ip_address) == ("nguoiduyet", "127.0.0.1")
    assert not events(Action.LOGIN_FAILED).exists()


@pytest.mark.parametrize("code", ["abc", "x" * 500, "１２３４５６", "<script>", "   "])
def test_malformed_codes_get_a_vietnamese_message(client, approver, enrolled, no_device_backoff, code):
    log_in(client, approver)
    response = enter_code(client, code)
    assert response.status_code == 200
    assert not is_verified(client)
    assert re.search("Mã xác thực không đúng|Hãy nhập mã xác thực", response.content.decode())


def test_a_second_code_at_once_after_a_wrong_one_is_told_to_wait_and_not_counted(
    client, approver, enrolled, axes_on, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute's back-off: the test never outruns it
    log_in(client, approver)
    enter_code(client, "000000" if totp_code(enrolled) != "000000" else "111111")
    response = enter_code(client, totp_code(enrolled))  # right, but inside the back-off after a wrong one
    assert "hãy đợi" in response.content.decode()
    assert not is_verified(client)
    assert events(Action.OTP_FAILED).count() == 1


def test_the_next_address_must_be_on_this_site(client, approver, enrolled):
    log_in(client, approver)
    assert enter_code(client, totp_code(enrolled), next_url="https://evil.example/").url == "/admin/"


# --- Lockout ---


def wrong_codes(client, device, count):
    right = {totp_code(device, steps) for steps in (-1, 0, 1)}
    wrong = next(code for code in ("000000", "111111", "222222", "333333") if code not in right)
    return [enter_code(client, wrong) for _ in range(count)]


def test_wrong_codes_lock_the_account_out_like_wrong_passwords(
    client, approver, enrolled, axes_on, no_device_backoff, settings
):
    log_in(client, approver)
    *before, last = wrong_codes(client, enrolled, settings.AXES_FAILURE_LIMIT)

    assert [r.status_code for r in before] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert last.status_code == 429
    assert "Tạm khóa đăng nhập" in last.content.decode()
    assert "_auth_user_id" not in client.session
    assert events(Action.OTP_FAILED).count() == settings.AXES_FAILURE_LIMIT
    assert events(Action.LOCKOUT).get().actor_name == "nguoiduyet"
    assert log_in(client, approver).status_code == 429  # the right password does not help either


def test_signing_in_again_with_the_password_does_not_forget_wrong_codes(
    client, approver, enrolled, axes_on, no_device_backoff, settings
):
    log_in(client, approver)
    wrong_codes(client, enrolled, settings.AXES_FAILURE_LIMIT - 1)
    client.post(reverse("admin:logout"))

    log_in(client, approver)
    assert wrong_codes(client, enrolled, 1)[0].status_code == 429


def test_a_right_code_forgets_earlier_wrong_ones(client, approver, enrolled, axes_on, no_device_backoff, settings):
    log_in(client, approver)
    wrong_codes(client, enrolled, settings.AXES_FAILURE_LIMIT - 1)
    enter_code(client, totp_code(enrolled))
    client.post(reverse("admin:logout"))

    log_in(client, approver)
    assert [r.status_code for r in wrong_codes(client, enrolled, settings.AXES_FAILURE_LIMIT - 1)] == [200] * (
        settings.AXES_FAILURE_LIMIT - 1
    )


def test_an_open_session_cannot_keep_guessing_once_locked_out(
    client, approver, enrolled, axes_on, no_device_backoff, settings
):
    log_in(client, approver)
    other = Client()
    log_in(other, approver)
    wrong_codes(client, enrolled, settings.AXES_FAILURE_LIMIT)

    response = enter_code(other, totp_code(enrolled))
    assert response.status_code == 429
    assert "_auth_user_id" not in other.session


def test_a_reporter_without_a_device_is_not_held_back_by_old_failures(client, reporter, axes_on, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, reporter, password="sai-mat-khau")
    log_in(client, reporter)
    client.post(reverse("admin:logout"))
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, reporter, password="sai-mat-khau").status_code == 200


# --- Recovery codes ---


def test_a_recovery_code_works_once_only(client, approver, enrolled):
    log_in(client, approver)
    assert enter_code(client, "AAAA 2222").url == "/admin/"
    assert is_verified(client)
    event = events(Action.RECOVERY_USED).get()
    assert (event.actor, event.detail) == (approver, "Còn 2 mã dự phòng chưa dùng.")
    client.post(reverse("admin:logout"))

    log_in(client, approver)
    response = enter_code(client, "aaaa2222")
    assert "Mã xác thực không đúng" in response.content.decode()
    assert not is_verified(client)


def test_regenerating_recovery_codes_invalidates_the_old_ones(client, approver, enrolled, no_device_backoff):
    sign_in(client, approver)
    assert client.get(RECOVERY_CODES).context["remaining"] == 3

    response = client.post(RECOVERY_CODES)

    codes = response.context["codes"]
    assert len(codes) == 10 and "aaaa2222" not in codes
    assert all(code in response.content.decode() for code in codes)
    assert events(Action.RECOVERY_RENEWED).get().actor == approver
    client.post(reverse("admin:logout"))
    log_in(client, approver)
    assert "Mã xác thực không đúng" in enter_code(client, "bbbb3333").content.decode()
    assert enter_code(client, codes[0]).url == "/admin/"


def test_recovery_codes_are_regenerated_only_by_a_post_from_a_verified_session(client, approver, enrolled):
    log_in(client, approver)
    assert client.post(RECOVERY_CODES).url.startswith(VERIFY)
    assert StaticToken.objects.filter(device__user=approver).count() == 3


# --- Resetting someone's devices ---


def reset(client, *users):
    return client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [u.pk for u in users]},
        follow=True,
    )


def test_a_superuser_resets_anyones_devices_and_it_is_audited(admin_client, admin_user, approver, enrolled):
    response = reset(admin_client, approver)
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert not StaticDevice.objects.filter(user=approver).exists()
    event = events(Action.OTP_REMOVED).get()
    assert (event.actor, event.object_repr) == (admin_user, "nguoiduyet")
    assert "nguoiduyet" in response.content.decode()


def test_after_a_reset_the_approver_must_enrol_again(client, admin_client, approver, enrolled):
    other = Client()
    log_in(other, approver)
    enter_code(other, totp_code(enrolled))
    reset(admin_client, approver)
    assert other.get(ARTICLES).url.startswith(ENROL)


def test_a_site_admin_resets_the_devices_of_his_units_staff(client, unit, approver, enrolled):
    sign_in(client, staff_with_role(SITE_ADMIN, unit))
    reset(client, approver)
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert events(Action.OTP_REMOVED).get().object_repr == "nguoiduyet"


def test_a_site_admin_cannot_reset_staff_of_other_units(client, unit, approver, enrolled):
    sign_in(client, staff_with_role(SITE_ADMIN, OrganizationFactory(name="Đảng bộ Sở Tư pháp")))
    response = reset(client, approver)
    assert TOTPDevice.objects.filter(user=approver).exists()
    assert approver.username not in response.content.decode()  # the accounts of other units are out of his sight
    assert not events(Action.OTP_REMOVED).exists()


def test_an_approver_cannot_reset_anyones_devices(client, unit, approver, enrolled):
    sign_in(client, staff_with_role(APPROVER, unit))
    assert reset(client, approver).status_code == 403
    assert TOTPDevice.objects.filter(user=approver).exists()


def test_a_site_admin_given_single_user_permissions_is_still_limited_to_his_units(client, unit, approver, enrolled):
    """Only superusers and the site admin role reset devices: changing accounts is not enough."""
    user = UserFactory()
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_user", "change_user"]))
    sign_in(client, user)
    reset(client, approver)
    assert TOTPDevice.objects.filter(user=approver).exists()


def test_the_account_list_shows_who_signs_in_with_two_factors(admin_client, approver, enrolled, reporter):
    response = admin_client.get(reverse("admin:auth_user_changelist"))
    shown = {user.username: user.two_factor for user in response.context["cl"].result_list}
    assert (shown["nguoiduyet"], shown["phongvien"]) == (True, False)
    assert "Xác thực hai bước" in response.content.decode()
