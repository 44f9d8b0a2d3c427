"""try19 V19: a notice WeChat refused, retried once a newer one made it obsolete, is dropped (fix67), through the
outbox, the WeChat stand-in and a real SQLite store."""
from __future__ import annotations

from datetime import datetime

import time_machine

from bot.desk import confirmations
from dialogs import clock, lifecycle
from tests.support.desk_app import CHECKLIST, make_application
from tests.support.notifications import sent_to
from tests.support.zones import SHANGHAI_OFFSET

APPROVE_ALL = {code: {"status": "approved"} for code in CHECKLIST}
REFUSE_ONCE = {"errcode": 45047, "times": 1, "path": "/cgi-bin/message/custom/send"}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of November 2026 in Shanghai."""
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI_OFFSET)


APPROVED_AT = at(24, 7, 30)  # the deadline: the 26th, 23:59:59; the reminder due from the 26th, 0:00


def _approved(runtime, record: dict) -> None:
    runtime.applications.change(record["id"], lambda r: lifecycle.reviewed(
        r, materials=APPROVE_ALL, decision="approved", reason="", reviewer="staff1", now=clock.now(),
        finding="社保年限核实无误" if r["status"] == "disputed" else ""))


def _delivered_now(runtime, user: str) -> list[str]:
    return [runtime.outbox.deliver(n["id"]) for n in runtime.store.find("notification", user_id=user, status="pending")]


def _reminder_refused_once(runtime, stub, frozen, user: str) -> dict:
    """The approval's reminder to confirm, made by the sweep on the 26th at 1:00 and refused once by WeChat."""
    frozen.move_to(at(26, 1))
    stub.control("fail", REFUSE_ONCE)
    confirmations.sweep(runtime.applications, runtime.outbox)
    [reminder] = [n for n in runtime.store.find("notification", user_id=user) if n["event"] == "reminder"]
    assert runtime.outbox.deliver(reminder["id"]) == "retrying"
    return reminder


def test_a_reminder_retried_after_a_new_approval_is_dropped_not_sent_with_the_old_deadline(runtime, stub):
    """The reminder to confirm by the first approval's deadline, refused by WeChat, was retried after the applicant
    reported the information wrong and staff approved again: it came after the new approval's notice, telling the old
    deadline."""
    user = "oStaleReminder"
    with time_machine.travel(APPROVED_AT, tick=False) as frozen:
        record = make_application(runtime, user, now=APPROVED_AT)
        _approved(runtime, record)
        assert _delivered_now(runtime, user) == ["sent"]
        first_deadline = runtime.applications.get(record["id"])["confirm_by"]
        reminder = _reminder_refused_once(runtime, stub, frozen, user)

        frozen.move_to(at(26, 2))
        runtime.applications.change(record["id"], lambda r: lifecycle.disputed(r, "社保年限不对", clock.now()))
        _approved(runtime, runtime.applications.get(record["id"]))
        assert _delivered_now(runtime, user) == ["sent"]  # the new approval, with its new deadline
        assert runtime.applications.get(record["id"])["confirm_by"] != first_deadline
        frozen.move_to(at(26, 4))
        assert runtime.outbox.deliver(reminder["id"]) == "superseded"
    assert "确认期限已改为" in runtime.store.get("notification", reminder["id"])["error"]
    texts = [m["text"]["content"] for m in sent_to(stub, user)]
    assert len(texts) == 2 and not any(t.startswith("提醒") for t in texts)
    assert clock.minute(first_deadline) not in texts[-1]


def test_a_reminder_retried_while_its_deadline_holds_is_sent(runtime, stub):
    user = "oReminderHolds"
    with time_machine.travel(APPROVED_AT, tick=False) as frozen:
        record = make_application(runtime, user, now=APPROVED_AT)
        _approved(runtime, record)
        _delivered_now(runtime, user)
        reminder = _reminder_refused_once(runtime, stub, frozen, user)
        frozen.move_to(at(26, 1, 5))
        assert runtime.outbox.deliver(reminder["id"]) == "sent"
    assert sent_to(stub, user)[-1]["text"]["content"].startswith("提醒")


def test_a_reminder_refused_then_outdated_by_a_contact_change_is_made_again_with_the_new_deadline(runtime, stub):
    """review5 Q16 (fix71): the refused reminder, dropped as stale once a contact change decided gave a new deadline,
    kept its id (one per approval): the next sweep created nothing and the applicant was auto-confirmed unreminded."""
    user = "oReminderAfterContact"
    with time_machine.travel(APPROVED_AT, tick=False) as frozen:
        record = make_application(runtime, user, now=APPROVED_AT)
        _approved(runtime, record)
        _delivered_now(runtime, user)
        stale = _reminder_refused_once(runtime, stub, frozen, user)

        frozen.move_to(at(26, 2))
        runtime.applications.change(record["id"], lambda r: lifecycle.contact_change_asked(r, "mobile", "13912345678",
                                                                                           clock.now()))
        runtime.applications.change(record["id"], lambda r: lifecycle.contact_change_decided(
            r, "mobile", "apply", reviewer="staff1", now=clock.now()))
        new_deadline = runtime.applications.get(record["id"])["confirm_by"]
        assert runtime.outbox.deliver(stale["id"]) == "superseded"
        frozen.move_to(at(28, 1))
        confirmations.sweep(runtime.applications, runtime.outbox)
        reminders = [n for n in runtime.store.find("notification", user_id=user, status="pending")
                     if n["event"] == "reminder"]
        assert [n["confirm_by"] for n in reminders] == [new_deadline]
        # (WeChat's 48-hour window is closed in this walk, so it waits for a retry: not dropped as stale)
        assert [runtime.outbox.deliver(n["id"]) for n in reminders] != ["superseded"]
