"""Background jobs: work that may take longer than WeChat's 5 seconds (media download, PDF
building, sending queued messages).

Two runners behind one ``enqueue``: with a ``redis://`` store, jobs go through RQ to any number of
``python -m bot worker`` processes; on the embedded SQLite default they run on a small thread
pool inside the web process, so one command runs everything.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module
from typing import Any, Protocol

log = logging.getLogger(__name__)

# name -> "module:function"; a job function takes the process's Runtime and keyword arguments.
JOBS: dict[str, str] = {
    "deliver": "bot.outbox:deliver_job",
}


def _function(name: str) -> Callable[..., Any]:
    module, _, func = JOBS[name].partition(":")
    return getattr(import_module(module), func)


def run_job(name: str, kwargs: dict[str, Any]) -> None:
    """Entry point for RQ workers: run a job with this process's runtime."""
    from bot.runtime import process_runtime

    _function(name)(process_runtime(), **kwargs)


class Jobs(Protocol):
    def enqueue(self, name: str, **kwargs: Any) -> None: ...

    def close(self) -> None: ...


class ThreadJobs:
    """Runs jobs on threads of this process (embedded default)."""

    def __init__(self, runtime: Any, workers: int = 2) -> None:
        self.runtime = runtime
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="job")

    def enqueue(self, name: str, **kwargs: Any) -> None:
        self.pool.submit(self._run, name, kwargs)

    def _run(self, name: str, kwargs: dict[str, Any]) -> None:
        try:
            _function(name)(self.runtime, **kwargs)
        except Exception:  # noqa: BLE001 - a job failure is logged and counted, never kills the pool
            log.exception("job %s failed", name)

    def close(self) -> None:
        self.pool.shutdown(wait=True)


class RQJobs:
    """Hands jobs to RQ on the store's Redis."""

    QUEUE = "jifen"

    def __init__(self, redis_url: str) -> None:
        from redis import Redis
        from rq import Queue

        self.queue = Queue(self.QUEUE, connection=Redis.from_url(redis_url))

    def enqueue(self, name: str, **kwargs: Any) -> None:
        self.queue.enqueue(run_job, name, kwargs, retry=None, job_timeout=120)

    def close(self) -> None:
        self.queue.connection.close()


def jobs_for(runtime: Any) -> Jobs:
    url = runtime.config.store_url
    if url.startswith(("redis://", "rediss://")):
        return RQJobs(url.split("?")[0])
    return ThreadJobs(runtime)
