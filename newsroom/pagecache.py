"""Whole public pages cached for anonymous readers, invalidated exactly by a content generation.

Every page stored in the cache carries the generation it was made in. A write to any watched model (articles,
meetings, units, photos, the site settings... `watch()`) moves the generation on when its transaction commits,
so every page made before is stale at once: a publish, an edit, a withdrawal or a trash shows everywhere on the
next request. A scheduled article going live, or a new day (every page shows the date), is a change nobody writes:
apps tell `next_change()` when the next one is due, and the generation moves on by itself at that moment.

Only anonymous GET and HEAD requests are served from the cache: a request carrying the session or messages cookie
(a signed-in editor, a visitor with a notice to see) always gets a fresh page, and a response that sets a cookie,
carries `Cache-Control: private/no-store/no-cache` or is not a 200 is never stored. A stored page answers a
conditional GET with 304 by its ETag or Last-Modified.

A hit costs no round trip: a process keeps the generation (and when it expires) while no change is announced
(Redis's publish/subscribe, newsroom/cache.py: every bump is announced, and a process looks for announcements without
waiting), and the page itself in its memory (`recent_pages`); the first time it serves a page in a generation, the
page comes from the cache in one trip. The cache must be shared by every process serving the site (Redis,
REDIS_URL): the local-memory default is right for one process (`runserver`, tests) only, and has no announcements
(the generation is read from it on every request, which costs next to nothing).
"""

import contextvars
import functools
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.functional import SimpleLazyObject, empty
from django.utils.http import http_date, parse_http_date_safe

GENERATION_KEY = "pagecache:generation"
DUE_KEY = "pagecache:due"  # when the next scheduled change happens (a timestamp), or 0 for none known
CHANGES = "pagecache:changes"  # the channel every bump is announced on
# what a process knows of the generation is read again this often even when no change was announced (a cache
# flushed by hand, or a network that drops the subscription silently, announces nothing)
KNOWN_SECONDS = 1
# what is kept of a page, changed when that changes: a page kept by the code before is not served by this one
# (2: with the security headers, which are no longer added to a cached page's answer)
PAGE_FORMAT = 2
# what makes a request conditional (django.utils.cache.get_conditional_response)
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
_due_sources = []
_watched = set()


def generation():
    """The current content generation (a new one when the cache has none)."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        _bump()
        current = cache.get(GENERATION_KEY)
    return current


def bump():
    """Every cached page is stale from now on, and again when the current transaction commits: a page made from
    the data of before the commit, in between, is stale too."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def _bump():
    if (scope := _request.get()) is not None:
        scope.pop("generation", None)
    # why: asked first, so that the new generation, its due time and the announcement follow each other closely
    try:
        due = min((when for source in _due_sources if (when := source()) is not None), default=None)
    except DatabaseError:  # unknown while the database is away (or has no tables yet): asked again next request
        due = DatabaseError
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (a new or flushed cache): one that no stored page can carry
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    if due is DatabaseError:
        cache.delete(DUE_KEY)
    else:
        cache.set(DUE_KEY, due.timestamp() if due else 0, timeout=None)
    if announce := getattr(cache, "announce", None):
        announce(CHANGES)


def _known():
    """(the generation, when it is due) as stored, or None when the cache has none: kept by this process until a
    change is announced, where the cache has announcements."""
    if unchanged := getattr(cache, "unchanged", None):
        return unchanged(CHANGES, _stored, KNOWN_SECONDS)
    return _stored()


def _stored():
    stored = cache.get_many([GENERATION_KEY, DUE_KEY])
    current, due = stored.get(GENERATION_KEY), stored.get(DUE_KEY)
    return None if current is None or due is None else (current, due)


class Recent:
    """What this process used last, by (generation, key): a page and its dozen fragments read from here instead of
    a round trip each. What a generation made never changes, so an entry is not stale while the generation lasts;
    it is kept `seconds` at most all the same, as in the cache (a write the cache missed, in an outage, moves
    nothing). The oldest go when the entries weigh more than `budget` (`weigh(value)`: 1 each by default, so
    `budget` counts entries)."""

    def __init__(self, budget, weigh=None, seconds=3600):
        self.budget, self.weigh, self.seconds = budget, weigh or (lambda value: 1), seconds
        self.entries, self.weight, self.lock = OrderedDict(), 0, threading.Lock()

    def get(self, key):
        with self.lock:
            if key in self.entries:
                value, weight, expires = self.entries[key]
                if expires > time.monotonic():
                    self.entries.move_to_end(key)
                    return value
                del self.entries[key]
                self.weight -= weight
        return None

    def put(self, key, value, seconds=None):
        """Keep `value` for `seconds` (by default this memory's)."""
        weight = self.weigh(value)
        expires = time.monotonic() + (self.seconds if seconds is None else seconds)
        with self.lock:
            if key in self.entries:
                self.weight -= self.entries.pop(key)[1]
            self.entries[key] = (value, weight, expires)
            self.weight += weight
            while self.weight > self.budget and self.entries:
                self.weight -= self.entries.popitem(last=False)[1][1]

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.weight = 0


recent = Recent(settings.FRAGMENT_RECENT_ENTRIES, seconds=settings.FRAGMENT_CACHE_SECONDS)
# Whole pages, by their size: a hit is then answered from memory once the generation is read
recent_pages = Recent(
    settings.PAGE_RECENT_BYTES, weigh=lambda response: len(response.content), seconds=settings.PAGE_CACHE_SECONDS
)
# The generation a request read first, kept for the rest of it (PageCacheMiddleware opens the scope): its
# fragments then come from `recent` with no round trip. A write in the request (a bump) forgets it.
_request = contextvars.ContextVar("pagecache_request", default=None)


def lookup(*keys, local=None):
    """The current generation and, of the values stored under `keys` with `store()`, those made in it: a round
    trip for those that `local` (a `Recent`: this process's copies, for values read, never changed) lacks, and one
    for the generation when the process does not know it (`_known()`). A new cache, or a scheduled change come
    due, starts a new generation (nothing stored before is found)."""
    scope = _request.get()
    current = scope.get("generation") if scope is not None else None
    if current is None:
        known = _known()
        if known is None or (known[1] and known[1] <= time.time()):
            _bump()
            return generation(), {}
        current = known[0]
        if scope is not None:
            scope["generation"] = current
    found = {}
    if local is not None:
        found = {key: value for key in keys if (value := local.get((current, key))) is not None}
    missing = [key for key in keys if key not in found]
    stored = cache.get_many(missing) if missing else {}
    for key in keys:
        if key not in found and (value := stored.get(key)) is not None and value[0] == current:
            found[key] = value[1]
            if local is not None:
                local.put((current, key), value[1])
    return current, found


def store(current, values, seconds, local=None):
    """Keep `values` ({key: value}) as made in generation `current` (from `lookup()`), for `seconds` at most, and
    in `local` (a `Recent`) too."""
    if current is not None and values and seconds:
        cache.set_many({key: (current, value) for key, value in values.items()}, seconds)
        if local is not None:
            for key, value in values.items():
                local.put((current, key), value, seconds)


def fragment_key(name, *vary):
    """The cache key of a fragment of a page: its name and what it varies on."""
    return "pagecache:fragment:" + hashlib.md5(repr((name, *vary)).encode()).hexdigest()


def page_key(url):
    """The cache key of the whole page at `url` (absolute)."""
    return f"pagecache:page:{PAGE_FORMAT}:" + hashlib.md5(url.encode()).hexdigest()


def remember(key, make, seconds=None):
    """`make()`, kept under `key` for the content generation (in the cache and this process's memory), for
    `seconds` at most (by default `FRAGMENT_CACHE_SECONDS`; 0: made every time)."""
    seconds = settings.FRAGMENT_CACHE_SECONDS if seconds is None else seconds
    if not seconds:
        return make()
    current, found = lookup(key, local=recent)
    if key in found:
        return found[key]
    value = make()
    store(current, {key: value}, seconds, local=recent)
    return value


def kept(view):
    """`view`'s answers to GET kept in the cache for the content generation, for anyone, page cache or not: for
    pages that cost much to make and are the same for every reader (the sitemap)."""

    @functools.wraps(view)
    def kept_view(request, *args, **kwargs):
        seconds = settings.FRAGMENT_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = fragment_key("view", request.build_absolute_uri())
        current, found = lookup(key)
        if key in found:
            return found[key]
        response = view(request, *args, **kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()  # a TemplateResponse: kept rendered
        if response.status_code == 200 and not response.streaming:
            store(current, {key: response}, seconds)
        return response

    return kept_view


def next_change(source):
    """Register `source()`: the datetime at which pages change with no write (a scheduled publication), or None."""
    _due_sources.append(source)
    return source


@next_change
def next_day():
    """Every page shows today's date (the header), and some what holds today (this week's schedule, who is in
    office): a new day is a change nobody writes."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))


def watch(*models):
    """Writes to `models` (saves, deletes, many-to-many changes) make every cached page stale."""
    for model in models:
        if model in _watched:
            continue
        _watched.add(model)
        uid = f"pagecache-{model._meta.label_lower}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_changed, sender=through, dispatch_uid=f"{uid}-{field.name}")


def _changed(sender, **kwargs):
    bump()


class PageCacheMiddleware:
    """Serves and stores anonymous readers' pages (see the module's docstring). Placed right after the request's id
    (newsroom.logs): a page is stored with the headers of every middleware below, and answered without them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.PAGE_CACHE_SECONDS
        self.proxy_seconds = settings.PAGE_CACHE_PROXY_SECONDS
        self.bypass_cookies = (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE_NAME", "messages"))
        # static files (WhiteNoise, below) are never pages
        self.excluded = (*settings.PAGE_CACHE_EXCLUDED_PATHS, *([settings.STATIC_URL] if settings.STATIC_URL else []))

    def __call__(self, request):
        scope = _request.set({})
        try:
            return self.respond(request)
        finally:
            _request.reset(scope)

    def respond(self, request):
        if not self.seconds or not self.cacheable_request(request):
            return self.get_response(request)
        key = page_key(request.build_absolute_uri())
        current, found = lookup(key, local=recent_pages)
        if key in found:
            return self.answer(request, found[key])
        response = self.get_response(request)
        if current is not None and self.cacheable_response(response):
            response["ETag"] = f'"{hashlib.md5(response.content).hexdigest()}"'
            response["Last-Modified"] = http_date()
            if self.proxy_seconds:
                # nginx (deploy/nginx/) keeps it this long; it reads this only if it comes before Cache-Control
                control = response.get("Cache-Control")
                del response["Cache-Control"]  # (headers.pop() would give the stored (name, value) pair)
                response["X-Accel-Expires"] = str(self.proxy_seconds)
                if control:
                    response["Cache-Control"] = control
            patch_cache_control(response, max_age=0, must_revalidate=True)  # browsers ask again every time
            # a copy: the middleware above add their headers to `response`, maybe while another thread copies it
            store(current, {key: self.copy(response)}, self.seconds, local=recent_pages)
        return response

    def cacheable_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(self.excluded)
            and not any(c in request.COOKIES for c in self.bypass_cookies)
        )

    @staticmethod
    def cacheable_response(response):
        control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in control for word in ("private", "no-store", "no-cache"))
        )

    @staticmethod
    def copy(response):
        """A new response with `response`'s status, headers and content. Its headers were checked when it was made:
        they are taken as they are (given to a new response, each would be checked and encoded again: an eighth of a
        cached page's answer)."""
        clone = HttpResponse(response.content, status=response.status_code)
        clone.headers._store = response.headers._store.copy()
        return clone

    @classmethod
    def answer(cls, request, stored):
        """A copy of the stored page (the middleware above add their headers to it), or 304 when the reader's copy
        (by ETag or Last-Modified) is still this one."""
        response = cls.copy(stored)
        if not any(header in request.META for header in CONDITIONAL_HEADERS):
            return response
        last_modified = parse_http_date_safe(response["Last-Modified"])
        return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)


class Deferred(SimpleLazyObject):
    """A list's queryset made only when something needs more than what is kept of it: a list read again, whose
    count and page keys are kept (`CachedCountPaginator`) and whose cards are (`render_each`), never builds its
    filters (a search's ranking, built and not run, cost 40 % of the page). `model` is known without making it."""

    def __init__(self, make, model):
        super().__init__(make)
        self.__dict__["model"] = model

    @property
    def made(self):
        return self._wrapped is not empty


class CachedCountPaginator(Paginator):
    """Pages of a long list that cost the same at page 5,000 as at page 1, and a count read once per generation.

    A page first reads the keys of its rows alone (a walk along an index), then those rows with their joins when
    they are needed (`Rows`): the OFFSET skips narrow index entries instead of whole joined rows. The count, which
    only bounds the pages and says how many there are, and each page's keys are kept in the cache under
    `count_key` (the list's address without its page) for the content generation, which any change to the content
    moves on: a list read again costs no query but its rows' (none when their cards are kept).
    """

    def __init__(self, object_list, per_page, *, count_key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @property
    def deferred(self):
        # why: not isinstance(), which asks a lazy object its __class__, and so makes it
        return type(self.object_list) is Deferred

    def _check_object_list_is_ordered(self):
        if not (self.deferred and not self.object_list.made):  # not made to be checked
            super()._check_object_list_is_ordered()

    def kept(self, what, make):
        """`make()`, kept for the generation under the list's `count_key` and `what`."""
        return remember(fragment_key("list", self.count_key, what), make) if self.count_key else make()

    @cached_property
    def count(self):
        return self.kept("count", lambda: super(CachedCountPaginator, self).count)

    def page(self, number):
        number = self.validate_number(number)
        if not (self.deferred or isinstance(self.object_list, QuerySet)):
            return super().page(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        keys = self.kept(("keys", bottom, top), lambda: Rows.of(self.object_list, bottom, top).keys)
        return self._get_page(Rows(keys, self.object_list), number, self)


class Rows(Sequence):
    """The rows of a page of `queryset`, by their keys: read in one query when something needs more than the keys,
    and not at all when what is shown of them is kept in the cache (`rows_of()` reads only those missing)."""

    def __init__(self, keys, queryset, rows=None):
        self.keys, self._rows, self.queryset = keys, rows, queryset

    @classmethod
    def of(cls, queryset, bottom=0, top=None):
        """The rows from `bottom` to `top` of `queryset` in its order: their keys are read now (a walk along an
        index, narrow entries instead of whole joined rows), the rows when needed."""
        return cls(list(queryset.values_list("pk", flat=True)[bottom:top]), queryset)

    def rows_of(self, keys):
        """{key: row} of `keys` (some of this page's)."""
        if self._rows is not None:
            wanted = set(keys)
            return {row.pk: row for row in self._rows if row.pk in wanted}
        return {row.pk: row for row in self.queryset.order_by().filter(pk__in=keys)} if keys else {}

    def _all(self):
        if self._rows is None:
            found = self.rows_of(self.keys)
            self._rows = [found[key] for key in self.keys if key in found]
        return self._rows

    def __len__(self):
        return len(self._all()) if self._rows is not None else len(self.keys)

    def __getitem__(self, index):
        return self._all()[index]

    def __iter__(self):
        return iter(self._all())
