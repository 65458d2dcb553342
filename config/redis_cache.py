"""Django's Redis cache, keeping one Redis client per connection pool.

Django's client builds a new `redis.Redis` object for every cache call, which costs about as
much as the call's round trip on loopback; a week page served from the cache makes three such
calls. A `redis.Redis` object is safe to share between threads (it takes a connection from its
pool for each command), so one per pool is kept."""

from collections.abc import Callable
from typing import Any

from django.core.cache.backends import redis as django_redis


class _ReusingClient(django_redis.RedisCacheClient):
    # Django's client has these; its type stubs do not list them.
    _client: Any
    _get_connection_pool_index: Callable[[bool], int]
    _get_connection_pool: Callable[[int], Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(index))
            self._clients[index] = client
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _ReusingClient
