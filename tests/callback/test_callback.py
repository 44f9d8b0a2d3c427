"""WeChat's callback protocol, through Flask's test client and a real SQLite store."""
from __future__ import annotations

import time

import pytest

from bot.dev.simulator import message_xml, sign
from tests.support.wechat_user import user_for


def test_server_verification_echoes_echostr(app):
    token = app.extensions["runtime"].config.wechat_token
    ts = str(int(time.time()))
    r = app.test_client().get("/wechat", query_string={
        "signature": sign(token, ts, "123"), "timestamp": ts, "nonce": "123", "echostr": "hello"})
    assert r.status_code == 200 and r.get_data(as_text=True) == "hello"


def test_bad_signature_is_forbidden(app):
    ts = str(int(time.time()))
    r = app.test_client().get("/wechat", query_string={"signature": "0" * 40, "timestamp": ts, "nonce": "1",
                                                       "echostr": "x"})
    assert r.status_code == 403


def test_stale_timestamp_is_forbidden_even_with_a_valid_signature(user):
    old = str(int(time.time()) - 3600)
    status, _ = user.post_raw(message_xml(user.openid, "text", {"Content": "hi", "MsgId": 1}).encode(),
                              timestamp=old)
    assert status == 403


def test_a_timestamp_of_digits_int_cannot_read_is_forbidden_not_a_server_error(app):
    token = app.extensions["runtime"].config.wechat_token
    for ts in ("①②③", "²⁰²⁶"):  # str.isdigit() says yes to both
        r = app.test_client().get("/wechat", query_string={
            "signature": sign(token, ts, "1"), "timestamp": ts, "nonce": "1", "echostr": "x"})
        assert r.status_code == 403


def test_text_message_gets_the_dialogue_reply(user):
    assert "业务类型" in user.say("你好")
    assert "有效期" in user.say("1")


def test_safe_mode_round_trip(safe_app):
    user = user_for(safe_app)
    assert "业务类型" in user.say("你好")


def test_safe_mode_rejects_a_wrong_msg_signature(safe_app):
    user = user_for(safe_app)
    body = message_xml(user.openid, "text", {"Content": "hi", "MsgId": 5}).encode()
    ts, nonce = str(int(time.time())), "42"
    encrypted = user.crypto.encrypt_message(body.decode(), nonce, ts)
    params = {"timestamp": ts, "nonce": nonce, "signature": sign(user.token, ts, nonce),
              "encrypt_type": "aes", "msg_signature": "0" * 40}
    r = safe_app.test_client().post("/wechat", query_string=params, data=encrypted)
    assert r.status_code == 403


def test_malformed_xml_is_a_bad_request(user):
    assert user.post_raw(b"<xml><not closed")[0] == 400
    assert user.post_raw(b"not xml at all")[0] == 400
    assert user.post_raw(b"<xml></xml>")[0] == 400


def test_xxe_and_billion_laughs_are_refused(user):
    xxe = (b'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b"<xml><FromUserName>a</FromUserName><MsgType>text</MsgType><Content>&x;</Content></xml>")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
              b"<xml><Content>&lol2;</Content></xml>")
    assert user.post_raw(xxe)[0] == 400
    assert user.post_raw(laughs)[0] == 400
    assert "业务类型" in user.say("你好")  # still serving


def test_oversized_body_is_refused(user):
    assert user.post_raw(b"<xml>" + b"a" * (2 * 1024 * 1024) + b"</xml>")[0] == 413


def test_a_retried_message_is_processed_once_and_gets_the_same_reply(user, app):
    first = user.say("你好", msg_id=777)
    assert user.say("1", msg_id=778)
    again = user.say("你好", msg_id=777)  # WeChat's retry of the first message
    assert again == first
    state = app.extensions["runtime"].store.get("conversation", user.openid)
    assert state["state"] == "permit_expiry"  # "1" processed once, the retry not re-run


def test_same_msg_id_from_two_users_are_two_messages(app):
    a, b = user_for(app, "oA"), user_for(app, "oB")
    assert "业务类型" in a.say("你好", msg_id=1)
    assert "业务类型" in b.say("你好", msg_id=1)


def test_unsupported_kinds_get_a_friendly_explanation(user):
    assert "语音" in user.send("voice", {"MediaId": "m1", "Format": "amr", "MsgId": 901})
    assert "位置" in user.send("location", {"Location_X": "31.2", "Location_Y": "121.4", "Scale": "15",
                                          "Label": "上海", "MsgId": 902})
    assert "视频" in user.send("video", {"MediaId": "m2", "ThumbMediaId": "t", "MsgId": 903})
    assert "链接" in user.send("link", {"Title": "x", "Description": "y", "Url": "http://x", "MsgId": 904})


def test_a_voice_message_with_wechats_recognition_is_taken_as_said_and_repeated_back(app, user):
    user.say("你好")
    reply = user.send_voice("积分新办。")
    assert reply.startswith("（听到您说：“积分新办。”") and "居住证有效期" in reply
    runtime = app.extensions["runtime"]
    assert runtime.store.get("conversation", user.openid)["answers"]["business_type"] == "new"
    assert runtime.store.read_log("transcript", user.openid)[-1]["in"] == "[语音] 积分新办。"


def test_subscribe_welcomes_and_menu_clicks_map_to_commands(user):
    assert "积分助手" in user.subscribe()
    assert "业务类型" in user.click("START")
    assert "问题" in user.click("FAQ")


def test_view_and_unsubscribe_need_no_reply(user):
    assert user.send("event", {"Event": "VIEW", "EventKey": "http://example.com"}) == ""
    assert user.send("event", {"Event": "unsubscribe"}) == ""


def test_a_photo_before_the_checklist_is_acknowledged_and_kept(user, app):
    user.say("你好")
    assert "已收到您的照片" in user.send_image("MEDIA123")
    assert app.extensions["runtime"].store.get("conversation", user.openid)["unassigned"] == ["MEDIA123"]


def test_healthz(app):
    r = app.test_client().get("/healthz")
    assert r.status_code == 200 and r.get_json()["store"] == "ok"


def test_unknown_path_is_json_404(app):
    r = app.test_client().get("/nope")
    assert r.status_code == 404 and r.get_json()["error"] == "not_found"


@pytest.mark.slow  # waits out the store's connection attempts (~2.3 s): with the slow ones
def test_a_store_outage_gets_a_friendly_sentence_not_a_stack_trace(tmp_path):
    from bot.app import create_app
    from bot.config import Config
    from tests.e2e.servers import free_port

    app = create_app(Config(data_dir=tmp_path, store_url=f"redis://127.0.0.1:{free_port()}/0"))
    reply = user_for(app).say("你好")
    assert "请稍后再发一次" in reply and "Traceback" not in reply
