"""Uploaded files as the development server sends them (DEBUG): as what they are, never as a page that runs."""

from django.conf import settings
from django.views import static


def serve(request, path, document_root=None, show_indexes=False):
    """Django's static `serve`, with headers that keep a browser from running anything a file might hold."""
    response = static.serve(request, path, document_root, show_indexes)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = settings.CSP_MEDIA
    return response
