"""fix75: try21's staff-side findings, through the real app, store and the WeChat stand-in."""
from __future__ import annotations

from tests.support.chat import Chat, application_in
from tests.support.desk_app import make_application, say


def _submitted_with_files(runtime, chat: Chat) -> str:
    app_id = application_in(chat, "draft")
    make_application(runtime, chat.user, application_id=app_id, checklist=runtime.applications.get(app_id)["checklist"])
    return app_id


def _returned(client, runtime, staff, app_id: str, code: str, reason: str) -> None:
    checklist = runtime.applications.get(app_id)["checklist"]
    decision = {"materials": {c: {"status": "returned", "reason": reason} if c == code else {"status": "approved"}
                              for c in checklist}, "decision": "returned"}
    assert client.post(f"/api/applications/{app_id}/review", json=decision, headers=staff).status_code == 200


# -- X32: a contested return withdrawn by the reviewer answers the contest: support's escalation of it is closed --------
def test_withdrawing_a_contested_return_closes_the_contest(client, runtime, stub, as_role):
    chat = Chat(runtime.conversations, "oContestWithdrawn")
    app_id = _submitted_with_files(runtime, chat)
    staff, support = as_role("staff"), as_role("support")
    _returned(client, runtime, staff, app_id, "residence_permit", "居住证有效期不足两个月")
    say(runtime, chat.user, "我的居住证明年10月才到期 怎么会不够两个月 你们弄错了吧")
    [escalation] = client.get("/api/escalations?status=open", headers=support).json["escalations"]
    assert escalation["reason"] == "return_contested"
    reopened = client.post(f"/api/applications/{app_id}/reopen", json={"note": "居住证有效期足够，退回有误"}, headers=staff)
    assert reopened.status_code == 200 and reopened.json["status"] == "submitted"
    assert client.get("/api/escalations?status=open", headers=support).json["escalations"] == []
    closed = runtime.store.get("escalation", escalation["id"])
    assert closed["closed_by"] == "system" and "退回有误" in closed["closed_note"]


# -- X48: an application whose return was withdrawn is no resubmission: the console says the return was withdrawn --------
def test_the_console_shows_a_withdrawn_return_as_withdrawn_not_as_a_resubmission(client, runtime, stub, as_role, logged_in):
    chat = Chat(runtime.conversations, "oReturnWithdrawn")
    app_id = _submitted_with_files(runtime, chat)
    staff = as_role("staff")
    _returned(client, runtime, staff, app_id, "residence_permit", "居住证有效期不足两个月")
    client.post(f"/api/applications/{app_id}/reopen", json={"note": "居住证有效期足够，退回有误"}, headers=staff)
    detail = client.get(f"/api/applications/{app_id}", headers=staff).json
    assert detail["last_return"] is None and detail["return_withdrawn"]["reason"] == "居住证有效期足够，退回有误"
    [row] = [a for a in client.get("/api/applications?status=submitted", headers=staff).json["applications"] if a["id"] == app_id]
    assert not row["resubmitted"]
    logged_in("staff")
    page = client.get(f"/console/applications/{app_id}").get_data(as_text=True)
    assert "退回后重新提交" not in page and "退回已撤回" in page
    assert '上次退回：<span class="asked">居住证' not in page and "已撤回的退回：居住证有效期不足两个月" in page
