"""PostgreSQL full-text search: the vector, its GIN index and the query share one definition.

The text search configuration `vn_unaccent` (migration 0002) is `simple` followed by `unaccent`, so
"hoi nghi so ket", "Hội nghị sơ kết" and "Tỉnh uỷ" / "Tỉnh ủy" meet on the same lexemes, "đ" included.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

CONFIG = "vn_unaccent"
INDEX_NAME = "article_search_idx"


def search_vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("lead", weight="B", config=CONFIG)
        + SearchVector("body_text", weight="C", config=CONFIG)
    )


def search_index():
    return GinIndex(search_vector(), name=INDEX_NAME)


def search_postgresql(queryset, query):
    tsquery = SearchQuery(query, config=CONFIG, search_type="websearch")
    return (
        queryset.alias(document=search_vector())
        .filter(document=tsquery)
        .annotate(rank=SearchRank(search_vector(), tsquery))
        .order_by("-rank", "-published_at")
    )
