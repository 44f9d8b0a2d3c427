"""``python -m bot worker``: the Procfile's worker process.

With a ``redis://`` store it runs RQ on the deployment's queue (start as many as you like, on as
many machines) plus the scheduler. On the embedded default the web process already runs jobs and
the scheduler in-process; a separate worker then only adds the scheduler.
"""
from __future__ import annotations

import argparse
import logging
import signal
import threading

from bot.observe import logs
from bot.background.jobs import queue_name
from bot.runtime import process_runtime
from bot.background.schedule import Scheduler

log = logging.getLogger(__name__)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot worker", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    runtime = process_runtime()
    logs.configure(runtime.config.log_level)
    scheduler = Scheduler(runtime).start()
    url = runtime.config.store_url
    try:
        if url.startswith(("redis://", "rediss://")):
            from redis import Redis
            from rq import SimpleWorker

            from storage.redis import split_url

            connection = Redis.from_url(split_url(url)[0])
            # Jobs run in this process, not in a forked "work horse": a fork while the scheduler
            # thread holds a lock (an import, a connection pool) gives a child that waits on it
            # forever. PDF checks already run in a child process of their own.
            SimpleWorker([queue_name(url)], connection=connection).work(with_scheduler=False)
        else:
            stop = threading.Event()
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, lambda *_: stop.set())
            stop.wait()
    finally:
        scheduler.stop()
        runtime.close()
    return 0
