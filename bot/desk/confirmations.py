"""After 预审通过 the applicant has 2 natural days to confirm (manual, section 六). This scheduled
task reminds them about a day before the deadline, once, and confirms for them once it has passed.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from bot.applicant.applications import Applications
from bot.background.outbox import Outbox
from bot.desk.accounts import audit
from dialogs import clock, lifecycle
from dialogs.lifecycle import Record

REMIND_BEFORE = timedelta(hours=24)


def reminder_due(record: Record, now: datetime) -> bool:
    """Approved, not yet reminded, within a day of the deadline, and not held by a new contact waiting for staff
    (the deadline starts again once they decide: ``lifecycle.contact_change_decided``)."""
    deadline = record.get("confirm_by")
    return (record.get("status") == "approved" and bool(deadline) and not record.get("reminded_at")
            and not record.get("pending_contact")
            and clock.parse(deadline) - REMIND_BEFORE <= clock.in_shanghai(now))


def sweep(applications: Applications, outbox: Outbox) -> None:
    """The ``confirmations`` task: every approved application gets its reminder or its automatic
    confirmation. A disputed one is not approved any more: it waits for staff, never for the clock."""
    now = clock.now()
    for record in applications.store.find("application", status="approved"):
        if lifecycle.due_for_auto_confirmation(record, now):
            confirm_automatically(applications, record["id"], now)
        elif reminder_due(record, now):
            remind(applications, outbox, record, now)


def confirm_automatically(applications: Applications, application_id: str, now: datetime) -> None:
    """确认申办信息 on the applicant's behalf; the outbox tells them (its listener hears 已完成)."""
    def confirm(record: Record) -> Record:
        # Decided again inside the atomic update: the applicant may have confirmed a moment ago.
        if not lifecycle.due_for_auto_confirmation(record, now):
            return record
        return lifecycle.confirmed(record, now, automatic=True)

    after = applications.change(application_id, confirm)
    if after.get("auto_confirmed") and after.get("confirmed_at") == clock.stamp(now):
        # This run confirmed it (another sweep's confirmation has another time): audited once.
        audit(applications.store, "system", "application.auto_confirm", f"application:{application_id}",
              {"confirm_by": after.get("confirm_by")})


def remind(applications: Applications, outbox: Outbox, record: Record, now: datetime) -> None:
    """Mark the reminder on the record, inside the atomic update and only while it still waits for
    confirmation (the applicant may have confirmed since the sweep read it), then send it. A crash
    between the two loses the reminder (the automatic confirmation still follows); it never sends
    one after the applicant confirmed, nor a second one."""
    at = clock.stamp(now)

    def mark(current: Record) -> Record:
        if current.get("status") != "approved" or current.get("reminded_at"):
            return current
        return {**current, "reminded_at": at}

    marked = applications.change(record["id"], mark)
    if marked.get("reminded_at") == at and marked.get("status") == "approved":
        outbox.remind_to_confirm(marked)
