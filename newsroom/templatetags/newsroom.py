from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from sorl.thumbnail import get_thumbnail

from newsroom import renditions
from newsroom.html import clean_html

register = template.Library()


@register.filter
def sanitize(html):
    """Rich text, sanitized again as it is shown: whatever reached the database, only the editor's markup renders."""
    return mark_safe(clean_html(str(html or "")))


@register.filter
def duration(delta):
    """A timedelta in Vietnamese hours and minutes: "1 giờ 30 phút"."""
    minutes = round(delta.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    parts = [_("%(n)s giờ") % {"n": hours}] if hours else []
    if minutes or not hours:
        parts.append(_("%(n)s phút") % {"n": minutes})
    return " ".join(parts)


@register.simple_tag
def rendition(photo, geometry, **options):
    """`{% rendition photo "480x320" crop="center" as im %}`: im.url, im.width, im.height, with no lookup."""
    if not photo.width or not photo.height:  # a photo stored before its size was: sorl measures it
        return get_thumbnail(photo.image, geometry, **options)
    return renditions.rendition(photo.image, geometry, photo.width, photo.height, **options)
