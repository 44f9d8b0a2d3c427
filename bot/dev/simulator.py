"""``python -m bot wechat-sim``: a simulated WeChat user that sends signed XML to /wechat, the way
WeChat's servers do, in plaintext or safe mode. Used by the README's local demo and the tests."""
from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import string
import sys
import time
from collections.abc import Callable

import requests
import xmltodict
from wechatpy.crypto import WeChatCrypto

from bot.config import from_env

Post = Callable[[str, dict, bytes], tuple[int, str]]
_ids = itertools.count(int(time.time() * 1000))


def sign(token: str, timestamp: str, nonce: str, *extra: str) -> str:
    """WeChat's SHA1 signature over the sorted parameters."""
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, *extra])).encode()).hexdigest()


def message_xml(openid: str, kind: str, fields: dict[str, str | int], *, to: str = "gh_jifen",
                create_time: int | None = None) -> str:
    parts = [f"<ToUserName><![CDATA[{to}]]></ToUserName>", f"<FromUserName><![CDATA[{openid}]]></FromUserName>",
             f"<CreateTime>{create_time or int(time.time())}</CreateTime>", f"<MsgType><![CDATA[{kind}]]></MsgType>"]
    for name, value in fields.items():
        parts.append(f"<{name}>{value}</{name}>" if isinstance(value, int) else f"<{name}><![CDATA[{value}]]></{name}>")
    return "<xml>" + "".join(parts) + "</xml>"


class SimulatedUser:
    """One WeChat user talking to the bot's callback."""

    def __init__(self, url: str, openid: str, token: str, *, aes_key: str | None = None,
                 app_id: str = "wx-dev-appid", post: Post | None = None) -> None:
        self.url, self.openid, self.token = url, openid, token
        self.crypto = WeChatCrypto(token, aes_key, app_id) if aes_key else None
        self.app_id = app_id
        self._post = post or _http_post

    # -- what a user does -----------------------------------------------------------
    def say(self, text: str, msg_id: int | None = None) -> str:
        return self.send("text", {"Content": text, "MsgId": msg_id or next(_ids)})

    def send_image(self, media_id: str, msg_id: int | None = None) -> str:
        return self.send("image", {"PicUrl": "http://127.0.0.1/none.jpg", "MediaId": media_id,
                                   "MsgId": msg_id or next(_ids)})

    def send_voice(self, recognition: str, msg_id: int | None = None) -> str:
        """A voice message as WeChat sends it with speech recognition on ("" when it is off)."""
        return self.send("voice", {"MediaId": "voice-media", "Format": "amr", "Recognition": recognition,
                                   "MsgId": msg_id or next(_ids)})

    def click(self, key: str) -> str:
        return self.send("event", {"Event": "CLICK", "EventKey": key})

    def subscribe(self) -> str:
        return self.send("event", {"Event": "subscribe"})

    # -- the wire --------------------------------------------------------------------
    def send(self, kind: str, fields: dict[str, str | int], *, create_time: int | None = None) -> str:
        status, body = self.post_raw(message_xml(self.openid, kind, fields, create_time=create_time).encode())
        if status != 200:
            raise RuntimeError(f"callback answered {status}: {body[:200]}")
        return self.reply_text(body)

    def post_raw(self, xml: bytes, *, signature: str | None = None, timestamp: str | None = None) -> tuple[int, str]:
        timestamp = timestamp or str(int(time.time()))
        nonce = "".join(random.choices(string.digits, k=9))
        params = {"timestamp": timestamp, "nonce": nonce, "openid": self.openid,
                  "signature": signature or sign(self.token, timestamp, nonce)}
        if self.crypto is not None:
            encrypted = self.crypto.encrypt_message(xml.decode(), nonce, timestamp)
            envelope = xmltodict.parse(encrypted)["xml"]
            params.update(encrypt_type="aes", msg_signature=envelope["MsgSignature"])
            xml = (f"<xml><ToUserName><![CDATA[gh_jifen]]></ToUserName>"
                   f"<Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>").encode()
        return self._post(self.url, params, xml)

    def reply_text(self, body: str) -> str:
        """The text of a passive reply ("" for `success` or an empty body)."""
        if not body or body == "success":
            return ""
        if self.crypto is not None:
            envelope = xmltodict.parse(body)["xml"]
            body = self.crypto.decrypt_message(body, envelope["MsgSignature"], envelope["TimeStamp"],
                                               envelope["Nonce"])
        return xmltodict.parse(body)["xml"].get("Content") or ""


def _http_post(url: str, params: dict, body: bytes) -> tuple[int, str]:
    response = requests.post(url, params=params, data=body, timeout=10,
                             headers={"Content-Type": "text/xml; charset=utf-8"})
    return response.status_code, response.text


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot wechat-sim",
                                     description="Chat with a running bot as a simulated WeChat user.")
    parser.add_argument("--url", default="http://127.0.0.1:8000/wechat")
    parser.add_argument("--user", default="sim-user", help="the simulated user's openid")
    args = parser.parse_args(argv)
    config = from_env()
    user = SimulatedUser(args.url, args.user, config.wechat_token, aes_key=config.wechat_aes_key,
                         app_id=config.wechat_app_id)
    print(user.subscribe(), "\n")
    for line in sys.stdin:
        line = line.rstrip("\n")
        if line.startswith("/image "):
            reply = user.send_image(line[7:].strip())
        elif line.startswith("/voice "):
            reply = user.send_voice(line[7:].strip())
        else:
            reply = user.say(line)
        print(reply or "（没有被动回复；结果会以客服消息送达）", "\n", flush=True)
    return 0


