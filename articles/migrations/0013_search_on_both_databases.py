from django.db import migrations

from articles.search import FTS_TABLE, INDEX_NAME, SQLITE_TRIGGERS, VECTOR_SQL, _fts_row

FUNCTION = "articles_article_search_vector"
# 0007's vector, to go back to: the raw text through the `vn_unaccent` configuration
EARLIER_VECTOR_SQL = " || ".join(
    f"setweight(to_tsvector('vn_unaccent', coalesce({{row}}.{column}, '')), '{weight}')"
    for column, weight in [("title", "A"), ("lead", "B"), ("body_text", "C")]
)


def _set_vector(schema_editor, vector_sql):
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$ "
        f"BEGIN NEW.search_vector := {vector_sql.format(row='NEW')}; RETURN NEW; END $$ LANGUAGE plpgsql"
    )
    schema_editor.execute(f"UPDATE articles_article SET search_vector = {vector_sql.format(row='articles_article')}")


def index_alike(apps, schema_editor):
    """Both databases index the same words: PostgreSQL's vector drops punctuation as FTS5 does; SQLite gets FTS5.

    SQLite's index is contentless (it stores no text, only the words of the folded `search_key`); its triggers
    keep it in step with every write of the article table, whatever makes it."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _set_vector(schema_editor, VECTOR_SQL)
        # Articles are written a few at a time: each write goes straight into the GIN index rather than into a
        # pending list that every search would scan (and that makes the planner shun the index) until a vacuum.
        schema_editor.execute(f"ALTER INDEX {INDEX_NAME} SET (fastupdate = off)")
        schema_editor.execute("SELECT gin_clean_pending_list(%s)", [INDEX_NAME])
    elif vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, lead, body, content='', "
            "tokenize='unicode61 remove_diacritics 0')"
        )
        for name, body in SQLITE_TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER {FTS_TABLE}_{name} {body}")
        schema_editor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, lead, body) "
            f"SELECT {_fts_row('articles_article')} FROM articles_article"
        )


def index_as_before(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX_NAME} RESET (fastupdate)")
        _set_vector(schema_editor, EARLIER_VECTOR_SQL)
    elif vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{name}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_public_indexes"),
    ]

    operations = [
        migrations.RunPython(index_alike, index_as_before),
    ]
