"""The demo data's top five search results, seeded into a database of its own: run in a second process.

`python -m tests.articles.search_twin FOLDER` seeds a fresh SQLite database in FOLDER and prints the
slugs as JSON; tests/articles/test_search_engines.py compares them with PostgreSQL's.
"""

import io
import json
import os
import sys

QUERIES = ["hoi nghi so ket", "dang bo", "so ket 6 thang 2021"]


def top_five(query):
    from articles.models import Article

    return list(Article.objects.published().search(query).values_list("slug", flat=True)[:5])


def main(folder):
    os.environ |= {
        "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
        "MEDIA_ROOT": f"{folder}/media",
        "REDIS_URL": "",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    print(json.dumps({query: top_five(query) for query in QUERIES}))


if __name__ == "__main__":
    main(sys.argv[1])
