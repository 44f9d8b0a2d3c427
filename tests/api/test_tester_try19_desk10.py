"""try19 V3 (part b): an escalation that rode on a dispute is closed when staff decide the disputed application,
unless it holds a request for a person; through the real app, store and the WeChat stand-in."""
from __future__ import annotations

from dialogs import clock, render
from dialogs.events import Escalate
from bot.applicant.effects import open_escalation
from bot.desk.accounts import audit_trail
from tests.support.desk_app import disputed_by_applicant




def _approve_with_finding(client, as_role, app_id: str) -> None:
    checked = client.post(f"/api/applications/{app_id}/review", json={"decision": "approved", "finding": "单位名称与合同一致"},
                          headers=as_role("staff"))
    assert checked.status_code == 200


def test_a_dispute_joined_to_the_bots_own_escalation_is_closed_by_the_system_when_staff_decide_it(client, runtime, stub, as_role):
    user = "oAutoThenDispute"
    open_escalation(runtime.store, user, Escalate("repeated_failure", note="居住证有效期"), clock.now())
    app_id = disputed_by_applicant(runtime, user)
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
    app_id = disputed_by_applicant(runtime, user, "我要找人工客服")
    [escalation] = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert {r["reason"] for r in escalation["requests"]} == {"requested", "dispute"}
    _approve_with_finding(client, as_role, app_id)
    [still] = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert still["id"] == escalation["id"]
    [answered] = still["answered"]
    assert answered["note"].startswith("申办信息已由预审人员核实：")
