"""Choosing a backend from ``STORE_URL``."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from storage.base import Store


def open_store(url: str, *, data_key: str | None = None) -> Store:
    """A Store for ``sqlite:///relative/or/absolute.db`` or ``redis://host:port/db[?prefix=name]``;
    with ``data_key`` (a Fernet key), personal fields are encrypted at rest (:mod:`storage.encrypted`)."""
    store = _open_backend(url)
    if data_key is None:
        return store
    from storage.encrypted import EncryptedFields

    return EncryptedFields(store, data_key)


def _open_backend(url: str) -> Store:
    scheme = urlparse(url).scheme
    if scheme == "sqlite":
        from storage.sqlite import SQLiteStore

        return SQLiteStore(Path(url[len("sqlite:///"):] if url.startswith("sqlite:///") else url[len("sqlite://"):]))
    if scheme in ("redis", "rediss"):
        from storage.redis import RedisStore

        return RedisStore(url)
    raise ValueError(f"unsupported store URL {url!r}: expected sqlite:///path.db or redis://host:port/db")
