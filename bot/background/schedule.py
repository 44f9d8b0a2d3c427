"""Periodic tasks, as a table: what runs, how often. Every process that runs the scheduler (each
``python -m bot worker``, or the web process on the embedded default) ticks through the table, and
a task runs only where its claim in the Store succeeds, so it runs once per interval in the whole
deployment however many processes there are.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import time
from typing import TYPE_CHECKING

from bot.background.tasks import run

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)

# name -> (every N seconds, job name in bot.background.tasks.TASKS)
TASKS: dict[str, tuple[float, str]] = {
    "housekeeping": (3600, "housekeeping"),
    "outbox": (5, "outbox_sweep"),
    "outbox_reconcile": (300, "outbox_reconcile"),
    "confirmations": (60, "confirmation_sweep"),
    "retention": (3600, "purge_finished_files"),
}
TICK_SECONDS = 1.0
HEARTBEAT_KEY = "worker:heartbeat"
HEARTBEAT_TTL = 30


def tick(runtime: Runtime) -> list[str]:
    """Run every task that is due and not claimed elsewhere; the names of those run here."""
    ran = []
    store = runtime.store
    store.remember(HEARTBEAT_KEY, f"{socket.gethostname()}:{os.getpid()}:{int(time.time())}", HEARTBEAT_TTL)
    for name, (every, job) in TASKS.items():
        if store.claim(f"schedule:{name}", every):
            run(runtime, job, {})
            ran.append(name)
    return ran


def worker_alive(runtime: Runtime) -> bool:
    return runtime.store.recall(HEARTBEAT_KEY) is not None


class Scheduler:
    """Ticks in a daemon thread until stopped."""

    def __init__(self, runtime: Runtime, every: float = TICK_SECONDS) -> None:
        self.runtime, self.every = runtime, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="scheduler", daemon=True)

    def start(self) -> Scheduler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                tick(self.runtime)
            except Exception:  # noqa: BLE001 - a store hiccup must not end the scheduler
                log.exception("scheduler tick failed")
            self._stop.wait(self.every)
