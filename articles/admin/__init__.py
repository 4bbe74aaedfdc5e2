"""The admin of articles, one module a subject; importing them registers their pages."""

from . import articles, imports, library, meetings, trash  # noqa: F401
