"""Redis as a cache the site can live without: while Redis does not answer, reads miss and writes are dropped."""

import logging
import time
from contextlib import contextmanager

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

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


class TolerantRedisCache(RedisCache):
    """Django's RedisCache, except that an unreachable Redis is a miss (logged as a warning), not an error."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient
