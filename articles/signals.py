from django.core.cache import cache

from .models import SITE_SETTINGS_CACHE_KEY
from .tasks import make_renditions


def queue_renditions(sender, instance, **kwargs):
    # Queued in the photo's transaction: in the database it commits (or rolls back) with the photo.
    if instance.image:
        make_renditions.enqueue(instance.pk)


def forget_site_settings(sender, **kwargs):
    cache.delete(SITE_SETTINGS_CACHE_KEY)
