from .services import link_citations, link_waiting_citations

CITING_FIELDS = {"title", "lead", "body", "body_text"}


def link_article_citations(sender, instance, raw=False, update_fields=None, **kwargs):
    # stored on save, so that "the articles citing this document" is one query and no view parses text
    if raw or instance.deleted_at or (update_fields is not None and not CITING_FIELDS & set(update_fields)):
        return
    link_citations(articles=[instance])


def link_document_citations(sender, instance, raw=False, **kwargs):
    if not raw:
        link_waiting_citations(document=instance)
