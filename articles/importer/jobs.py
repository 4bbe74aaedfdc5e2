"""Reading a batch of files in several processes (`import_articles --jobs N --dry-run`, or on SQLite): extraction
touches no database, so it runs beside the one process that writes."""

import multiprocessing

from .extraction import read_extraction

CHUNK = 8  # files a process reads per round trip


_READ = read_extraction  # what the processes read with (inherited when they fork: a bound method does not pickle)


def _read(path):
    try:
        return _READ(path)
    except Exception as error:  # handed back to the writer, which reports it for that file
        return error


def read_all(paths, *, jobs=1, read=read_extraction):
    """(path, its Extraction or the exception that reading it raised) for every path, in order."""
    global _READ
    _READ = read
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield path, _read(path)
        return
    # the processes inherit the writer's database connection but never use it, and end without closing it
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from zip(paths, pool.imap(_read, paths, chunksize=CHUNK), strict=True)
