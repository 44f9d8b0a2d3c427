"""Serialising one applicant's events: a named concern, separate from the Store itself.

A lock is an expiring key claimed through the Store, so it works across threads, gunicorn
workers and machines on the same backend. The TTL bounds how long a crashed holder can block.
Its first claim and its release can ride in a ``store.batch()`` with other writes, which saves
two round trips per message on Redis.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from storage.base import Batch, Store, StoreError, new_token
from storage.deadline import bounded


# A turn takes milliseconds; a holder that died (kill -9 mid-message) blocks its applicant for at
# most TTL (a conversation's turn takes a shorter lease, see storage/inbox.py). A waiter gives up
# before WeChat's 5 s, or sooner at the deadline of the message it serves (storage.deadline), so the
# applicant gets our "send it again" answer in time.
TTL_SECONDS = 10.0
WAIT_SECONDS = 4.0


class LockTimeout(StoreError):
    """Another event of the same applicant held the lock for too long."""


class Hold:
    """One holder's claim on one lock."""

    def __init__(self, store: Store, key: str) -> None:
        self.store, self.key = store, key
        self.token = new_token()
        self.claimed = False
        self._released = False
        self._release_in: Batch | None = None

    @property
    def released(self) -> bool:
        """Released, or queued for release in a batch that has run (one that failed, or was never
        sent because its write lost a race, leaves the lock to ``UserLock.hold`` to release)."""
        return self._released or (self._release_in is not None and bool(self._release_in.results))

    def release(self, batch: Batch | None = None) -> None:
        # Release only our own claim: after a TTL expiry another holder may own the key.
        if batch is None:
            self.store.forget_if(self.key, self.token)
            self._released = True
        else:
            batch.forget_if(self.key, self.token)
            self._release_in = batch

    def took(self, answered: bool, key: str | None = None) -> bool:
        """Whether a claim made with this hold's token (on its lock, or on ``key``) is ours: the store
        said so, or said no while the key holds our token. The latter is a claim sent again by a
        client that reconnected after the store had taken it (redis-py retries on a dropped connection)."""
        return answered or self.store.recall(key or self.key) == self.token


class UserLock:
    """``with UserLock(store).hold(user_id): ...`` runs the block alone for that user."""

    def __init__(self, store: Store, *, ttl: float = TTL_SECONDS, wait: float = WAIT_SECONDS) -> None:
        self.store, self.ttl, self.wait = store, ttl, wait

    def prepare(self, name: str) -> Hold:
        return Hold(self.store, f"lock:{name}")

    def try_in(self, batch: Batch, hold: Hold) -> int:
        """Queue a first claim in ``batch``; pass ``batch.results[i]`` to ``hold(..., claimed=)``."""
        return batch.claim(hold.key, self.ttl, hold.token)

    @contextmanager
    def hold(self, name: str, prepared: Hold | None = None, *, claimed: bool = False) -> Iterator[Hold]:
        hold = self.acquire(prepared or self.prepare(name), claimed=claimed)
        try:
            yield hold
        finally:
            if not hold.released:
                hold.release()

    def acquire(self, hold: Hold, *, claimed: bool = False) -> Hold:
        """``hold`` claimed (``claimed``: a batch already took it), waiting for its holder up to ``wait``;
        :meth:`hold`'s way in, and ``Inbox.turn``'s, which releases it the same way on leaving."""
        hold.claimed = claimed
        deadline = time.monotonic() + bounded(self.wait)
        pause = 0.002
        while not hold.claimed:
            hold.claimed = hold.took(self.store.claim(hold.key, self.ttl, hold.token))
            if hold.claimed:
                break
            if time.monotonic() > deadline:
                raise LockTimeout(f"lock {hold.key} still held after {self.wait:.0f}s")
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
        return hold
