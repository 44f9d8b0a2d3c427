"""No internal code reaches a person: every console page, filled with what a working day leaves
behind (a review, a return, escalations from several steps, a menu click, a failed notification,
CLI and console entries in the audit log), is read as a person sees it, and no run of four or more
lowercase Latin letters may appear outside what is data (ids, openids, account names). The day
also leaves an application whose applicant reported wrong details (disputed) and a notification
staff resent (its audit entry names the state it was in)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from bot.desk.accounts import audit, audit_trail
from dialogs import clock, lifecycle
from dialogs.events import Command, Text
from tests.support.desk_app import make_application

CODE_WORD = re.compile(r"[a-z_]{4,}")
ACCOUNTS = ("staff1", "support1", "admin1")


class VisibleText(HTMLParser):
    """The text a browser shows: element text (titles included), never attributes, scripts or styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def a_working_day(runtime, client, stub, logged_in) -> list[str]:
    """Data on every page; returns the ids and openids that may be shown (they are data)."""
    returned = make_application(runtime, "oReturned", application_id="1001")
    make_application(runtime, "oWaiting", application_id="1002")
    make_application(runtime, "oWrong", application_id="1003")
    runtime.applications.change("1003", lambda r: lifecycle.reviewed(
        r, materials={code: {"status": "approved"} for code in r["checklist"]}, decision="approved", reason="",
        reviewer="staff1", now=clock.now()))
    runtime.applications.change("1003", lambda r: lifecycle.disputed(r, "单位名称不对", clock.now()))
    runtime.conversations.handle("oAsker", Command("subscribe"))
    runtime.conversations.handle("oAsker", Text("人工"))
    for answer in ("1", "2030-01-01", "同意", "张三", "123"):  # a wrong ID number, over and over
        runtime.conversations.handle("oFailing", Text(answer))
    for _ in range(4):
        runtime.conversations.handle("oFailing", Text("123"))
    stub.control("fail", {"errcode": 45015, "path": "/cgi-bin/message/custom/send", "times": 20})
    csrf = logged_in("admin")
    client.post(f"/console/applications/{returned['id']}/review", data={
        "csrf_token": csrf, "decision": "returned", "verdict-id_card": "returned", "preset-id_card": "扫描不清晰"})
    [failed] = [n for n in runtime.store.find("notification") if n["user_id"] == "oWrong"]
    runtime.store.update("notification", failed["id"], lambda doc: {**doc, "status": "failed"})
    client.post(f"/console/outbox/{failed['id']}/resend", data={"csrf_token": csrf})
    audit(runtime.store, "cli", "account.add", "account:staff1", {"role": "staff"})
    return ["1001", "1002", "1003", failed["id"], "oReturned", "oWaiting", "oWrong", "oAsker", "oFailing",
            "zhangsan@example.com", "nope", *ACCOUNTS]


def console_pages(runtime) -> list[str]:
    from bot.background.outbox import STATES
    from dialogs.lifecycle import STATUS_LABELS

    apps = [r["id"] for r in runtime.store.find("application")]
    return ["/console/", "/console/applications", *(f"/console/applications?status={s}" for s in ("", *STATUS_LABELS)),
            *(f"/console/applications/{a}" for a in apps), "/console/escalations",
            "/console/escalations?status=closed", "/console/escalations?status=", "/console/outbox",
            *(f"/console/outbox?status={s}" for s in STATES), "/console/audit", "/console/applications/nope"]


def shown_codes(html: str, data: list[str]) -> list[str]:
    text = visible_text(html)
    for value in data:
        text = text.replace(value, "")
    return sorted(set(CODE_WORD.findall(text)))


def test_no_page_shows_an_internal_code(client, runtime, stub, logged_in):
    data = a_working_day(runtime, client, stub, logged_in)
    assert runtime.store.find("escalation", status="open"), "the day left no escalation to show"
    assert runtime.store.find("notification", status="retrying"), "the day left no failed notification to show"
    assert runtime.store.find("application", status="disputed"), "the day left no disputed application to show"
    assert "notification.resend" in [e["action"] for e in audit_trail(runtime.store)], "the day resent nothing"
    found = {}
    pages = console_pages(runtime)
    assert len(pages) > 20
    for url in pages:
        words = shown_codes(client.get(url).get_data(as_text=True), data)
        if words:
            found[url] = words
    assert found == {}


def test_the_walk_would_see_a_code(client, runtime, stub, logged_in):
    """The check can fail: a code put where staff read it is found."""
    logged_in("admin")
    runtime.conversations.handle("oAsker", Text("人工"))
    html = client.get("/console/escalations").get_data(as_text=True)
    assert shown_codes(html.replace("申请人要求人工", "requested"), ["oAsker", *ACCOUNTS]) == ["requested"]


def test_the_day_puts_steps_and_menu_events_where_support_reads_them(client, runtime, stub, logged_in):
    a_working_day(runtime, client, stub, logged_in)
    text = visible_text(client.get("/console/escalations").get_data(as_text=True))
    assert "当前步骤：" in text and "[关注公众号]" in text and "身份证号码：" in text
