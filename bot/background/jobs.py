"""Background job runners: work that may take longer than WeChat's 5 seconds (fetching photos and
building PDFs, sending messages), and the periodic tasks (outbox sweep, automatic confirmation).

Two runners behind one ``enqueue``: with a ``redis://`` store, jobs go through RQ to any number of
``python -m bot worker`` processes on any number of machines; on the embedded SQLite default they
run on a small thread pool inside the web process, so one command runs everything. What a job
does is :mod:`bot.background.tasks`; a runner only carries its name and arguments.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from storage.redis import SOCKET_TIMEOUT, split_url


class Jobs(Protocol):
    def enqueue(self, name: str, **kwargs: Any) -> None: ...

    def close(self) -> None: ...


class ThreadJobs:
    """Runs jobs on threads of this process (embedded default)."""

    def __init__(self, run: Callable[[str, dict[str, Any]], None], workers: int = 2) -> None:
        self.run = run
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="job")

    def enqueue(self, name: str, **kwargs: Any) -> None:
        self.pool.submit(self.run, name, kwargs)

    def close(self) -> None:
        self.pool.shutdown(wait=True)


class RQJobs:
    """Hands jobs to RQ on the store's Redis; ``python -m bot worker`` runs them with ``entry``."""

    def __init__(self, redis_url: str, queue_name: str, entry: Callable[[str, dict[str, Any]], None]) -> None:
        from redis import Redis
        from rq import Queue

        # The store's timeouts: an enqueue on a Redis that hangs must not hold a web thread forever.
        self.queue = Queue(queue_name, connection=Redis.from_url(
            redis_url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=0.5))
        self.entry = entry

    def enqueue(self, name: str, **kwargs: Any) -> None:
        self.queue.enqueue(self.entry, name, kwargs, job_timeout=120, failure_ttl=7 * 86400)

    def close(self) -> None:
        self.queue.connection.close()


def queue_name(store_url: str) -> str:
    """One RQ queue per store prefix, so two deployments (or two tests) on one Redis never mix."""
    return f"jifen-{split_url(store_url)[1]}"


def jobs_for(store_url: str, run: Callable[[str, dict[str, Any]], None],
             entry: Callable[[str, dict[str, Any]], None]) -> Jobs:
    """RQ on a Redis store (workers run ``entry``), threads running ``run`` otherwise."""
    if store_url.startswith(("redis://", "rediss://")):
        return RQJobs(split_url(store_url)[0], queue_name(store_url), entry)
    return ThreadJobs(run)
