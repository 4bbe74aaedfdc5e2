"""The admin of articles, one module a subject; importing them registers their pages."""

from . import articles, library, trash  # noqa: F401
