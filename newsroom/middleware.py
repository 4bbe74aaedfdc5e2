from django.conf import settings
from django.urls import get_script_prefix, reverse


class ContentSecurityPolicyMiddleware:
    """Send settings.CSP_ADMIN under the admin and settings.CSP_PUBLIC on every other response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_paths = {}  # by script prefix: reverse() costs more than the rest of a cached page's answer

    def __call__(self, request):
        response = self.get_response(request)
        prefix = get_script_prefix()
        if (admin := self.admin_paths.get(prefix)) is None:
            admin = self.admin_paths[prefix] = reverse("admin:index")
        policy = settings.CSP_ADMIN if request.path.startswith(admin) else settings.CSP_PUBLIC
        response.headers.setdefault("Content-Security-Policy", policy)
        return response
