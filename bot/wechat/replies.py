"""Fitting our replies into what WeChat carries: one passive reply per message, and
customer-service texts of at most 2048 bytes each."""
from __future__ import annotations

import time

from wechatpy.messages import BaseMessage

from bot.wechat.inbound import Envelope

MAX_TEXT_BYTES = 2048


def passive_text(replies: list[str]) -> str:
    """All replies as one passive text (WeChat allows one passive reply per message)."""
    return "\n\n".join(r for r in replies if r)


def text_reply_xml(text: str, msg: Envelope | BaseMessage) -> str:
    """The passive text reply to ``msg`` (its envelope, or the message), as wechatpy's
    ``create_reply(text, msg).render()`` writes it (a test holds the two equal), in one format string:
    wechatpy builds a reply object and renders it field by field through descriptors, several times
    this on every message."""
    return (f"<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[{text}]]></Content>\n"
            f"<FromUserName><![CDATA[{msg.target}]]></FromUserName>\n<ToUserName><![CDATA[{msg.source}]]></ToUserName>\n"
            f"<CreateTime>{int(time.time())}</CreateTime>\n</xml>")


def split_text(text: str, limit: int = MAX_TEXT_BYTES) -> list[str]:
    """Pieces of at most ``limit`` UTF-8 bytes, cut at line ends where possible and never
    inside a character."""
    pieces: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        if len((current + line).encode("utf-8")) <= limit:
            current += line
            continue
        if current:
            pieces.append(current.rstrip("\n"))
            current = ""
        while len(line.encode("utf-8")) > limit:
            cut = _fit(line, limit)
            pieces.append(line[:cut])
            line = line[cut:]
        current = line
    if current.strip():
        pieces.append(current.rstrip("\n"))
    return pieces


def _fit(line: str, limit: int) -> int:
    """How many characters of ``line`` fit in ``limit`` bytes."""
    size = 0
    for i, ch in enumerate(line):
        size += len(ch.encode("utf-8"))
        if size > limit:
            return max(i, 1)
    return len(line)
