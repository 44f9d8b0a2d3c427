"""Issue 14, item 9 (the outbox): a customer-service message that ended ``unconfirmed`` although it
never reached WeChat was never sent again, and staff had no way to resend it. Now a failure that
proves the message was not delivered is retried by itself (a bounded number of times), and staff
resend the rest from the API or the console's outbox page, audited."""
from __future__ import annotations

import socket
from datetime import datetime, timedelta

import pytest
import time_machine

from bot.desk.accounts import audit_trail
from bot.config import Config
from bot.background.outbox import MAX_ATTEMPTS, Message
from bot.runtime import Runtime
from tests.support.desk_app import app, client, config, logged_in, runtime, tokens  # noqa: F401 - fixtures
from tests.support.console_http import csrf_of
from tests.support.notifications import RecordedJobs

SEND = "/cgi-bin/message/custom/send"


@pytest.fixture
def sender(tmp_path, stub):
    """A runtime whose jobs are only recorded: each test delivers one attempt at a time."""
    runtime = Runtime(Config(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'bot.db'}",
                             wechat_api_base_url=stub.api_base))
    runtime.__dict__["jobs"] = RecordedJobs()
    runtime.wechat.send_text("oWarm", "令牌先取好")  # so what the stub injects hits the message, not the token
    yield runtime
    runtime.close()


def queued(runtime, user: str) -> str:
    runtime.outbox.notify(f"escalation-1:reply-{user}", user, Message("【人工客服】您好"), event="support_reply")
    return f"escalation-1:reply-{user}"


def status(runtime, notification_id: str) -> str:
    return runtime.store.get("notification", notification_id)["status"]


def frozen_clock():
    return time_machine.travel(datetime.now().replace(microsecond=0), tick=False)


def test_a_503_in_front_of_wechat_is_sent_again_by_itself(sender, stub):
    notification_id = queued(sender, "o503")
    stub.control("fail", {"http_status": 503, "path": SEND})
    with frozen_clock() as clock:
        assert sender.outbox.deliver(notification_id) == "retrying"
        clock.shift(timedelta(seconds=11))
        assert sender.outbox.sweep() == [notification_id]
        assert sender.outbox.deliver(notification_id) == "sent"
    assert stub.texts_to("o503") == ["【人工客服】您好"]


def test_wechat_refusing_with_an_errcode_is_sent_again_by_itself(sender, stub):
    notification_id = queued(sender, "oBusy")
    stub.control("fail", {"errcode": -1, "path": SEND})  # 系统繁忙
    assert sender.outbox.deliver(notification_id) == "retrying"


def test_a_refused_connection_is_sent_again_by_itself(tmp_path, stub):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    runtime = Runtime(Config(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'bot.db'}",
                             wechat_api_base_url=f"http://127.0.0.1:{closed}/cgi-bin/"))
    runtime.__dict__["jobs"] = RecordedJobs()
    notification_id = queued(runtime, "oRefused")
    with frozen_clock() as clock:
        assert runtime.outbox.deliver(notification_id) == "retrying"
        runtime.config = runtime.config.with_overrides(wechat_api_base_url=stub.api_base)  # WeChat is back
        del runtime.__dict__["wechat"]
        clock.shift(timedelta(seconds=11))
        assert runtime.outbox.deliver(notification_id) == "sent"
    assert stub.texts_to("oRefused") == ["【人工客服】您好"]
    runtime.close()


def test_a_502_after_the_request_left_stays_unconfirmed_for_staff(sender, stub):
    notification_id = queued(sender, "o502")
    stub.control("fail", {"http_status": 502, "path": SEND})
    assert sender.outbox.deliver(notification_id) == "unconfirmed"  # a gateway may have passed it on
    assert sender.outbox.sweep() == []


def test_resending_by_itself_stops_after_the_last_attempt(sender, stub):
    notification_id = queued(sender, "oDown")
    stub.control("fail", {"http_status": 503, "path": SEND, "times": MAX_ATTEMPTS})
    with frozen_clock() as clock:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            assert sender.outbox.deliver(notification_id) == ("failed" if attempt == MAX_ATTEMPTS else "retrying")
            clock.shift(timedelta(hours=1))
        assert sender.outbox.sweep() == []
    assert len([r for r in stub.requests_to("message/custom/send") if r["json"]["touser"] == "oDown"]) == MAX_ATTEMPTS


# -- staff resend the rest --------------------------------------------------------------------------------
def unconfirmed(runtime, stub, user: str) -> str:
    """A support reply whose request a gateway answered with 502 (jobs run inline here)."""
    runtime.wechat.send_text("oWarm", "令牌先取好")
    stub.control("fail", {"http_status": 502, "path": SEND})
    notification_id = queued(runtime, user)
    assert status(runtime, notification_id) == "unconfirmed"
    return notification_id


def test_staff_resend_an_unconfirmed_message_through_the_api_and_it_is_audited(client, runtime, stub, tokens):
    notification_id = unconfirmed(runtime, stub, "oLost")
    answer = client.post(f"/api/outbox/{notification_id}/resend", headers={"Authorization": f"Bearer {tokens['staff']}"})
    assert answer.status_code == 200 and answer.json["status"] == "pending" and answer.json["attempts"] == 0
    assert status(runtime, notification_id) == "sent" and stub.texts_to("oLost") == ["【人工客服】您好"]
    entry = audit_trail(runtime.store)[-1]
    assert (entry["actor"], entry["action"], entry["target"], entry["detail"]) == (
        "staff1", "notification.resend", f"notification:{notification_id}", {"previous": "unconfirmed"})


def test_only_an_unconfirmed_or_failed_message_can_be_resent(client, runtime, stub, tokens):
    staff = {"Authorization": f"Bearer {tokens['staff']}"}
    notification_id = queued(runtime, "oFine")
    assert status(runtime, notification_id) == "sent"
    assert client.post(f"/api/outbox/{notification_id}/resend", headers=staff).status_code == 409
    assert client.post("/api/outbox/nothing:1/resend", headers=staff).status_code == 404
    assert stub.texts_to("oFine") == ["【人工客服】您好"]  # still once


def test_the_console_outbox_page_has_a_resend_button(client, runtime, stub, logged_in):
    notification_id = unconfirmed(runtime, stub, "oConsole")
    token = logged_in("staff")
    page = client.get("/console/outbox?status=unconfirmed").get_data(as_text=True)
    assert f"/console/outbox/{notification_id}/resend" in page and "重发" in page
    assert client.post(f"/console/outbox/{notification_id}/resend", data={}).status_code == 400  # no CSRF token
    answer = client.post(f"/console/outbox/{notification_id}/resend?status=unconfirmed", data={"csrf_token": token})
    assert answer.status_code == 302 and status(runtime, notification_id) == "sent"
    assert stub.texts_to("oConsole") == ["【人工客服】您好"]


def test_a_send_wechat_refused_for_its_token_is_not_in_doubt_when_the_renewal_fails(sender, stub):
    notification_id = queued(sender, "oRenew")
    stub.control("expire-token")  # WeChat answers the send 42001 (written, and refused) …
    stub.control("fail", {"http_status": 502, "path": "/cgi-bin/token"})  # … and the renewal meets a 502
    assert sender.outbox.deliver(notification_id) == "retrying"
    assert stub.texts_to("oRenew") == []
