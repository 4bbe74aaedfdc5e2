from collections import defaultdict

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .citations import find_citations
from .models import Citation, Document


def choose_document(cited, candidates, *, written_on):
    """Of the documents with the cited number, the one meant: the printed date decides; else the newest issued
    before the article was written (numbers such as "89/QĐ-UBND" start again each year)."""
    if cited.issued_on:
        same_day = [d for d in candidates if d.issued_on == cited.issued_on]
        same_year = [d for d in candidates if d.issued_on.year == cited.issued_on.year]
        return (same_day or same_year or [None])[0]
    earlier = [d for d in candidates if d.issued_on <= written_on]
    return max(earlier or candidates, key=lambda d: d.issued_on)


@transaction.atomic
def link_citations(*, articles) -> list[Citation]:
    """Find the documents `articles` cite and store the citations, linked to the library where it has them."""
    found = {
        article: find_citations("\n".join((article.title, article.lead, article.body_text))) for article in articles
    }
    keys = {cited.key for cites in found.values() for cited in cites}
    by_key = defaultdict(list)
    if keys:
        for document in Document.objects.filter(Q(number_key__in=keys) | Q(plenum_key__in=keys)):
            for key in {document.number_key, document.plenum_key} & keys:
                by_key[key].append(document)
    Citation.objects.filter(article__in=[a.pk for a in found]).delete()
    citations = []
    for article, cites in found.items():
        written_on = timezone.localdate(article.published_at) if article.published_at else timezone.localdate()
        for cited in cites:
            document = choose_document(cited, by_key[cited.key], written_on=written_on) if by_key[cited.key] else None
            citations.append(
                Citation(
                    article=article,
                    document=document,
                    text=cited.text[:300],
                    key=cited.key,
                    form=cited.form,
                    number=cited.number,
                    issued_on=cited.issued_on,
                    plenum=cited.plenum,
                    central_term=cited.central_term,
                )
            )
    return Citation.objects.bulk_create(citations)


def link_waiting_citations(*, document) -> int:
    """Link the citations that waited for `document` (those printing another year's date stay apart)."""
    keys = [key for key in (document.number_key, document.plenum_key) if key]
    waiting = Citation.objects.unresolved().filter(key__in=keys)
    return waiting.filter(Q(issued_on__isnull=True) | Q(issued_on__year=document.issued_on.year)).update(
        document=document
    )
