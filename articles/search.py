"""PostgreSQL full-text search over a stored, weighted vector: title (A), lead (B), body (C).

The text search configuration `vn_unaccent` (migration 0002) is `simple` followed by `unaccent`, so
"hoi nghi so ket", "Hội nghị sơ kết" and "Tỉnh uỷ" / "Tỉnh ủy" meet on the same lexemes, "đ" included.
A trigger keeps `Article.search_vector` up to date whatever writes the row (migration 0007), so ranking reads
the stored vector instead of parsing every matching article's text again.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F

CONFIG = "vn_unaccent"
INDEX_NAME = "article_search_idx"
VECTOR_SQL = (
    f"setweight(to_tsvector('{CONFIG}', coalesce({{row}}.title, '')), 'A') || "
    f"setweight(to_tsvector('{CONFIG}', coalesce({{row}}.lead, '')), 'B') || "
    f"setweight(to_tsvector('{CONFIG}', coalesce({{row}}.body_text, '')), 'C')"
)


def search_postgresql(queryset, query):
    tsquery = SearchQuery(query, config=CONFIG, search_type="websearch")
    return (
        queryset.filter(search_vector=tsquery)
        .annotate(rank=SearchRank(F("search_vector"), tsquery))
        .order_by("-rank", "-published_at")
    )
