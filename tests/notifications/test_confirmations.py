"""预审通过 → 2 natural days to confirm (manual, section 六): a reminder about a day before the
deadline, once; then the scheduled task confirms for the applicant and tells them. Only an applicant
who does nothing is confirmed by the clock: a dispute goes back to staff, and their new approval
starts the 2 days again. Every time here is Shanghai's, with the server in UTC or in Los Angeles."""
from __future__ import annotations

from datetime import datetime

import pytest
import time_machine

from bot.desk import confirmations
from bot.desk.accounts import audit_trail
from dialogs import clock, lifecycle
from dialogs.events import Text
from tests.support.desk_app import CHECKLIST, make_application
from tests.support.zones import SERVER_ZONES, SHANGHAI_OFFSET, server_zone


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A moment of November 2026 in Shanghai."""
    return datetime(2026, 11, day, hour, minute, second, tzinfo=SHANGHAI_OFFSET)


APPROVED_AT = at(24, 7, 30)  # 23:30 on the 23rd in UTC, the 23rd's afternoon in Los Angeles; deadline 26th 23:59:59


@pytest.fixture(params=SERVER_ZONES, autouse=True)
def zone(request):
    with server_zone(request.param):
        yield request.param


def approve(runtime, application_id: str, **checked) -> None:
    runtime.applications.change(application_id, lambda r: lifecycle.reviewed(
        r, materials={code: {"status": "approved"} for code in CHECKLIST}, decision="approved", reason="",
        reviewer="staff1", now=clock.now(), **checked))


def approved(runtime, user: str) -> str:
    record = make_application(runtime, user, now=APPROVED_AT)
    approve(runtime, record["id"])
    return record["id"]


def events_of(runtime, user: str) -> list[str]:
    return sorted(n["event"] for n in runtime.store.find("notification", user_id=user))


def test_the_deadline_is_the_second_natural_day_in_shanghai(runtime):
    with time_machine.travel(APPROVED_AT, tick=False):
        application_id = approved(runtime, "oDeadline")
    record = runtime.applications.get(application_id)
    assert record["confirm_by"] == "2026-11-26T23:59:59+08:00"
    assert record["approved_at"] == "2026-11-24T07:30:00+08:00"
    [notice] = [n for n in runtime.store.find("notification", user_id="oDeadline") if n["event"] == "approved"]
    assert "请在 2026-11-26 23:59 前" in notice["text"]


def test_the_reminder_comes_a_day_before_the_deadline_and_only_once(runtime):
    with time_machine.travel(APPROVED_AT, tick=False) as travel:
        application_id = approved(runtime, "oRemind")
        travel.move_to(at(25, 23))
        confirmations.sweep(runtime.applications, runtime.outbox)
        assert events_of(runtime, "oRemind") == ["approved"]  # 25 hours left: not yet
        travel.move_to(at(26, 0, 30))
        confirmations.sweep(runtime.applications, runtime.outbox)
        confirmations.sweep(runtime.applications, runtime.outbox)
    assert events_of(runtime, "oRemind") == ["approved", "reminder"]
    record = runtime.applications.get(application_id)
    assert record["reminded_at"] == "2026-11-26T00:30:00+08:00" and record["status"] == "approved"
    [reminder] = [n for n in runtime.store.find("notification", user_id="oRemind") if n["event"] == "reminder"]
    assert "2026-11-26 23:59" in reminder["text"] and "确认申办信息" in reminder["text"]


def test_after_the_deadline_the_application_is_confirmed_automatically(runtime):
    with time_machine.travel(APPROVED_AT, tick=False) as travel:
        application_id = approved(runtime, "oSilent")
        travel.move_to(at(26, 23, 59, 58))
        confirmations.sweep(runtime.applications, runtime.outbox)
        assert runtime.applications.get(application_id)["status"] == "approved"
        travel.move_to(at(27, 0, 0, 30))
        confirmations.sweep(runtime.applications, runtime.outbox)
    record = runtime.applications.get(application_id)
    assert record["status"] == "done" and record["auto_confirmed"] is True
    assert record["confirmed_at"] == "2026-11-27T00:00:30+08:00"
    assert [e["status"] for e in record["history"]][-2:] == ["confirmed", "done"]
    assert record["history"][-2]["by"] == "system"
    assert events_of(runtime, "oSilent") == ["approved", "done", "reminder"]
    [done] = [n for n in runtime.store.find("notification", user_id="oSilent") if n["event"] == "done"]
    assert "系统已自动确认" in done["text"]
    entry = audit_trail(runtime.store)[-1]
    assert entry["action"] == "application.auto_confirm" and entry["at"] == "2026-11-27T00:00:30+08:00"


def test_a_disputed_application_is_never_confirmed_by_the_clock(runtime):
    with time_machine.travel(APPROVED_AT, tick=False) as travel:
        application_id = approved(runtime, "oDispute")
        runtime.store.put("conversation", "oDispute", {"flow": "application", "state": "materials", "answers": {},
                                                       "application_id": application_id})
        travel.move_to(at(25, 9))
        reply = "\n".join(runtime.conversations.handle("oDispute", Text("申办信息有误 单位名称不对")))
        assert "工作人员" in reply
        for day in (26, 27, 30):
            travel.move_to(at(day, 12))
            confirmations.sweep(runtime.applications, runtime.outbox)
    record = runtime.applications.get(application_id)
    assert record["status"] == "disputed" and not record.get("reminded_at")
    assert record["disputes"][0]["text"] == "单位名称不对"
    assert events_of(runtime, "oDispute") == ["approved"]  # neither a reminder nor an automatic confirmation
    [escalation] = runtime.store.find("escalation", user_id="oDispute")
    assert escalation["reason"] == "dispute" and escalation["application_id"] == application_id


def test_re_approved_after_a_dispute_the_two_days_start_again_with_their_own_reminder(runtime):
    with time_machine.travel(APPROVED_AT, tick=False) as travel:
        application_id = approved(runtime, "oCorrected")
        travel.move_to(at(26, 1))  # after the first reminder
        confirmations.sweep(runtime.applications, runtime.outbox)
        runtime.applications.change(application_id, lambda r: lifecycle.disputed(r, "职称不对", clock.now()))
        travel.move_to(at(28, 16))  # staff corrected it in the 积分管理系统 and approve again
        approve(runtime, application_id, finding="职称已在积分管理系统中更正")
        record = runtime.applications.get(application_id)
        assert record["status"] == "approved" and record["confirm_by"] == "2026-11-30T23:59:59+08:00"
        travel.move_to(at(29, 23, 30))
        confirmations.sweep(runtime.applications, runtime.outbox)
        assert runtime.applications.get(application_id)["status"] == "approved"
        travel.move_to(at(30, 23, 59, 58))
        confirmations.sweep(runtime.applications, runtime.outbox)
        assert runtime.applications.get(application_id)["status"] == "approved"
        travel.move_to(at(30, 0, 30).replace(day=1, month=12))
        confirmations.sweep(runtime.applications, runtime.outbox)
    assert runtime.applications.get(application_id)["status"] == "done"
    assert events_of(runtime, "oCorrected") == ["approved", "approved", "done", "reminder", "reminder"]
    texts = [n["text"] for n in runtime.store.find("notification", user_id="oCorrected") if n["event"] == "reminder"]
    assert sorted(t.split("请在 ")[1][:16] for t in texts) == ["2026-11-26 23:59", "2026-11-30 23:59"]


def test_an_applicant_who_confirmed_is_left_alone(runtime):
    with time_machine.travel(APPROVED_AT, tick=False) as travel:
        application_id = approved(runtime, "oKeen")
        runtime.applications.change(application_id, lambda r: lifecycle.confirmed(r, clock.now()))
        travel.move_to(at(28, 0))
        confirmations.sweep(runtime.applications, runtime.outbox)
    record = runtime.applications.get(application_id)
    assert record["auto_confirmed"] is False and events_of(runtime, "oKeen") == ["approved"]


def test_the_history_lists_an_automatically_confirmed_application(runtime):
    with time_machine.travel(APPROVED_AT, tick=False) as travel:
        application_id = approved(runtime, "oLater")
        runtime.store.put("conversation", "oLater", {"flow": "application", "state": "materials", "answers": {},
                                                     "application_id": application_id})
        travel.move_to(at(27, 7, 0))  # still the 26th in UTC and in Los Angeles
        confirmations.sweep(runtime.applications, runtime.outbox)
        reply = "\n".join(runtime.conversations.handle("oLater", Text("历史")))
    assert "办结 2026-11-27" in reply and "提交 2026-11-24" in reply and "系统自动确认" in reply
