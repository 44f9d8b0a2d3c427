"""Failed console logins: a name is slowed down, an address is limited.

- Per name, a wait that grows: after ``free_name_failures`` failures within the window, each
  further failure makes the next attempt for that name wait 2 s, 4 s, 8 s … up to
  ``max_name_wait``. Guessing one password stays slow, and a stranger who knows a colleague's name
  can at most delay that colleague's login by a minute, never lock it out (a lockout per name was
  a way to keep anyone out of the console from anywhere).
- Per address, a limit: ``address_limit`` failures within the window refuse that address for the
  window, whatever the names (one source trying a password on many names). The address is the
  client's as :mod:`bot.client_address` finds it, so an office behind one proxy is not one address
  once the proxy is in ``TRUSTED_PROXIES``.

The Store has no atomic counter on expiring keys, so a count is kept as slots: each failure claims
a free slot key that expires ``window_seconds`` later, and the slots held are the failures within
the window. ``claim`` is atomic on every backend, so concurrent failures never share a slot.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

from storage import Store


@dataclass(frozen=True)
class Refusal:
    """Why an attempt is refused now: ``per`` is "name" or "address"; ``seconds`` until it may try."""

    per: str
    seconds: int


class LoginThrottle:
    def __init__(self, store: Store, *, address_limit: int = 10, window_seconds: float = 15 * 60,
                 free_name_failures: int = 3, max_name_wait: float = 60) -> None:
        self.store = store
        self.address_limit = address_limit
        self.window_seconds = window_seconds
        self.free_name_failures = free_name_failures
        self.max_name_wait = max_name_wait
        # Failures past the free ones until the wait reaches its cap: counting further changes nothing.
        self.name_slots = free_name_failures + max(1, math.ceil(math.log2(max_name_wait)))

    def refusal(self, name: str, address: str) -> Refusal | None:
        """Why an attempt for ``name`` from ``address`` must not be checked now, or None."""
        if self.store.recall(self._block_key(address)):
            return Refusal("address", math.ceil(self.window_seconds))
        until = self.store.recall(self._wait_key(name))
        left = float(until) - time.time() if until else 0
        return Refusal("name", math.ceil(left)) if left > 0 else None

    def record_failure(self, name: str, address: str) -> None:
        """Count a failed attempt: the name waits longer, the address nears its limit."""
        wait = self.name_wait(self._count(f"name:{name}", self.name_slots))
        if wait:
            self.store.remember(self._wait_key(name), str(time.time() + wait), ttl_seconds=wait)
        if self._count(f"address:{address}", self.address_limit) >= self.address_limit:
            self.store.claim(self._block_key(address), self.window_seconds)

    def name_wait(self, failures: int) -> float:
        """Seconds the next attempt waits after ``failures`` failures for a name within the window."""
        past_free = failures - self.free_name_failures
        return 0 if past_free <= 0 else min(2.0 ** past_free, self.max_name_wait)

    def clear(self, name: str) -> None:
        """Forget the failures counted against ``name`` (after it logged in successfully)."""
        for slot in self._slot_keys(f"name:{name}", self.name_slots):
            self.store.forget(slot)
        self.store.forget(self._wait_key(name))

    def _count(self, subject: str, slots: int) -> int:
        """Count one more failure for ``subject``; how many are held within the window (at most ``slots``)."""
        keys = self._slot_keys(subject, slots)
        for key in keys:
            if self.store.claim(key, self.window_seconds):
                break
        return sum(1 for key in keys if self.store.recall(key))

    @staticmethod
    def _slot_keys(subject: str, slots: int) -> list[str]:
        return [f"login-failure:{subject}:{slot}" for slot in range(slots)]

    @staticmethod
    def _wait_key(name: str) -> str:
        return f"login-wait:{name}"

    @staticmethod
    def _block_key(address: str) -> str:
        return f"login-blocked:{address}"
