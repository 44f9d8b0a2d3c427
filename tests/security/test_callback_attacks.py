"""Attacks on the WeChat callback from outside, through a real gunicorn deployment: a plaintext
message in safe mode, a signature used again for another body, signed but malformed XML, and an
upload error that would print the upload link's token in the log (issue 14, items 1, 8)."""
from __future__ import annotations

import re
import shutil
import time

import pytest
import requests

from bot.config import Config
from bot.dev.simulator import message_xml, sign
from tests.e2e.servers import BotServer, bot_store, wechat_user
from tests.support.conversation import CONVERSATION, walk
from tests.support.files import text_pdf

pytestmark = pytest.mark.slow

UPLOAD_LINK = re.compile(r"https?://\S+/upload/([\w.-]+)")


def signed_query(timestamp: str | None = None, nonce: str = "424242") -> dict[str, str]:
    """A query string as WeChat signs it: what anyone who sees one callback in a log holds."""
    timestamp = timestamp or str(int(time.time()))
    return {"timestamp": timestamp, "nonce": nonce, "signature": sign(Config.wechat_token, timestamp, nonce)}


def post(server: BotServer, params: dict[str, str], body: bytes) -> requests.Response:
    return requests.post(f"{server.url}/wechat", params=params, data=body, timeout=10,
                         headers={"Content-Type": "text/xml"})


def text_from(openid: str, text: str, msg_id: int) -> bytes:
    return message_xml(openid, "text", {"Content": text, "MsgId": msg_id}).encode()


def test_safe_mode_refuses_a_plaintext_message_signed_with_a_query_string_seen_in_a_log(start_bot):
    server = start_bot("sqlite", safe_mode=True)
    victim = wechat_user(server, "oVictim", safe_mode=True)
    walk(victim)  # at the checklist: "网页上传" would answer with the victim's upload link

    forged = post(server, signed_query(), text_from("oVictim", "网页上传", 1))

    assert forged.status_code == 403 and "upload" not in forged.text
    with bot_store(server.store_url) as store:
        assert store.read_log("transcript", "oVictim")[-1]["in"] == CONVERSATION[-1][0], "never processed"
    assert "/upload/" in victim.say("网页上传")  # the real, encrypted message still works


def test_a_plaintext_signature_used_again_for_another_body_is_refused_as_a_replay(start_bot):
    server = start_bot("sqlite")
    query = signed_query()
    # One body, sent twice byte for byte as WeChat resends it: built twice, its CreateTime could cross a second
    # under load and make the "same" request another body (the test failed so, once, on a loaded machine).
    body = text_from("oFirst", "你好", 11)
    first = post(server, query, body)
    assert first.status_code == 200 and "业务类型" in first.text

    replayed = post(server, query, text_from("oAttacker", "你好", 12))
    bad = post(server, {**query, "signature": "0" * 40}, text_from("oAttacker", "你好", 13))
    again = post(server, query, body)  # the very same request: WeChat sending it again

    assert (replayed.status_code, replayed.text) == (403, "replayed")
    assert (bad.status_code, bad.text) == (403, "forbidden")
    assert again.status_code == 200 and "业务类型" in again.text
    with bot_store(server.store_url) as store:
        assert store.get("conversation", "oAttacker") is None
        assert len(store.read_log("transcript", "oFirst")) == 1


HEAD = "<ToUserName>gh_jifen</ToUserName><MsgType>text</MsgType><Content>你好</Content>"
MALFORMED = {
    "nested FromUserName": f"<xml>{HEAD}<FromUserName><a>oX</a></FromUserName><CreateTime>1</CreateTime>"
                           "<MsgId>1</MsgId></xml>",
    "duplicated FromUserName": f"<xml>{HEAD}<FromUserName>oX</FromUserName><FromUserName>oY</FromUserName>"
                               "<CreateTime>1</CreateTime><MsgId>2</MsgId></xml>",
    "MsgId=abc": f"<xml>{HEAD}<FromUserName>oX</FromUserName><CreateTime>1</CreateTime><MsgId>abc</MsgId></xml>",
    "CreateTime=abc": f"<xml>{HEAD}<FromUserName>oX</FromUserName><CreateTime>abc</CreateTime><MsgId>3</MsgId></xml>",
    "no ToUserName": "<xml><FromUserName>oX</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>"
                     "<Content>hi</Content><MsgId>4</MsgId></xml>",
    "no CreateTime": f"<xml>{HEAD}<FromUserName>oX</FromUserName><MsgId>5</MsgId></xml>",
    "no MsgType": "<xml><ToUserName>gh</ToUserName><FromUserName>oX</FromUserName><CreateTime>1</CreateTime></xml>",
    "nested MsgType": "<xml><ToUserName>gh</ToUserName><FromUserName>oX</FromUserName><CreateTime>1</CreateTime>"
                      "<MsgType><a/></MsgType></xml>",
    "nested Content": "<xml><ToUserName>gh</ToUserName><FromUserName>oX</FromUserName><CreateTime>1</CreateTime>"
                      "<MsgType>text</MsgType><Content><b>1</b></Content><MsgId>6</MsgId></xml>",
    "nested Event": "<xml><ToUserName>gh</ToUserName><FromUserName>oX</FromUserName><CreateTime>1</CreateTime>"
                    "<MsgType>event</MsgType><Event><b>1</b></Event></xml>",
    "entity declaration": '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY e "oX">]>'
                          f"<xml>{HEAD}<FromUserName>&e;</FromUserName><CreateTime>1</CreateTime></xml>",
}


@pytest.mark.parametrize("safe_mode", [False, True], ids=["plaintext", "safe-mode"])
def test_signed_but_malformed_xml_gets_a_short_400_never_a_500_or_a_traceback(start_bot, safe_mode):
    server = start_bot("sqlite", safe_mode=safe_mode)
    sender = wechat_user(server, "oX", safe_mode=safe_mode)
    answers = {name: sender.post_raw(xml.encode()) for name, xml in MALFORMED.items()}

    assert len(answers) == len(MALFORMED) > 10
    assert {name: status for name, (status, _) in answers.items()} == {name: 400 for name in MALFORMED}
    assert all(len(body) < 40 for _, body in answers.values()), answers
    assert "Traceback" not in server.output()
    assert "业务类型" in sender.say("你好")  # still serving, and the sender was never taken for anyone


def test_an_upload_that_fails_unexpectedly_leaves_no_upload_token_in_the_log(start_bot):
    server = start_bot("sqlite")
    applicant = wechat_user(server, "oUploader")
    walk(applicant)
    token = UPLOAD_LINK.search(applicant.say("网页上传")).group(1)
    link = f"{server.url}/upload/{token}"
    page = requests.get(link, headers={"Accept": "application/json"}, timeout=10).json()
    files = server.env["DATA_DIR"] + "/files"
    shutil.rmtree(files, ignore_errors=True)
    with open(files, "w") as blocker:  # the files directory is gone: storing the upload fails
        blocker.write("not a directory")

    answer = requests.post(f"{link}/{page['missing'][0]}", data={"csrf_token": page["csrf_token"]},
                           files={"file": ("a.pdf", text_pdf(1), "application/pdf")},
                           headers={"Accept": "application/json"}, timeout=20)

    assert answer.status_code >= 500 and token not in answer.text
    log = server.output()
    assert "Exception on /upload/***/" in log, log[-2000:]  # the failure is logged...
    assert token not in log and token.split(".")[-1] not in log  # ...without the token, nor its signature
