"""The scale-out backend: one Redis (or Sentinel/Cluster-compatible keys) for every process.

Documents are JSON strings; ``update`` is optimistic (WATCH the document, compute, MULTI/EXEC the
document and its index entries, retry when another writer got there first). Connections retry
with backoff, so a restarted Redis is picked up without restarting the bot.
"""
from __future__ import annotations

import functools
import json
import random
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlparse, urlunparse

import redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError, RedisError, TimeoutError as RedisTimeout, WatchError
from redis.retry import Retry

from storage.base import Doc, Store, StoreError, Updater
from storage.schema import RedisKeys

MAX_UPDATE_ATTEMPTS = 200
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"
T = TypeVar("T")


def _translated(method: Callable[..., T]) -> Callable[..., T]:
    """Redis failures surface as StoreError, the one error the layers above know."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        try:
            return method(*args, **kwargs)
        except RedisError as err:
            raise StoreError(f"redis: {err}") from err

    return wrapper


def split_url(url: str) -> tuple[str, str]:
    """``redis://host/0?prefix=name`` → (the URL redis-py understands, the key prefix)."""
    parts = urlparse(url)
    query = dict(parse_qsl(parts.query))
    prefix = query.pop("prefix", "jf")
    return urlunparse(parts._replace(query=urlencode(query))), prefix


class RedisStore(Store):
    """A Store on a Redis server."""

    def __init__(self, url: str) -> None:
        redis_url, prefix = split_url(url)
        self.url = url
        self.keys = RedisKeys(prefix)
        self.r = redis.Redis.from_url(
            redis_url, decode_responses=True, socket_timeout=5, socket_connect_timeout=2,
            health_check_interval=15,
            retry=Retry(ExponentialBackoff(cap=1.0, base=0.05), retries=6),
            retry_on_error=[RedisConnectionError, RedisTimeout],
        )
        self._release = self.r.register_script(_RELEASE)

    # -- documents -----------------------------------------------------------
    @_translated
    def get(self, kind: str, doc_id: str) -> Doc | None:
        raw = self.r.get(self.keys.doc(kind, doc_id))
        return json.loads(raw) if raw else None

    def put(self, kind: str, doc_id: str, doc: Doc) -> None:
        self.update(kind, doc_id, lambda _current: doc)

    @_translated
    def update(self, kind: str, doc_id: str, fn: Updater) -> Doc | None:
        key = self.keys.doc(kind, doc_id)
        for attempt in range(MAX_UPDATE_ATTEMPTS):
            with self.r.pipeline() as pipe:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    current = json.loads(raw) if raw else None
                    new = fn(current)
                    pipe.multi()
                    self._reindex(pipe, kind, doc_id, current, new)
                    if new is None:
                        pipe.delete(key)
                    else:
                        pipe.set(key, json.dumps(new, ensure_ascii=False))
                    pipe.execute()
                    return new
                except WatchError:
                    # Someone else wrote first: back off a little, with jitter, and recompute.
                    time.sleep(min(0.001 * attempt, 0.02) * random.random())
        raise StoreError(f"{kind}/{doc_id}: too much contention, gave up after {MAX_UPDATE_ATTEMPTS} attempts")

    @_translated
    def delete(self, kind: str, doc_id: str) -> bool:
        existed = False

        def remove(current: Doc | None) -> None:
            nonlocal existed
            existed = current is not None
            return None

        self.update(kind, doc_id, remove)
        return existed

    @_translated
    def find(self, kind: str, **where: str) -> list[Doc]:
        self.check_where(kind, where)
        sets = [self.keys.index(kind, f, str(v)) for f, v in where.items()] or [self.keys.members(kind)]
        ids = sorted(self.r.sinter(sets))
        if not ids:
            return []
        raws = self.r.mget([self.keys.doc(kind, i) for i in ids])
        return [json.loads(raw) for raw in raws if raw]

    def _reindex(self, pipe: Any, kind: str, doc_id: str, old: Doc | None, new: Doc | None) -> None:
        before = self.index_values(kind, old or {})
        after = self.index_values(kind, new or {})
        for field, value in before.items():
            if after.get(field) != value:
                pipe.srem(self.keys.index(kind, field, value), doc_id)
        for field, value in after.items():
            if before.get(field) != value:
                pipe.sadd(self.keys.index(kind, field, value), doc_id)
        if new is None:
            pipe.srem(self.keys.members(kind), doc_id)
        elif old is None:
            pipe.sadd(self.keys.members(kind), doc_id)

    # -- logs --------------------------------------------------------------------
    @_translated
    def append(self, log: str, key: str, entry: Doc) -> None:
        self.r.rpush(self.keys.log(log, key), json.dumps(entry, ensure_ascii=False))

    @_translated
    def read_log(self, log: str, key: str, last: int | None = None) -> list[Doc]:
        start = 0 if last is None else -last
        return [json.loads(raw) for raw in self.r.lrange(self.keys.log(log, key), start, -1)]

    @_translated
    def delete_log(self, log: str, key: str) -> None:
        self.r.delete(self.keys.log(log, key))

    # -- expiring keys -------------------------------------------------------------
    @_translated
    def claim(self, key: str, ttl_seconds: float, value: str = "1") -> bool:
        return bool(self.r.set(self.keys.plain(key), value, nx=True, px=max(1, int(ttl_seconds * 1000))))

    @_translated
    def remember(self, key: str, value: str, ttl_seconds: float | None = None) -> None:
        px = None if ttl_seconds is None else max(1, int(ttl_seconds * 1000))
        self.r.set(self.keys.plain(key), value, px=px)

    @_translated
    def recall(self, key: str) -> str | None:
        return self.r.get(self.keys.plain(key))

    @_translated
    def forget(self, key: str) -> None:
        self.r.delete(self.keys.plain(key))

    @_translated
    def forget_if(self, key: str, value: str) -> bool:
        return bool(self._release(keys=[self.keys.plain(key)], args=[value]))

    # -- counters ---------------------------------------------------------------------
    @_translated
    def next_id(self, sequence: str) -> int:
        return int(self.r.incr(self.keys.sequence(sequence)))

    # -- lifecycle ----------------------------------------------------------------------
    def ping(self) -> bool:
        try:
            return bool(self.r.ping())
        except RedisError:
            return False

    def close(self) -> None:
        self.r.close()

    def drop_everything(self) -> None:
        """Delete every key under this store's prefix (test clean-up, never called by the bot)."""
        batch = list(self.r.scan_iter(self.keys.everything(), count=500))
        for i in range(0, len(batch), 500):
            self.r.delete(*batch[i:i + 500])
