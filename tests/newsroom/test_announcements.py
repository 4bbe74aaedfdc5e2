"""A value kept while nothing is announced (newsroom/cache.py): read once, then again as soon as any process
announces a change, and whenever the subscription cannot vouch that nothing was announced."""

import time
import uuid

import pytest
import redis

from newsroom.cache import Subscription, TolerantRedisCache
from tests.conftest import redis_url
from tests.newsroom.test_outages import closed_port

CHANNEL = "changes"


class Counted:
    """A value to keep, counting its reads: a new value each read."""

    def __init__(self):
        self.reads = 0

    def __call__(self):
        self.reads += 1
        return self.reads


@pytest.fixture
def url():
    return redis_url()


@pytest.fixture
def prefix():
    return uuid.uuid4().hex  # processes of one site share it; tests do not


def process(url, prefix):
    """The cache as another process of the same site has it."""
    return TolerantRedisCache(url, {"KEY_PREFIX": prefix})


def settled(cache, read, seconds=60):
    """Asks until the subscription vouches for the silence (it is confirmed), and gives the value then kept."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        before = read.reads
        value = cache.unchanged(CHANNEL, read, seconds)
        if read.reads == before:
            return value
        time.sleep(0.005)
    pytest.fail("the subscription was never confirmed")


def read_again_within(cache, read, seconds, kept_for=60):
    """Whether `cache` reads the value again within `seconds`, asking as a process serving pages does."""
    before, deadline = read.reads, time.monotonic() + seconds
    while time.monotonic() < deadline:
        cache.unchanged(CHANNEL, read, kept_for)
        if read.reads > before:
            return True
        time.sleep(0.001)
    return False


def test_a_value_is_read_once_while_nothing_is_announced(url, prefix):
    cache, read = process(url, prefix), Counted()
    value = settled(cache, read)
    assert [cache.unchanged(CHANNEL, read, 60) for _ in range(200)] == [value] * 200
    assert read.reads == value


def test_a_change_announced_by_another_process_is_read_again_at_once(url, prefix):
    serving, writing, read = process(url, prefix), process(url, prefix), Counted()
    for _ in range(20):
        kept = settled(serving, read)
        writing.announce(CHANNEL)
        # almost always in the subscription's socket by the time PUBLISH answered (the very next ask sees it), and
        # within a few milliseconds when Redis is paused between its writes (3 in 5,000 here, 0.1 to 5 ms)
        started = time.monotonic()
        assert read_again_within(serving, read, 0.5)
        assert time.monotonic() - started < 0.1
        assert serving.unchanged(CHANNEL, read, 60) == kept + 1 and read.reads == kept + 1  # then kept again


def test_the_announcing_process_reads_again_without_waiting_for_its_announcement(url, prefix):
    cache, read = process(url, prefix), Counted()
    kept = settled(cache, read)
    cache.announce(CHANNEL)
    assert cache.unchanged(CHANNEL, read, 60) == kept + 1


def test_another_site_on_the_same_redis_does_not_disturb_it(url, prefix):
    cache, other_site, read = process(url, prefix), process(url, uuid.uuid4().hex), Counted()
    settled(cache, read)
    other_site.announce(CHANNEL)
    assert not read_again_within(cache, read, 0.05)


def test_a_lost_subscription_is_not_trusted_and_what_was_announced_meanwhile_is_seen(url, prefix):
    serving, writing, read = process(url, prefix), process(url, prefix), Counted()
    kept = settled(serving, read)
    admin = redis.Redis.from_url(url)
    mine = [c["id"] for c in admin.client_list(_type="pubsub") if c.get("sub") == "1"]
    for client_id in mine:
        admin.client_kill_filter(_id=client_id)
    writing.announce(CHANNEL)  # lost: nobody listens to it
    time.sleep(0.05)
    assert serving.unchanged(CHANNEL, read, 60) == kept + 1  # the closed connection is seen: read again
    assert settled(serving, read) > kept + 1  # it subscribes again after a while, and then keeps the value


def test_a_value_is_read_again_after_its_seconds_even_when_nothing_is_announced(url, prefix):
    cache, read = process(url, prefix), Counted()
    settled(cache, read, seconds=0.2)
    assert read_again_within(cache, read, 1, kept_for=0.2)


def test_a_cleared_cache_is_announced(url, prefix):
    serving, clearing, read = process(url, prefix), process(url, prefix), Counted()
    settled(serving, read)
    settled(clearing, Counted())  # it knows the channel: it listens to it
    clearing.clear()
    assert read_again_within(serving, read, 0.05)


def test_a_new_process_subscribes_anew(url, prefix, monkeypatch):
    cache, read = process(url, prefix), Counted()
    settled(cache, read)
    monkeypatch.setattr("os.getpid", lambda: -1)  # a fork: the parent's subscription is not this one's to read
    assert read_again_within(cache, read, 0.001)
    settled(cache, read)  # its own, once confirmed


def test_while_redis_is_away_the_value_is_read_every_time_and_subscribing_waits(monkeypatch):
    cache, read = TolerantRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {}), Counted()
    attempts = []
    pubsub = redis.Redis.pubsub
    monkeypatch.setattr(redis.Redis, "pubsub", lambda self, **kw: attempts.append(1) or pubsub(self, **kw))
    assert [cache.unchanged(CHANNEL, read, 60) for _ in range(20)] == list(range(1, 21))
    assert len(attempts) == 1  # tried again only after Subscription.RETRY_SECONDS
    cache.announce(CHANNEL)  # dropped, as any write while Redis is away


def test_the_subscription_never_retries_on_its_own():
    """redis-py would reconnect and subscribe again inside a read, and the announcements sent in between would be
    lost unnoticed: the subscription's connections must fail instead, so that it is seen."""
    client = TolerantRedisCache("redis://127.0.0.1:6379/15", {})._cache.subscriber()
    assert client.connection_pool.connection_kwargs["retry"].get_retries() == 0
    assert Subscription(client, "x").unchanged(Counted(), 60) == 1
