"""What the bench scripts share: a stack of their own (a bench database, gunicorn with DEBUG off, Redis), the load
(readers of public pages, reporters saving articles through the admin) and its figures.

Everything binds 127.0.0.1, every loop is bounded in time and in requests, and what a script starts it stops by PID.
"""

import html.parser
import http.cookiejar
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
BENCH_DB = "newsroom_bench"
REDIS_PORT = 6379
REDIS_START = ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(REDIS_PORT)]
REDIS_START += ["--save", "", "--appendonly", "no"]  # as .ci/run starts it
REPORTER = ("bench-phongvien", "bench-mat-khau-rat-dai-2025")
REQUEST_TIMEOUT = 15


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_version():
    return sorted(os.listdir("/etc/postgresql"))[-1]


def pg_ready():
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]).returncode == 0


def redis_ready():
    return subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True).returncode == 0


def wait_for(check, seconds, step=0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return False


def ensure_services():
    """PostgreSQL and Redis up, started the way .ci/run starts them if they are not."""
    if not pg_ready():
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), "main", "start"], check=True)
        assert wait_for(pg_ready, 30), "PostgreSQL did not start"
    if not redis_ready():
        subprocess.run(REDIS_START, check=True, capture_output=True)
        assert wait_for(redis_ready, 30), "Redis did not start"


def sql(query, params=(), dbname=BENCH_DB, fetch=True):
    db = psycopg2.connect(dbname=dbname, connect_timeout=5, **PG)
    db.autocommit = True  # DROP/CREATE DATABASE run outside a transaction
    try:
        with db.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall() if fetch else None
    finally:
        db.close()


class Stack:
    """The bench database (recreated and seeded with the demo), gunicorn and `db_worker`s, in a temporary folder."""

    def __init__(self, *, workers=3, threads=2):
        self.dir = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.gunicorn_options = {"GUNICORN_WORKERS": str(workers), "GUNICORN_THREADS": str(threads)}
        self.processes = []
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE", "REDIS"))},
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{BENCH_DB}",
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/14",
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-" + "k" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(self.dir / "static"),
            "MEDIA_ROOT": str(self.dir / "media"),
            "TASKS_BACKEND": "database",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "WARNING",
            "AXES_FAILURE_LIMIT": "1000",
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args, timeout=600, **env):
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **env},
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        ).stdout

    def shell(self, script, **env):
        """Run `script` (a file of bench/, or code) with `manage.py shell`; its last line of output, read as JSON."""
        path = ROOT / "bench" / script
        code = path.read_text() if path.suffix == ".py" and path.exists() else script
        return json.loads(self.manage("shell", "-c", code, **env).strip().splitlines()[-1])

    def prepare(self, *, editors):
        ensure_services()
        log(f"bench database {BENCH_DB}: recreate, migrate, seed the demo")
        sql(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)", dbname="postgres", fetch=False)
        sql(f"CREATE DATABASE {BENCH_DB}", dbname="postgres", fetch=False)
        subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "-n", "14", "flushdb"], capture_output=True)
        self.manage("migrate", "--noinput")
        self.manage("seed_demo", "--if-empty")
        self.manage("collectstatic", "--noinput")
        username, password = REPORTER
        self.articles = self.shell(
            "setup_reporter.py", BENCH_REPORTER=username, BENCH_PASSWORD=password, BENCH_DRAFTS=str(editors)
        )
        self.public_urls = self.shell("public_urls.py")

    def start(self, args, name):
        logfile = open(self.dir / f"{name}.log", "a")  # open for the process's life
        process = subprocess.Popen(
            args, cwd=ROOT, env=self.env, stdout=logfile, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes.append(process)
        return process

    def start_gunicorn(self):
        env_args = [f"--bind=127.0.0.1:{self.port}"]
        self.env.update(self.gunicorn_options)
        self.gunicorn = self.start(
            [PYTHON, "-m", "gunicorn", "newsroom.wsgi:application", "--config", "gunicorn.conf.py", *env_args],
            "gunicorn",
        )
        assert wait_for(lambda: get(self.base + "/healthz")[0] == 200, 60), "gunicorn did not start"
        log(f"gunicorn on {self.base} (pid {self.gunicorn.pid})")

    def start_worker(self):
        return self.start([PYTHON, "manage.py", "db_worker", "--interval", "0.2", "--no-reload"], "worker")

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)  # its own session: gunicorn's workers go with it
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)

    def log_size(self):
        return (self.dir / "gunicorn.log").stat().st_size

    def server_log(self, since=0):
        """How many lines of each level the server logged (JSON lines of gunicorn.log) after byte `since`, with
        the first few distinct warnings and errors."""
        levels, samples = Counter(), []
        with open(self.dir / "gunicorn.log", "rb") as logfile:
            logfile.seek(since)
            text = logfile.read().decode(errors="replace")
        for line in text.splitlines():
            try:
                entry = json.loads(line)
                levels[entry["level"]] += 1
            except (ValueError, KeyError, TypeError):
                levels["(gunicorn's own lines)"] += 1
                continue
            if entry["level"] in ("WARNING", "ERROR", "CRITICAL"):
                sample = f"{entry['level']} {entry['logger']}: {entry['message'][:160]}"
                if "exception" in entry:
                    sample += " — " + entry["exception"].strip().splitlines()[-1][:200]
                if sample not in samples and len(samples) < 8:
                    samples.append(sample)
        return {"levels": dict(levels), "samples": samples}

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def get(url, opener=None, data=None, headers=None):
    """(status, body); a refused connection or a timeout is status 0."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener(NoRedirect)).open(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except (OSError, urllib.error.URLError):
        return 0, ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class FormParser(html.parser.HTMLParser):
    """The fields of the form `form_id` as a browser would submit them (inputs, checked boxes, selects, textareas)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input" and a.get("type", "text") not in ("submit", "button", "file", "image", "reset"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.fields.append((a["name"], a.get("value", "on" if a.get("type") == "checkbox" else "")))
        elif tag == "select":
            self.select = [a["name"], "multiple" in a, [], None]
        elif tag == "option" and self.select is not None:
            if self.select[3] is None:
                self.select[3] = a.get("value", "")
            if "selected" in a:
                self.select[2].append(a.get("value", ""))
        elif tag == "textarea":
            self.textarea = [a["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            name, multiple, chosen, first = self.select
            values = chosen if chosen or multiple else ([first] if first is not None else [])
            self.fields += [(name, value) for value in values]
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None


class Reporter:
    """A reporter's browser: signs in, opens an article's change form and saves it with a new marker in the lead."""

    def __init__(self, base, article_id, name):
        self.base, self.article_id, self.name = base, article_id, name
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.signed_in = False

    def csrf(self):
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        return get(self.base + path, self.opener, data, {"Referer": self.base + path, "Origin": self.base})

    def sign_in(self):
        status, _ = get(self.base + "/admin/login/", self.opener)
        if status != 200:
            return status
        username, password = REPORTER
        status, _ = self.post(
            "/admin/login/",
            {"csrfmiddlewaretoken": self.csrf(), "username": username, "password": password, "next": "/admin/"},
        )
        self.signed_in = status == 302
        return status

    def open_form(self):
        """The article's change form: (status, the fields it would submit)."""
        status, page = get(self.base + f"/admin/articles/article/{self.article_id}/change/", self.opener)
        if status != 200:
            return status, None
        parser = FormParser("article_form")
        parser.feed(page)
        return status, [(k, v) for k, v in parser.fields if k not in ("lead", "_continue", "_addanother")]

    def save(self, fields, marker):
        """Save the form with `marker` in the lead; acknowledged by its redirect (302)."""
        fields = [*fields, ("lead", f"Bản tin thử tải {marker}."), ("_save", "Lưu")]
        status, body = self.post(f"/admin/articles/article/{self.article_id}/change/", fields)
        if status == 200 and "errornote" in body:
            status = 422  # the form came back with an error: not acknowledged
        return status


class Load:
    """`readers` threads reading public pages and `len(reporters)` threads saving articles, until `stop` is set,
    the deadline passes or `max_requests` were sent. Every request is recorded (start, end, kind, status)."""

    def __init__(self, stack, *, readers, reporters, seconds, max_requests, save_pause=0.5):
        self.stack, self.readers, self.seconds, self.max_requests = stack, readers, seconds, max_requests
        self.reporters = [Reporter(stack.base, article, f"r{i}") for i, article in enumerate(reporters)]
        self.save_pause = save_pause
        self.records, self.acknowledged, self.lock = [], [], threading.Lock()
        self.stop = threading.Event()
        self.sent = 0
        self.log_from = stack.log_size()
        self.versions_before = dict(sql("SELECT id, version FROM articles_article WHERE id = ANY(%s)", (reporters,)))

    def budget(self):
        with self.lock:
            self.sent += 1
            return self.sent <= self.max_requests

    def record(self, started, kind, status):
        with self.lock:
            self.records.append((started, time.monotonic(), kind, status))

    def read_loop(self, seed):
        rng = random.Random(seed)
        urls = self.stack.public_urls
        while not self.stop.is_set() and time.monotonic() < self.deadline and self.budget():
            started = time.monotonic()
            status, _ = get(self.stack.base + rng.choice(urls))
            self.record(started, "read", status)

    def save_loop(self, reporter):
        number = 0
        while not self.stop.is_set() and time.monotonic() < self.deadline and self.budget():
            started = time.monotonic()
            if not reporter.signed_in:
                self.record(started, "login", reporter.sign_in())
                if not reporter.signed_in:
                    time.sleep(0.5)
                continue
            number += 1
            form_status, fields = reporter.open_form()
            self.record(started, "form", form_status)
            if form_status == 302:  # the session is gone: sign in again
                reporter.signed_in = False
            if fields is not None and not self.stop.is_set():
                marker = f"{reporter.name}-{number}"
                saving = time.monotonic()
                status = reporter.save(fields, marker)
                self.record(saving, "save", status)
                if status == 302:
                    with self.lock:
                        self.acknowledged.append((reporter.article_id, marker))
            time.sleep(self.save_pause)

    def run(self):
        self.started = time.monotonic()
        self.deadline = self.started + self.seconds
        threads = [threading.Thread(target=self.read_loop, args=(i,)) for i in range(self.readers)]
        threads += [threading.Thread(target=self.save_loop, args=(r,)) for r in self.reporters]
        for thread in threads:
            thread.start()
        return threads

    def lost_writes(self):
        """Acknowledged saves whose marker is in no saved version of the article (django-reversion keeps each)."""
        ids = sorted({article for article, _ in self.acknowledged})
        if not ids:
            return {"acknowledged": 0, "found": 0, "lost": 0}
        rows = sql(
            "SELECT v.object_id, v.serialized_data FROM reversion_version v "
            "JOIN django_content_type c ON c.id = v.content_type_id "
            "WHERE c.app_label = 'articles' AND c.model = 'article' AND v.object_id = ANY(%s)",
            ([str(i) for i in ids],),
        )
        saved = {}
        for object_id, data in rows:
            saved.setdefault(int(object_id), []).append(data)
        lost = [(a, m) for a, m in self.acknowledged if not any(f"thử tải {m}." in d for d in saved.get(a, []))]
        versions = sql("SELECT id, version FROM articles_article WHERE id = ANY(%s)", (ids,))
        return {
            "acknowledged": len(self.acknowledged),
            "found": len(self.acknowledged) - len(lost),
            "lost": len(lost),
            "lost_markers": lost[:10],
            "version_increments": sum(version - self.versions_before[pk] for pk, version in versions),
        }


def percentiles(values):
    if not values:
        return {}
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {
        "p50_ms": round(pick(0.50) * 1000, 1),
        "p95_ms": round(pick(0.95) * 1000, 1),
        "p99_ms": round(pick(0.99) * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def summary(records, seconds):
    by_kind = {}
    for kind in sorted({r[2] for r in records}):
        rows = [r for r in records if r[2] == kind]
        by_kind[kind] = {
            "requests": len(rows),
            "status": dict(Counter(r[3] for r in rows)),
            **percentiles([r[1] - r[0] for r in rows if r[3] and r[3] < 500]),
        }
    return {
        "requests": len(records),
        "per_second": round(len(records) / seconds, 1),
        "status": dict(Counter(r[3] for r in records)),
        **percentiles([r[1] - r[0] for r in records if r[3] and r[3] < 500]),
        "by_kind": by_kind,
    }


def machine():
    load = os.getloadavg()
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "cpus": os.cpu_count(),
        "loadavg_1_5_15": [round(x, 2) for x in load],
        "python": sys.version.split()[0],
        "postgresql": pg_version(),
    }
