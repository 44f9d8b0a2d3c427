"""Serialising one applicant's events: a named concern, separate from the Store itself.

A lock is an expiring key claimed through the Store, so it works across threads, gunicorn
workers and machines on the same backend. The TTL bounds how long a crashed holder can block.
"""
from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from storage.base import Store, StoreError


class LockTimeout(StoreError):
    """Another event of the same applicant held the lock for too long."""


class UserLock:
    """``with UserLock(store).hold(user_id): ...`` runs the block alone for that user."""

    def __init__(self, store: Store, *, ttl: float = 30.0, wait: float = 10.0) -> None:
        self.store, self.ttl, self.wait = store, ttl, wait

    @contextmanager
    def hold(self, name: str) -> Iterator[None]:
        key = f"lock:{name}"
        token = uuid.uuid4().hex
        deadline = time.monotonic() + self.wait
        pause = 0.002
        while not self.store.claim(key, self.ttl, token):
            if time.monotonic() > deadline:
                raise LockTimeout(f"lock {key} still held after {self.wait:.0f}s")
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
        try:
            yield
        finally:
            # Release only our own claim: after a TTL expiry another holder may own the key.
            self.store.forget_if(key, token)
