"""Redis as a cache the site can live without: while Redis does not answer, reads miss and writes are dropped.

It also carries announcements: `announce(channel)` tells every process, and `unchanged(channel, read, seconds)`
keeps what `read()` gave until something is announced, so a value asked on every request (the pages' content
generation) costs no round trip while nothing changes."""

import logging
import os
import threading
import time
from contextlib import contextmanager

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)
WARN_EVERY_SECONDS = 10


class TolerantRedisCacheClient(RedisCacheClient):
    last_warning = 0.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        """One client per server, made once: Django makes a new one for every cache call, and a redis-py client
        builds its table of about 170 reply callbacks each time (a millisecond a page). Clients are thread-safe."""
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            self._clients[index] = self._client(connection_pool=self._pools[index])
        return self._clients[index]

    def subscriber(self):
        """A client for subscriptions, on connections of its own that never retry: a lost connection must be seen,
        for what was announced meanwhile is lost (redis-py would reconnect and subscribe again unnoticed)."""
        server = self._servers[self._get_connection_pool_index(False)]
        pool = self._pool_class.from_url(server, **{**self._pool_options, "retry": Retry(NoBackoff(), 0)})
        return self._client(connection_pool=pool)

    @contextmanager
    def unavailable_as_miss(self):
        try:
            yield
        except RedisError as error:
            # why: every cache call of every request fails while Redis is away; one line now and then says enough
            now = time.monotonic()
            if now - TolerantRedisCacheClient.last_warning >= WARN_EVERY_SECONDS:
                TolerantRedisCacheClient.last_warning = now
                logger.warning("Redis không trả lời, trang được phục vụ không qua bộ nhớ đệm: %s", error)

    def add(self, key, value, timeout):
        with self.unavailable_as_miss():
            return super().add(key, value, timeout)
        return False

    def get(self, key, default):
        with self.unavailable_as_miss():
            return super().get(key, default)
        return default

    def set(self, key, value, timeout):
        with self.unavailable_as_miss():
            super().set(key, value, timeout)

    def touch(self, key, timeout):
        with self.unavailable_as_miss():
            return super().touch(key, timeout)
        return False

    def delete(self, key):
        with self.unavailable_as_miss():
            return super().delete(key)
        return False

    def get_many(self, keys):
        with self.unavailable_as_miss():
            return super().get_many(keys)
        return {}

    def has_key(self, key):
        with self.unavailable_as_miss():
            return super().has_key(key)
        return False

    def incr(self, key, delta):
        with self.unavailable_as_miss():
            return super().incr(key, delta)
        raise ValueError(f"Key '{key}' not found.")  # a miss, as for an expired key

    def set_many(self, data, timeout):
        with self.unavailable_as_miss():
            super().set_many(data, timeout)

    def delete_many(self, keys):
        with self.unavailable_as_miss():
            super().delete_many(keys)

    def clear(self):
        with self.unavailable_as_miss():
            return super().clear()
        return False


class Subscription:
    """A value kept while nothing is announced on one channel: what is published arrives in this subscription's
    socket, which is looked at without waiting (a few microseconds, against a round trip's hundred and more).

    The value is read again when anything arrived, and while the subscription cannot vouch for the silence: before
    Redis confirms it, after a lost connection (what was sent in between is lost; it subscribes again at once, and
    `RETRY_SECONDS` after that if Redis does not answer) and in a new process (a fork has its own); and `seconds`
    after it was read in any case (a flushed cache, say, announces nothing)."""

    RETRY_SECONDS = 5

    def __init__(self, client, channel):
        self.client, self.channel = client, channel
        self.lock = threading.Lock()
        self.pubsub = self.pid = None
        self.retry_at = 0.0
        self.forgotten = 0  # how many times the value was forgotten: one read before the last time is not kept
        self.forget()

    def forget(self):
        self.value, self.until, self.forgotten = None, 0.0, self.forgotten + 1

    def unchanged(self, read, seconds):
        with self.lock:
            if self.quiet() and self.value is not None and time.monotonic() < self.until:
                return self.value
            self.forget()
            asked = self.forgotten
        value = read()  # outside the lock: what arrives meanwhile is seen next time, and read again
        with self.lock:
            if self.forgotten == asked:
                self.value, self.until = value, time.monotonic() + seconds
        return value

    def quiet(self):
        """Nothing arrived since last asked, and the subscription vouches for it."""
        if self.pid != os.getpid():
            self.pubsub, self.pid = None, os.getpid()
        if self.pubsub is None:
            if time.monotonic() < self.retry_at:
                return False
            try:
                self.pubsub = self.client.pubsub()
                self.pubsub.subscribe(self.channel)
            except RedisError:
                return self.failed(wait=self.RETRY_SECONDS)
            return False  # confirmed by its first message
        quiet = True
        try:
            while self.pubsub.get_message(timeout=0) is not None:
                quiet = False  # an announcement, or a (re)subscription: anything may have changed
        except RedisError:
            return self.failed(wait=0)
        return quiet

    def failed(self, wait):
        if self.pubsub is not None:
            try:
                self.pubsub.close()
            except RedisError:
                pass
        self.pubsub, self.retry_at = None, time.monotonic() + wait
        return False


class TolerantRedisCache(RedisCache):
    """Django's RedisCache, except that an unreachable Redis is a miss (logged as a warning), not an error; with
    announcements (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient
        self._subscriptions = {}

    def announce(self, channel):
        """Every process's values kept `unchanged()` on `channel` are read again (this one's at once)."""
        if channel in self._subscriptions:
            with self._subscriptions[channel].lock:
                self._subscriptions[channel].forget()
        with self._cache.unavailable_as_miss():
            self._cache.get_client(write=True).publish(self.make_and_validate_key(channel), b"")

    def unchanged(self, channel, read, seconds):
        """`read()`, kept until something is announced on `channel` and `seconds` at most."""
        if channel not in self._subscriptions:
            self._subscriptions[channel] = Subscription(self._cache.subscriber(), self.make_and_validate_key(channel))
        return self._subscriptions[channel].unchanged(read, seconds)

    def clear(self):
        """Everything goes, and every value kept `unchanged()` is read again."""
        cleared = super().clear()
        for channel in self._subscriptions:
            self.announce(channel)
        return cleared
