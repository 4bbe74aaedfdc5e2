"""The pages the speed benchmark loads, and what each costs in-process: queries, bytes, time, a profile.

    DJANGO_SETTINGS_MODULE=bench.settings python bench/pages.py --list            # the pages, as JSON
    DJANGO_SETTINGS_MODULE=bench.settings python bench/pages.py --profile DIR     # + queries, bytes, profiles
    DJANGO_SETTINGS_MODULE=bench.settings python bench/pages.py --sitemaps        # every sitemap page, made anew

Run by bench/speed.py with the served environment (the same database and settings, the page cache off).
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path
from statistics import median
from urllib.parse import urlsplit
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article  # noqa: E402
from newsroom import pagecache  # noqa: E402
from organizations.models import Organization  # noqa: E402

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def pages():
    """(name, path) of every page measured, chosen from the data: the busiest year, a leaf with articles..."""
    published = Article.objects.published()
    count = published.count()
    root = Organization.objects.get(depth=1)
    leaf = (
        Organization.objects.filter(numchild=0)
        .annotate(n=Count("articles"))
        .filter(n__gt=0)
        .order_by("-depth", "-n")
        .first()
    )
    year = (
        published.exclude(period_start=None).values("period_start__year").annotate(n=Count("pk")).order_by("-n")
    ).first()["period_start__year"]
    article = published.exclude(cover=None).filter(gallery__isnull=False).order_by("-published_at").first()
    article = article or published.first()
    meeting = published.exclude(meeting=None).order_by("-published_at").values_list("meeting_id", flat=True).first()
    deep_page = min(5000, max(1, (count + 19) // 20))
    return [
        ("ceiling", "/bench/ceiling/"),
        ("reference: plain Django list of 20", "/bench/reference/"),
        ("home", "/"),
        ("list", "/tin-tuc/"),
        ("list ?page=200", "/tin-tuc/?page=200" if count > 4000 else "/tin-tuc/?page=2"),
        (f"list ?page={deep_page}", f"/tin-tuc/?page={deep_page}"),
        ("root unit", root.get_absolute_url()),
        ("leaf unit", leaf.get_absolute_url()),
        (f"period {year}", f"/ky/{year}/"),
        ("article", article.get_absolute_url()),
        ("meeting", f"/hoi-nghi/{meeting}/"),
        ('search "hoi nghi so ket"', "/tim-kiem/?q=hoi+nghi+so+ket"),
        ('search "dang bo"', "/tim-kiem/?q=dang+bo"),
        ("rss", "/rss/"),
        ("sitemap.xml", "/sitemap.xml"),
        ("sitemap, articles page 1", "/sitemap-articles.xml"),
    ]


def measure(name, path, profile_dir):
    """One request made from a new content generation (no page part kept: what a first reader after a publish
    waits), then the median of ten made again (its parts kept, the page cache off)."""
    client = Client()
    client.get(path)  # warm: renditions, the process's imports
    pagecache.bump()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path)
        seconds = time.perf_counter() - started
    captured = list(queries.captured_queries)  # the next request's start empties the log
    sql_ms = sum(float(q["time"]) for q in captured) * 1000
    body = b"".join(response) if response.streaming else response.content
    again = []
    for _ in range(10):
        started = time.perf_counter()
        client.get(path)
        again.append(time.perf_counter() - started)
    row = {"name": name, "path": path, "status": response.status_code, "queries": len(captured), "bytes": len(body)}
    row |= {"ms": round(seconds * 1000, 1), "sql_ms": round(sql_ms, 1), "again_ms": round(median(again) * 1000, 1)}
    if profile_dir:
        pagecache.bump()
        profiler = cProfile.Profile()
        profiler.enable()
        client.get(path)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
        out.write(f"{name}: GET {path} — {row['ms']} ms, {row['queries']} queries ({row['sql_ms']} ms SQL)\n")
        stats.print_stats(35)
        slug = "".join(c if c.isalnum() else "-" for c in name).strip("-")
        (Path(profile_dir) / f"{slug}.txt").write_text(out.getvalue())
        sql = "\n\n".join(f"{q['time']} s  {q['sql']}" for q in captured)
        (Path(profile_dir) / f"{slug}.sql").write_text(sql)
    return row


def sitemap_pages(samples=5):
    """Every page the sitemap index lists, each made `samples` times from a new content generation (nothing of it
    kept: what a crawler waits for after a publish), with its queries and bytes; the app as a gunicorn worker has it
    (newsroom.wsgi: warmed up, and what it loaded out of the garbage collector's way)."""
    import newsroom.wsgi  # noqa: F401

    client = Client()
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    rows = []
    for loc in index.iter(f"{SITEMAP}loc"):
        address = urlsplit(loc.text)
        path = address.path + (f"?{address.query}" if address.query else "")
        times = []
        for _ in range(samples):
            pagecache.bump()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                times.append(round((time.perf_counter() - started) * 1000, 1))
        ok = response.status_code == 200
        addresses = len(ElementTree.fromstring(response.content).findall(f"{SITEMAP}url")) if ok else 0
        rows.append(
            {"path": path, "status": response.status_code, "addresses": addresses, "bytes": len(response.content)}
            | {"queries": len(queries.captured_queries), "ms": times}
        )
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--profile", metavar="DIR", help="write each page's profile and SQL there")
    parser.add_argument("--only", help="the pages whose names start so (comma-separated), and the ceiling")
    parser.add_argument("--sitemaps", action="store_true", help="every page of the sitemap index, made anew")
    options = parser.parse_args()
    if options.sitemaps:
        print(json.dumps(sitemap_pages()))
        return
    chosen = pages()
    if options.only:
        wanted = ("ceiling", *options.only.split(","))
        chosen = [(name, path) for name, path in chosen if name.startswith(wanted)]
    if options.list:
        print(json.dumps(chosen))
        return
    if options.profile:
        Path(options.profile).mkdir(parents=True, exist_ok=True)
    print(json.dumps([measure(name, path, options.profile) for name, path in chosen]))


if __name__ == "__main__":
    main()
