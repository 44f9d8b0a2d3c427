"""When the request being handled arrived, as gunicorn saw it.

WeChat's 5 s start when it sends, not when a worker thread gets round to the request: under a
burst, or while the store hangs, requests wait in the thread pool's queue first. gunicorn does not
tell the application how long, so :class:`ThreadWorker` (the gthread worker, as the Procfile runs
it) notes the moment each request is handed to the pool, and :func:`arrived_at` gives it to the
code handling that request in the same thread. Elsewhere (the sync worker, the test client) it is
None and callers count from when they started.
"""
from __future__ import annotations

import threading
import time
from typing import Any

from gunicorn.workers.gthread import ThreadWorker as _GThreadWorker

_handling = threading.local()


def arrived_at() -> float | None:
    """``time.monotonic()`` when this thread's current request was queued, if gunicorn said."""
    return getattr(_handling, "arrived", None)


class ThreadWorker(_GThreadWorker):
    """gunicorn's gthread worker, noting when each request (keep-alive ones too) joins the queue."""

    def enqueue_req(self, conn: Any) -> None:
        conn.arrived = time.monotonic()
        super().enqueue_req(conn)

    def handle(self, conn: Any) -> Any:
        _handling.arrived = getattr(conn, "arrived", None)
        try:
            return super().handle(conn)
        finally:
            _handling.arrived = None
