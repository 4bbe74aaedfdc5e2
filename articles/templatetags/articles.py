import json

from django import template
from django.utils.safestring import mark_safe

from newsroom.periods import Period, PeriodKind
from newsroom.templatetags.newsroom import render_each
from newsroom.text import fold, highlight
from organizations.models import Organization

from ..models import Article

register = template.Library()
MULTI_YEAR = [PeriodKind.TERM, PeriodKind.MIDTERM]
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def article_cards(articles, level=None):
    """The cards of `articles`, each written once per content generation (its title, unit, date, cover...)."""
    return render_each(
        "articles/includes/article_card.html", articles, name="article", vary=level, context={"level": level}
    )


@register.simple_tag
def search_cards(articles, query):
    """The cards of search results, each with the passage of its text where the words are: kept per query."""
    return render_each(
        "articles/includes/search_card.html", articles, name="article", vary=("q", fold(query)), context={"q": query}
    )


@register.inclusion_tag("articles/includes/featured.html")
def featured_articles(count=3):
    return {"articles": Article.objects.published().for_cards().featured(count)}


@register.inclusion_tag("articles/includes/most_read.html")
def most_read(count=5):
    return {"articles": Article.objects.published().most_read().only("title", "slug")[:count]}


@register.inclusion_tag("articles/includes/unit_blocks.html")
def unit_blocks(count=4):
    """A block for each current unit directly under the province, with its branch's newest articles: three queries
    (the units, the newest of each branch by the index alone, then those articles' titles)."""
    units = list(Organization.objects.current().filter(depth=2).only("path", "depth", "name", "slug"))
    newest = Article.objects.published().latest_per_branch(units, count=count)
    branch_of = dict(newest)
    by_branch = {}
    for article in Article.objects.filter(pk__in=branch_of).only("title", "slug", "published_at"):
        by_branch.setdefault(branch_of[article.pk], []).append(article)
    return {"blocks": [(unit, by_branch[unit.path]) for unit in units if unit.path in by_branch]}


@register.inclusion_tag("articles/includes/related.html")
def related_articles(article, count=5):
    return {"articles": Article.objects.published().related_to(article).for_listing()[:count]}


@register.inclusion_tag("articles/includes/newer_older.html")
def newer_older(article):
    if article.published_at is None:  # a preview of an unpublished article
        return {}
    published = Article.objects.published().only("title", "slug", "published_at")
    return {"newer": published.newer_than(article).first(), "older": published.older_than(article).first()}


@register.simple_tag
def sub_periods(period):
    """The periods inside `period` that readers narrow to: halves and quarters of a year, years of a term."""
    start = period.start.year
    if period.kind == PeriodKind.YEAR:
        return [Period.half(start, 1), Period.half(start, 2), *(Period.quarter(start, q) for q in range(1, 5))]
    if period.kind in (PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.NINE_MONTHS):
        return [Period.month(start, m) for m in range(period.start.month, period.end.month + 1)]
    if period.kind == PeriodKind.TERM:
        return [Period.midterm(start, period.end.year), *(Period.year(y) for y in range(start, period.end.year + 1))]
    return []


@register.simple_tag
def snippet(text, query, length=240):
    return highlight(text, query, length=length)


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """schema.org NewsArticle for search engines, safe inside a <script> element."""
    absolute = context["request"].build_absolute_uri
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "datePublished": (article.published_at or article.updated_at).isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "author": {
            "@type": "Organization" if not article.byline else "Person",
            "name": article.byline or article.unit.name,
        },
        "publisher": {"@type": "Organization", "name": context["site"].site_name},
        "description": article.lead[:300],
    }
    if article.cover:
        data["image"] = [absolute(article.cover.image.url)]
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))


@register.inclusion_tag("organizations/includes/period_selector.html")
def unit_period_selector(unit, current=None):
    """Links to the years this unit's (and its sub-units') articles report on: a term's report is in none of them."""
    within_a_year = Article.objects.published().in_unit(unit).exclude(period_kind__in=MULTI_YEAR)
    years = within_a_year.dates("period_start", "year", "DESC")
    return {"unit": unit, "periods": [Period.year(day.year) for day in years], "current": current}
