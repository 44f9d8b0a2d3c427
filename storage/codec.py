"""How documents and log entries become the text a backend keeps, and back: JSON through orjson.

orjson (C, one call) encodes a conversation's state in about a quarter of the standard library's
time and decodes it in about half. It writes compact JSON (no spaces after separators), which the
standard library's decoder and Redis' cjson read as before; it reads what the standard library
wrote, so values stored before it stay readable as they are. Keys that are not strings are written
as strings, as ``json.dumps`` did.
"""
from __future__ import annotations

from typing import Any

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS


def encoded(value: Any) -> str:
    """``value`` as JSON text (non-ASCII characters as they are)."""
    return orjson.dumps(value, option=_OPTIONS).decode()


def encoded_utf8(value: Any) -> bytes:
    """``encoded(value)`` as UTF-8, the bytes orjson writes: for what takes bytes (a Redis command, a
    cipher), without the text made from them and encoded again (~2 KB of a state's JSON a message, issue 19)."""
    return orjson.dumps(value, option=_OPTIONS)


def decoded(text: str | bytes) -> Any:
    """The value of JSON text."""
    return orjson.loads(text)
