"""One Redis client per pool (congtt/ops/rediscache.py); skipped when no Redis answers on loopback."""

import socket

import pytest
import redis

from congtt.ops.rediscache import RedisCache

URL = "redis://127.0.0.1:6379/15"


def _redis_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")


def test_one_client_serves_every_call(monkeypatch):
    built = []
    init = redis.Redis.__init__

    def counting_init(self, *args, **kwargs):
        built.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting_init)
    cache = RedisCache(URL, {"KEY_PREFIX": "test-rediscache"})
    try:
        cache.set("a", 1)
        cache.set_many({"b": 2, "c": 3})
        assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2, "c": 3}
        assert cache.incr("a") == 2
        assert cache.add("a", 9) is False
        assert len(built) == 1  # Django's own backend builds one per call: 5 here
    finally:
        cache.delete_many(["a", "b", "c"])


def test_reads_and_writes_share_the_client_of_a_single_server():
    cache = RedisCache(URL, {})
    client = cache._cache
    assert client.get_client(write=True) is client.get_client(write=False) is client.get_client("k")
