"""Logs: one JSON object per line in production, each request's line with its id, status, duration and client."""

import io
import json
import logging
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings

from newsroom.logs import JSONFormatter, RequestContextFilter
from tests.test_deployment import settings_in_subprocess

ROOT = Path(settings.BASE_DIR)


@contextmanager
def console_output():
    """What the configured console handler (settings.LOGGING) writes, as lines."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    lines = []
    try:
        yield lines
    finally:
        handler.setStream(previous)
        lines += buffer.getvalue().splitlines()


def test_each_response_carries_a_generated_request_id(client, db):
    first = client.get("/robots.txt")["X-Request-ID"]
    second = client.get("/robots.txt")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_a_well_formed_request_id_from_the_proxy_is_kept(client, db):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID="5f1c0b6e2a7d4e3f9c8b7a6d5e4f3a2b")
    assert response["X-Request-ID"] == "5f1c0b6e2a7d4e3f9c8b7a6d5e4f3a2b"


@pytest.mark.parametrize("sent", ["", "a b", "x" * 200, "id\nforged line", '"}{"level": "ERROR'])
def test_a_malformed_request_id_is_replaced(client, db, sent):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID=sent)
    assert response["X-Request-ID"] != sent
    assert len(response["X-Request-ID"]) == 32


def test_each_request_is_logged_once_as_one_json_line(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    with console_output() as lines:
        client.get("/tin-tuc/?q=x", HTTP_X_REQUEST_ID="req-123", HTTP_X_FORWARDED_FOR="203.0.113.7")
    entries = [json.loads(line) for line in lines]
    [entry] = [e for e in entries if e["logger"] == "newsroom.request"]
    assert entry["level"] == "INFO"
    assert entry["request_id"] == "req-123"
    assert entry["method"] == "GET"
    assert entry["path"] == "/tin-tuc/"
    assert entry["status"] == 200
    assert entry["client"] == "203.0.113.7"
    assert isinstance(entry["duration_ms"], (int, float)) and entry["duration_ms"] >= 0
    assert entry["time"].endswith("Z") or "+00:00" in entry["time"]


def test_log_records_written_during_a_request_carry_its_id(client, db, monkeypatch):
    def noisy(request):
        logging.getLogger("articles.views").warning("Tải trang chủ")
        raise ZeroDivisionError

    monkeypatch.setattr("articles.views.HomeView.get", lambda self, request, *a, **k: noisy(request))
    client.raise_request_exception = False
    with console_output() as lines:
        client.get("/", HTTP_X_REQUEST_ID="req-456")
    entries = [json.loads(line) for line in lines]
    warning = next(e for e in entries if e["message"] == "Tải trang chủ")
    assert warning["request_id"] == "req-456" and warning["path"] == "/"
    error = next(e for e in entries if e["logger"] == "django.request")
    assert error["level"] == "ERROR" and error["status"] == 500 and "ZeroDivisionError" in error["exception"]
    assert error["request_id"] == "req-456"


def test_records_outside_a_request_have_no_request_fields():
    record = logging.LogRecord("newsroom.tasks", logging.WARNING, __file__, 1, "Tệp %s không đọc được", ("a",), None)
    RequestContextFilter().filter(record)
    entry = json.loads(JSONFormatter().format(record))
    assert entry["message"] == "Tệp a không đọc được"
    assert entry["request_id"] is None and "path" not in entry


def log_settings(env):
    return settings_in_subprocess(env, "s.LOGGING['formatters'][s.LOGGING['handlers']['console']['formatter']]")


def test_logs_are_json_in_production_and_text_in_development():
    assert log_settings({})["()"] == "newsroom.logs.JSONFormatter"
    assert "format" in log_settings({"DEBUG": "true"})
    assert log_settings({"DEBUG": "true", "LOG_FORMAT": "json"})["()"] == "newsroom.logs.JSONFormatter"
