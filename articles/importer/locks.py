"""Imports running side by side (`import_articles --jobs N`) must not create the same unit or person twice: before
looking for one and creating it, an import holds a PostgreSQL advisory lock named for it until its transaction ends.
The other databases (SQLite in development) have one writer at a time anyway."""

import hashlib

from django.db import connection


def _number(name):
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def hold(*names):
    """Wait until no other transaction holds any of `names`, then hold them until this one ends. Always taken in
    one order (sorted), so that two imports never wait for each other in a circle."""
    if connection.vendor != "postgresql" or not names or not connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(n)) FROM (SELECT unnest(%s::bigint[]) AS n ORDER BY 1) AS names",
            [sorted({_number(name) for name in names})],
        )
