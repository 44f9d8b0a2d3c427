"""Canonical form of what applicants type: half-width, simplified, trimmed.

Applicants type on phones with full-width digits ("２０２７"), traditional characters
(Hong Kong/Taiwan keyboards) and stray spaces; every parser works on this form.
"""
from __future__ import annotations

from functools import lru_cache

_FULLWIDTH_OFFSET = 0xFEE0


_HALFWIDTH = {code: code - _FULLWIDTH_OFFSET for code in range(0xFF01, 0xFF5F)} | {0x3000: ord(" ")} \
    | {0x2460 + n: ord("1") + n for n in range(9)}  # circled ① to ⑨, as menus number options: one digit each


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (！ to ～), the ideographic space and circled digits (③) become their
    half-width forms, character for character."""
    return text.translate(_HALFWIDTH)


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: building the converter costs ~50 ms

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC t2s); ASCII passes through untouched."""
    if text.isascii():
        return text
    return _t2s().convert(text)


@lru_cache(maxsize=1024)  # a turn reads the same message several times (command words, parsers, features)
def canonical(text: str) -> str:
    """Half-width, simplified, with surrounding white space removed."""
    return to_simplified(to_halfwidth(text or "")).strip()
