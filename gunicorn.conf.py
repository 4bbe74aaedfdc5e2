"""gunicorn settings; every value can be overridden from the environment (GUNICORN_*)."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# A worker is replaced after this many requests (a guard against slow leaks). The app is loaded and warmed once in
# the master (preload, newsroom/wsgi.py), so a new worker is a fork that answers at once; but while one is replaced
# the others carry its load, and when all went together (a jitter small beside the count) a cached page's p99 was
# 300 ms instead of 6. Rare and spread apart: at 2,000 requests a second, a worker every minute or so.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 5
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in ("1", "true", "yes")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # "": none (the benchmark)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
