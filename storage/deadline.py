"""The moment by which the work in hand must be answered, for the storage layer to respect.

A WeChat message must be answered within 5 s of its arrival, whatever the queue it waited in. The
callback sets that moment with :func:`answer_by`; storage then sends no command whose full timeout
would run past it, and waits (for a lock, for another delivery's reply) no longer than it allows.
Outside such a block (jobs, the CLI, the API) there is no deadline and nothing changes.
"""
from __future__ import annotations

import time
from contextvars import ContextVar

from storage.base import StoreError

_deadline: ContextVar[float | None] = ContextVar("answer_by", default=None)


class DeadlinePassed(StoreError):
    """Too little time is left for what was about to start: answer now instead of waiting."""


class answer_by:  # noqa: N801 - read as a function: ``with answer_by(deadline):``
    """Work inside the block must be done by ``deadline`` (a ``time.monotonic()`` value).

    A class rather than a ``@contextmanager`` generator: it is entered on every WeChat message, and the
    generator's context manager costs ~7K instructions more."""

    def __init__(self, deadline: float) -> None:
        self._deadline = deadline

    def __enter__(self) -> None:
        self._token = _deadline.set(self._deadline)

    def __exit__(self, *_: object) -> None:
        _deadline.reset(self._token)


def remaining() -> float | None:
    """Seconds left before the deadline (negative once past), or None when there is none."""
    deadline = _deadline.get()
    return None if deadline is None else deadline - time.monotonic()


def bounded(seconds: float) -> float:
    """``seconds``, or less when the deadline comes sooner (never below zero)."""
    left = remaining()
    return seconds if left is None else max(0.0, min(seconds, left))
