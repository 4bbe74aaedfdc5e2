"""Work done outside the request (django-tasks; a worker runs them in production): the workflow's e-mails,
photo renditions and background imports. Arguments are ids and strings: a task may run long after it was queued."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django_tasks import task
from sorl.thumbnail import get_thumbnail

from organizations.models import Organization

from . import importer
from .imports import queue_for_unit, run_batch
from .models import Article, Category, ImportBatch, Photo
from .workflow import TRANSITIONS, notify

# The renditions the public templates ask for (same geometry and options), made once when a photo is saved.
RENDITIONS = [("480x320", {"crop": "center"}), ("1200", {})]


@task()
def notify_workflow_step(article_id: int, action: str, by_id: int, comment: str, link: str):
    article = Article.all_objects.select_related("unit", "created_by").filter(pk=article_id).first()
    by = get_user_model().objects.filter(pk=by_id).first()
    if article is not None and by is not None:
        notify(article, TRANSITIONS[action], by=by, comment=comment, link=link)


@task()
def make_renditions(photo_id: int):
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is not None and photo.image:
        for geometry, options in RENDITIONS:
            get_thumbnail(photo.image, geometry, **options)


@task()
def import_article_file(path: str, unit_id=None, category_id=None, status=None, by_id=None):
    """One file of `import_articles --background`; a file that cannot be imported fails the task with the reason,
    one without a host unit waits in the review queue."""
    extraction = importer.read_extraction(Path(path))
    try:
        result = importer.import_extraction(
            extraction,
            unit=Organization.objects.get(pk=unit_id) if unit_id else None,
            category=Category.objects.get(pk=category_id) if category_id else None,
            status=status,
            by=get_user_model().objects.get(pk=by_id) if by_id else None,
        )
    except importer.UnitUnknown:
        text, is_page = importer.read_file(Path(path)), importer.is_page(Path(path))
        row = queue_for_unit(name=Path(path).name, text=text, is_page=is_page, extraction=extraction)
        return {"action": "queued", "review": row.pk, "title": str(row)}
    article = result.article
    return {"action": result.action, "article": article.pk, "title": article.title, "notes": result.notes}


@task()
def import_batch(batch_id: int):
    """The import of a batch of the "Nhập bài cũ" page, its progress saved file by file."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is not None and batch.status == ImportBatch.Status.QUEUED:
        batch = run_batch(batch)
        return {"batch": batch.pk, "done": batch.done}
    return None
