"""An applicant's rights over their data (PIPL): a copy of everything kept about them, its deletion,
and retention limits: on the files of finished applications, and on the chat transcripts of
applicants who have gone quiet with nothing in progress.

What is kept about an applicant, all keyed by their openid: the conversation (state and answers),
applications (answers, checklist, material metadata, status history, disputes), escalations,
notifications, the chat transcript, and the materials' files, which are stored once per content
(:class:`storage.files.FileStore`) and may therefore be shared with another application.

Not covered: short-lived keys that expire by themselves (message deduplication and cached replies
after 10 minutes, locks after seconds), and the audit log, which records who did what to an
application and keeps no personal data. Nothing here imports Flask: the CLI and the scheduled job
call it.
"""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.applicant.applications import delete_unshared_files, file_refs, shas_of
from bot.desk.accounts import audit
from bot.applicant.effects import open_escalation_key
from bot.observe.logs import user_hash
from dialogs import clock
from storage.base import Doc, Store
from storage.files import FileStore
from storage.locks import UserLock

log = logging.getLogger(__name__)

# Kinds of documents that belong to one applicant through their ``user_id`` index.
OWNED_KINDS = ("application", "escalation", "notification")
TRANSCRIPT = "transcript"


@dataclass(frozen=True)
class Deletion:
    """What a deletion removed, as counts: all the audit log keeps of it, with the user's hash."""

    conversation: int
    applications: int
    escalations: int
    notifications: int
    transcript_entries: int
    files_deleted: int
    files_kept_shared: int  # the same content is a material of another applicant's application


# -- export -----------------------------------------------------------------------------------
def export_user(store: Store, files: FileStore, user_id: str, now: datetime) -> Doc:
    """Everything kept about ``user_id``, as one JSON-able document. Files are listed by SHA-256
    (``stored`` says whether the file itself is still kept; see :func:`copy_files`)."""
    owned = {kind: store.find(kind, user_id=user_id) for kind in OWNED_KINDS}
    return {
        "user_id": user_id,
        "exported_at": clock.stamp(now),
        "conversation": store.get("conversation", user_id),
        "applications": owned["application"],
        "escalations": owned["escalation"],
        "notifications": owned["notification"],
        "transcript": store.read_log(TRANSCRIPT, user_id),
        "files": [{**ref, "stored": files.exists(ref["sha256"])} for ref in file_refs(owned["application"])],
    }


def holds_data(export: Doc) -> bool:
    """Whether an export found anything at all (an empty one usually means a mistyped openid)."""
    return any(export[part] for part in ("conversation", "applications", "escalations", "notifications", "transcript"))


def copy_files(files: FileStore, export: Doc, target: Path) -> int:
    """Copy the export's stored files into ``target`` as ``<sha256>.pdf``; how many were copied."""
    target.mkdir(parents=True, exist_ok=True)
    copied = set()
    for ref in export["files"]:
        sha = ref["sha256"]
        if ref["stored"] and sha not in copied:
            (target / f"{sha}.pdf").write_bytes(files.read(sha))
            copied.add(sha)
    return len(copied)


# -- deletion ---------------------------------------------------------------------------------
def delete_user(store: Store, files: FileStore, user_id: str, *, actor: str, secret_key: str) -> Deletion:
    """Delete everything kept about ``user_id``, files included unless another application still
    uses the same content, and record the deletion in the audit log by the user's hash and counts.

    Holds the applicant's conversation lock, so a message arriving meanwhile cannot save its turn
    half-way through; one arriving afterwards starts a new conversation.
    """
    with UserLock(store).hold(user_id):
        owned = {kind: store.find(kind, user_id=user_id) for kind in OWNED_KINDS}
        transcript_entries = len(store.read_log(TRANSCRIPT, user_id))
        conversation = store.delete("conversation", user_id)
        for kind, docs in owned.items():
            for doc in docs:
                store.delete(kind, doc["id"])
        store.delete_log(TRANSCRIPT, user_id)
        store.forget(open_escalation_key(user_id))
    # References are read after the records are gone, so only other applications count.
    deleted, kept = delete_unshared_files(store, files, shas_of(owned["application"]), purging=set())
    deletion = Deletion(conversation=int(conversation), applications=len(owned["application"]),
                        escalations=len(owned["escalation"]), notifications=len(owned["notification"]),
                        transcript_entries=transcript_entries, files_deleted=deleted, files_kept_shared=kept)
    audit(store, actor, "data.delete", f"user:{user_hash(user_id, secret_key)}", asdict(deletion))
    return deletion


# -- retention ----------------------------------------------------------------------------------
ORPHAN_GRACE = timedelta(days=1)  # a file is stored a moment before the record that points to it


def purge_finished_files(store: Store, files: FileStore, *, retention_days: int) -> None:
    """The scheduled job: files of applications done more than RETENTION_DAYS ago are deleted, and
    so are files no application points to any more (replaced, deleted, discarded drafts), and the
    transcripts of applicants quiet for RETENTION_DAYS with nothing in progress."""
    now, retention = clock.now(), timedelta(days=retention_days)
    purge_expired_files(store, files, retention=retention, now=now)
    collect_unreferenced_files(store, files, now=now)
    purge_quiet_transcripts(store, retention=retention, now=now)


def purge_quiet_transcripts(store: Store, *, retention: timedelta, now: datetime) -> int:
    """Delete the transcript of every applicant whose last message is older than ``retention``, who
    has no application in progress (all done, or none) and no open escalation: support has nothing
    left to read it for. Returns how many transcripts went."""
    cutoff = clock.in_shanghai(now - retention)
    purged = 0
    for user_id in store.log_keys(TRANSCRIPT):
        last = store.read_log(TRANSCRIPT, user_id, last=1)
        # Compared as moments, not strings: older lines hold naive local times, newer ones an offset.
        if last and last[0].get("at") and clock.parse(last[0]["at"]) > cutoff:
            continue
        # From the indexes alone: nothing is loaded or decrypted for an applicant who stays.
        in_progress = (store.count("application", user_id=user_id)
                       - store.count("application", user_id=user_id, status="done"))
        if in_progress or store.count("escalation", user_id=user_id, status="open"):
            continue
        store.delete_log(TRANSCRIPT, user_id)
        purged += 1
    if purged:
        audit(store, "system", "retention.purge_transcripts", "transcripts", {"transcripts": purged})
        log.info("retention: %d transcripts of quiet applicants deleted", purged)
    return purged


def collect_unreferenced_files(store: Store, files: FileStore, *, now: datetime,
                               grace: timedelta = ORPHAN_GRACE) -> int:
    """Delete stored files older than ``grace`` that no application refers to; how many were deleted."""
    cutoff = (now - grace).timestamp()
    candidates = [sha for sha, modified in files.stored() if modified < cutoff]
    if not candidates:
        return 0
    referenced = shas_of(store.find("application"))
    deleted = sum(files.delete(sha) for sha in candidates if sha not in referenced)
    if deleted:
        audit(store, "system", "retention.collect_files", "files", {"files_deleted": deleted})
    return deleted


def purge_expired_files(store: Store, files: FileStore, *, retention: timedelta, now: datetime) -> int:
    """Delete the files of every application finished (``done``) before ``now - retention`` and mark
    it ``files_purged_at``; its record and material metadata stay. Returns how many were purged."""
    cutoff = now - retention
    due = [record for record in store.find("application", status="done")
           if not record.get("files_purged_at") and _finished_before(record, cutoff)]
    if not due:
        return 0
    # Files go first: a crash before the marks leaves records to purge again, never a file forgotten.
    deleted, kept = delete_unshared_files(store, files, shas_of(due), purging={r["id"] for r in due})
    purged_at = clock.stamp(now)
    for record in due:
        store.update("application", record["id"],
                     lambda current: current and {**current, "files_purged_at": purged_at})
    audit(store, "system", "retention.purge_files", "applications",
          {"applications": len(due), "files_deleted": deleted, "files_kept_shared": kept})
    log.info("retention: files of %d finished applications purged (%d files deleted)", len(due), deleted)
    return len(due)


def _finished_before(record: Doc, cutoff: datetime) -> bool:
    done_at = next((entry["at"] for entry in reversed(record.get("history") or []) if entry["status"] == "done"), None)
    if done_at is None:
        return False
    return clock.parse(done_at) <= clock.in_shanghai(cutoff)
