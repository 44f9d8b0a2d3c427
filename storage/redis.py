"""The scale-out backend: one Redis server for every process (not Redis Cluster: the index sets
span documents, see storage/schema.py).

Documents are JSON strings; ``update`` is optimistic: read the document, compute, then a Lua
compare-and-set writes the document and its index entries only if nobody wrote in between, else
read again (two round trips where WATCH/MULTI/EXEC takes three). A batch is one script call too,
and an update's follow-up writes ride in its compare-and-set, so a WeChat message costs two round
trips: the batch that claims it and reads the state and the application it names, and the write
of the new state. Connections retry with backoff, so a restarted Redis is picked up without
restarting the bot.

A command in flight when the connection drops is sent again after the reconnect, though Redis may
have applied it already (it is killed after writing the append-only file, before replying). So
document writes and log appends carry a token, and the key's "written-by" marker recognises the
same write sent twice; claims carry their holder's token for the caller to check (``Hold.took``).

A Redis that hangs (stopped, swapping, cut off) is found out by one command's timeout; after that,
one command at a time finds out whether it is back and the others fail at once, instead of each
taking a thread for a whole timeout (``_Stall``). Inside :func:`storage.deadline.answer_by`, a command whose
timeout would run past the deadline is not sent at all: a message that waited in line answers in time.
"""
from __future__ import annotations

import functools
import itertools
import os
import random
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlparse, urlunparse

import hiredis
import redis
from redis.backoff import ExponentialBackoff
from redis.commands.core import Script
from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError, NoScriptError, RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from storage.base import Doc, FollowUp, Link, Store, StoreError, Updater, new_token
from storage.codec import decoded, encoded, encoded_utf8
from storage.deadline import DeadlinePassed, remaining
from storage.schema import RedisKeys

MAX_UPDATE_ATTEMPTS = 200
# A command's reply normally takes well under a millisecond; no reply after this long is a Redis
# that hangs (stopped, swapping, or cut off by the network), answered within WeChat's 5 s.
SOCKET_TIMEOUT = 1.0
# How long a write's token is kept to recognise it when sent again: the resend follows within seconds.
WRITTEN_BY_TTL_MS = 60_000
# The writes of a Batch, run by one script: one command and one reply per batch, which costs the
# client a third less CPU than a pipeline of three commands. ``run_ops(k, a)`` reads the ops from
# KEYS[k..] and ARGV[a..] as ``RedisStore._encoded`` lays them out (the number of ops, then each op's name and
# arguments) and returns one result per op: 1/0 for claims and conditional removals, the raw
# value for prefetches ('' = absent), 0 otherwise. An append carries a token, like a document write.
# A prefetch with a link also reads the document its field names (a conversation's application): its
# key is made here from the halves ARGV carries, which a single Redis server allows (this backend
# needs one anyway, see above), and returns {raw, that id, that raw} ({raw} when the field is empty).
_RUN_OPS = """
local function run_ops(k, a)
  local results = {}
  for i = 1, tonumber(ARGV[a]) do
    local op = ARGV[a + 1]
    if op == 'claim' then
      results[i] = redis.call('SET', KEYS[k], ARGV[a + 2], 'NX', 'PX', ARGV[a + 3]) and 1 or 0
      k, a = k + 1, a + 3
    elseif op == 'remember' then
      if ARGV[a + 3] == '' then redis.call('SET', KEYS[k], ARGV[a + 2])
      else redis.call('SET', KEYS[k], ARGV[a + 2], 'PX', ARGV[a + 3]) end
      results[i] = 0
      k, a = k + 1, a + 3
    elseif op == 'forget_if' then
      results[i] = redis.call('GET', KEYS[k]) == ARGV[a + 2] and redis.call('DEL', KEYS[k]) or 0
      k, a = k + 1, a + 2
    elseif op == 'append' then
      if redis.call('GET', KEYS[k + 1]) ~= ARGV[a + 3] then
        redis.call('RPUSH', KEYS[k], ARGV[a + 2])
        redis.call('SET', KEYS[k + 1], ARGV[a + 3], 'PX', ARGV[a + 4])
      end
      results[i] = 0
      k, a = k + 2, a + 4
    elseif op == 'prefetch' then
      results[i] = redis.call('GET', KEYS[k]) or ''
      k, a = k + 1, a + 1
    else  -- prefetch+link: the document, and the one whose id it holds in field ARGV[a + 2]
      local raw = redis.call('GET', KEYS[k]) or ''
      local ok, doc = false, nil
      if string.find(raw, '"' .. ARGV[a + 2] .. '"', 1, true) then  -- decoded only when it may link
        ok, doc = pcall(cjson.decode, raw)
      end
      local id = ok and type(doc) == 'table' and doc[ARGV[a + 2]]
      if type(id) == 'string' and id ~= '' then
        results[i] = {raw, id, redis.call('GET', ARGV[a + 3] .. id .. ARGV[a + 4]) or ''}
      else
        results[i] = {raw}
      end
      k, a = k + 1, a + 4
    end
  end
  return results
end
"""
_BATCH = _RUN_OPS + "return run_ops(1, 1)"
# Compare-and-set of a document and its index entries, then the update's follow-up writes, in one
# round trip. KEYS: the document, its written-by marker, the sets to remove the id from (ARGV[3]
# of them), the sets to add it to (ARGV[7] of those), then the follow-up's keys. ARGV: the value
# read ('' = absent), the new value ('' = delete), the number of removals, the document id, this
# write's token, the marker's TTL in ms, the number of additions, then the follow-up's arguments.
# Returns 0 when the document changed since it was read, else {1, follow-up results...} ({1} for
# a write sent again after it was applied: its follow-up ran with it).
_COMPARE_AND_SET = _RUN_OPS + """
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then
  if redis.call('GET', KEYS[2]) == ARGV[5] then return {1} end  -- this very write, already applied
  return 0
end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2]) end
redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[6])
local removals, additions = tonumber(ARGV[3]), tonumber(ARGV[7])
for i = 3, 2 + removals do redis.call('SREM', KEYS[i], ARGV[4]) end
for i = 3 + removals, 2 + removals + additions do redis.call('SADD', KEYS[i], ARGV[4]) end
local results = run_ops(3 + removals + additions, 8)
table.insert(results, 1, 1)
return results
"""
# Entries of a log rewritten where they stand: KEYS[1] the log; ARGV triples of an index, the value
# read there and its replacement. An index whose value changed meanwhile (the log was deleted, or
# rewritten by someone else) is left alone. Returns how many entries were replaced.
_REWRITE_LOG = """
local changed = 0
for i = 1, #ARGV, 3 do
  if redis.call('LINDEX', KEYS[1], ARGV[i]) == ARGV[i + 1] then
    redis.call('LSET', KEYS[1], ARGV[i], ARGV[i + 2])
    changed = changed + 1
  end
end
return changed
"""
T = TypeVar("T")


class _Stall:
    """Whether Redis may be hanging, shared by one process's threads.

    Without it, each thread of a worker would wait a whole timeout on a hung Redis, and messages
    queued behind them would wait several timeouts before their "try again" (6-9 s were measured
    with 12 applicants, past WeChat's 5 s). After a timeout, one command at a time is let through to
    find out whether Redis is back (a probe) and the others are refused at once; the first answer
    ends it, so nothing is refused once Redis answers again. A probe's nested calls are its own.
    """

    def __init__(self) -> None:
        self.suspect = False
        self._probe = threading.Lock()
        self._probing = threading.local()

    def enter(self) -> bool:
        """Before a command: refuse it when the deadline is too near, or while another command probes a
        Redis that may hang. True when this call is the probe (then :meth:`probed` must follow)."""
        left = remaining()
        if left is not None and left < SOCKET_TIMEOUT:
            raise DeadlinePassed(f"redis: {left:.2f}s left before the deadline, not enough for a command")
        if not self.suspect or getattr(self._probing, "on", False):
            return False
        if not self._probe.acquire(blocking=False):
            raise StoreError("redis: a command timed out and another is finding out whether Redis is back")
        self._probing.on = True
        return True

    def probed(self, answered: bool) -> None:
        if answered:
            self.suspect = False
        self._probing.on = False
        self._probe.release()


def _translated(method: Callable[..., T]) -> Callable[..., T]:
    """Redis failures surface as StoreError, the one error the layers above know; a command is
    not sent while Redis may hang (but for one probe), nor when it could not end before the deadline."""

    @functools.wraps(method)
    def wrapper(self: RedisStore, *args: Any, **kwargs: Any) -> T:
        probe = self.stall.enter()
        answered = False
        try:
            result = method(self, *args, **kwargs)
            answered = True
            return result
        except RedisTimeoutError as err:
            self.stall.suspect = True
            raise StoreError(f"redis: {err}") from err
        except RedisError as err:
            answered = True  # an answer, if an unwelcome one: Redis is not hanging
            raise StoreError(f"redis: {err}") from err
        finally:
            if probe:
                self.stall.probed(answered)

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
            redis_url, decode_responses=True, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=0.5,
            health_check_interval=15,
            # ~1.6 s of retries while Redis refuses connections or is loading: rides through a
            # restart of a second or so, and still lets a message answer "send it again" well within
            # WeChat's 5 s when Redis stays down. A timeout is not retried: a Redis that hangs would
            # hang again, and a message waits at most two timeouts (its read, then the release of
            # its idempotency key) before that answer.
            retry=Retry(ExponentialBackoff(cap=0.8, base=0.05), retries=5, supported_errors=(RedisConnectionError,)),
        )
        self._compare_and_set = self.r.register_script(_COMPARE_AND_SET)
        self._batch = self.r.register_script(_BATCH)
        self._rewrite_log = self.r.register_script(_REWRITE_LOG)
        self._prefetched = threading.local()  # doc key -> raw value read by this thread's last batch
        self._own = threading.local()  # this thread's connection for the scripts, and the process it was made in
        self._own_connections: weakref.WeakSet[Connection] = weakref.WeakSet()
        self.stall = _Stall()

    # -- documents -----------------------------------------------------------
    @_translated
    def get(self, kind: str, doc_id: str) -> Doc | None:
        raw = self._call("GET", self.keys.doc(kind, doc_id))
        return decoded(raw) if raw else None

    @_translated
    def put(self, kind: str, doc_id: str, doc: Doc) -> None:
        self._update(kind, doc_id, lambda _current: doc)

    @_translated
    def update(self, kind: str, doc_id: str, fn: Updater, *, then: FollowUp | None = None) -> Doc | None:
        return self._update(kind, doc_id, fn, then=then)

    def _update(self, kind: str, doc_id: str, fn: Updater, *, then: FollowUp | None = None) -> Doc | None:
        """``update`` without the translation: the public operations translate once, at their door."""
        key = self.keys.doc(kind, doc_id)
        prefetched = self._prefetched.__dict__.pop(key, None)
        for attempt in range(MAX_UPDATE_ATTEMPTS):
            # A value read in this thread's last batch saves a round trip; if it is stale, the
            # compare-and-set below refuses it and the next attempt reads afresh.
            raw = prefetched if attempt == 0 and prefetched is not None else (self._call("GET", key) or "")
            current = decoded(raw) if raw else None
            new = fn(current)
            removed, added = self._index_changes(kind, current, new)
            follow_up = then(new) if then is not None else None
            op_keys, op_args = self._encoded(follow_up.ops if follow_up is not None else [])
            written = self._run(self._compare_and_set, [key, self.keys.written_by(key), *removed, *added, *op_keys],
                                [raw, "" if new is None else encoded_utf8(new), len(removed), doc_id,
                                 new_token(), WRITTEN_BY_TTL_MS, len(added), *op_args])
            if written:
                if follow_up is not None:
                    follow_up.results = self._results(follow_up.ops, written[1:])
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

        self._update(kind, doc_id, remove)
        return existed

    @_translated
    def find(self, kind: str, **where: str) -> list[Doc]:
        self.check_where(kind, where)
        sets = [self.keys.index(kind, f, str(v)) for f, v in where.items()] or [self.keys.members(kind)]
        ids = sorted(self.r.sinter(sets))
        if not ids:
            return []
        raws = self.r.mget([self.keys.doc(kind, i) for i in ids])
        return [decoded(raw) for raw in raws if raw]

    @_translated
    def ids(self, kind: str) -> list[str]:
        return sorted(self.r.smembers(self.keys.members(kind)))

    @_translated
    def count(self, kind: str, **where: str) -> int:
        self.check_where(kind, where)
        sets = [self.keys.index(kind, f, str(v)) for f, v in where.items()] or [self.keys.members(kind)]
        return int(self.r.scard(sets[0])) if len(sets) == 1 else len(self.r.sinter(sets))

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
        self._run_batch([("append", (log, key, entry))])

    @_translated
    def read_log(self, log: str, key: str, last: int | None = None) -> list[Doc]:
        start = 0 if last is None else -last
        return [decoded(raw) for raw in self.r.lrange(self.keys.log(log, key), start, -1)]

    @_translated
    def delete_log(self, log: str, key: str) -> None:
        self.r.delete(self.keys.log(log, key))

    @_translated
    def log_keys(self, log: str) -> list[str]:
        head, tail = self.keys.log(log, "\0").split("\0")
        found = {name[len(head):-len(tail)] for name in self.r.scan_iter(match=f"{head}*{tail}", count=500)
                 if name.startswith(head) and name.endswith(tail)}
        return sorted(found)

    @_translated
    def rewrite_log(self, log: str, key: str, fn: Callable[[Doc], Doc]) -> int:
        log_key = self.keys.log(log, key)
        args: list[Any] = []
        for index, raw in enumerate(self.r.lrange(log_key, 0, -1)):
            new = fn(decoded(raw))
            if new != decoded(raw):  # compared as values: an entry written with other spacing is unchanged
                args += [index, raw, encoded(new)]
        return int(self._rewrite_log(keys=[log_key], args=args)) if args else 0

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
        return self._run_batch([("forget_if", (key, value))])[0]

    @_translated
    def run_batch(self, ops: list[tuple[str, tuple[Any, ...]]]) -> list[Any]:
        return self._run_batch(ops)

    def _run_batch(self, ops: list[tuple[str, tuple[Any, ...]]]) -> list[Any]:
        keys, args = self._encoded(ops)
        return self._results(ops, self._run(self._batch, keys, args))

    def _run(self, script: Script, keys: list[str], args: list[Any]) -> Any:
        """Run one of our scripts (every message runs two), by its SHA; a restarted Redis that has
        forgotten it gets it again through EVAL, which caches it."""
        try:
            return self._call("EVALSHA", script.sha, len(keys), *keys, *args)
        except NoScriptError:
            return self._call("EVAL", script.script, len(keys), *keys, *args)

    def _call(self, *command: Any) -> Any:
        """One command on this thread's own connection, with the client's retries. redis-py's general
        path (taking a pooled connection and probing it, recording metrics) cost a turn a fifth of its
        CPU (0.50 ms instead of 0.39), and a document read 30-50 µs more than this. The command is
        packed by hiredis itself, once for all attempts: redis-py's packer first walks the arguments
        in Python, 4.0 µs for a compare-and-set's against 1.6 (our arguments are str, bytes and int only)."""
        conn = self._connection()
        packed = [hiredis.pack_command(command)]  # a list of chunks, as send_packed_command takes

        def attempt() -> Any:
            conn.send_packed_command(packed)
            return conn.read_response()

        return conn.retry.call_with_retry(attempt, lambda _error: conn.disconnect())

    def _connection(self) -> Connection:
        own = self._own
        if getattr(own, "pid", None) != os.getpid():  # new thread, or a forked child: never share a socket
            pool = self.r.connection_pool
            own.conn, own.pid = pool.connection_class(**pool.connection_kwargs), os.getpid()
            self._own_connections.add(own.conn)  # a thread's connection closes with it, or at close()
        return own.conn

    def _encoded(self, ops: list[tuple[str, tuple[Any, ...]]]) -> tuple[list[str], list[Any]]:
        """A batch's ops as the KEYS and ARGV of ``run_ops`` (see _RUN_OPS)."""
        keys: list[str] = []
        args: list[Any] = [len(ops)]
        for name, op in ops:
            if name in ("claim", "remember"):
                key, a, b = op  # claim: key, ttl, value; remember: key, value, ttl
                value, ttl = (b, a) if name == "claim" else (a, b)
                keys.append(self.keys.plain(key))
                args += [name, value, "" if ttl is None else max(1, int(ttl * 1000))]
            elif name == "forget_if":
                keys.append(self.keys.plain(op[0]))
                args += [name, op[1]]
            elif name == "append":
                log, key, entry = op
                log_key = self.keys.log(log, key)
                keys += [log_key, self.keys.written_by(log_key)]
                args += [name, encoded_utf8(entry), new_token(), WRITTEN_BY_TTL_MS]
            elif name == "prefetch":
                kind, doc_id, link = op
                keys.append(self.keys.doc(kind, doc_id))
                if link is None:
                    args.append(name)
                else:
                    field, other_kind = link
                    args += ["prefetch+link", field, *self.keys.doc(other_kind, "\0").split("\0")]
            else:
                raise ValueError(f"not a batch operation: {name}")
        return keys, args

    def _results(self, ops: list[tuple[str, tuple[Any, ...]]], raw: list[Any]) -> list[Any]:
        """What each op returned (None where a resent write's results are unknown); keeps the
        prefetched values for this thread's next update."""
        self._prefetched.__dict__.clear()  # only the latest batch's reads: an unused one is stale by now
        results: list[Any] = []
        for (name, op), value in itertools.zip_longest(ops, raw[:len(ops)]):
            if name == "prefetch" and value is not None:
                results.append(self._prefetched_now(*op, value))
            else:
                results.append(bool(value) if name in ("claim", "forget_if") and value is not None else None)
        return results

    def _prefetched_now(self, kind: str, doc_id: str, link: Link | None, value: str | list[str]) -> Any:
        """Keep a prefetched document for this thread's next update of it; a link's (id, document)."""
        doc_raw, *other = [value] if link is None else value
        setattr(self._prefetched, self.keys.doc(kind, doc_id), doc_raw)
        if not other:
            return None
        other_id, other_raw = other
        return other_id, decoded(other_raw) if other_raw else None

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
        for conn in list(self._own_connections):
            conn.disconnect()
        self.r.close()

    def drop_everything(self) -> None:
        """Delete every key under this store's prefix (test clean-up, never called by the bot)."""
        batch = list(self.r.scan_iter(self.keys.everything(), count=500))
        for i in range(0, len(batch), 500):
            self.r.delete(*batch[i:i + 500])
