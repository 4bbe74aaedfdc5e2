from django.core.cache import cache
from sorl.thumbnail import get_thumbnail

from .models import SITE_SETTINGS_CACHE_KEY

# The renditions the public templates ask for (same geometry and options), made once when a photo is saved.
RENDITIONS = [("480x320", {"crop": "center"}), ("1200", {})]


def make_renditions(sender, instance, **kwargs):
    if instance.image:
        for geometry, options in RENDITIONS:
            try:
                get_thumbnail(instance.image, geometry, **options)
            except OSError:  # an unreadable file: the page shows no image rather than failing
                pass


def forget_site_settings(sender, **kwargs):
    cache.delete(SITE_SETTINGS_CACHE_KEY)
