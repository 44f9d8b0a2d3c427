"""The WeChat stub answers as WeChat documents it, so the client is tested against the real rules."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest
import requests

from bot.config import Config

APP = {"grant_type": "client_credential", "appid": Config.wechat_app_id, "secret": Config.wechat_app_secret}


def text_message(openid: str, content: str) -> dict:
    return {"touser": openid, "msgtype": "text", "text": {"content": content}}


@pytest.mark.parametrize(("change", "errcode"), [
    ({"appid": "wx-someone-else"}, 40013),
    ({"secret": "wrong"}, 40125),
    ({"grant_type": "password"}, 40002),
])
def test_token_endpoint_rejects_wrong_credentials(stub, change, errcode):
    answer = stub.call("GET", "token", params={**APP, **change})

    assert answer["errcode"] == errcode and "rid:" in answer["errmsg"]


def test_token_endpoint_issues_a_token_for_7200_seconds(stub):
    answer = stub.call("GET", "token", params=APP)

    assert answer["expires_in"] == 7200 and len(answer["access_token"]) > 32


def test_stable_token_stays_the_same_until_force_refresh_which_invalidates_it(stub):
    first = stub.call("POST", "stable_token", json=APP)["access_token"]
    again = stub.call("POST", "stable_token", json=APP)["access_token"]
    forced = stub.call("POST", "stable_token", json={**APP, "force_refresh": True})["access_token"]

    assert first == again != forced
    send = stub.call("POST", "message/custom/send", params={"access_token": first}, json=text_message("o1", "hi"))
    assert send["errcode"] == 40001


@pytest.mark.parametrize(("token", "errcode"), [(None, 41001), ("made-up", 40001)])
def test_api_calls_need_a_token_the_stub_issued(stub, token, errcode):
    params = {"access_token": token} if token else {}

    answer = stub.call("POST", "message/custom/send", params=params, json=text_message("o1", "hi"))

    assert answer["errcode"] == errcode


def test_expired_token_is_answered_with_42001(stub):
    token = stub.token()
    stub.control("expire-token")

    answer = stub.call("POST", "message/custom/send", params={"access_token": token}, json=text_message("o1", "hi"))

    assert answer["errcode"] == 42001


def test_text_over_2048_bytes_is_refused_with_45002(stub):
    too_long = "办" * 683  # 2049 bytes in UTF-8

    answer = stub.call("POST", "message/custom/send", params={"access_token": stub.token()},
                       json=text_message("o1", too_long))

    assert answer["errcode"] == 45002


def test_a_menu_click_opens_a_window_of_three_messages(stub):
    token = stub.token()
    stub.control("interaction", json={"openid": "o1", "kind": "click"})

    answers = [stub.call("POST", "message/custom/send", params={"access_token": token},
                         json=text_message("o1", f"第{i}条"))["errcode"] for i in range(4)]

    assert answers == [0, 0, 0, 45047]


def test_media_is_served_with_its_type_and_an_attachment_name(stub):
    media_id = stub.control("media", data=b"\xff\xd8\xff\xe0jpeg", headers={"Content-Type": "image/jpeg"})["media_id"]

    answer = requests.get(f"{stub.api_base}media/get", params={"access_token": stub.token(), "media_id": media_id},
                          timeout=5)

    assert answer.content == b"\xff\xd8\xff\xe0jpeg"
    assert answer.headers["Content-Type"] == "image/jpeg"
    assert answer.headers["Content-disposition"] == f'attachment; filename="{media_id}.jpg"'


def test_upload_answers_type_media_id_and_creation_time(stub):
    answer = stub.call("POST", "media/upload", params={"access_token": stub.token(), "type": "image"},
                       files={"media": ("a.jpg", b"\xff\xd8data", "image/jpeg")})

    assert answer["type"] == "image" and answer["media_id"] and abs(answer["created_at"] - time.time()) < 60


def test_a_menu_of_four_top_level_buttons_is_refused_with_40016(stub):
    buttons = [{"type": "click", "name": f"按钮{i}", "key": f"K{i}"} for i in range(4)]

    answer = stub.call("POST", "menu/create", params={"access_token": stub.token()}, json={"button": buttons})

    assert answer["errcode"] == 40016


def test_user_info_describes_a_follower(stub):
    answer = stub.call("GET", "user/info", params={"access_token": stub.token(), "openid": "o1", "lang": "zh_CN"})

    assert answer["subscribe"] == 1 and answer["openid"] == "o1"


def test_wrong_http_method_is_answered_the_way_wechat_does(stub):
    answer = stub.call("GET", "message/custom/send", params={"access_token": stub.token()})

    assert answer["errcode"] == 43002


def test_injected_failures_answer_the_next_requests_then_stop(stub):
    token = stub.token()
    stub.control("fail", {"errcode": -1, "times": 2})

    answers = [stub.call("POST", "message/template/send", params={"access_token": token},
                         json={"touser": "o1", "template_id": "T", "data": {}})["errcode"] for _ in range(3)]

    assert answers == [-1, -1, 0]


def test_reset_forgets_requests_and_tokens(stub):
    token = stub.token()
    stub.control("reset")

    assert stub.requests_to("token") == []
    answer = stub.call("POST", "menu/create", params={"access_token": token}, json={"button": []})
    assert answer["errcode"] == 40001


def test_command_line_serves_the_stub_on_localhost():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "WECHAT_APP_ID": APP["appid"], "WECHAT_APP_SECRET": APP["secret"]}
    server = subprocess.Popen([sys.executable, "-m", "bot", "wechat-stub", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        banner = server.stdout.readline() + server.stdout.readline()
        answer = requests.get(f"http://127.0.0.1:{port}/cgi-bin/token", params=APP, timeout=5).json()
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert f"WECHAT_API_BASE_URL=http://127.0.0.1:{port}/cgi-bin/" in banner
    assert answer["expires_in"] == 7200
