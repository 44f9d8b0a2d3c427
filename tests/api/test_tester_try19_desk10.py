"""try19 V3 (part b): an escalation that rode on a dispute is closed when staff decide the disputed application,
unless it holds a request for a person; through the real app, store and the WeChat stand-in."""
from __future__ import annotations

from dialogs import clock, render
from dialogs.events import Escalate, Text
from bot.applicant.effects import open_escalation
from bot.desk.accounts import audit_trail
from tests.support.chat import Chat, application_in


def say(runtime, user: str, text: str) -> str:
    return "\n".join(runtime.conversations.handle(user, Text(text)))


def _disputed(runtime, user: str, *before: str) -> str:
    """An approved application (materials approved) whose applicant said ``before`` and then reported a wrong unit."""
    chat = Chat(runtime.conversations, user)
    app_id = application_in(chat, "approved", confirm_by="2026-12-26T23:59:59+08:00")
    runtime.store.update("application", app_id, lambda a: {
        **a, "materials": {code: {"status": "approved"} for code in a["checklist"]}})
    for text in before:
        say(runtime, user, text)
    say(runtime, user, "申办信息有误 单位的名字写错了")
    assert runtime.applications.get(app_id)["status"] == "disputed"
    return app_id


def _approve_with_finding(client, as_role, app_id: str) -> None:
    checked = client.post(f"/api/applications/{app_id}/review", json={"decision": "approved", "finding": "单位名称与合同一致"},
                          headers=as_role("staff"))
    assert checked.status_code == 200


def test_a_dispute_joined_to_the_bots_own_escalation_is_closed_by_the_system_when_staff_decide_it(client, runtime, stub, as_role):
    user = "oAutoThenDispute"
    open_escalation(runtime.store, user, Escalate("repeated_failure", note="居住证有效期"), clock.now())
    app_id = _disputed(runtime, user)
    [escalation] = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert [r["reason"] for r in escalation["requests"]] == ["repeated_failure", "dispute"]
    texts_before = len(stub.texts_to(user))
    _approve_with_finding(client, as_role, app_id)
    assert client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"] == []
    closed = runtime.store.get("escalation", escalation["id"])
    assert closed["closed_by"] == "system"
    assert closed["closed_note"].startswith("申办信息已由预审人员核实：") and "单位名称与合同一致" in closed["closed_note"]
    [audited] = [a for a in audit_trail(runtime.store) if a["action"] == "escalation.close"]
    assert audited["actor"] == "system"
    texts = stub.texts_to(user)[texts_before:]
    assert render.escalation_closed_notice() not in texts  # the review's own notice said it


def test_an_escalation_holding_the_applicants_request_for_a_person_stays_open_and_shows_the_decision(client, runtime, stub, as_role):
    user = "oAskedThenDispute"
    app_id = _disputed(runtime, user, "我要找人工客服")
    [escalation] = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert {r["reason"] for r in escalation["requests"]} == {"requested", "dispute"}
    _approve_with_finding(client, as_role, app_id)
    [still] = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert still["id"] == escalation["id"]
    [answered] = still["answered"]
    assert answered["note"].startswith("申办信息已由预审人员核实：")
