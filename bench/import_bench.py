"""Import benchmark: `manage.py import_articles --jobs N` bringing --articles legacy files (10,000 by default) into a
PostgreSQL database of its own, with the demo province's tree; prints (and --json writes) the time and articles/s.

The files are made at run time from the real pages in ../shared/import-real/ (or, without them, from the labelled
corpus in tests/importer/corpus/): each copy gets a line of its own, so every file is a new article, while units,
people and meetings repeat as they do in a real archive. Nothing of ../shared/ is written into the repository.

    .venv/bin/python bench/import_bench.py --articles 10000 --jobs 2     (make bench-import)
"""

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import PG, PYTHON, ROOT, ensure_services, log, machine, sql  # noqa: E402

DB = "nr_bench_import"
SOURCES = [ROOT.parent / "shared" / "import-real" / "articles", ROOT / "tests" / "importer" / "corpus"]
SUFFIXES = (".txt", ".html", ".htm")


def sources():
    found = []
    for folder in SOURCES:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
    if not found:
        sys.exit(f"no article files in {' or '.join(map(str, SOURCES))}")
    return found


def make_inputs(count, folder):
    """`count` files, round-robin over the sources, each one a distinct article (a line, or an address, of its own)."""
    originals = [(path.suffix.lower(), path.read_bytes().decode("utf-8", "replace")) for path in sources()]
    for number in range(count):
        suffix, text = originals[number % len(originals)]
        mark = f"Tư liệu số {number + 1:05d} của kho lưu trữ."
        text = re.sub(r"(https?://[^\s\"'<>]+)", rf"\1?luu={number}", text)  # an address is an article's key
        if suffix == ".txt":
            lines = text.rstrip("\n").split("\n")
            lines.insert(max(len(lines) - 1, 1), mark + "\n")  # before the byline, which stays the last line
            text = "\n".join(lines) + "\n"
        else:
            text = re.sub(r"(<body[^>]*>)", rf"\1<p>{mark}</p>", text, count=1, flags=re.IGNORECASE)
        (folder / f"{number + 1:05d}{suffix}").write_text(text, encoding="utf-8")
    return len(originals)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def manage(env, *args, timeout=1800):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=timeout
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2, help="processes for import_articles --jobs (default 2)")
    parser.add_argument("--db", default=DB, help=f"the bench's own database, recreated (default {DB})")
    parser.add_argument("--json", metavar="FILE")
    options = parser.parse_args()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE", "REDIS"))},
        "DATABASE_URL": f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{options.db}",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
    }
    folder = Path(tempfile.mkdtemp(prefix="newsroom-import-bench-"))
    try:
        ensure_services()
        log(f"database {options.db}: recreate, migrate, seed the demo province")
        sql(f"DROP DATABASE IF EXISTS {options.db} WITH (FORCE)", dbname="postgres", fetch=False)
        sql(f"CREATE DATABASE {options.db}", dbname="postgres", fetch=False)
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo", "--if-empty")
        before = sql("SELECT count(*) FROM articles_article", dbname=options.db)[0][0]
        originals = make_inputs(options.articles, folder)
        log(f"{options.articles} files from {originals} originals in {folder}; importing with --jobs {options.jobs}")
        started, cpu = time.monotonic(), children_cpu()
        run = manage(env, "import_articles", str(folder), "--jobs", str(options.jobs), "--verbosity", "0")
        seconds, cpu = time.monotonic() - started, children_cpu() - cpu
        articles = sql("SELECT count(*) FROM articles_article", dbname=options.db)[0][0] - before
        queued = sql("SELECT count(*) FROM articles_importfile", dbname=options.db)[0][0]
        summary = next((line for line in run.stdout.splitlines() if line.startswith("Tổng cộng")), "")
        result = {
            "machine": machine(),
            "files": options.articles,
            "jobs": options.jobs,
            "seconds": round(seconds, 1),
            "articles_created": articles,
            "waiting_for_a_unit": queued,
            "files_per_second": round(options.articles / seconds, 1),
            "import_cpu_seconds": round(cpu, 1),  # the command and its processes, not PostgreSQL
            "import_cpu_ms_per_file": round(1000 * cpu / options.articles, 1),
            "loadavg_after": [round(x, 2) for x in os.getloadavg()],
            "articles_per_second": round(articles / seconds, 1),
            "summary": summary,
        }
        log(summary)
        log(
            f"{options.articles} files in {seconds:.1f} s: {result['files_per_second']} files/s, "
            f"{articles} articles ({result['articles_per_second']}/s), {queued} waiting for a unit"
        )
        print(json.dumps(result, ensure_ascii=False, indent=1))
        if options.json:
            Path(options.json).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
