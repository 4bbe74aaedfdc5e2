from django.db.models import Min
from django.utils import timezone

from .models import Article
from .tasks import make_renditions


def queue_renditions(sender, instance, **kwargs):
    # Queued in the photo's transaction: in the database it commits (or rolls back) with the photo.
    if instance.image:
        make_renditions.enqueue(instance.pk)


def next_scheduled_publication():
    """When the next approved article goes live by itself: the public pages change then."""
    return Article.objects.approved().filter(published_at__gt=timezone.now()).aggregate(at=Min("published_at"))["at"]
