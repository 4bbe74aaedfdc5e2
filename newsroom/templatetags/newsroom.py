import re

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from sorl.thumbnail import get_thumbnail

from newsroom import pagecache, renditions
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


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        if not settings.FRAGMENT_CACHE_SECONDS:
            return self.nodelist.render(context)
        key = pagecache.fragment_key(self.name.resolve(context), *(str(v.resolve(context)) for v in self.vary))
        return pagecache.remember(key, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    """`{% fragment "name" value ... %}…{% endfragment %}`: the part of a page between, kept in the cache for the
    content generation (any write to what public pages show makes it stale, as the page cache's pages), per
    `name` and the values given. For the parts that cost most and are the same on many pages or requests."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])


def render_each(template_name, rows, *, name, vary, context):
    """`template_name` rendered for each of `rows` (`context` plus {name: row}), joined: each kept in the cache for
    the content generation under its key and `vary`, all read back with one round trip. `rows` may be a page's
    `pagecache.Rows`: then only the rows whose part is not in the cache are read from the database."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not isinstance(rows, pagecache.Rows):
        rows = list(rows)
        if not seconds:
            return _render_all(template_name, rows, name, context)
        rows = pagecache.Rows([row.pk for row in rows], None, rows)
    elif not seconds:
        return _render_all(template_name, rows, name, context)
    keys = {pk: pagecache.fragment_key(template_name, pk, vary) for pk in rows.keys}
    current, found = pagecache.lookup(*keys.values(), local=pagecache.recent)
    missing = rows.rows_of([pk for pk, key in keys.items() if key not in found])
    compiled = get_template(template_name)
    made = {keys[pk]: compiled.render({**context, name: row}) for pk, row in missing.items()}
    pagecache.store(current, made, seconds, local=pagecache.recent)
    return mark_safe("".join(found.get(key) or made.get(key, "") for key in keys.values()))


def _render_all(template_name, rows, name, context):
    compiled = get_template(template_name)
    return mark_safe("".join(compiled.render({**context, name: row}) for row in rows))
