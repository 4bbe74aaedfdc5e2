"""Uploaded files as the development server sends them (DEBUG): as what they are, never as a page that runs."""

import mimetypes

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404
from django.views import static


def serve(request, path, document_root=None, show_indexes=False):
    """Django's static `serve`, or the file read from the bucket when media are in one (MEDIA_STORAGE=s3), with
    headers that keep a browser from running anything a file might hold."""
    if isinstance(default_storage, FileSystemStorage):
        response = static.serve(request, path, document_root, show_indexes)
    else:
        response = from_storage(path)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = settings.CSP_MEDIA
    return response


def from_storage(path):
    try:
        file = default_storage.open(path)
    except (FileNotFoundError, SuspiciousFileOperation):
        raise Http404(path) from None
    return FileResponse(file, content_type=mimetypes.guess_type(path)[0] or "application/octet-stream")
