"""Knowing the moment a request has left this process.

When a sender dies waiting for WeChat's answer, the one fact that decides whether its message may
already be with WeChat is whether the request was written out. Before that moment WeChat cannot
have it (an incomplete HTTP request is never acted on); after it, WeChat may. ``requests`` offers
no hook between writing and reading, so this adapter's connections call back right after urllib3
has handed the whole request to the kernel (which still delivers it if the process then dies).

The other fact is WeChat's own answer: a request it answered with an errcode was refused, not acted
on, so it no longer counts as possibly delivered whatever happens next (a token renewal that fails,
say). The client reports such answers with :func:`request_refused`.

The callbacks are per thread of execution (a context variable): only code that asks, inside
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
_callback: ContextVar[tuple[WrittenCallback, WrittenCallback] | None] = ContextVar("on_request_written", default=None)


@contextmanager
def on_request_written(written: WrittenCallback, refused: WrittenCallback) -> Iterator[None]:
    """Call ``written(url)`` after each request made inside the block is written out, and
    ``refused(url)`` when WeChat answered one with an errcode."""
    token = _callback.set((written, refused))
    try:
        yield
    finally:
        _callback.reset(token)


def request_refused(url: str) -> None:
    """WeChat answered the request to ``url`` with an errcode: it was not acted on."""
    callbacks = _callback.get()
    if callbacks is not None:
        callbacks[1](url)


class _Signalling:
    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> None:
        super().request(method, url, *args, **kwargs)  # type: ignore[misc]
        callbacks = _callback.get()
        if callbacks is not None:
            callbacks[0](url)


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
