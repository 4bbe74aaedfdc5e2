from functools import partial

from django.core.cache import cache
from django.db import transaction

from .models import SITE_SETTINGS_CACHE_KEY
from .tasks import make_renditions


def queue_renditions(sender, instance, **kwargs):
    if instance.image:
        transaction.on_commit(partial(make_renditions.enqueue, instance.pk))


def forget_site_settings(sender, **kwargs):
    cache.delete(SITE_SETTINGS_CACHE_KEY)
