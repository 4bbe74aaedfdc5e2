"""Full-text search that ranks the same way on PostgreSQL and on SQLite.

Both databases index the same words: the text folded (no case, no diacritics, "đ" as "d") and cut at
everything that is not a letter or a digit, in three weighted fields: title (A), lead (B), body (C).
- PostgreSQL: a stored tsvector kept by a trigger (migrations 0007 and 0010), under a GIN index.
- SQLite: an FTS5 table over the folded `search_key`, kept by triggers (migration 0010).

An article matches when it holds every word of the query. Only the newest CANDIDATES matches (after the
other filters) are taken and ranked, so a search costs about the same however common its words. They are
scored by where the words are: the whole query as a phrase, or at least every word, in the title (x3),
the lead (x2) or the body (x1); plus a point for each pair of neighbouring query words found side by side.
Ties go newest first. Each part of the score is a full-text match that both engines answer exactly, so the
order is the same on both (tests/articles/test_search_engines.py).
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection, connections
from django.db.models import Case, Q, Value, When
from django.db.models.expressions import RawSQL

from newsroom.text import search_words

CANDIDATES = 200
MAX_WORDS = 8
FIELDS = [("title", "A", 3), ("lead", "B", 2), ("body", "C", 1)]  # name, PostgreSQL weight, score weight
PHRASE, ALL_WORDS = 3, 1  # what finding the phrase, or every word, in a field is worth (times its weight)

INDEX_NAME = "article_search_idx"
FTS_TABLE = "articles_article_fts"


def _plain(column):
    """SQL for a column's text as the index sees it: lower case, no diacritics, words and digits only."""
    return f"regexp_replace(lower(unaccent(coalesce({column}, ''))), '[^[:alnum:]]+', ' ', 'g')"


VECTOR_SQL = " || ".join(
    f"setweight(to_tsvector('simple', {_plain('{row}.' + column)}), '{weight}')"
    for column, weight in [("title", "A"), ("lead", "B"), ("body_text", "C")]
)


def _folded_part(row, number):
    """SQLite: part `number` (0 title, 1 lead, 2 body) of `row`'s search_key (the folded texts joined by newlines)."""
    key = f"{row}.search_key"
    rest = f"substr({key}, instr({key}, char(10)) + 1)"
    return [
        f"substr({key}, 1, instr({key}, char(10)) - 1)",
        f"substr({rest}, 1, instr({rest}, char(10)) - 1)",
        f"substr({rest}, instr({rest}, char(10)) + 1)",
    ][number]


def _fts_row(row):
    return f"{row}.id, {_folded_part(row, 0)}, {_folded_part(row, 1)}, {_folded_part(row, 2)}"


SQLITE_TRIGGERS = {
    "ai": f"AFTER INSERT ON articles_article BEGIN "
    f"INSERT INTO {FTS_TABLE} (rowid, title, lead, body) VALUES ({_fts_row('new')}); END",
    "ad": f"AFTER DELETE ON articles_article BEGIN "
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, lead, body) VALUES ('delete', {_fts_row('old')}); END",
    "au": f"AFTER UPDATE OF search_key ON articles_article BEGIN "
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, lead, body) VALUES ('delete', {_fts_row('old')}); "
    f"INSERT INTO {FTS_TABLE} (rowid, title, lead, body) VALUES ({_fts_row('new')}); END",
}


def restore_sqlite_triggers(sender, using="default", **kwargs):
    """post_migrate, SQLite: put back the triggers that keep the FTS5 table in step. A migration that makes
    SQLite rebuild the article table (most field changes do) drops the table's triggers with it."""
    connection = connections[using]
    if connection.vendor != "sqlite" or FTS_TABLE not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        for name, body in SQLITE_TRIGGERS.items():
            cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_{name} {body}")


class Match:
    """Full-text conditions on one database: every word, a phrase, each optionally inside one field."""

    def __init__(self, vendor):
        self.postgresql = vendor == "postgresql"

    def all_words(self, terms, field=None):
        if self.postgresql:
            return self._tsquery(" & ".join(self._lexeme(t, field) for t in terms))
        return self._fts(" AND ".join(f'"{t}"' for t in terms), field)

    def phrase(self, terms, field=None):
        if self.postgresql:
            if field:
                return self._tsquery(self._sequence(terms, field))
            # side by side in one field, never across the end of the title and the start of the lead
            return self._tsquery(" | ".join(f"({self._sequence(terms, name)})" for name, _, _ in FIELDS))
        return self._fts('"' + " ".join(terms) + '"', field)

    @staticmethod
    def _lexeme(term, field):
        weight = next((w for name, w, _ in FIELDS if name == field), "")
        return f"'{term}'" + (f":{weight}" if weight else "")

    def _sequence(self, terms, field):
        return " <-> ".join(self._lexeme(t, field) for t in terms)

    @staticmethod
    def _tsquery(text):
        return Q(search_vector=SearchQuery(text, config="simple", search_type="raw"))

    @staticmethod
    def _fts(expression, field):
        expression = f"{field} : ({expression})" if field else expression
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression]))


def score(match, terms):
    """Points for where the words are (see the module's docstring), summed in the database."""
    points = []
    for field, _, weight in FIELDS:
        points.append(
            Case(
                When(match.phrase(terms, field), then=Value(PHRASE * weight)),
                When(match.all_words(terms, field), then=Value(ALL_WORDS * weight)),
                default=Value(0),
            )
        )
    if len(terms) > 2:
        pairs = dict.fromkeys(zip(terms, terms[1:], strict=False))
        points += [Case(When(match.phrase(list(pair)), then=Value(1)), default=Value(0)) for pair in pairs]
    return sum(points[1:], points[0])


def search(queryset, query):
    """The newest CANDIDATES articles of `queryset` holding every word of `query`, best first."""
    terms = search_words(query)[:MAX_WORDS]
    if not terms:  # only punctuation: nothing to look for
        return queryset.none()
    match = Match(connection.vendor)
    newest = queryset.filter(match.all_words(list(dict.fromkeys(terms)))).order_by("-published_at", "-pk")
    return (
        queryset.filter(pk__in=newest.values("pk")[:CANDIDATES])
        .alias(relevance=score(match, terms))
        .order_by("-relevance", "-published_at", "-pk")
    )
