"""Wrong codes count like wrong passwords, in django-axes: the same limit, cool-off, lockout page and log.

A sign-in succeeds when its last factor does. So axes does not forget a user's failures when his password is
right (AXES_RESET_ON_SUCCESS is off in the settings); they are forgotten here: at the password for an account
without a second factor, at the code for one with it. Otherwise someone who has the password could sign in again
and again and guess a few codes each time.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_ip_address, get_lockout_response
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django_otp import user_has_device


def credentials(user):
    return {"username": user.get_username()}


def is_locked_out(request, user):
    return settings.AXES_ENABLED and not AxesProxyHandler.is_allowed(request, credentials(user))


def count_failure(request, user):
    """Tell axes and the audit log that `user` typed a wrong code; True if that locked him out."""
    # "otp_token", masked as Django masks a password, marks the failure as a code's (audit.signals)
    user_login_failed.send(__name__, credentials={**credentials(user), "otp_token": "********"}, request=request)
    return getattr(request, "axes_locked_out", False)


def lock_out(request, user):
    """Sign `user` out and show the lockout page: no more codes from this session either."""
    response = get_lockout_response(request, None, credentials(user))
    logout(request)
    return response


def forget_failures(request, user):
    reset(ip=get_client_ip_address(request), username=user.get_username())


def forget_failures_without_second_factor(sender, request, user, **kwargs):
    if not user_has_device(user):
        forget_failures(request, user)


def connect():
    user_logged_in.connect(forget_failures_without_second_factor, dispatch_uid="accounts-forget-failures")
