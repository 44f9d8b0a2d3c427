"""try19 V3 (part b) in support's list: what the review of a disputed application did to the escalation it rode on."""
from __future__ import annotations

from dialogs import clock
from dialogs.events import Escalate, Text
from bot.applicant.effects import open_escalation
from tests.support.chat import Chat, application_in
from tests.support.console_http import csrf_of
from tests.support.accounts import PASSWORD


def _disputed(runtime, user: str, *before: str) -> str:
    chat = Chat(runtime.conversations, user)
    app_id = application_in(chat, "approved", confirm_by="2026-12-26T23:59:59+08:00")
    runtime.store.update("application", app_id, lambda a: {
        **a, "materials": {code: {"status": "approved"} for code in a["checklist"]}})
    for text in (*before, "申办信息有误 单位的名字写错了"):
        runtime.conversations.handle(user, Text(text))
    return app_id


def _browser(app, role: str):
    browser = app.test_client()
    login = browser.get("/console/login").get_data(as_text=True)
    browser.post("/console/login", data={"name": f"{role}1", "password": PASSWORD, "csrf_token": csrf_of(login)})
    return browser, csrf_of(browser.get("/console/").get_data(as_text=True))


def _decided_in_the_console(app, app_id: str) -> None:
    staff, csrf = _browser(app, "staff")
    form = {"csrf_token": csrf, "decision": "approve_all", "finding": "单位名称与劳动合同一致"}
    assert staff.post(f"/console/applications/{app_id}/review", data=form).status_code == 302


def test_support_sees_the_dispute_decided_on_an_escalation_that_still_holds_a_request_for_a_person(app, runtime, stub, tokens):
    app_id = _disputed(runtime, "oConsoleAsked", "我要找人工客服")
    _decided_in_the_console(app, app_id)
    support, _ = _browser(app, "support")
    html = support.get("/console/escalations?status=open").get_data(as_text=True)
    assert "申办信息已由预审人员核实：单位名称与劳动合同一致（预审通过）" in html and "结束人工服务" in html


def test_support_sees_who_closed_a_decided_dispute_and_why(app, runtime, stub, tokens):
    open_escalation(runtime.store, "oConsoleAuto", Escalate("repeated_failure", note="居住证有效期"), clock.now())
    app_id = _disputed(runtime, "oConsoleAuto")
    _decided_in_the_console(app, app_id)
    support, _ = _browser(app, "support")
    assert "没有待处理的人工服务请求" in support.get("/console/escalations?status=open").get_data(as_text=True)
    html = support.get("/console/escalations?status=closed").get_data(as_text=True)
    assert "由 系统 结束" in html and "申办信息已由预审人员核实：单位名称与劳动合同一致（预审通过）" in html
