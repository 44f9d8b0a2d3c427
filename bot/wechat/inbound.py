"""WeChat's vocabulary at the edge: a parsed wechatpy message (its typed classes, ``TextMessage``,
``ImageMessage``, ``ClickEvent``…) becomes one of our events, or :class:`Unsupported` for a kind the
dialogue does not take, or None when WeChat expects no answer. Parsing returns no sentences: what an
applicant is told about an unsupported kind is ``dialogs.render.unsupported_reply``, chosen by the route."""
from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from typing import NamedTuple

from wechatpy import parse_message
from wechatpy.events import BaseEvent, ClickEvent, SubscribeEvent, SubscribeScanEvent
from wechatpy.fields import IntegerField, StringField
from wechatpy.messages import MESSAGE_TYPES, BaseMessage, ImageMessage, TextMessage, UnknownMessage, VoiceMessage

from dialogs.events import Command, Event, Image, Text

MENU_KEYS = {"START": "start", "PROGRESS": "progress", "FAQ": "faq", "HUMAN": "human"}


@dataclass(frozen=True)
class Unsupported:
    """A message of a kind the dialogue does not take (video, a file, an unknown menu key…): it is
    answered with a sentence and changes nothing."""

    kind: str


def parse(body: bytes | str) -> BaseMessage:
    """wechatpy's typed message for WeChat's XML, as :func:`wechatpy.parse_message` makes it.

    A flat message (every field one element holding text: what WeChat sends for text, photos and
    voice) is read with ElementTree's C parser into the same fields xmltodict would give, stripped
    text or None, and typed by wechatpy's own table: about a third of xmltodict's cost, whose SAX
    callbacks run in Python, on every message. Events (wechatpy rewrites some of their keys) and
    anything not flat (a field repeated or nested, attributes: what :func:`malformed` looks for) go
    through ``parse_message`` itself, as do bodies ElementTree refuses (it then raises as before)."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return parse_message(body)
    fields: dict[str, str | None] = {}
    for element in root:
        if len(element) or element.attrib or element.tag in fields:
            return parse_message(body)
        fields[element.tag] = (element.text or "").strip() or None
    kind = fields.get("MsgType")
    message_class = MESSAGE_TYPES.get(kind.lower()) if root.tag == "xml" and not root.attrib and kind else None
    return message_class(fields) if message_class is not None else parse_message(body)


# The fields the bot reads (wechatpy attribute names), and whether a message must have them. WeChat
# sends each once, as text; an element given twice or holding elements parses as a list or a dict.
FIELDS_READ = (("source", True), ("target", True), ("type", True), ("content", False),
               ("recognition", False), ("media_id", False), ("event", False), ("key", False))
NUMBERS_READ = (("time", True), ("id", False))  # CreateTime, MsgId (absent: 0)
_ABSENT = object()  # a field the message's class does not have (``event`` on a text message)


class Malformed(ValueError):
    """A parsed message is not one WeChat would send; its text says why."""


class Envelope(NamedTuple):
    """Who sent a message to whom, and what tells one message from another: what the callback reads of
    every message after :func:`envelope` checked it. Read once: wechatpy converts a field on every read
    of it, through its descriptors (~6K instructions a read, a dozen reads a message)."""

    source: str
    target: str
    id: int  # MsgId, 0 for an event
    time: int  # CreateTime
    event: object  # the event's name; "" when the message's class has no such field
    key: object  # its menu key, the same way


def envelope(msg: BaseMessage) -> Envelope:
    """The message's :class:`Envelope`; :class:`Malformed` when it is not one WeChat would send (a field
    missing, repeated, nested or not a number). Checked before anything reads it: wechatpy converts
    numbers when they are read.

    Each field is read as wechatpy's descriptor gives it. The text WeChat sent is read from the message's
    dict directly, as the descriptor would give it (a number field's as an int): a read through it cost ~6K
    instructions, ``to_text`` called on every text (issue 19). Anything else (a field absent, repeated or
    nested; a class's own attribute such as ``type``) is read through the descriptor itself."""
    data = msg._data
    texts, numbers = _readers(type(msg))
    read: dict[str, object] = {}
    for name, required, tag in texts:
        value = data.get(tag) if tag else None
        if type(value) is not str:
            value = _ABSENT if tag == "" else getattr(msg, name)
        if value is None or value is _ABSENT or value == "":
            if required:
                raise Malformed(f"{name} missing")
        elif not isinstance(value, str):
            raise Malformed(f"{name} repeated or nested")
        read[name] = value
    for name, required, tag in numbers:
        value = data.get(tag) if tag else None
        try:
            value = (int(value) if value else value) if type(value) is str \
                else None if tag == "" else getattr(msg, name)
        except (TypeError, ValueError):
            raise Malformed(f"{name} not a number") from None
        if value is None and required:
            raise Malformed(f"{name} missing")
        read[name] = value
    return Envelope(read["source"], read["target"], read["id"] or 0, read["time"],  # type: ignore[arg-type]
                    "" if read["event"] is _ABSENT else read["event"], "" if read["key"] is _ABSENT else read["key"])


# Per message class, how :func:`envelope` reads FIELDS_READ and NUMBERS_READ: (attribute, required, tag), ``tag``
# the XML tag of the attribute's text (``StringField``) or number (``IntegerField``) field, None for any other
# attribute, "" for one the class lacks (a text message has no ``event``, ``key``, ``media_id`` or
# ``recognition``). Worked out once a class: ``getattr`` with a default raised and caught an AttributeError for
# each missing one (~8K instructions a text message: issue 19).
Readers = tuple[tuple[str, bool, "str | None"], ...]
_READERS: dict[type, tuple[Readers, Readers]] = {}


def _readers(kind: type) -> tuple[Readers, Readers]:
    readers = _READERS.get(kind)
    if readers is None:
        readers = _READERS[kind] = tuple(tuple((name, required, _tag(kind, name, field_class)) for name, required in names)
                                         for names, field_class in ((FIELDS_READ, StringField), (NUMBERS_READ, IntegerField)))
    return readers


def _tag(kind: type, name: str, field_class: type) -> str | None:
    if not hasattr(kind, name):
        return ""
    field = getattr(kind, name)  # a descriptor read on the class gives its field
    return field.name if type(field) is field_class else None


def to_event(msg: BaseMessage) -> Event | Unsupported | None:
    """Our event for a wechatpy message; None when WeChat expects no answer (unsubscribing, opening
    a menu link, other notifications)."""
    match msg:
        case TextMessage():
            return Text(msg.content or "")
        case VoiceMessage() if (msg.recognition or "").strip():
            return Text(msg.recognition.strip(), spoken=True)
        case ImageMessage():
            return Image(msg.media_id)
        case SubscribeEvent() | SubscribeScanEvent():
            return Command("subscribe")
        case ClickEvent():
            name = MENU_KEYS.get((msg.key or "").upper())
            return Command(name) if name else Unsupported("click")
        case BaseEvent():
            return None
        case UnknownMessage():  # a kind wechatpy has no class for (a file): WeChat's own name for it
            return Unsupported(str(msg._data.get("MsgType") or "unknown"))
    return Unsupported(msg.type)


def dedup_key(sent: Envelope) -> str:
    """Retries of one message share this key. MsgId has collided across users, so the sender is part of it;
    events carry no MsgId and are keyed by sender + CreateTime (WeChat's advice) + event and menu key, since
    two different clicks within one second are two events."""
    if sent.id:
        return f"wx:msg:{sent.source}:{sent.id}"
    return f"wx:evt:{sent.source}:{sent.time}:{sent.event}:{sent.key}"
