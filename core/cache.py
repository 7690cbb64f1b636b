"""The Redis cache, made to fail soft.

The cache keeps whole pages and allauth's login counters. When Redis is stopped, Django's Redis
cache raises on every call, which turns a page or a login into a server error; when Redis is
hung, every call waits for its socket timeout, which turns a page into a long wait. Instead, a
call that cannot reach Redis is logged and answered the way Django's dummy cache answers (a miss;
writes accepted and forgotten), and Redis is left alone for a few seconds, so while it is away a
request pays for at most one timeout. Pages are then built afresh and login attempts go
uncounted until Redis is back.
"""

import logging
import threading
import time

from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# How long Redis is left alone after a failed call before the next call tries it again.
RETRY_AFTER_SECONDS = 5.0

# Cache objects are made per thread; what is known about the server is shared by the process.
_unreachable_until: dict[str, float] = {}
_lock = threading.Lock()


def _fail_soft(name: str):
    def method(self, *args, **kwargs):
        if time.monotonic() < _unreachable_until.get(self._location, 0.0):
            return getattr(self._stand_in, name)(*args, **kwargs)
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            with _lock:
                first = time.monotonic() >= _unreachable_until.get(self._location, 0.0)
                _unreachable_until[self._location] = time.monotonic() + RETRY_AFTER_SECONDS
            if first:
                logger.warning(
                    "The cache is unreachable (%s); going without it, trying again in %ss.",
                    error,
                    RETRY_AFTER_SECONDS,
                )
            return getattr(self._stand_in, name)(*args, **kwargs)

    method.__name__ = name
    return method


class _ReusedClients(RedisCacheClient):
    """Django's client for the Redis cache makes a new ``redis.Redis`` for every command, which
    costs more than the command's trip to Redis (it fills a table of some 170 reply handlers).
    One per connection pool serves them all: a ``redis.Redis`` takes a connection from its pool
    for each command, so it may be shared."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, which carries on without Redis while it is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClients
        self._location = server if isinstance(server, str) else ",".join(server)
        self._stand_in = DummyCache(server, params)

    add = _fail_soft("add")
    get = _fail_soft("get")
    set = _fail_soft("set")
    touch = _fail_soft("touch")
    delete = _fail_soft("delete")
    get_many = _fail_soft("get_many")
    has_key = _fail_soft("has_key")
    incr = _fail_soft("incr")
    set_many = _fail_soft("set_many")
    delete_many = _fail_soft("delete_many")
    clear = _fail_soft("clear")
