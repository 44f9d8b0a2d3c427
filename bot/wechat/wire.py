"""Knowing the moment a request has left this process.

When a sender dies waiting for WeChat's answer, the one fact that decides whether its message may
already be with WeChat is whether the request was written out. Before that moment WeChat cannot
have it (an incomplete HTTP request is never acted on); after it, WeChat may. ``requests`` offers
no hook between writing and reading, so this adapter's connections call back right after urllib3
has handed the whole request to the kernel (which still delivers it if the process then dies).

The callback is per thread of execution (a context variable): only code that asks, inside
:func:`on_request_written`, is called, and every other request behaves exactly as without it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

WrittenCallback = Callable[[str], None]
_callback: ContextVar[WrittenCallback | None] = ContextVar("on_request_written", default=None)


@contextmanager
def on_request_written(callback: WrittenCallback) -> Iterator[None]:
    """Call ``callback(url)`` after each request made inside the block is written out."""
    token = _callback.set(callback)
    try:
        yield
    finally:
        _callback.reset(token)


class _Signalling:
    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> None:
        super().request(method, url, *args, **kwargs)  # type: ignore[misc]
        callback = _callback.get()
        if callback is not None:
            callback(url)


class _HTTPConnection(_Signalling, HTTPConnection):
    pass


class _HTTPSConnection(_Signalling, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class SignallingAdapter(HTTPAdapter):
    """A ``requests`` adapter whose connections report written requests to :func:`on_request_written`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
