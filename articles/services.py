from django.db import transaction
from django.db.models import F
from django.utils import timezone
from reversion.models import Revision, Version

from audit.models import AuditEvent, record
from newsroom import pagecache

from .models import Article, Tag, TaggedArticle


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
    pagecache.bump()  # the update above sends no signal
    return into


@transaction.atomic
def move_to_trash(articles, *, by, request=None) -> int:
    """Hide `articles` everywhere (site, admin, search) until restored or purged; their slugs stay taken."""
    articles = list(articles.filter(deleted_at__isnull=True))
    for article in articles:
        record(AuditEvent.Action.DELETE, actor=by, obj=article, request=request)
    pagecache.bump()  # the update below sends no signal
    # a new version: forms opened before and preview links made before stay dead after a restore
    return Article.objects.filter(pk__in=[a.pk for a in articles]).update(
        deleted_at=timezone.now(), deleted_by=by, version=F("version") + 1
    )


@transaction.atomic
def restore_from_trash(articles, *, by, request=None) -> int:
    articles = list(articles.filter(deleted_at__isnull=False))
    for article in articles:
        record(AuditEvent.Action.RESTORE, actor=by, obj=article, request=request)
    pagecache.bump()  # the update below sends no signal
    return Article.all_objects.filter(pk__in=[a.pk for a in articles]).update(deleted_at=None, deleted_by=None)


@transaction.atomic
def purge(articles, *, by, request=None) -> int:
    """Delete trashed `articles` for good, with their saved versions."""
    articles = list(articles.filter(deleted_at__isnull=False))
    ids = [str(a.pk) for a in articles]
    for article in articles:
        record(AuditEvent.Action.PURGE, actor=by, obj=article, detail=article.slug, request=request)
    saved = Version.objects.get_for_model(Article).filter(object_id__in=ids)
    revision_ids = list(saved.values_list("revision_id", flat=True))
    saved.delete()
    # the revisions left without any article were this article's alone: its gallery and tags go with them
    Revision.objects.filter(pk__in=revision_ids).exclude(
        pk__in=Version.objects.get_for_model(Article).values("revision_id")
    ).delete()
    Article.all_objects.filter(pk__in=ids).delete()
    return len(ids)
