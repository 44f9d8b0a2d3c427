"""Pages of the desk's lists (applications, escalations) for the API and the console alike: a list
of thousands of applications is answered fifty at a time, and only the page shown is summarised.

Offsets into a sorted list, not cursors: the lists are sorted by time, small enough to sort whole,
and a reviewer paging while new applications arrive sees at worst a row twice, never loses one
they were looking for (it is still found by its filters).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from bot.desk.errors import InvalidInput

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


@dataclass(frozen=True)
class Page(Generic[T]):
    """One slice of a sorted list, knowing where it sits in the whole."""

    items: list[T]
    total: int
    offset: int
    limit: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None

    def described(self) -> dict[str, Any]:
        """Where this page sits, for a JSON answer next to its items."""
        return {"total": self.total, "offset": self.offset, "limit": self.limit, "next_offset": self.next_offset}


@dataclass(frozen=True)
class PageRequest:
    """Which slice was asked for: ``offset`` and ``limit`` query parameters."""

    offset: int = 0
    limit: int = DEFAULT_LIMIT

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> PageRequest:
        """From query parameters; InvalidInput when one is not a whole number in range."""
        return cls(offset=_whole(args, "offset", 0, 0, None), limit=_whole(args, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT))

    def of(self, ordered: Sequence[T]) -> Page[T]:
        return Page(list(ordered[self.offset:self.offset + self.limit]), len(ordered), self.offset, self.limit)


def _whole(args: Mapping[str, str], name: str, default: int, least: int, most: int | None) -> int:
    raw = (args.get(name) or "").strip()
    if not raw:
        return default
    value = int(raw) if raw.isascii() and raw.isdecimal() else None
    if value is None or value < least or (most is not None and value > most):
        bounds = f"{least} 到 {most}" if most is not None else f"不小于 {least}"
        raise InvalidInput(f"{name} 应为{bounds}的整数")
    return value
