"""try13 T12: a status notice retried after the application left that status is not delivered late (fix41)."""
from __future__ import annotations

from datetime import datetime

import time_machine

from bot.desk.labels import delivery_error
from dialogs import clock, lifecycle
from tests.support.desk_app import CHECKLIST, make_application
from tests.support.notifications import sent_to

APPROVE_ALL = {code: {"status": "approved"} for code in CHECKLIST}


def _approval_refused_once(runtime, stub, user: str) -> tuple[dict, dict]:
    """An application approved whose notice WeChat refused the first time: the application and the notice."""
    record = make_application(runtime, user)
    stub.control("fail", {"errcode": 45047, "times": 1, "path": "/cgi-bin/message/custom/send"})
    runtime.applications.change(record["id"], lambda r: lifecycle.reviewed(
        r, materials=APPROVE_ALL, decision="approved", reason="", reviewer="staff1", now=clock.now()))
    [notice] = runtime.store.find("notification", user_id=user)
    assert runtime.outbox.deliver(notice["id"]) == "retrying"
    return record, notice


def test_an_approval_notice_retried_after_a_dispute_is_dropped_not_sent(runtime, stub):
    with time_machine.travel(datetime.now().replace(microsecond=0), tick=False) as frozen:
        record, notice = _approval_refused_once(runtime, stub, "oStale")
        runtime.applications.change(record["id"], lambda r: lifecycle.disputed(r, "社保应该是8年不是7年", clock.now()))
        frozen.shift(3600)
        assert runtime.outbox.deliver(notice["id"]) == "superseded"
    doc = runtime.store.get("notification", notice["id"])
    assert doc["status"] == "superseded" and "申办信息有误" in doc["error"]
    assert sent_to(stub, "oStale") == []  # the 预审通过 with its 确认 deadline never reaches the applicant
    # try17 T17: staff read why it lapsed and that WeChat refused it before (not "网络或服务异常")
    shown = delivery_error(doc["error"])
    assert "已过时" in shown and "45047" in shown and "客服消息条数已用完" in shown and "网络" not in shown


def test_a_notice_retried_while_its_status_holds_is_sent(runtime, stub):
    with time_machine.travel(datetime.now().replace(microsecond=0), tick=False) as frozen:
        _, notice = _approval_refused_once(runtime, stub, "oStill")
        frozen.shift(3600)
        assert runtime.outbox.deliver(notice["id"]) == "sent"
    assert len(sent_to(stub, "oStill")) == 1
