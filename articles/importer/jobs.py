"""Reading a batch of files in several processes (`import_articles --jobs N`): extraction touches no database, so it
runs beside the one process that writes."""

import multiprocessing

from django.db import connections

from .extraction import read_extraction

CHUNK = 8  # files a process reads per round trip


def _read(path):
    try:
        return read_extraction(path)
    except Exception as error:  # handed back to the writer, which reports it for that file
        return error


def read_all(paths, *, jobs=1, read=None):
    """(path, its Extraction or the exception that reading it raised) for every path, in order."""
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            try:
                yield path, (read or read_extraction)(path)
            except Exception as error:
                yield path, error
        return
    connections.close_all()  # why: forked processes must not share the writer's database connection
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from zip(paths, pool.imap(_read, paths, chunksize=CHUNK), strict=True)
