"""Changing an application record in the Store: one atomic update through ``dialogs.lifecycle``,
then whoever listens to status changes (the notification outbox) hears of each new history entry.

Each status change is also counted by day, in the same write (the log ``STATUS_DAYS``, keyed by
the date): the dashboard charts the last weeks from those few entries instead of reading every
application ever made for its history.

The applicant's chat, the upload page, the staff API and the scheduled jobs all change applications
through here, so every status change is notified the same way.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from dialogs import clock
from dialogs.lifecycle import Record
from storage.base import Batch, Store

log = logging.getLogger(__name__)
STATUS_DAYS = "status_day"  # entries {"status": …}, no personal data: they outlive a deleted application
Listener = Callable[[Record, dict[str, Any]], None]


class ApplicationNotFound(LookupError):
    pass


class Applications:
    def __init__(self, store: Store, now: Callable[[], datetime] = clock.now) -> None:
        self.store = store
        self.now = now
        self.listeners: list[Listener] = []

    def get(self, application_id: str) -> Record | None:
        return self.store.get("application", application_id)

    def change(self, application_id: str, fn: Callable[[Record], Record]) -> Record:
        """Apply ``fn`` (a lifecycle function; it may raise LifecycleError) atomically, then tell the
        listeners about each status change it made."""
        before: dict[str, Any] = {}

        def step(current: Record | None) -> Record:
            if current is None:
                raise ApplicationNotFound(application_id)
            before["seq"] = len(current.get("history") or [])
            return fn(current)

        def count_by_day(new: Record | None) -> Batch | None:
            batch = Batch()
            for entry in ((new or {}).get("history") or [])[before["seq"]:]:
                batch.append(STATUS_DAYS, clock.day(entry["at"]), {"status": entry["status"]})
            return batch if batch.ops else None  # most changes (an upload) change no status

        after = self.store.update("application", application_id, step, then=count_by_day)
        for entry in (after.get("history") or [])[before["seq"]:]:
            for listener in self.listeners:
                try:
                    listener(after, entry)
                except Exception:  # noqa: BLE001 - the change is saved; the outbox's reconcile catches up
                    log.exception("listener failed on %s entry %s", application_id, entry.get("seq"))
        return after

    def of_user(self, user_id: str, status: str | None = None) -> list[Record]:
        where = {"user_id": user_id, **({"status": status} if status else {})}
        return self.store.find("application", **where)
