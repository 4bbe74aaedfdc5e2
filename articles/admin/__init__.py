"""The admin of articles, one module a subject; importing them registers their pages."""

from . import articles, library, meetings, trash  # noqa: F401
