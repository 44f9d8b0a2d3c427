"""Fitting our replies into what WeChat carries: one passive reply per message, and
customer-service texts of at most 2048 bytes each."""
from __future__ import annotations

MAX_TEXT_BYTES = 2048


def passive_text(replies: list[str]) -> str:
    """All replies as one passive text (WeChat allows one passive reply per message)."""
    return "\n\n".join(r for r in replies if r)


def split_text(text: str, limit: int = MAX_TEXT_BYTES) -> list[str]:
    """Pieces of at most ``limit`` UTF-8 bytes, cut at line ends where possible and never
    inside a character."""
    pieces: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        if len((current + line).encode("utf-8")) <= limit:
            current += line
            continue
        if current:
            pieces.append(current.rstrip("\n"))
            current = ""
        while len(line.encode("utf-8")) > limit:
            cut = _fit(line, limit)
            pieces.append(line[:cut])
            line = line[cut:]
        current = line
    if current.strip():
        pieces.append(current.rstrip("\n"))
    return pieces


def _fit(line: str, limit: int) -> int:
    """How many characters of ``line`` fit in ``limit`` bytes."""
    size = 0
    for i, ch in enumerate(line):
        size += len(ch.encode("utf-8"))
        if size > limit:
            return max(i, 1)
    return len(line)
