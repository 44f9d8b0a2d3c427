"""Background jobs: work that may take longer than WeChat's 5 seconds (fetching photos and building
PDFs, sending messages), and the periodic tasks (outbox sweep, automatic confirmation).

Two runners behind one ``enqueue``: with a ``redis://`` store, jobs go through RQ to any number of
``python -m bot worker`` processes on any number of machines; on the embedded SQLite default they
run on a small thread pool inside the web process, so one command runs everything.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

from bot.observe.metrics import count_job_failure

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)

# name -> "module:function"; a job function takes the process's Runtime and keyword arguments.
JOBS: dict[str, str] = {
    "build_material": "bot.applicant.material_jobs:build_material",
    "housekeeping": "bot.background.schedule:housekeeping",
    "deliver": "bot.background.outbox:deliver",
    "outbox_reconcile": "bot.background.outbox:reconcile",
    "outbox_sweep": "bot.background.outbox:sweep",
    "confirmation_sweep": "bot.desk.confirmations:sweep",
    "purge_finished_files": "bot.desk.data_rights:purge_finished_files",
}


def _function(name: str) -> Callable[..., Any]:
    module, _, func = JOBS[name].partition(":")
    return getattr(import_module(module), func)


def run(runtime: Runtime, name: str, kwargs: dict[str, Any]) -> None:
    """Run one job now, logging (never raising) its failure: a job failure must not kill a runner."""
    try:
        _function(name)(runtime, **kwargs)
    except Exception:  # noqa: BLE001
        log.exception("job %s failed", name)
        try:
            count_job_failure(runtime.store, name)
        except Exception:  # noqa: BLE001 - the Store may be why the job failed; the log line stays
            log.warning("job %s failure not counted: the store is unavailable", name)


def run_in_worker(name: str, kwargs: dict[str, Any]) -> None:
    """Entry point for RQ workers: run a job with this worker process's runtime."""
    from bot.runtime import process_runtime

    run(process_runtime(), name, kwargs)


class Jobs(Protocol):
    def enqueue(self, name: str, **kwargs: Any) -> None: ...

    def close(self) -> None: ...


class ThreadJobs:
    """Runs jobs on threads of this process (embedded default)."""

    def __init__(self, runtime: Runtime, workers: int = 2) -> None:
        self.runtime = runtime
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="job")

    def enqueue(self, name: str, **kwargs: Any) -> None:
        self.pool.submit(run, self.runtime, name, kwargs)

    def close(self) -> None:
        self.pool.shutdown(wait=True)


class RQJobs:
    """Hands jobs to RQ on the store's Redis; ``python -m bot worker`` runs them."""

    def __init__(self, redis_url: str, queue_name: str) -> None:
        from redis import Redis
        from rq import Queue

        from storage.redis import SOCKET_TIMEOUT

        # The store's timeouts: an enqueue on a Redis that hangs must not hold a web thread forever.
        self.queue = Queue(queue_name, connection=Redis.from_url(
            redis_url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=0.5))

    def enqueue(self, name: str, **kwargs: Any) -> None:
        self.queue.enqueue(run_in_worker, name, kwargs, job_timeout=120, failure_ttl=7 * 86400)

    def close(self) -> None:
        self.queue.connection.close()


def queue_name(store_url: str) -> str:
    """One RQ queue per store prefix, so two deployments (or two tests) on one Redis never mix."""
    from storage.redis import split_url

    return f"jifen-{split_url(store_url)[1]}"


def jobs_for(runtime: Runtime) -> Jobs:
    url = runtime.config.store_url
    if url.startswith(("redis://", "rediss://")):
        from storage.redis import split_url

        return RQJobs(split_url(url)[0], queue_name(url))
    return ThreadJobs(runtime)
