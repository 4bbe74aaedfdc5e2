"""A photo's renditions by arithmetic: the address and size sorl-thumbnail gives a rendition, without asking its
key-value store (a cache round trip per image, a query when the cache forgets).

sorl names a rendition after the source's name, the geometry and the options, and sizes it from the source's
size: both are known from the row (the image field's name, its width and height). The renditions themselves
are made when a photo is saved (articles.tasks.make_renditions); a page only points at them.
"""

from dataclasses import dataclass

from sorl.thumbnail import default
from sorl.thumbnail.conf import defaults as sorl_defaults
from sorl.thumbnail.conf import settings as sorl_settings
from sorl.thumbnail.helpers import toint
from sorl.thumbnail.images import ImageFile
from sorl.thumbnail.parsers import parse_geometry


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def options_for(source, options):
    """The options sorl's backend completes a call's with (get_thumbnail), in the same order."""
    backend = default.backend
    options = dict(options)
    if sorl_settings.THUMBNAIL_PRESERVE_FORMAT:
        options.setdefault("format", backend._get_format(source))
    for key, value in backend.default_options.items():
        options.setdefault(key, value)
    for key, attr in backend.extra_options:
        value = getattr(sorl_settings, attr)
        if value != getattr(sorl_defaults, attr):
            options.setdefault(key, value)
    return options


def rendition(image, geometry, width, height, **options):
    """The rendition `{% thumbnail image geometry **options %}` gives, for an image of `width` × `height`."""
    source = ImageFile(image)
    options = options_for(source, options)
    name = default.backend._get_thumbnail_filename(source, geometry, options)
    x, y = parse_geometry(geometry, width / height)
    crop = options.get("crop")
    factor = max(x / width, y / height) if crop and crop != "noop" else min(x / width, y / height)
    w, h = width, height
    if factor < 1 or options.get("upscale"):
        w, h = toint(width * factor), toint(height * factor)
    if crop and crop != "noop":
        w, h = min(w, x), min(h, y)
    return Rendition(default.storage.url(name), w, h)
