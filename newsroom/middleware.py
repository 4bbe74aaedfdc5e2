from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware:
    """Send settings.CSP_ADMIN under the admin and settings.CSP_PUBLIC on every other response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CSP_ADMIN if request.path.startswith(reverse("admin:index")) else settings.CSP_PUBLIC
        response.headers.setdefault("Content-Security-Policy", policy)
        return response
