"""The bot as WeChat reaches it: gunicorn processes over real HTTP, signed XML, both backends."""
from __future__ import annotations

import threading
import time

import pytest
import requests

from bot.dev.simulator import message_xml, sign
from tests.e2e.servers import bot_store, wechat_user
from tests.support.conversation import TO_CHECKLIST, walk

pytestmark = pytest.mark.slow

@pytest.mark.parametrize("backend", ["sqlite", "redis"])
@pytest.mark.parametrize("safe_mode", [False, True], ids=["plaintext", "safe-mode"])
def test_a_whole_application_conversation(start_bot, backend, safe_mode):
    server = start_bot(backend, safe_mode=safe_mode)
    user = wechat_user(server, safe_mode=safe_mode)
    walk(user)
    assert "线上材料" in user.say("进度") or "未上传" in user.say("进度")
    with bot_store(server.store_url) as store:
        app = store.find("application", user_id=user.openid)[0]
        assert {"diploma", "chsi_report", "degree", "cdgdc_report", "social_insurance"} <= set(app["checklist"])


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_hostile_requests_get_4xx_and_the_server_goes_on(start_bot, backend):
    server = start_bot(backend)
    user = wechat_user(server)
    status, _ = user.post_raw(message_xml(user.openid, "text", {"Content": "hi", "MsgId": 1}).encode(),
                              signature="0" * 40)
    assert status == 403
    xxe = (b'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b"<xml><FromUserName>a</FromUserName><MsgType>text</MsgType><Content>&x;</Content></xml>")
    laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"".join(b"&lol%d;" % (i - 1) if i > 1 else b"&lol;" for _ in range(10)))
        for i in range(1, 10)) + b']><xml><Content>&lol9;</Content></xml>'
    for body in (b"<xml><not closed", b"\x00\xff garbage", xxe, laughs, b"<xml>" + b"a" * (2 << 20) + b"</xml>"):
        status, _ = user.post_raw(body)
        assert 400 <= status < 500, body[:40]
    assert "业务类型" in user.say("你好")


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_wechat_retries_of_one_message_are_processed_once(start_bot, backend):
    server = start_bot(backend)
    user = wechat_user(server)
    user.say("你好")
    replies = [user.say("1", msg_id=424242) for _ in range(3)]
    assert replies[0] == replies[1] == replies[2] and "居住证有效期" in replies[0]
    assert "真实性承诺" in user.say("2027-08-25")  # "1" was taken once: the flow moved one step
    with bot_store(server.store_url) as store:
        assert [t["in"] for t in store.read_log("transcript", user.openid)] == ["你好", "1", "2027-08-25"]


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_twenty_concurrent_messages_of_one_user_stay_consistent(start_bot, backend):
    server = start_bot(backend)
    user = wechat_user(server)
    walk(user, TO_CHECKLIST[:4])  # now asked for the name
    # names as people have them (the test is of concurrency: "张不不", of U+4E00 + i, reads as a refusal beside the ID)
    names = [f"张{given}" for given in ("伟", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
                                        "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英")]
    replies: dict[str, str] = {}

    def send(name: str) -> None:
        replies[name] = user.say(name)

    threads = [threading.Thread(target=send, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with bot_store(server.store_url) as store:
        turns = store.read_log("transcript", user.openid)[4:]
        state = store.get("conversation", user.openid)
    # Processed one at a time: the first taken is the name, each later one is an ID number attempt.
    assert len(turns) == 20 and sorted(t["in"] for t in turns) == sorted(names)
    accepted = turns[0]["in"]
    assert state["answers"]["name"] == accepted and state["state"] == "id_number"
    asked_again = "这里需要您的18位身份证号码"  # a name where the ID number is asked: asked again, with why
    assert "身份证号码" in replies[accepted] and asked_again not in replies[accepted]
    assert all(asked_again in replies[t["in"]] for t in turns[1:])
    # and each applicant got the reply of their own turn, in the order the turns were taken
    assert [replies[t["in"]] for t in turns] == [t["out"] for t in turns]


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_killing_the_web_process_mid_conversation_loses_nothing(start_bot, backend):
    server = start_bot(backend)
    user = wechat_user(server)
    walk(user, TO_CHECKLIST[:8])
    server.kill()
    restarted = start_bot(backend, store_url=server.store_url, port=server.port)
    walk(wechat_user(restarted), TO_CHECKLIST[8:])


def test_healthz_reports_store_and_worker(start_bot):
    server = start_bot("sqlite")
    body = requests.get(f"{server.url}/healthz", timeout=5).json()
    assert body == {"status": "ok", "store": "ok", "worker": "in-process"}


def test_verification_get_echoes(start_bot):
    server = start_bot("sqlite")
    ts, nonce = str(int(time.time())), "7"
    from bot.config import Config

    r = requests.get(f"{server.url}/wechat", params={"signature": sign(Config.wechat_token, ts, nonce),
                                                     "timestamp": ts, "nonce": nonce, "echostr": "abc"})
    assert r.text == "abc"
