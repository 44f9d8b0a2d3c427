"""Readings one message works out more than once, kept for that message only.

The matching form of a message's text and whether it asks are each read by several steps of one turn
(about 3.5 and 3 calls a message over the benchmarks' walk, on one text: issue 19). Inside
``with one_message():`` (each turn, ``engine.handle``) a function marked ``@per_message`` works its answer
out once a text; outside one (tests, training, the knowledge base's tools) every call works it out as
before. Only pure functions of one text are marked. Nothing outlives the message: no applicant's words
stay in the process, and a message never meets another's readings (the same text sent by the next
applicant is read afresh).
"""
from __future__ import annotations

import functools
from contextvars import ContextVar
from typing import Any, Callable, TypeVar

T = TypeVar("T")

# (function, text) -> its answer, for the message being read; None outside a message.
_KEPT: ContextVar[dict[tuple[Any, str], Any] | None] = ContextVar("per_message", default=None)
_NOT_KEPT = object()  # no answer kept yet (None is an answer)


def per_message(fn: Callable[[str], T]) -> Callable[[str], T]:
    """``fn`` (a pure function of one text) worked out once a text within a message."""

    @functools.wraps(fn)
    def once_a_message(text: str) -> T:
        kept = _KEPT.get()
        if kept is None:
            return fn(text)
        # One lookup for the answer kept (most calls, ~19 of ~20 a message): ``in`` then ``[]`` hashed the
        # key's tuple and searched the dict twice.
        key = (fn, text)
        answer = kept.get(key, _NOT_KEPT)
        if answer is _NOT_KEPT:
            kept[key] = answer = fn(text)
        return answer

    return once_a_message


class one_message:  # noqa: N801 - read as a function: ``with one_message():``
    """Within it, ``@per_message`` functions keep their answers; they are dropped on leaving. A class
    rather than a ``@contextmanager`` generator, as ``clock.turn_on``: entered on every message."""

    def __enter__(self) -> None:
        self._token = _KEPT.set({})

    def __exit__(self, *_: object) -> None:
        _KEPT.reset(self._token)
