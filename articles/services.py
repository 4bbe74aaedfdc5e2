from django.db import transaction

from .models import Tag, TaggedArticle


@transaction.atomic
def merge_tags(*, sources, into: Tag) -> Tag:
    """Move every article tagged with one of `sources` to `into`, then delete `sources`."""
    source_ids = [tag.pk for tag in sources if tag.pk != into.pk]
    already = TaggedArticle.objects.filter(tag=into).values("content_object")
    TaggedArticle.objects.filter(tag_id__in=source_ids, content_object__in=already).delete()
    moving = TaggedArticle.objects.filter(tag_id__in=source_ids)
    # an article tagged with two of the sources keeps one row
    keep = {}
    for row in moving.order_by("pk"):
        keep.setdefault(row.content_object_id, row.pk)
    moving.exclude(pk__in=keep.values()).delete()
    TaggedArticle.objects.filter(pk__in=keep.values()).update(tag=into)
    Tag.objects.filter(pk__in=source_ids).delete()
    return into
