"""Work done outside the request (django-tasks; a worker runs them in production): the workflow's e-mails,
photo renditions and background imports. Arguments are ids and strings: a task may run long after it was queued."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django_tasks import task
from sorl.thumbnail import get_thumbnail

from organizations.models import Organization

from . import importer
from .models import Article, Category, Photo
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
    """One file of `import_articles --background`; a file that cannot be imported fails the task with the reason."""
    result = importer.import_extraction(
        importer.read_extraction(Path(path)),
        unit=Organization.objects.get(pk=unit_id) if unit_id else None,
        category=Category.objects.get(pk=category_id) if category_id else None,
        status=status,
        by=get_user_model().objects.get(pk=by_id) if by_id else None,
    )
    article = result.article
    return {"action": result.action, "article": article.pk, "title": article.title, "notes": result.notes}
