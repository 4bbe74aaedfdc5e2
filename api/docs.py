from django.conf import settings
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from .views import PublicAPIMixin


class SchemaView(PublicAPIMixin, SpectacularJSONAPIView):
    """The OpenAPI 3 description of the API, generated from its views and serializers."""


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI over the description: its files are served from the site (drf-spectacular-sidecar), its
    start-up script from this view (no inline script); it needs inline styles, which the site's policy forbids."""

    authentication_classes = []
    permission_classes = []

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = settings.CSP_API_DOCS
        return response
