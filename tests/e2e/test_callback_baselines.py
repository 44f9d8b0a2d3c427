"""The baselines ``benchmarks/callback.py`` measures the bot against do what their rows claim: the
bare endpoint checks the signature and echoes; the floor also parses, reads and writes the Store."""
from __future__ import annotations

import time
from urllib.parse import urlencode

import pytest

from benchmarks.bare_app import TOKEN, create_app
from bot.dev.simulator import message_xml, sign


def post(client, openid: str, text: str, *, signature: str | None = None):
    ts, nonce = str(int(time.time())), "42"
    query = urlencode({"signature": signature or sign(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce})
    body = message_xml(openid, "text", {"Content": text, "MsgId": 1})
    return client.post(f"/wechat?{query}", data=body.encode(), content_type="text/xml"), body


@pytest.mark.parametrize("stateful", [False, True])
def test_a_bad_signature_is_refused(stateful, tmp_path, monkeypatch):
    monkeypatch.setenv("STORE_URL", f"sqlite:///{tmp_path / 'floor.db'}")
    response, _ = post(create_app(stateful).test_client(), "o1", "你好", signature="0" * 40)
    assert response.status_code == 403


def test_bare_echoes_the_message():
    response, body = post(create_app().test_client(), "o1", "你好")
    assert response.status_code == 200 and response.get_data(as_text=True) == body


def test_the_floor_reads_and_writes_each_senders_state(tmp_path, monkeypatch):
    monkeypatch.setenv("STORE_URL", f"sqlite:///{tmp_path / 'floor.db'}")
    client = create_app(stateful=True).test_client()
    replies = [post(client, openid, text)[0].get_data(as_text=True)
               for openid, text in [("o1", "一"), ("o1", "二"), ("o2", "三")]]
    assert "第 1 条：一" in replies[0] and "<ToUserName><![CDATA[o1]]>" in replies[0]
    assert "第 2 条：二" in replies[1]  # the second message saw what the first one wrote
    assert "第 1 条：三" in replies[2] and "<ToUserName><![CDATA[o2]]>" in replies[2]
