"""Soak: readers of public pages and reporters saving articles through the admin, against gunicorn (DEBUG off),
PostgreSQL and Redis, for --minutes; prints (and --json writes) status counts, latency percentiles, lost writes.

    .venv/bin/python bench/soak.py --minutes 2
"""

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Load, Stack, log, machine, summary  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=16, help="threads in all (default 16)")
    parser.add_argument("--reporters", type=int, default=2, help="of which save articles (default 2)")
    parser.add_argument("--max-requests", type=int, default=500_000)
    parser.add_argument("--json", metavar="FILE")
    options = parser.parse_args()
    stack = Stack()
    try:
        stack.prepare(editors=options.reporters)
        stack.start_gunicorn()
        stack.start_worker()  # as in production: renditions and e-mails are made there
        seconds = options.minutes * 60
        load = Load(
            stack,
            readers=options.concurrency - options.reporters,
            reporters=stack.articles,
            seconds=seconds,
            max_requests=options.max_requests,
        )
        log(f"load: {options.concurrency - options.reporters} readers, {options.reporters} reporters, {seconds:.0f} s")
        threads = load.run()
        for thread in threads:
            thread.join(timeout=seconds + 60)
        elapsed = time.monotonic() - load.started
        result = {
            "command": " ".join(sys.argv),
            "machine": machine(),
            "seconds": round(elapsed, 1),
            "concurrency": options.concurrency,
            **summary(load.records, elapsed),
            "writes": load.lost_writes(),
            "server_log": stack.server_log(load.log_from),
        }
        print(json.dumps(result, indent=1, ensure_ascii=False))
        if options.json:
            Path(options.json).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
        return 0 if result["writes"]["lost"] == 0 and not any(s >= 500 for s in result["status"]) else 1
    finally:
        stack.stop()
        stack.cleanup()


if __name__ == "__main__":
    sys.exit(main())
