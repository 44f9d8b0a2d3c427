"""Storage: one Store interface (base.py), backends (sqlite.py, redis.py), files on disk (files.py)."""
from storage.base import Doc, Store, StoreError

__all__ = ["Doc", "Store", "StoreError", "open_store"]


def open_store(url: str, *, data_key: str | None = None) -> Store:
    """A Store for ``sqlite:///path`` or ``redis://host:port/db``; ValueError on anything else.
    With ``data_key``, personal fields are encrypted at rest."""
    from storage.factory import open_store as _open

    return _open(url, data_key=data_key)
