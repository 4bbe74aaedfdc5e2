from importlib import import_module

import django.contrib.postgres.search
from django.db import migrations

from articles.search import INDEX_NAME, VECTOR_SQL

FUNCTION = "articles_article_search_vector"


def store_search_vector(apps, schema_editor):
    """PostgreSQL: a trigger fills search_vector on every write of the texts; a GIN index on it replaces 0002's."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$ "
        f"BEGIN NEW.search_vector := {VECTOR_SQL.format(row='NEW')}; RETURN NEW; END $$ LANGUAGE plpgsql"
    )
    schema_editor.execute(
        f"CREATE TRIGGER {FUNCTION} BEFORE INSERT OR UPDATE OF title, lead, body_text ON articles_article "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
    )
    schema_editor.execute(f"UPDATE articles_article SET search_vector = {VECTOR_SQL.format(row='articles_article')}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")
    schema_editor.execute(f"CREATE INDEX {INDEX_NAME} ON articles_article USING gin (search_vector)")


def drop_search_vector_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {FUNCTION} ON articles_article")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    earlier = import_module("articles.migrations.0002_search_fields")
    schema_editor.add_index(apps.get_model("articles", "Article"), earlier.search_index())


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_trashedarticle"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(store_search_vector, drop_search_vector_trigger),
    ]
