"""Logs a machine can read: a request id from the proxy (or a new one) on every response and every log line written
while serving it, one line per request, and JSON lines (LOG_FORMAT=json, the default when DEBUG is off)."""

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from .http import client_ip

logger = logging.getLogger("newsroom.request")
request_context = ContextVar("request_context", default=None)
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
REQUEST_FIELDS = ("request_id", "method", "path", "client")


class RequestIDMiddleware:
    """First in MIDDLEWARE: gives the request its id, and logs the request's line once the response is ready."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sent = request.headers.get("X-Request-ID", "")
        request.id = sent if REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex
        started = time.monotonic()
        token = request_context.set(
            {"request_id": request.id, "method": request.method, "path": request.path, "client": client_ip(request)}
        )
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={"status": response.status_code, "duration_ms": duration_ms},
            )
            return response
        finally:
            request_context.reset(token)


class RequestContextFilter(logging.Filter):
    """Adds the request being served (id, method, path, client) to every record; None outside a request."""

    def filter(self, record):
        context = request_context.get() or {}
        for field in REQUEST_FIELDS:
            if not hasattr(record, field):
                setattr(record, field, context.get(field))
        return True


class JSONFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        for field in ("method", "path", "client"):
            if getattr(record, field, None) is not None:
                entry[field] = getattr(record, field)
        status = getattr(record, "status", getattr(record, "status_code", None))  # Django's own records: status_code
        if status is not None:
            entry["status"] = status
        if hasattr(record, "duration_ms"):
            entry["duration_ms"] = record.duration_ms
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
