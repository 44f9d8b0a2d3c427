"""The scale-out backend: one Redis server for every process (not Redis Cluster: the index sets
span documents, see storage/schema.py).

Documents are JSON strings; ``update`` is optimistic: read the document, compute, then a Lua
compare-and-set writes the document and its index entries only if nobody wrote in between, else
read again (two round trips where WATCH/MULTI/EXEC takes three). Connections retry
with backoff, so a restarted Redis is picked up without restarting the bot.

A command in flight when the connection drops is sent again after the reconnect, though Redis may
have applied it already (it is killed after writing the append-only file, before replying). So
document writes and log appends carry a token, and the key's "written-by" marker recognises the
same write sent twice; claims carry their holder's token for the caller to check (``Hold.took``).
"""
from __future__ import annotations

import functools
import json
import random
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlparse, urlunparse

import redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError, RedisError, TimeoutError as RedisTimeout
from redis.retry import Retry

from storage.base import Doc, Store, StoreError, Updater
from storage.schema import RedisKeys

MAX_UPDATE_ATTEMPTS = 200
# How long a write's token is kept to recognise it when sent again: the resend follows within seconds.
WRITTEN_BY_TTL_MS = 60_000
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"
# Compare-and-set of a document and its index entries in one round trip. KEYS: the document, its
# written-by marker, then the sets to remove the id from (ARGV[3] of them), then the sets to add it
# to. ARGV: the value read ('' = absent), the new value ('' = delete), the number of removals, the
# document id, this write's token, the marker's TTL in ms.
_COMPARE_AND_SET = """
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then
  if redis.call('GET', KEYS[2]) == ARGV[5] then return 1 end  -- this very write, already applied
  return 0
end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2]) end
redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[6])
local removals = tonumber(ARGV[3])
for i = 3, 2 + removals do redis.call('SREM', KEYS[i], ARGV[4]) end
for i = 3 + removals, #KEYS do redis.call('SADD', KEYS[i], ARGV[4]) end
return 1
"""
# Append to a log once. KEYS: the log, its written-by marker. ARGV: the entry, this append's token,
# the marker's TTL in ms.
_APPEND_ONCE = """
if redis.call('GET', KEYS[2]) == ARGV[2] then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1
"""
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
            redis_url, decode_responses=True, socket_timeout=5, socket_connect_timeout=0.5,
            health_check_interval=15,
            # ~2.3 s of retries: rides through a Redis restart of a second or so, and still lets a
            # message answer "send it again" well within WeChat's 5 s when Redis stays down.
            retry=Retry(ExponentialBackoff(cap=0.8, base=0.05), retries=5),
            retry_on_error=[RedisConnectionError, RedisTimeout],
        )
        self._release = self.r.register_script(_RELEASE)
        self._compare_and_set = self.r.register_script(_COMPARE_AND_SET)
        self._prefetched = threading.local()  # doc key -> raw value read by this thread's last batch
        self._append_once = self.r.register_script(_APPEND_ONCE)

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
        prefetched = self._prefetched.__dict__.pop(key, None)
        for attempt in range(MAX_UPDATE_ATTEMPTS):
            # A value read in this thread's last batch saves a round trip; if it is stale, the
            # compare-and-set below refuses it and the next attempt reads afresh.
            raw = prefetched if attempt == 0 and prefetched is not None else (self.r.get(key) or "")
            current = json.loads(raw) if raw else None
            new = fn(current)
            removed, added = self._index_changes(kind, current, new)
            written = self._compare_and_set(
                keys=[key, self.keys.written_by(key), *removed, *added],
                args=[raw, "" if new is None else json.dumps(new, ensure_ascii=False), len(removed), doc_id,
                      secrets.token_hex(8), WRITTEN_BY_TTL_MS])
            if written:
                return new
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

    def _index_changes(self, kind: str, old: Doc | None, new: Doc | None) -> tuple[list[str], list[str]]:
        """The index sets a document leaves and joins when it changes from ``old`` to ``new``."""
        before = self.index_values(kind, old or {})
        after = self.index_values(kind, new or {})
        removed = [self.keys.index(kind, f, v) for f, v in before.items() if after.get(f) != v]
        added = [self.keys.index(kind, f, v) for f, v in after.items() if before.get(f) != v]
        if new is None and old is not None:
            removed.append(self.keys.members(kind))
        elif old is None and new is not None:
            added.append(self.keys.members(kind))
        return removed, added

    # -- logs --------------------------------------------------------------------
    @_translated
    def append(self, log: str, key: str, entry: Doc) -> None:
        self._append_once(keys=self._log_keys(log, key), args=self._append_args(entry))

    def _log_keys(self, log: str, key: str) -> list[str]:
        log_key = self.keys.log(log, key)
        return [log_key, self.keys.written_by(log_key)]

    @staticmethod
    def _append_args(entry: Doc) -> list[Any]:
        return [json.dumps(entry, ensure_ascii=False), secrets.token_hex(8), WRITTEN_BY_TTL_MS]

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

    @_translated
    def run_batch(self, ops: list[tuple[str, tuple[Any, ...]]]) -> list[Any]:
        with self.r.pipeline(transaction=False) as pipe:
            for name, args in ops:
                if name == "claim":
                    key, ttl, value = args
                    pipe.set(self.keys.plain(key), value, nx=True, px=max(1, int(ttl * 1000)))
                elif name == "remember":
                    key, value, ttl = args
                    pipe.set(self.keys.plain(key), value, px=None if ttl is None else max(1, int(ttl * 1000)))
                elif name == "forget_if":
                    # EVAL, not the registered script: redis-py checks scripts with an extra
                    # SCRIPT EXISTS round trip before every pipeline that uses them.
                    pipe.eval(_RELEASE, 1, self.keys.plain(args[0]), args[1])
                elif name == "append":
                    log, key, entry = args
                    pipe.eval(_APPEND_ONCE, 2, *self._log_keys(log, key), *self._append_args(entry))
                elif name == "prefetch":
                    pipe.get(self.keys.doc(*args))
                else:
                    raise ValueError(f"not a batch operation: {name}")
            raw = pipe.execute()
        self._prefetched.__dict__.clear()  # only the latest batch's reads: an unused one is stale by now
        for (name, args), value in zip(ops, raw):
            if name == "prefetch":
                setattr(self._prefetched, self.keys.doc(*args), value or "")
        return [bool(r) if name in ("claim", "forget_if") else None for (name, _), r in zip(ops, raw)]

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
