"""WeChat's vocabulary at the edge: a parsed wechatpy message becomes one of our events (or a
ready answer for kinds the bot cannot take), and our replies become one passive reply."""
from __future__ import annotations

from dialogs.events import Command, Event, Image, Text

MENU_KEYS = {"START": "start", "PROGRESS": "progress", "FAQ": "faq", "HUMAN": "human"}

UNSUPPORTED = {
    # A voice message carries text only where the account has WeChat's speech recognition on.
    "voice": "暂时听不了语音，请用文字输入您的回答或问题。",
    "video": "暂时无法处理视频。材料请拍照发送，或回复“上传”获取网页上传链接上传 PDF。",
    "shortvideo": "暂时无法处理视频。材料请拍照发送，或回复“上传”获取网页上传链接上传 PDF。",
    "location": "收到您的位置啦。各区人才服务中心的办理方式可以直接问我，例如“闵行的材料寄到哪？”",
    "link": "暂时无法打开链接。如需上传材料，请拍照发送，或使用网页上传链接上传 PDF。",
    "file": "公众号聊天里无法接收文件。PDF 材料请通过网页上传链接上传；也可以直接拍照发送。",
}
UNKNOWN = "暂时无法处理这种消息。请发送文字或照片；需要帮助请回复“帮助”。"


# The fields the bot reads (wechatpy attribute names), and whether a message must have them. WeChat
# sends each once, as text; an element given twice or holding elements parses as a list or a dict.
FIELDS_READ = (("source", True), ("target", True), ("type", True), ("content", False),
               ("recognition", False), ("media_id", False), ("event", False), ("key", False))
NUMBERS_READ = (("time", True), ("id", False))  # CreateTime, MsgId (absent: 0)


def malformed(msg) -> str | None:
    """Why a parsed message is not one WeChat would send (a field missing, repeated, nested or not a
    number), or None. Checked before anything reads it: wechatpy converts numbers when they are read."""
    for name, required in FIELDS_READ:
        value = getattr(msg, name, None)
        if value is None or value == "":
            if required:
                return f"{name} missing"
        elif not isinstance(value, str):
            return f"{name} repeated or nested"
    for name, required in NUMBERS_READ:
        try:
            value = getattr(msg, name, None)
        except (TypeError, ValueError):
            return f"{name} not a number"
        if value is None and required:
            return f"{name} missing"
    return None


def to_event(msg) -> Event | str | None:
    """Our event for a wechatpy message; a str is an answer to send as is; None needs no reply."""
    kind = getattr(msg, "type", "unknown")
    if kind == "text":
        return Text(msg.content or "")
    if kind == "voice" and (getattr(msg, "recognition", None) or "").strip():
        return Text(msg.recognition.strip(), spoken=True)
    if kind == "image":
        return Image(msg.media_id)
    if kind == "event":
        event = getattr(msg, "event", "")
        if event in ("subscribe", "subscribe_scan"):
            return Command("subscribe")
        if event == "unsubscribe":
            return None
        if event == "click":
            name = MENU_KEYS.get((getattr(msg, "key", "") or "").upper())
            return Command(name) if name else UNKNOWN
        return None  # VIEW (opening a menu link) and other notifications need no reply
    return UNSUPPORTED.get(kind, UNKNOWN)


def dedup_key(msg) -> str:
    """Retries of one message share this key. MsgId has collided across users, so the sender is part of it;
    events carry no MsgId and are keyed by sender + CreateTime (WeChat's advice) + event and menu key, since
    two different clicks within one second are two events."""
    if getattr(msg, "id", 0):
        return f"wx:msg:{msg.source}:{msg.id}"
    return f"wx:evt:{msg.source}:{msg.time}:{getattr(msg, 'event', '')}:{getattr(msg, 'key', '')}"
