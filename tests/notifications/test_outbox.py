"""The outbox: which events become notifications, how they are delivered, retried and given up,
and why a notification reaches WeChat once even when its sender dies half-way."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine

from bot.background import outbox as outbox_module
from bot.background.outbox import MAX_ATTEMPTS, Message
from bot.wechat import client as wechat_client
from dialogs import clock, lifecycle
from tests.support.desk_app import CHECKLIST, make_application
from tests.support.notifications import TEMPLATE_ID, runtime_for, sent_to

RETURN = {"commission_form": {"status": "returned", "reason": "盖章日期超过两个月"},
          "id_card": {"status": "returned", "reason": "扫描不清晰"}}


class Died(BaseException):
    """The sender's process ends here (nothing after it runs, nothing catches it)."""


def frozen_clock():
    """The clock stopped at this whole second (the Store keeps times to the second)."""
    return time_machine.travel(datetime.now().replace(microsecond=0), tick=False)


def returned(runtime, user: str) -> str:
    """An application of ``user`` returned by staff; the id of its notification."""
    record = make_application(runtime, user)
    runtime.applications.change(record["id"], lambda r: lifecycle.reviewed(
        r, materials=RETURN, decision="returned", reason="", reviewer="staff1", now=datetime.now()))
    [notification] = runtime.store.find("notification", user_id=user)
    return notification["id"]


def notification(runtime, notification_id: str) -> dict:
    return runtime.store.get("notification", notification_id)


def talked(runtime, user: str, at: datetime) -> None:
    """The applicant's last message was at ``at`` (it opens WeChat's 48-hour window)."""
    runtime.store.append("transcript", user, {"at": at.isoformat(timespec="seconds"), "in": "你好", "out": ""})


# -- what becomes a notification ------------------------------------------------------------------------
def test_a_return_becomes_one_pending_notification_and_a_delivery_job(runtime):
    notification_id = returned(runtime, "oNew")
    doc = notification(runtime, notification_id)
    assert doc["status"] == "pending" and doc["event"] == "returned" and doc["attempts"] == 0
    assert "盖章日期超过两个月" in doc["text"] and "扫描不清晰" in doc["text"]
    assert doc["template"]["status"] == "需补充材料" and "2 项材料" in doc["template"]["reason"]
    assert runtime.jobs.enqueued == [("deliver", {"notification_id": notification_id})]


def test_hearing_the_same_history_entry_twice_creates_one_notification(runtime):
    notification_id = returned(runtime, "oTwice")
    record = runtime.applications.get(notification_id.split(":")[0])
    runtime.outbox.on_history_entry(record, record["history"][-1])
    assert len(runtime.store.find("notification", user_id="oTwice")) == 1
    assert len(runtime.jobs.enqueued) == 1


def test_a_notice_lost_between_the_status_change_and_its_creation_is_made_by_the_reconcile(runtime):
    record = make_application(runtime, "oLost")
    runtime.applications.listeners.clear()  # the process "died" before the listener ran
    runtime.applications.change(record["id"], lambda r: lifecycle.reviewed(
        r, materials=RETURN, decision="returned", reason="", reviewer="staff1", now=datetime.now()))
    assert runtime.store.find("notification", user_id="oLost") == []
    assert runtime.outbox.reconcile() == 1
    [doc] = runtime.store.find("notification", user_id="oLost")
    assert doc["event"] == "returned" and "扫描不清晰" in doc["text"]
    assert runtime.outbox.reconcile() == 0  # made once


def test_a_failing_listener_does_not_undo_the_change(runtime):
    record = make_application(runtime, "oBroken")

    def broken(_record, _entry):
        raise RuntimeError("store hiccup")

    runtime.applications.listeners.insert(0, broken)
    after = runtime.applications.change(record["id"], lambda r: lifecycle.reviewed(
        r, materials=RETURN, decision="returned", reason="", reviewer="staff1", now=datetime.now()))
    assert after["status"] == "returned"
    assert len(runtime.store.find("notification", user_id="oBroken")) == 1  # the outbox still heard it


def test_submitting_and_confirming_in_chat_notify_nobody(runtime):
    record = make_application(runtime, "oQuiet")
    approve = {code: {"status": "approved"} for code in CHECKLIST}
    runtime.applications.change(record["id"], lambda r: lifecycle.reviewed(
        r, materials=approve, decision="approved", reason="", reviewer="staff1", now=datetime.now()))
    runtime.applications.change(record["id"], lambda r: lifecycle.confirmed(r, datetime.now()))
    assert [n["event"] for n in runtime.store.find("notification", user_id="oQuiet")] == ["approved"]


# -- delivering ----------------------------------------------------------------------------------------
def test_inside_the_48_hour_window_the_full_text_goes_as_a_customer_service_message(templated, stub):
    notification_id = returned(templated, "oWindow")
    talked(templated, "oWindow", datetime.now() - timedelta(hours=2))
    assert templated.outbox.deliver(notification_id) == "sent"
    [message] = sent_to(stub, "oWindow")
    assert message["msgtype"] == "text" and "扫描不清晰" in message["text"]["content"]
    assert notification(templated, notification_id)["channel"] == "text"


def test_outside_the_window_the_status_template_goes(templated, stub):
    notification_id = returned(templated, "oAway")
    talked(templated, "oAway", datetime.now() - timedelta(hours=50))
    assert templated.outbox.deliver(notification_id) == "sent"
    [message] = sent_to(stub, "oAway")
    assert message["template_id"] == TEMPLATE_ID
    assert message["data"]["status"]["value"] == "需补充材料" and "咨询服务委托单" in message["data"]["reason"]["value"]
    doc = notification(templated, notification_id)
    assert doc["channel"] == "template" and isinstance(doc["msgid"], int)


def test_a_closed_window_falls_back_to_the_template_in_the_same_attempt(templated, stub):
    notification_id = returned(templated, "oClosed")
    talked(templated, "oClosed", datetime.now())
    stub.control("fail", {"errcode": 45015, "path": "/cgi-bin/message/custom/send"})
    assert templated.outbox.deliver(notification_id) == "sent"
    assert [m.get("template_id") for m in sent_to(stub, "oClosed")] == [TEMPLATE_ID]
    doc = notification(templated, notification_id)
    assert doc["attempts"] == 1 and [s["what"] for s in doc["log"]] == ["claimed", "written", "refused", "written", "sent"]


def test_without_a_template_texts_are_retried_with_growing_pauses_until_they_go(runtime, stub):
    notification_id = returned(runtime, "oBusy")
    stub.control("fail", {"errcode": 45047, "times": 2, "path": "/cgi-bin/message/custom/send"})
    with frozen_clock() as frozen:
        assert runtime.outbox.deliver(notification_id) == "retrying"
        first = clock.parse(notification(runtime, notification_id)["next_attempt_at"]) - clock.now()
        assert runtime.outbox.deliver(notification_id) is None  # not due yet: nobody sends
        frozen.shift(first)
        assert runtime.outbox.deliver(notification_id) == "retrying"
        second = clock.parse(notification(runtime, notification_id)["next_attempt_at"]) - clock.now()
        assert second == 2 * first
        frozen.shift(second)
        assert runtime.outbox.deliver(notification_id) == "sent"
    assert len(sent_to(stub, "oBusy")) == 1 and notification(runtime, notification_id)["attempts"] == 3


def test_after_the_last_attempt_a_notification_has_failed(runtime, stub):
    notification_id = returned(runtime, "oDown")
    stub.control("fail", {"errcode": -1, "times": MAX_ATTEMPTS, "path": "/cgi-bin/message/custom/send"})
    with frozen_clock() as clock:
        for _ in range(MAX_ATTEMPTS):
            state = runtime.outbox.deliver(notification_id)
            clock.shift(timedelta(hours=1))
    doc = notification(runtime, notification_id)
    assert state == "failed" and doc["attempts"] == MAX_ATTEMPTS and "errcode=-1" in doc["error"]
    assert runtime.outbox.deliver(notification_id) is None and sent_to(stub, "oDown") == []


def test_an_error_no_retry_can_fix_fails_at_once(runtime, stub):
    notification_id = returned(runtime, "oGone")
    stub.control("fail", {"errcode": 43004, "path": "/cgi-bin/message/custom/send"})  # unsubscribed
    assert runtime.outbox.deliver(notification_id) == "failed"


def test_a_notification_held_by_a_live_sender_is_not_taken(runtime, stub, monkeypatch):
    notification_id = returned(runtime, "oHeld")
    second_try: list[str | None] = []
    real_send = runtime.wechat.send_text

    def send_while_another_tries(openid, text):
        second_try.append(runtime.outbox.deliver(notification_id))  # another worker, same moment
        return real_send(openid, text)

    monkeypatch.setattr(runtime.wechat, "send_text", send_while_another_tries)
    assert runtime.outbox.deliver(notification_id) == "sent"
    assert second_try == [None] and len(sent_to(stub, "oHeld")) == 1


def test_a_long_text_is_cut_to_one_message():
    text = outbox_module.one_message("退回原因很长。\n" * 400)
    assert len(text.encode()) <= 2048 and text.endswith("回复“进度”查看全部）")


# -- a sender that dies ------------------------------------------------------------------------------------
def test_a_sender_that_died_before_its_request_left_is_replaced_and_the_message_goes_once(runtime, stub, monkeypatch):
    notification_id = returned(runtime, "oEarly")

    def die(openid, text):
        raise Died

    with frozen_clock() as clock:
        with monkeypatch.context() as patch:
            patch.setattr(runtime.wechat, "send_text", die)
            with pytest.raises(Died):
                runtime.outbox.deliver(notification_id)
        assert notification(runtime, notification_id)["status"] == "sending"
        assert runtime.outbox.sweep() == []  # its lease still runs: nobody else may send
        clock.shift(timedelta(seconds=runtime.config.outbox_lease_seconds + 1))
        assert runtime.outbox.sweep() == [notification_id]
        assert runtime.outbox.deliver(notification_id) == "sent"
    assert len(sent_to(stub, "oEarly")) == 1 and notification(runtime, notification_id)["attempts"] == 2


def test_a_sender_that_died_after_its_request_left_is_never_repeated(runtime, stub, monkeypatch):
    notification_id = returned(runtime, "oLate")
    real_send = runtime.wechat.send_text

    def send_then_die(openid, text):
        real_send(openid, text)  # WeChat has it; the answer is lost with the process
        raise Died

    with frozen_clock() as clock:
        with monkeypatch.context() as patch:
            patch.setattr(runtime.wechat, "send_text", send_then_die)
            with pytest.raises(Died):
                runtime.outbox.deliver(notification_id)
        clock.shift(timedelta(seconds=runtime.config.outbox_lease_seconds + 1))
        assert runtime.outbox.deliver(notification_id) is None
    doc = notification(runtime, notification_id)
    assert doc["status"] == "unconfirmed" and "not re-sent" in doc["error"]
    assert len(sent_to(stub, "oLate")) == 1
    assert runtime.outbox.sweep() == []  # and no later sweep picks it up again


@pytest.mark.slow  # waits out a send's timeout (~1 s): with the slow ones
def test_an_answer_that_never_comes_is_not_followed_by_a_second_send(tmp_path, stub, monkeypatch):
    monkeypatch.setattr(wechat_client, "HTTP_TIMEOUT", 1)
    runtime = runtime_for(tmp_path, stub)
    notification_id = returned(runtime, "oSlow")
    runtime.wechat.send_text("oWarm", "令牌先取好")  # so the delay below hits the message, not the token
    stub.control("delay", {"seconds": 2, "path": "/cgi-bin/message/custom/send"})
    assert runtime.outbox.deliver(notification_id) == "unconfirmed"
    assert len(sent_to(stub, "oSlow")) == 1
    runtime.close()


# -- the sweep ---------------------------------------------------------------------------------------------
def test_the_sweep_leaves_fresh_notifications_to_their_own_job_and_picks_up_forgotten_ones(runtime):
    with frozen_clock() as clock:
        notification_id = returned(runtime, "oForgotten")
        assert runtime.outbox.sweep() == []
        clock.shift(timedelta(seconds=outbox_module.PENDING_GRACE_SECONDS + 1))
        assert runtime.outbox.sweep() == [notification_id]


def test_notify_is_idempotent_for_support_messages(runtime):
    for _ in range(2):
        runtime.outbox.notify("escalation-1:reply-1", "oSupport", Message("【人工客服】你好"), event="support_reply")
    assert len(runtime.store.find("notification", user_id="oSupport")) == 1
