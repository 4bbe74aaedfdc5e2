"""Who sent a request: the client's address (for lockouts, the audit log and rate limits) and its origin."""

import time
from ipaddress import ip_address

from django.conf import settings
from django.core.cache import cache


def valid_ip(value):
    try:
        return str(ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the outermost of them
    saw, the Nth from the right of X-Forwarded-For (each proxy appends the address it saw; what is further left,
    the client wrote). A header shorter than the chain or an unreadable address falls back to REMOTE_ADDR: the
    proxy's address, never one a client made up."""
    remote = valid_ip(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(forwarded) >= proxies:
            return valid_ip(forwarded[-proxies]) or remote
    return remote


def is_same_origin(request):
    """Whether a browser says the request comes from this site's own pages (Fetch metadata, or else Origin).
    A request with neither header is not from a current browser: nothing to check, and nothing gained by a lie."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site == "same-origin"
    origin = request.headers.get("Origin")
    return origin is None or origin == f"{request.scheme}://{request.get_host()}"


def rate_limited(request, scope, *, limit, seconds=60, client=None):
    """Count this request of the client against `limit` requests to `scope` per `seconds`; True once past it.
    The client is its address unless `client` names it otherwise (an e-mail address, say)."""
    key = f"rate:{scope}:{client or client_ip(request)}:{int(time.time() // seconds)}"
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # the key expired between add() and incr()
        cache.set(key, 1, seconds)
        return False
