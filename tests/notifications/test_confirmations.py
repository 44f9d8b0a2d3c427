"""预审通过 → 2 natural days to confirm (manual, section 六): a reminder about a day before the
deadline, once; then the scheduled task confirms for the applicant and tells them."""
from __future__ import annotations

from datetime import datetime

import time_machine

from bot import confirmations
from bot.accounts import audit_trail
from dialogs import lifecycle
from dialogs.events import Text
from tests.api.conftest import CHECKLIST, make_application

APPROVED_AT = datetime(2026, 11, 24, 10, 0)  # deadline: 2026-11-26 23:59:59


def approved(runtime, user: str) -> str:
    record = make_application(runtime, user, now=APPROVED_AT)
    runtime.applications.change(record["id"], lambda r: lifecycle.reviewed(
        r, materials={code: {"status": "approved"} for code in CHECKLIST}, decision="approved", reason="",
        reviewer="staff1", now=APPROVED_AT))
    return record["id"]


def events_of(runtime, user: str) -> list[str]:
    return sorted(n["event"] for n in runtime.store.find("notification", user_id=user))


def test_the_reminder_comes_a_day_before_the_deadline_and_only_once(runtime):
    with time_machine.travel(APPROVED_AT, tick=False) as clock:
        application_id = approved(runtime, "oRemind")
        clock.move_to(datetime(2026, 11, 25, 23, 0))
        confirmations.sweep(runtime)
        assert events_of(runtime, "oRemind") == ["approved"]  # 25 hours left: not yet
        clock.move_to(datetime(2026, 11, 26, 0, 30))
        confirmations.sweep(runtime)
        confirmations.sweep(runtime)
    assert events_of(runtime, "oRemind") == ["approved", "reminder"]
    record = runtime.applications.get(application_id)
    assert record["reminded_at"] == "2026-11-26T00:30:00" and record["status"] == "approved"
    [reminder] = [n for n in runtime.store.find("notification", user_id="oRemind") if n["event"] == "reminder"]
    assert "2026-11-26 23:59" in reminder["text"] and "确认申办信息" in reminder["text"]


def test_after_the_deadline_the_application_is_confirmed_automatically(runtime):
    with time_machine.travel(APPROVED_AT, tick=False) as clock:
        application_id = approved(runtime, "oSilent")
        clock.move_to(datetime(2026, 11, 26, 23, 59, 58))
        confirmations.sweep(runtime)
        assert runtime.applications.get(application_id)["status"] == "approved"
        clock.move_to(datetime(2026, 11, 27, 0, 0, 30))
        confirmations.sweep(runtime)
    record = runtime.applications.get(application_id)
    assert record["status"] == "done" and record["auto_confirmed"] is True
    assert [e["status"] for e in record["history"]][-2:] == ["confirmed", "done"]
    assert record["history"][-2]["by"] == "system"
    assert events_of(runtime, "oSilent") == ["approved", "done", "reminder"]
    [done] = [n for n in runtime.store.find("notification", user_id="oSilent") if n["event"] == "done"]
    assert "系统已自动确认" in done["text"]
    assert audit_trail(runtime.store)[-1]["action"] == "application.auto_confirm"


def test_an_applicant_who_confirmed_is_left_alone(runtime):
    with time_machine.travel(APPROVED_AT, tick=False) as clock:
        application_id = approved(runtime, "oKeen")
        runtime.applications.change(application_id, lambda r: lifecycle.confirmed(r, datetime.now()))
        clock.move_to(datetime(2026, 11, 28))
        confirmations.sweep(runtime)
    record = runtime.applications.get(application_id)
    assert record["auto_confirmed"] is False and events_of(runtime, "oKeen") == ["approved"]


def test_the_history_lists_an_automatically_confirmed_application(runtime):
    with time_machine.travel(APPROVED_AT, tick=False) as clock:
        application_id = approved(runtime, "oLater")
        runtime.store.put("conversation", "oLater", {"flow": "application", "state": "materials", "answers": {},
                                                     "application_id": application_id})
        clock.move_to(datetime(2026, 11, 27, 9, 0))
        confirmations.sweep(runtime)
        reply = "\n".join(runtime.conversations.handle("oLater", Text("历史")))
    assert "办结 2026-11-27" in reply and "系统自动确认" in reply
