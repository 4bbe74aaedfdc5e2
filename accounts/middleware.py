from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp import user_has_device

from newsroom.roles import requires_two_factor


def pending_step(user):
    """What stands between a signed-in user and the admin: the URL name of the page where he types his code, or of
    the one where he sets up the authenticator app his role requires; None when nothing does."""
    if not user.is_authenticated or user.is_verified():
        return None
    if user_has_device(user):
        return "accounts:verify"
    if requires_two_factor(user):
        return "accounts:enrol"
    return None


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware. Until a signed-in user has passed his pending step, the admin shows him
    that step's page (and lets him sign out), and the rest of the site treats him as a visitor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = pending_step(request.user)
        if step is not None:
            if not request.path.startswith(reverse("admin:index")):
                request.user = AnonymousUser()
            elif request.path not in (reverse(step), reverse("admin:login"), reverse("admin:logout")):
                return redirect_to_login(request.get_full_path(), reverse(step))
        return self.get_response(request)
