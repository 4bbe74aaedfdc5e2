import re

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape
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


TERM_RANGE = re.compile(r"(?<!\d)\d{4} *[-–] *\d{4}(?!\d)")


@register.filter
def term_ranges(text):
    """Escaped `text` whose year ranges ("2025 - 2030") never break across lines."""
    escaped = str(conditional_escape(text))
    return mark_safe(TERM_RANGE.sub(lambda m: f'<span class="nowrap">{m[0].replace(" ", "&nbsp;")}</span>', escaped))


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


@register.filter
def date_line(day):
    """ "Thứ Hai, 07/12/2026": the date line of the site's header."""
    return f"{WEEKDAYS[day.weekday()]}, {day:%d/%m/%Y}"


@register.simple_tag
def today():
    return timezone.localdate()


@register.simple_tag
def rendition(photo, geometry, **options):
    """`{% rendition photo "480x320" crop="center" as im %}`: im.url, im.width, im.height, with no lookup."""
    if not photo.width or not photo.height:  # a photo stored before its size was: sorl measures it
        return get_thumbnail(photo.image, geometry, **options)
    return renditions.rendition(photo.image, geometry, photo.width, photo.height, **options)
