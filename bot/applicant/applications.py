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
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from dialogs import clock, lifecycle
from dialogs.lifecycle import Record
from storage.base import Batch, Doc, Store
from storage.files import FileStore

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
                if entry.get("withdrawn"):  # a return withdrawn for some materials: no new return that day
                    continue
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

    def submit(self, application_id: str, files: FileStore | None) -> Record:
        """Submit for review (``lifecycle.submitted``). The uploads a changed answer set aside go with it (what
        is submitted is all the reviewers see, and a file is not kept for nothing: review6 R1), their files
        deleted unless a submitted item or another application shares the content. ``files``: None where no
        file store is wired (the dialogue alone)."""
        dropped: set[str] = set()

        def submit(record: Record) -> Record:
            dropped.update(m["sha256"] for m in (record.get("set_aside") or {}).values() if m.get("sha256"))
            return lifecycle.submitted(record, self.now())

        record = self.change(application_id, submit)
        if files is not None and dropped:
            delete_unshared_files(self.store, files, dropped, purging=set())
        return record

    def of_user(self, user_id: str, status: str | None = None) -> list[Record]:
        where = {"user_id": user_id, **({"status": status} if status else {})}
        return self.store.find("application", **where)


# -- files shared by content ----------------------------------------------------------------------
def delete_unshared_files(store: Store, files: FileStore, shas: set[str], purging: set[str]) -> tuple[int, int]:
    """Delete each file of ``shas`` that no other application still keeps: applications whose files
    were purged do not count, nor those in ``purging`` (the ids whose files go now).
    Returns (deleted, kept because shared)."""
    elsewhere = {ref["sha256"] for ref in file_refs(
        r for r in store.find("application") if r["id"] not in purging and not r.get("files_purged_at"))}
    deleted = sum(files.delete(sha) for sha in shas - elsewhere)
    return deleted, len(shas & elsewhere)


def file_refs(applications: Iterable[Doc]) -> Iterator[dict[str, Any]]:
    """Each material file of these applications: SHA-256, application, material, pages, size. Uploads set
    aside by a changed answer (``set_aside``) are the applicant's files too: exported, purged, never orphans."""
    for record in applications:
        for code, material in [*(record.get("materials") or {}).items(), *(record.get("set_aside") or {}).items()]:
            if material.get("sha256"):
                yield {"sha256": material["sha256"], "application_id": record["id"], "material": code,
                       "pages": material.get("pages"), "size": material.get("size")}


def shas_of(applications: Iterable[Doc]) -> set[str]:
    """The SHA-256 of every material file of these applications (set-aside uploads included)."""
    return {ref["sha256"] for ref in file_refs(applications)}
