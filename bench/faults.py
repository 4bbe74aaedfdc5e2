"""Faults under load: PostgreSQL restarted, Redis stopped and started again, a task worker killed mid-task.

    .venv/bin/python bench/faults.py [--scenario postgres|redis|worker|all] [--json FILE]

postgres: `pg_ctlcluster --skip-systemctl-redirect <ver> main restart` mid-load: 503 (never 500) while it is down,
          every request good again within 5 s of it accepting connections, no acknowledged save lost.
redis:    `redis-cli shutdown nosave` mid-load, started again 5 s later as .ci/run starts it: no 5xx at all.
worker:   db_worker runs a slow task, is killed (SIGKILL); a new worker runs it again: it finishes exactly once.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    REDIS_PORT,
    REDIS_START,
    Load,
    Stack,
    log,
    machine,
    pg_ready,
    pg_version,
    redis_ready,
    sql,
    summary,
    wait_for,
)

BEFORE, AFTER = 15, 20  # seconds of load before the fault and after the service is back


def under_load(stack, fault):
    """Load for BEFORE seconds, then `fault()` (which returns the moment the service was back), then AFTER seconds."""
    load = Load(stack, readers=14, reporters=stack.articles, seconds=BEFORE + AFTER + 60, max_requests=200_000)
    threads = load.run()
    time.sleep(BEFORE)
    fault_at = time.monotonic()
    back_at = fault()
    time.sleep(AFTER)
    load.stop.set()
    for thread in threads:
        thread.join(timeout=60)
    end = time.monotonic()
    records = load.records
    bad = [r for r in records if not r[3] or r[3] >= 500]
    late = [r for r in bad if r[0] >= back_at]  # failed although sent after the service was back
    during = [r for r in records if fault_at <= r[0] < back_at]
    return {
        "load": summary(records, end - load.started),
        "down_seconds": round(back_at - fault_at, 2),
        "while_down": {"requests": len(during), "status": count(during)},
        "errors": {
            "status": count(bad),
            "first_at_s": rel(bad[0][0], fault_at) if bad else None,
            "last_at_s": rel(max(r[1] for r in bad), fault_at) if bad else None,
        },
        "recovery_seconds_after_back": round(max(0.0, max((r[1] for r in late), default=back_at) - back_at), 2),
        "writes": load.lost_writes(),
        "server_log": stack.server_log(load.log_from),
    }


def count(records):
    counts = {}
    for r in records:
        counts[r[3]] = counts.get(r[3], 0) + 1
    return counts


def rel(moment, origin):
    return round(moment - origin, 2)


def restart_postgres():
    log(f"pg_ctlcluster {pg_version()} main restart")
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), "main", "restart"], check=True, timeout=120
    )
    assert wait_for(pg_ready, 60), "PostgreSQL did not come back"
    log("PostgreSQL accepts connections again")
    return time.monotonic()


def bounce_redis():
    log("redis-cli shutdown nosave")
    subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave"], capture_output=True, timeout=30)
    wait_for(lambda: not redis_ready(), 10)
    time.sleep(5)
    log(" ".join(REDIS_START))
    subprocess.run(REDIS_START, check=True, capture_output=True, timeout=30)
    assert wait_for(redis_ready, 30), "Redis did not come back"
    return time.monotonic()


def worker_scenario(stack):
    notes = stack.dir / "slow-task.txt"
    first = stack.start_worker()
    enqueue = f"import json; from bench.tasks import slow; print(json.dumps(slow.enqueue({str(notes)!r}, 8).id))"
    task_id = stack.shell(enqueue)

    def status():
        query = "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult WHERE id = %s"
        return sql(query, (task_id,))[0]

    assert wait_for(lambda: status()[0] == "RUNNING", 60), "the first worker did not take the task"
    time.sleep(2)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    killed_at = time.monotonic()
    log(f"worker {first.pid} killed (SIGKILL) while running task {task_id}")
    second = stack.start_worker()
    recovered = wait_for(lambda: status()[0] != "RUNNING" or len(status()[1]) > 1, 60)
    recovered_at = time.monotonic()
    finished = wait_for(lambda: status()[0] in ("SUCCESSFUL", "FAILED"), 60)
    finished_at = time.monotonic()
    final, workers = status()
    lines = notes.read_text().splitlines() if notes.exists() else []
    os.killpg(second.pid, signal.SIGTERM)
    second.wait(timeout=20)
    return {
        "task": task_id,
        "final_status": final,
        "workers_that_claimed_it": len(workers),
        "starts": lines.count("started"),
        "finishes": lines.count("finished"),
        "picked_up_again_after_kill_s": round(recovered_at - killed_at, 2) if recovered else None,
        "finished_after_kill_s": round(finished_at - killed_at, 2) if finished else None,
        "ok": final == "SUCCESSFUL" and lines.count("finished") == 1,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", choices=["postgres", "redis", "worker", "all"], default="all")
    parser.add_argument("--json", metavar="FILE")
    options = parser.parse_args()
    scenarios = ["postgres", "redis", "worker"] if options.scenario == "all" else [options.scenario]
    results = {"command": " ".join(sys.argv), "machine": machine()}
    stack = Stack()
    try:
        stack.prepare(editors=2)
        stack.start_gunicorn()
        if "postgres" in scenarios:
            worker = stack.start_worker()
            result = results["postgres"] = under_load(stack, restart_postgres)
            result["worker_still_running"] = worker.poll() is None
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)
            result["ok"] = (
                result["writes"]["lost"] == 0
                and 500 not in result["errors"]["status"]
                and result["recovery_seconds_after_back"] <= 5
                and result["worker_still_running"]
            )
        if "redis" in scenarios:
            result = results["redis"] = under_load(stack, bounce_redis)
            result["ok"] = not result["errors"]["status"] and result["writes"]["lost"] == 0
        if "worker" in scenarios:
            results["worker"] = worker_scenario(stack)
    finally:
        stack.stop()
        if not pg_ready():
            subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), "main", "start"])
        if not redis_ready():
            subprocess.run(REDIS_START, capture_output=True)
        stack.cleanup()
    print(json.dumps(results, indent=1, ensure_ascii=False))
    if options.json:
        Path(options.json).write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    return 0 if all(results[s]["ok"] for s in scenarios) else 1


if __name__ == "__main__":
    sys.exit(main())
