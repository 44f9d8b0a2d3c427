"""Review and notifications end to end: the bot under gunicorn, an applicant over signed WeChat XML,
staff over the JSON API, WeChat's stand-in receiving what the applicant would read; and a worker
killed in the middle of sending, after which the applicant still gets the message exactly once."""
from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
import requests

from bot.desk import confirmations
from bot.desk.accounts import create_account
from bot.runtime import Runtime
from dialogs import clock, lifecycle
from dialogs.checklist import catalogue
from tests.support.desk_app import make_application
from tests.support.waiting import wait_until
from tests.e2e.servers import BotServer, Process, wechat_user, worker
from tests.support.conversation import walk
from tests.support.deployment import message_containing, runtime_of_server
from tests.support.files import photo, text_pdf

pytestmark = pytest.mark.slow

RETURNED = {"commission_form": "委托单盖章日期超过两个月，请重新申请委托单",
            "labor_contract": "缺少单位盖章本人签字页"}


# -- helpers --------------------------------------------------------------------------------------------
def staff_headers(runtime: Runtime, name: str = "reviewer") -> dict[str, str]:
    return {"Authorization": f"Bearer {create_account(runtime.store, name, 'staff')[1]}"}


def attach(runtime: Runtime, application_id: str, *codes: str) -> None:
    """Upload PDFs for ``codes`` as the upload page would (the chat's photos are tried once below)."""
    for code in codes:
        data = text_pdf(2)
        file = {"sha256": runtime.files.put(data), "pages": 2, "size": len(data), "source": "upload"}
        runtime.applications.change(application_id, lambda r, code=code, file=file: lifecycle.with_material(
            r, code, file, datetime.now()))


def review(server: BotServer, headers: dict[str, str], application_id: str, body: dict) -> dict:
    answer = requests.post(f"{server.url}/api/applications/{application_id}/review", json=body, headers=headers,
                           timeout=10)
    assert answer.status_code == 200, answer.text
    return answer.json()


# -- the whole review, as the applicant and the staff live it -----------------------------------------------
def test_a_return_reaches_the_applicant_who_fixes_it_and_confirms(start_bot, stub):
    server = start_bot("sqlite")
    runtime = runtime_of_server(server)
    staff = staff_headers(runtime)
    user = wechat_user(server, "oReviewE2E")
    walk(user)
    [record] = runtime.applications.of_user(user.openid)
    attach(runtime, record["id"], *record["checklist"])
    assert "已提交审核" in user.say("提交")

    queue = requests.get(f"{server.url}/api/applications?status=submitted", headers=staff, timeout=10).json()
    assert [a["id"] for a in queue["applications"]] == [record["id"]]
    review(server, staff, record["id"], {
        "materials": {code: {"status": "returned", "reason": reason} for code, reason in RETURNED.items()},
        "decision": "returned", "reason": "请按退回原因补充材料"})
    notice = message_containing(stub, user.openid, "退回原因")
    assert all(reason in notice for reason in RETURNED.values())

    progress = user.say("进度")
    assert "需补充材料" in progress and "外服退材料" not in progress and all(reason in progress for reason in RETURNED.values())

    # The first returned material again as photos in chat (a job builds its PDF), the other as a PDF.
    media = stub.control("media", data=photo(), headers={"Content-Type": "image/jpeg"})["media_id"]
    assert catalogue().materials["commission_form"].name in user.say("1")
    user.send_image(media)
    user.say("完成")
    message_containing(stub, user.openid, "已保存：1 页")
    attach(runtime, record["id"], "labor_contract")
    assert "已提交审核" in user.say("提交")

    approved = review(server, staff, record["id"], {
        "materials": {code: {"status": "approved"} for code in record["checklist"]}, "decision": "approved"})
    message_containing(stub, user.openid, f"请在 {approved['confirm_by'][:10]}")
    assert "已确认申办信息" in user.say("确认申办信息")
    history = user.say("历史")
    assert "办理记录" in history and "积分新办" in history and clock.today().isoformat() in history  # Shanghai's day
    assert runtime.applications.get(record["id"])["auto_confirmed"] is False
    runtime.close()


def test_unconfirmed_after_two_days_the_application_is_confirmed_and_the_applicant_told(start_bot, stub):
    server = start_bot("sqlite")
    runtime = runtime_of_server(server)
    user = wechat_user(server, "oSilentE2E")
    walk(user)
    [record] = runtime.applications.of_user(user.openid)
    attach(runtime, record["id"], *record["checklist"])
    user.say("提交")
    review(server, staff_headers(runtime), record["id"], {
        "materials": {code: {"status": "approved"} for code in record["checklist"]}, "decision": "approved"})
    message_containing(stub, user.openid, "预审通过")

    # Two days pass: the deadline is moved into the past in the store, and the scheduled task runs.
    yesterday = (datetime.now() - timedelta(days=1)).isoformat(timespec="seconds")
    runtime.store.update("application", record["id"], lambda r: {**r, "confirm_by": yesterday})
    confirmations.sweep(runtime.applications, runtime.outbox)

    message_containing(stub, user.openid, "系统已自动确认")
    assert "系统自动确认" in user.say("历史")
    assert runtime.applications.get(record["id"])["status"] == "done"
    runtime.close()


# -- exactly once, even when the worker is killed mid-send ------------------------------------------------
@pytest.mark.parametrize("slow_path, left, after_restart", [
    ("/cgi-bin/message/custom/send", True, "unconfirmed"),  # killed while WeChat holds the message
    ("/cgi-bin/token", False, "sent"),                      # killed before the message left
], ids=["after-the-request-left", "before-the-request-left"])
def test_a_worker_killed_mid_send_delivers_the_message_exactly_once(start_bot, stub, tmp_path, slow_path, left,
                                                                   after_restart):
    server = start_bot("redis", OUTBOX_LEASE_SECONDS="2")
    runtime = runtime_of_server(server)
    record = make_application(runtime, "oKilled")
    stub.control("delay", {"seconds": 8, "path": slow_path})
    first = worker(server.env, tmp_path / "worker-1.log")
    review(server, staff_headers(runtime), record["id"], {
        "materials": {"id_card": {"status": "returned", "reason": "扫描不清晰"}}, "decision": "returned"})
    notification_id = f"{record['id']}:3"

    wait_until(lambda: stub.requests_to(slow_path.removeprefix("/cgi-bin/")), timeout=30,
               what=f"the worker waiting on {slow_path}")
    time.sleep(0.5)  # waiting for the answer
    first.kill()
    held = runtime.store.get("notification", notification_id)
    assert held["status"] == "sending" and held["lease"]["written"] is left

    second = worker(server.env, tmp_path / "worker-2.log")
    try:
        # Killed before the request left, the first worker may still hold the access-token renewal
        # lock: senders wait for it to expire (bot.wechat.client.RENEW_LOCK_TTL, 30 s) and retry.
        done = wait_until(lambda: runtime.store.get("notification", notification_id)["status"] == after_restart,
                          timeout=90, what=f"the notification {after_restart} after the restart")
    finally:
        second.kill()
    assert done, _logs(first, second)
    assert len(stub.texts_to("oKilled")) == 1, _logs(first, second)
    assert "扫描不清晰" in stub.texts_to("oKilled")[0]
    runtime.close()


def _logs(*processes: Process) -> str:
    return "\n".join(p.output()[-2000:] for p in processes)
