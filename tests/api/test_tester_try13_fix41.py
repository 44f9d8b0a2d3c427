"""try13's findings on escalations, returns and the staff's view, through the real app, store and the WeChat
stand-in (fix41)."""
from __future__ import annotations

from datetime import datetime

from dialogs import clock, lifecycle
from dialogs.events import Text
from tests.support.accounts import last_decision
from tests.support.chat import Chat, application_in
from tests.support.desk_app import make_application


def say(runtime, user: str, text: str) -> str:
    return "\n".join(runtime.conversations.handle(user, Text(text)))


def support_writes(client, runtime, as_role, user: str, text: str = "您好，我是客服小王，正在为您处理。") -> str:
    [escalation] = runtime.store.find("escalation", user_id=user, status="open")
    client.post(f"/api/escalations/{escalation['id']}/reply", json={"text": text}, headers=as_role("support"))
    return escalation["id"]


# -- T36: a new mobile after submission never mutes the bot (fix42: it waits on the application for staff, and
# opens no escalation whose reply would take the applicant's next messages) -------------------------------------
def test_a_question_after_a_mobile_change_handed_to_staff_is_answered_by_the_bot(client, runtime, as_role):
    chat = Chat(runtime.conversations, "oMobileLater")
    application_in(chat, "approved")
    assert "186****1235" in say(runtime, chat.user, "手机号不对 现在用的是18600001235")
    assert runtime.store.find("escalation", user_id=chat.user) == []
    reply = say(runtime, chat.user, "要是我过了两天没确认会怎样")
    assert not reply.startswith("收到，您的消息已转给") and "确认" in reply


# -- T11: a question the knowledge base answers is answered while a person has the request ------------------
def test_a_question_with_an_answer_is_answered_while_a_person_talks_to_the_applicant(client, runtime, as_role):
    chat = Chat(runtime.conversations, "oAskedPerson")
    application_in(chat, "approved")
    say(runtime, chat.user, "人工")
    support_writes(client, runtime, as_role, chat.user)
    reply = say(runtime, chat.user, "确认以后多久能出积分结果")
    assert not reply.startswith("收到，您的消息已转给") and "客服" in reply  # answered, and said support sees it
    assert say(runtime, chat.user, "好的 那我等你们消息").startswith("收到，您的消息已转给")  # a remark: theirs


# -- T9: a complaint after 人工 is acknowledged as going to that person ------------------------------------
def test_a_contest_after_asking_for_a_person_goes_to_that_person(client, runtime, as_role):
    chat = Chat(runtime.conversations, "oContestAfter")
    application_in(chat, "returned", materials={"id_card": {"status": "returned", "reason": "身份证反面不清晰"}})
    say(runtime, chat.user, "人工")
    reply = say(runtime, chat.user, "身份证是原件拍的 很清楚 审核是不是看错了")
    assert "回复“人工”" not in reply and "工作人员" in reply


# -- T34: a return contested in so many words goes to a person with the reason given ------------------------
def test_an_explicit_contest_of_a_return_opens_a_review_request_with_its_reason(client, runtime, as_role):
    chat = Chat(runtime.conversations, "oContested")
    application_in(chat, "returned", materials={"id_card": {"status": "returned", "reason": "身份证已过期"}})
    reply = say(runtime, chat.user, "我不同意这个退回理由 我的身份证明年才到期")
    assert "身份证已过期" in reply and "已把您对退回的意见转给工作人员复核" in reply and "回复“人工”" not in reply
    [escalation] = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert escalation["reason"] == "return_contested" and "明年才到期" in escalation["note"]


# -- T13: the API's 下一份 goes on to a disputed application once no submission waits ----------------------------
def test_next_offers_a_disputed_application_once_no_submission_waits(client, runtime, as_role):
    approve_all = {"materials": {code: {"status": "approved"} for code in make_application(runtime, "oDisp")["checklist"]},
                   "decision": "approved"}
    client.post("/api/applications/app-oDisp/review", json=approve_all, headers=as_role("staff"))
    runtime.applications.change("app-oDisp", lambda r: lifecycle.disputed(r, "单位名字不对", clock.now()))
    waiting = make_application(runtime, "oWaiting", now=datetime(2026, 11, 2, 9))
    first = client.get("/api/applications/next", headers=as_role("staff")).json
    assert first["application"]["id"] == waiting["id"]  # a submission first
    second = client.get(f"/api/applications/next?after={waiting['id']}", headers=as_role("staff")).json
    assert second["application"]["id"] == "app-oDisp" and second["application"]["status"] == "disputed"


# -- T35: staff withdraw a return found wrong; audited, the applicant told, reviewed again ------------------------
def test_staff_withdraw_a_wrong_return_and_the_applicant_is_told(client, runtime, stub, as_role):
    record = make_application(runtime, "oWrongReturn")
    staff = as_role("staff")
    returned = {"materials": {"id_card": {"status": "returned", "reason": "身份证已过期"}}, "decision": "returned"}
    assert client.post(f"/api/applications/{record['id']}/review", json=returned, headers=staff).status_code == 200
    assert client.post(f"/api/applications/{record['id']}/reopen", json={}, headers=staff).status_code == 400
    answer = client.post(f"/api/applications/{record['id']}/reopen", json={"note": "复核后身份证有效期无误"}, headers=staff)
    assert answer.status_code == 200 and answer.json["status"] == "submitted"
    [id_card] = [m for m in answer.json["materials"] if m["code"] == "id_card"]
    assert id_card["status"] == "uploaded"  # its file kept, to be reviewed again
    told = stub.texts_to("oWrongReturn")[-1]
    assert "退回已由审核人员撤回" in told and "复核后身份证有效期无误" in told and "不需要重新上传" in told
    entry = last_decision(runtime.store)
    assert (entry["actor"], entry["action"]) == ("staff1", "review.reopened")
    approve = {"materials": {code: {"status": "approved"} for code in record["checklist"]}, "decision": "approved"}
    assert client.post(f"/api/applications/{record['id']}/review", json=approve, headers=staff).json["status"] == "approved"
    again = client.post(f"/api/applications/{record['id']}/reopen", json={"note": "再撤一次"}, headers=staff)
    assert again.status_code == 409  # only a returned application


def test_the_console_offers_withdrawing_a_return_on_a_returned_application(client, runtime, stub, logged_in):
    record = make_application(runtime, "oConsoleReopen")
    runtime.applications.change(record["id"], lambda r: lifecycle.reviewed(
        r, materials={"id_card": {"status": "returned", "reason": "身份证已过期"}}, decision="returned", reason="",
        reviewer="staff1", now=clock.now()))
    csrf = logged_in("staff")
    page = client.get(f"/console/applications/{record['id']}").get_data(as_text=True)
    assert "撤回退回" in page
    client.post(f"/console/applications/{record['id']}/reopen", data={"note": "复核无误", "csrf_token": csrf})
    assert runtime.applications.get(record["id"])["status"] == "submitted"
    assert "退回已由审核人员撤回" in stub.texts_to("oConsoleReopen")[-1]


# -- T26: the escalation of a dispute is closed by the review that answered it ------------------------------------
def test_the_review_that_answers_a_dispute_closes_its_escalation(client, runtime, as_role):
    chat = Chat(runtime.conversations, "oDisputeDone")
    app_id = application_in(chat, "approved", confirm_by="2026-12-26T23:59:59+08:00")
    runtime.store.update("application", app_id, lambda a: {
        **a, "materials": {code: {"status": "approved"} for code in a["checklist"]}})
    record = runtime.applications.get(app_id)
    say(runtime, "oDisputeDone", "申办信息有误 单位名字不对")
    assert runtime.applications.get(record["id"])["status"] == "disputed"
    [escalation] = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert escalation["reason"] == "dispute"
    checked = client.post(f"/api/applications/{record['id']}/review", json={"decision": "approved", "finding": "单位名称核对无误"},
                          headers=as_role("staff"))
    assert checked.status_code == 200
    assert client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"] == []
    assert runtime.store.get("escalation", escalation["id"])["closed_by"] == "system"
    assert not say(runtime, "oDisputeDone", "好的").startswith("收到，您的消息已转给")
