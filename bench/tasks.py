"""A slow task for bench/faults.py (the worker scenario): notes each start and the one finish in a file."""

import time

from django_tasks import task


@task()
def slow(path: str, seconds: float):
    with open(path, "a") as notes:
        notes.write("started\n")
    time.sleep(seconds)
    with open(path, "a") as notes:
        notes.write("finished\n")
    return seconds
