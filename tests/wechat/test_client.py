"""The outbound WeChat client against the stub over real HTTP, with a real SQLite store."""
from __future__ import annotations

import io
import logging
import threading
from collections.abc import Callable

import pytest
from PIL import Image

from bot.wechat.inbound import MENU_KEYS
from bot.wechat.client import WeChatAPIError, make_client
from bot.wechat.menu import click_keys, menu
from storage import open_store

THREADS = 8


def in_threads(count: int, work: Callable[[int], object]) -> None:
    """Run ``work(i)`` on ``count`` threads released together; re-raise the first failure."""
    start = threading.Barrier(count)
    failures: list[BaseException] = []

    def run(i: int) -> None:
        start.wait()
        try:
            work(i)
        except BaseException as err:  # noqa: BLE001 - handed back to the test thread
            failures.append(err)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


def jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, "JPEG", quality=85)
    return out.getvalue()


# -- the access token ------------------------------------------------------------------------
def test_token_is_fetched_once_and_shared_by_clients_on_one_store(stub, config, store):
    with open_store(store.url) as second_connection:  # as another process would open it
        make_client(config, store).send_text("oAlice", "您好")
        make_client(config, second_connection).send_text("oAlice", "材料已收到")

    assert len(stub.requests_to("token")) == 1
    sends = stub.requests_to("message/custom/send")
    assert [s["errcode"] for s in sends] == [0, 0]
    assert sends[0]["args"]["access_token"] == sends[1]["args"]["access_token"]


def test_expired_token_is_renewed_once_and_the_call_retried(stub, wechat):
    wechat.send_text("oAlice", "第一条")
    stub.control("expire-token")

    wechat.send_text("oAlice", "第二条")

    assert len(stub.requests_to("token")) == 2
    assert [s["errcode"] for s in stub.requests_to("message/custom/send")] == [0, 42001, 0]


def test_a_token_rejected_again_after_renewal_is_an_error_not_a_loop(stub, wechat):
    stub.control("fail", {"errcode": 40001, "times": 5, "path": "/cgi-bin/message/custom/send"})

    with pytest.raises(WeChatAPIError) as raised:
        wechat.send_text("oAlice", "您好")

    assert raised.value.errcode == 40001
    assert len(stub.requests_to("message/custom/send")) == 2
    assert len(stub.requests_to("token")) == 2


def test_concurrent_first_calls_fetch_one_token(stub, config, store):
    clients = [make_client(config, store) for _ in range(THREADS)]

    in_threads(THREADS, lambda i: clients[i].send_text(f"oUser{i}", "您好"))

    assert len(stub.requests_to("token")) == 1
    assert len(stub.requests_to("message/custom/send")) == THREADS


def test_concurrent_calls_with_an_expired_token_renew_it_once(stub, config, store):
    clients = [make_client(config, store) for _ in range(THREADS)]
    clients[0].send_text("oUser0", "您好")
    stub.control("expire-token")

    in_threads(THREADS, lambda i: clients[i].send_text(f"oUser{i}", "进度有更新"))

    assert len(stub.requests_to("token")) == 2
    answers = [s["errcode"] for s in stub.requests_to("message/custom/send")]
    assert answers.count(0) == 1 + THREADS


def test_wrong_app_secret_is_reported_with_its_errcode(stub, config, sqlite_store):
    client = make_client(config.with_overrides(wechat_app_secret="not-the-secret"), sqlite_store)

    with pytest.raises(WeChatAPIError) as raised:
        client.send_text("oAlice", "您好")

    assert raised.value.errcode == 40125
    assert stub.requests_to("message/custom/send") == []


# -- customer-service messages ---------------------------------------------------------------
def test_long_text_is_split_into_messages_of_at_most_2048_bytes(stub, wechat):
    lines = [f"第{i}项：身份证、学历证书、社保缴费记录，请逐项拍照发送。" for i in range(120)]
    text = "\n".join(lines)

    sent = wechat.send_text("oAlice", text)

    contents = [s["json"]["text"]["content"] for s in stub.requests_to("message/custom/send")]
    assert sent == len(contents) > 1
    assert all(len(c.encode("utf-8")) <= 2048 for c in contents)
    assert "\n".join(contents) == text


def test_messages_beyond_the_budget_of_the_window_are_refused_with_45047(stub, wechat):
    stub.control("interaction", json={"openid": "oAlice", "kind": "message"})
    for i in range(5):
        wechat.send_text("oAlice", f"第{i + 1}条")

    with pytest.raises(WeChatAPIError) as raised:
        wechat.send_text("oAlice", "第6条")

    assert raised.value.errcode == 45047


def test_messages_after_the_48_hour_window_are_refused_with_45015(stub, wechat):
    stub.control("interaction", json={"openid": "oAlice", "kind": "message", "ago_seconds": 48 * 3600 + 1})

    with pytest.raises(WeChatAPIError) as raised:
        wechat.send_text("oAlice", "您的材料已审核")

    assert raised.value.errcode == 45015


def test_template_message_is_sent_and_its_msgid_returned(stub, wechat):
    data = {"first": {"value": "您的预审有新进展"}, "keyword1": {"value": "已退回"}}

    msgid = wechat.send_template("oAlice", "TPL_STATUS", data, url="https://example.org/progress")

    [request] = stub.requests_to("message/template/send")
    assert request["errcode"] == 0 and isinstance(msgid, int)
    assert request["json"] == {"touser": "oAlice", "template_id": "TPL_STATUS", "data": data,
                               "url": "https://example.org/progress"}


# -- media -------------------------------------------------------------------------------------
def test_a_photo_the_user_sent_is_downloaded_by_media_id(stub, wechat):
    photo = jpeg_bytes()
    media_id = stub.control("media", data=photo, headers={"Content-Type": "image/jpeg"})["media_id"]

    assert wechat.download_media(media_id) == photo


def test_an_uploaded_image_can_be_sent_and_downloaded_again(stub, wechat):
    photo = jpeg_bytes()

    media_id = wechat.upload_image(photo, "checklist.jpg")
    wechat.send_image("oAlice", media_id)

    [upload] = stub.requests_to("media/upload")
    assert upload["files"]["media"]["content_type"] == "image/jpeg"
    assert wechat.download_media(media_id) == photo
    assert stub.requests_to("message/custom/send")[0]["json"]["image"] == {"media_id": media_id}


def test_unknown_media_is_an_error_carrying_errcode_40007(wechat):
    with pytest.raises(WeChatAPIError) as raised:
        wechat.download_media("no-such-media")

    assert raised.value.errcode == 40007
    assert "invalid media_id" in raised.value.errmsg


# -- menu ----------------------------------------------------------------------------------------
def test_menu_is_created_with_the_keys_the_callback_understands(stub, wechat):
    installed = menu("https://jifen.example.cn")
    wechat.create_menu(installed)

    [request] = stub.requests_to("menu/create")
    assert request["errcode"] == 0 and request["json"] == installed
    assert sorted(click_keys(installed)) == sorted(MENU_KEYS)


def test_the_menu_opens_the_upload_page_through_web_authorisation(stub, wechat):
    [upload] = [b for b in menu("https://jifen.example.cn/")["button"] if b["name"] == "上传材料"]
    assert upload == {"type": "view", "name": "上传材料", "url": "https://jifen.example.cn/upload/wechat"}


def test_menu_command_installs_the_menu(stub, config, monkeypatch, capsys):
    from bot.wechat.menu import main

    monkeypatch.setenv("WECHAT_API_BASE_URL", stub.api_base)
    monkeypatch.setenv("DATA_DIR", str(config.data_dir))
    monkeypatch.setenv("STORE_URL", config.store_url)

    assert main([]) == 0
    assert stub.requests_to("menu/create")[0]["errcode"] == 0
    assert "菜单已创建" in capsys.readouterr().out


# -- logs ----------------------------------------------------------------------------------------
def test_no_log_line_carries_the_access_token_or_the_app_secret(stub, config, wechat, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    wechat.send_text("oAlice", "您好")
    stub.control("expire-token")
    wechat.send_text("oAlice", "您好")
    with pytest.raises(WeChatAPIError):
        wechat.download_media("no-such-media")
    # Connection errors quote the token URL, secret included.
    closed_port = config.with_overrides(wechat_api_base_url="http://127.0.0.1:9/cgi-bin/")
    other_store = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    with pytest.raises(WeChatAPIError) as raised:
        make_client(closed_port, other_store).send_text("oAlice", "您好")
    other_store.close()

    tokens = {r["args"]["access_token"] for r in stub.requests_to("message/custom/send")}
    assert len(tokens) == 2
    logged = caplog.text + str(raised.value)
    assert "errcode=42001" in logged and "errcode=40007" in logged
    for secret in (*tokens, config.wechat_app_secret):
        assert secret not in logged
