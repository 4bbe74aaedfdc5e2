"""Page speed: gunicorn (2 sync workers, DEBUG off, no access log) on PostgreSQL and Redis, wrk on each page,
uncached and cached, as ratios to a ceiling view measured in the same run; writes bench/RESULTS.md.

    .venv/bin/python bench/speed.py --quick                     # the demo data, a short run (under 3 minutes)
    .venv/bin/python bench/speed.py --articles 10000 --label after-10k
    .venv/bin/python bench/speed.py --articles 100000 --label after-100k

The database (--database, default newsroom_speed) is reseeded when it does not hold the asked-for number of
articles. Each run writes bench/results/speed-<label>.json, the profiles of its pages under
bench/profiles/<label>/ and its table into bench/RESULTS.md (between markers named by the label).

The ceiling is measured on a second uncached server before every page and after the last (`Yardstick`,
--yardstick-seconds): every ratio is to the mean of those measurements, and each page's also to the two around it.
"""

import argparse
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import PYTHON, REDIS_PORT, ROOT, ensure_services, free_port, get, log, machine, sql, wait_for  # noqa: E402

WRK_THREADS, WRK_CONNECTIONS = 2, 8
CEILING = "/bench/ceiling/"
# The server's settings in each mode. bare: nothing kept at all; uncached: no page cache, the parts of pages kept
# for the content generation (cards, blocks, the filter form, the sitemap); cached: Django's page cache too;
# nginx: the compose file's nginx in front of the cached server.
MODES = {
    "bare": {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"},
    "uncached": {"PAGE_CACHE_SECONDS": "0"},
    "cached": {},
    "nginx": {},
}
NGINX = Path("/usr/sbin/nginx")
NGINX_MAIN = """daemon off;
user {user};
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {d}/temp/body;
    proxy_temp_path {d}/temp/proxy;
    fastcgi_temp_path {d}/temp/fastcgi;
    uwsgi_temp_path {d}/temp/uwsgi;
    scgi_temp_path {d}/temp/scgi;
    include conf.d/*.conf;
}}
"""


class Nginx:
    """The compose file's nginx (deploy/nginx/templates/, rendered as the image renders them) before gunicorn."""

    def __init__(self, web_port, static_root, media_root):
        self.dir = Path(tempfile.mkdtemp(prefix="newsroom-speed-nginx-"))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        values = {
            "NEWSROOM_LISTEN": f"127.0.0.1:{self.port}",
            "NEWSROOM_WEB": f"127.0.0.1:{web_port}",
            "NEWSROOM_RESOLVER": "127.0.0.1",
            "NEWSROOM_STATIC_ROOT": static_root,
            "NEWSROOM_ERRORS_ROOT": ROOT / "deploy" / "nginx" / "errors",
            "NEWSROOM_MEDIA": "filesystem",
            "NEWSROOM_MEDIA_ROOT": media_root,
            "NEWSROOM_S3_ORIGIN": "http://127.0.0.1:9",
            "NEWSROOM_S3_BUCKET": "newsroom-media",
        }
        (self.dir / "conf.d").mkdir()
        (self.dir / "temp").mkdir()
        for template in sorted((ROOT / "deploy" / "nginx" / "templates").glob("*.template")):
            text = re.sub(r"\$\{(NEWSROOM_\w+)\}", lambda m: str(values[m[1]]), template.read_text())
            (self.dir / "conf.d" / template.name.removesuffix(".template")).write_text(text)
        (self.dir / "nginx.conf").write_text(NGINX_MAIN.format(d=self.dir, user=pwd.getpwuid(os.geteuid()).pw_name))
        command = [
            str(NGINX),
            "-p",
            str(self.dir),
            "-c",
            str(self.dir / "nginx.conf"),
            "-e",
            str(self.dir / "error.log"),
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_for(lambda: get(self.base + "/healthz")[0] == 200, 20):
            self.stop()
            raise RuntimeError("nginx did not start")
        log(f"nginx on {self.base} (pid {self.process.pid})")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        shutil.rmtree(self.dir, ignore_errors=True)


class Server:
    def __init__(self, options):
        self.database = options.database
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        data = Path("/tmp") / f"newsroom-speed-{self.database}"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE", "REDIS", "GUNICORN"))},
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.database}",
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/13",
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-" + "k" * 50,
            "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "STATIC_ROOT": str(data / "static"),
            "MEDIA_ROOT": str(data / "media"),
            "LOG_LEVEL": "WARNING",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_THREADS": "1",  # sync workers
            "GUNICORN_ACCESSLOG": "",
            "PYTHONUNBUFFERED": "1",
        }
        self.process = None

    def run(self, *args, timeout=1800, **env):
        return subprocess.run(
            [PYTHON, *args],
            cwd=ROOT,
            env={**self.env, **env},
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        ).stdout

    def flush_cache(self):
        subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "-n", "13", "flushdb"], capture_output=True, check=True)

    def prepare(self, *, articles):
        ensure_services()
        have = None
        try:
            have = sql("SELECT COUNT(*) FROM articles_article", dbname=self.database)[0][0]
        except Exception:  # noqa: BLE001 - no database or no table yet: seed it
            pass
        wanted = articles or 180  # --quick: the demo province as seed_demo makes it
        if have is None or (articles and have != articles):
            log(f"database {self.database}: recreate, migrate, seed {wanted:,} articles")
            sql(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)", dbname="postgres", fetch=False)
            sql(f"CREATE DATABASE {self.database}", dbname="postgres", fetch=False)
            self.run("manage.py", "migrate", "--noinput")
            if articles:
                process = subprocess.Popen(
                    [PYTHON, "bench/seed.py", "--articles", str(articles)], cwd=ROOT, env=self.env
                )
                assert process.wait() == 0, "the seeder failed"
            else:
                self.run("manage.py", "seed_demo")
        else:
            log(f"database {self.database}: {have:,} articles already")
            self.run("manage.py", "migrate", "--noinput")
        self.run("manage.py", "collectstatic", "--noinput")
        self.flush_cache()

    def start(self, **env):
        self.stop()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(Path("/tmp") / f"newsroom-speed-{self.database}-gunicorn.log", "a")
        args = [PYTHON, "-m", "gunicorn", "newsroom.wsgi:application", "--config", "gunicorn.conf.py"]
        self.process = subprocess.Popen(
            [*args, f"--bind=127.0.0.1:{self.port}"],
            cwd=ROOT,
            env={**self.env, **env},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        assert wait_for(lambda: get(self.base + "/healthz")[0] == 200, 60), "gunicorn did not start"
        log(f"gunicorn on {self.base} (pid {self.process.pid}) {env or ''}")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self.process = None


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit], 1)


def wrk(url, *, seconds, warmup):
    """req/s, p50 and p99 in ms, errors (non-2xx/3xx answers, socket errors and timeouts) of `url`."""
    if warmup:
        subprocess.run(["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{warmup}s", url], capture_output=True)
    out = subprocess.run(
        ["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors += sum(int(n) for n in socket.groups()) if socket else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": milliseconds(latency["50"]) if "50" in latency else None,
        "p99_ms": milliseconds(latency["99"]) if "99" in latency else None,
        "errors": errors,
    }


class Yardstick:
    """The uncached ceiling measured beside every page, on a second uncached server kept running through the run.
    This machine's speed wanders by 10-20 % within a minute: one measurement of the ceiling at a mode's start is a
    poor measure of the run's. Each page's row carries the mean of the ceiling measured just before and just after
    it (`ceiling_rps`), and the run's ceiling is the mean of every measurement."""

    def __init__(self, options):
        self.server, self.seconds, self.samples = Server(options), options.yardstick_seconds, []

    def start(self):
        if self.seconds:
            self.server.start(**MODES["uncached"])

    def measure(self):
        rps = wrk(self.server.base + CEILING, seconds=self.seconds, warmup=1)["rps"]
        self.samples.append(rps)
        return rps

    def stop(self):
        self.server.stop()


def load_pages(server, pages, *, seconds, warmup, label, yardstick):
    rows = {}
    before = yardstick.measure() if yardstick.seconds else None
    for name, path in pages:
        rows[name] = wrk(server.base + path, seconds=seconds, warmup=warmup)
        row = rows[name]
        paired = ""
        if yardstick.seconds:
            after = yardstick.measure()
            row["ceiling_rps"], before = round((before + after) / 2, 1), after
            paired = f"  ratio to its minute's ceiling {row['rps'] / row['ceiling_rps']:.3f}"
        log(f"  {label:9} {name:34} {row['rps']:8.1f} req/s  p50 {row['p50_ms']} ms  p99 {row['p99_ms']} ms{paired}")
    return rows


def run_ceiling(result):
    """The ceiling every ratio is to: the mean of the yardstick's measurements, or (without one) the uncached
    ceiling served by gunicorn alone in the run (the issue's yardstick)."""
    if samples := result.get("yardstick", {}).get("rps"):
        return sum(samples) / len(samples)
    return result.get("uncached", result[result["modes"][0]])["ceiling"]["rps"]


def table(result):
    base = run_ceiling(result)
    paired = bool(result.get("yardstick", {}).get("rps"))
    columns = "req/s | p50 ms | p99 ms | errors | ratio" + (" | ratio to its minute's" if paired else "")
    lines = [
        "| page | queries | KiB | in-process ms: new / again | "
        + " | ".join(f"{mode} {columns}" for mode in result["modes"])
        + " |"
    ]
    lines.append("|---|---:|---:|---:|" + "---:|" * (columns.count("|") + 1) * len(result["modes"]))
    for page in result["pages"]:
        name = page["name"]
        made = f"{page['ms']} / {page['again_ms']}" if "again_ms" in page else str(page["ms"])
        cells = [f"{name} (`{page['path']}`)", str(page["queries"]), f"{page['bytes'] / 1024:.1f}", made]
        for mode in result["modes"]:
            row = result[mode].get(name)
            if row is None:
                cells += ["—"] * (6 if paired else 5)
                continue
            ratio = row["rps"] / base if base else 0
            cells += [f"{row['rps']:,.1f}", str(row["p50_ms"]), str(row["p99_ms"]), str(row["errors"]), f"{ratio:.3f}"]
            if paired:
                cells.append(f"{row['rps'] / row['ceiling_rps']:.3f}" if row.get("ceiling_rps") else "—")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def sitemap_table(result):
    """Every page of the sitemap index made anew (the target: each under 200 ms), slowest first."""
    lines = [
        "| sitemap page | addresses | KiB | queries | ms, each made anew | median ms | max ms |",
        "|---|---:|---:|---:|---|---:|---:|",
    ]
    for page in sorted(result["sitemaps"], key=lambda page: -max(page["ms"])):
        samples = " ".join(f"{ms:.0f}" for ms in page["ms"])
        shown = f"`{page['path']}`" + ("" if page["status"] == 200 else f" ({page['status']})")
        cells = [shown, f"{page['addresses']:,}", f"{page['bytes'] / 1024:.1f}", str(page["queries"])]
        cells += [samples, f"{median(page['ms']):.1f}", f"{max(page['ms']):.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ratios(result):
    """What the ratios of `result`'s table are to, in words."""
    if not (samples := result.get("yardstick", {}).get("rps")):
        return "the ratio is req/s over the uncached ceiling's req/s in the same run."
    return (
        f"the ratio is req/s over the run's ceiling, {run_ceiling(result):,.1f} req/s: the mean of the uncached "
        f"ceiling measured {len(samples)} times through the run ({result['yardstick']['seconds']} s each, before "
        f"every page and after the last, on a second uncached server kept running beside the mode's; "
        f"{min(samples):,.1f}-{max(samples):,.1f} req/s); the ratio to its minute's is over the mean of the two "
        "measured just before and just after the page."
    )


def write_results(result, label):
    results = ROOT / "bench" / "RESULTS.md"
    m = result["machine"]
    section = [
        f"<!-- speed:{label} -->",
        f"### {label}: {result['articles']:,} articles",
        "",
        f"{m['date']}, {m['cpus']} cores, load average {m['loadavg_1_5_15']} at the end, Python {m['python']}, "
        f"PostgreSQL {m['postgresql']}; commit {result['commit']}. wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} "
        f"-d{result['seconds']}s after a {result['warmup']} s warm-up, each page alone. Queries, size and "
        "in-process time (Django's test client, after a warm-up, the page cache off) are of a request made from a new "
        "content generation (no page part kept), then the median of ten made again (its parts kept); "
        + ratios(result),
        "",
        table(result),
        *(
            [
                "",
                f"Every page the sitemap index lists, each made {len(result['sitemaps'][0]['ms'])} times in-process "
                "from a new content generation (nothing of it kept), with the app loaded as a gunicorn worker has it "
                "(newsroom.wsgi); a page that did not answer 200 shows its status:",
                "",
                sitemap_table(result),
            ]
            if result.get("sitemaps")
            else []
        ),
        f"<!-- /speed:{label} -->",
    ]
    text = results.read_text()
    block = "\n".join(section)
    pattern = re.compile(rf"<!-- speed:{re.escape(label)} -->.*?<!-- /speed:{re.escape(label)} -->", re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        if "## Page speed" not in text:
            text = (
                text.rstrip()
                + "\n\n## Page speed\n\n`make bench` (bench/speed.py); profiles of each page in bench/profiles/.\n"
            )
        text = text.rstrip() + "\n\n" + block + "\n"
    results.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the demo data, 1 s per page and mode")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--database", default="newsroom_speed")
    parser.add_argument("--label")
    parser.add_argument("--modes", default="bare,uncached,cached,nginx", help=", ".join(MODES) + " (see MODES)")
    parser.add_argument("--pages", help="only the pages whose names start so (comma-separated), and the ceiling")
    parser.add_argument(
        "--yardstick-seconds",
        type=int,
        default=5,
        help="the uncached ceiling measured this long before each page and after the last (0: not; the ratios are "
        "then to the uncached mode's own ceiling)",
    )
    options = parser.parse_args()
    if unknown := set(options.modes.split(",")) - set(MODES) - {""}:
        parser.error(f"unknown mode(s): {', '.join(sorted(unknown))}; known: {', '.join(MODES)}")
    if options.quick:
        options.articles, options.seconds, options.warmup, options.yardstick_seconds = 0, 1, 1, 0
        options.database = options.database if options.database != "newsroom_speed" else "newsroom_speed_quick"
    label = options.label or ("quick" if options.quick else f"{options.articles // 1000}k")
    started = time.monotonic()
    server = Server(options)
    yardstick = Yardstick(options)
    try:
        server.prepare(articles=options.articles)
        only = ["--only", options.pages] if options.pages else []
        pages = json.loads(
            server.run("bench/pages.py", "--list", *only, PAGE_CACHE_SECONDS="0").strip().splitlines()[-1]
        )
        profile_dir = ROOT / "bench" / "profiles" / label
        log(f"in-process: queries, bytes and profiles → {profile_dir.relative_to(ROOT)}")
        measured = json.loads(
            server.run("bench/pages.py", "--profile", str(profile_dir), *only, PAGE_CACHE_SECONDS="0")
            .strip()
            .splitlines()[-1]
        )
        log("in-process: every sitemap page, each made again and again from a new content generation")
        sitemaps = json.loads(
            server.run("bench/pages.py", "--sitemaps", PAGE_CACHE_SECONDS="0").strip().splitlines()[-1]
        )
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        result = {
            "label": label,
            "articles": int(sql("SELECT COUNT(*) FROM articles_article", dbname=options.database)[0][0]),
        }
        result |= {"pages": measured, "sitemaps": sitemaps}
        result |= {"seconds": options.seconds, "warmup": options.warmup, "commit": commit}
        result["modes"] = [m for m in options.modes.split(",") if m]
        yardstick.start()
        load = {"seconds": options.seconds, "warmup": options.warmup, "yardstick": yardstick}
        for mode in result["modes"]:
            server.flush_cache()
            server.start(**MODES[mode])
            if mode == "nginx":
                proxy = Nginx(server.port, server.env["STATIC_ROOT"], server.env["MEDIA_ROOT"])
                try:
                    result[mode] = load_pages(proxy, pages, label=mode, **load)
                finally:
                    proxy.stop()
            else:
                result[mode] = load_pages(server, pages, label=mode, **load)
        server.stop()
        yardstick.stop()
        result["yardstick"] = {"seconds": yardstick.seconds, "rps": yardstick.samples}
        result["machine"] = machine()
        out = ROOT / "bench" / "results" / f"speed-{label}.json"
        out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
        write_results(result, label)
        log(f"done in {time.monotonic() - started:.0f} s: bench/RESULTS.md ({label}), {out.relative_to(ROOT)}")
    finally:
        server.stop()
        yardstick.stop()


if __name__ == "__main__":
    main()
