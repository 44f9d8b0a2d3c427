"""One applicant talking to the assistant through the real service and store (:class:`Chat`), and
walking the application dialogue with it: the opening turns, a list of answers, an application
moved to a status as the desk would."""
from __future__ import annotations

import copy
import functools
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from bot.applicant.conversation import Conversations
from dialogs import engine
from dialogs.events import Context, Event, Outcome, Text
from knowledge import load_default
from storage.sqlite import SQLiteStore

TODAY = datetime(2026, 11, 24, 10, 0)


class Chat:
    """One applicant talking to the assistant through the real service and store.

    ``shares_walks``: the walks below (:func:`start`, :func:`at_question`, …) that this chat takes on
    an empty SQLite store are taken once per test process and then copied into the store, file and
    all (see :func:`shared_walk`). Only a chat whose dialogue is the same in every test may share
    them: the fixture's (tests/dialogs/conftest.py), with its fixed clock and no patched code."""

    def __init__(self, conversations: Conversations, user: str = "applicant-1", *, shares_walks: bool = False) -> None:
        self.conversations, self.user = conversations, user
        self.last: list[str] = []
        self.shares_walks = shares_walks
        self.walked: tuple[tuple, bytes] | None = None  # the last shared walk's key and the file it left
        self.sent = 0  # messages this chat has sent (none for a walk given from a copy)

    def send(self, text: str) -> str:
        self.sent += 1
        self.last = self.conversations.handle(self.user, Text(text))
        return "\n".join(self.last)

    @property
    def state(self) -> dict:
        return self.conversations.store.get("conversation", self.user)

    @property
    def application(self) -> dict | None:
        app_id = (self.state or {}).get("application_id")
        return self.conversations.store.get("application", app_id) if app_id else None


Walk = TypeVar("Walk", bound=Callable[..., Any])
_WALKS: dict[tuple, tuple[Any, bytes, list[str]]] = {}  # a walk's key → its result, store file, last replies


def shared_walk(walk: Walk) -> Walk:
    """``walk(chat, *args)`` taken for real the first time in a test process, then given from a copy:
    its store file (as SQLite left it) and the last replies. Walking to the question under test is
    most of a dialogue test's work (a walk to the checklist is a dozen turns), and it is the same walk
    in hundreds of tests. Only where ``chat.shares_walks`` and the store is an empty SQLite one, or
    exactly what the chat's last shared walk left (a walk goes on from another: :func:`start`, then
    :func:`answer_all`), so the copy is what the walk would have made; elsewhere it is taken as usual."""

    @functools.wraps(walk)
    def walked(chat: Chat, *args: Any, **kwargs: Any) -> Any:
        store = chat.conversations.store
        after = _walked_so_far(chat)
        if after is None:
            return walk(chat, *args, **kwargs)
        key = (after, walk.__module__, walk.__qualname__, chat.user, id(chat.conversations.kb), repr(args),
               repr(sorted(kwargs.items())))
        if key in _WALKS:
            result, image, last = _WALKS[key]
            store.close()
            for extra in _beside(store):
                extra.unlink(missing_ok=True)
            store.path.write_bytes(image)  # the store opens its connections again on its next call
            chat.last = list(last)
            result = copy.deepcopy(result)
        else:
            result = walk(chat, *args, **kwargs)
            store.close()  # the last connection's close writes the WAL into the file
            image = store.path.read_bytes()
            _WALKS[key] = (copy.deepcopy(result), image, list(chat.last))
        chat.walked = (key, image)
        return result

    return walked  # type: ignore[return-value]


def _walked_so_far(chat: Chat) -> tuple | None:
    """The key of the shared walks that made what the chat's store holds: () for an empty store, None
    where it is not a SQLite store made by shared walks alone (a message or a write since, anything)."""
    store = chat.conversations.store
    if not chat.shares_walks or type(store) is not SQLiteStore:
        return None
    if chat.walked is not None:
        key, image = chat.walked
        wal = _beside(store)[0]
        if (not wal.exists() or wal.stat().st_size == 0) and store.path.read_bytes() == image:
            return key
    return () if _empty(store) else None


def _beside(store: SQLiteStore) -> tuple[Path, Path]:
    """The store's write-ahead log and its index."""
    return store.path.with_name(store.path.name + "-wal"), store.path.with_name(store.path.name + "-shm")


def _empty(store: SQLiteStore) -> bool:
    """Whether nothing is kept in the store yet (its tables made, no row in any)."""
    db = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    try:
        return not any(db.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
                       for table in ("docs", "idx", "logs", "keys", "sequences"))
    finally:
        db.close()


VALID_ID = "11010519491231002X"
BASIC = ["张三", VALID_ID, "上海某某科技有限公司", "0", "未婚", "13800138000", "zhangsan@example.com"]


@shared_walk
def start(chat: Chat, business_type: str, expiry: str = "2027-08-25") -> None:
    chat.send("你好")
    chat.send(business_type)
    chat.send(expiry)
    chat.send("同意")


@shared_walk
def at_consent(chat: Chat, business_type: str = "积分新办") -> None:
    """A new application at the commitment and the service notice, not yet agreed to."""
    answer_all(chat, ["你好", business_type, "2027-08-25"])
    assert chat.state["state"] == "consent"


@shared_walk
def at_question(chat: Chat, field: str, answers: list[str] = BASIC) -> None:
    """A new application walked with ``answers`` until ``field`` is asked."""
    start(chat, "积分新办")
    for text in answers:
        if chat.state["state"] == field:
            break
        chat.send(text)
    assert chat.state["state"] == field


@shared_walk
def answer_all(chat: Chat, answers: list[str]) -> str:
    reply = ""
    for text in answers:
        reply = chat.send(text)
    return reply


@shared_walk
def application_in(chat: Chat, status: str, **fields) -> str:
    """Walk to the checklist, then move the application to ``status`` (with ``fields``) as the desk
    would have; its id."""
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("确认")
    app_id = chat.application["id"]
    chat.conversations.store.update("application", app_id, lambda a: {**a, "status": status, **fields})
    return app_id


def returned_with(chat: Chat, reasons: dict[str, str]) -> Chat:
    """Walk to the checklist and return the application as a reviewer would: each material in ``reasons``
    returned with its reason, every other one approved; the chat."""
    app_id = application_in(chat, "returned")
    materials = {code: {"status": "returned", "reason": reasons[code]} if code in reasons else {"status": "approved"}
                 for code in chat.application["checklist"]}
    chat.conversations.store.update("application", app_id, lambda a: {**a, "materials": materials})
    return chat


def play(kb: Any, *messages: str) -> Outcome:
    """The engine alone (no store) taking ``messages`` in turn, each with the state the last left; the
    last outcome. The turns before the last are the test's set-up, and the same in many tests: the
    state they leave is kept per test process (for the shipped knowledge base or none) and given to
    the last message as a copy; the last message is always taken afresh."""
    assert messages, "no message played"
    *before, last = messages
    state = copy.deepcopy(_state_after(kb, tuple(before)))
    return engine.handle(state, Text(last), Context(today=TODAY.date(), kb=kb))


def events_after(kb: Any, state: dict | None, *events: str | Event) -> list[Outcome]:
    """The engine alone taking ``events`` (texts, photos) one after another from ``state``: each outcome."""
    outcomes = []
    for event in events:
        outcomes.append(engine.handle(state, Text(event) if isinstance(event, str) else event,
                                      Context(today=TODAY.date(), kb=kb)))
        state = outcomes[-1].state
    return outcomes


_PLAYED: dict[tuple[int, tuple[str, ...]], dict] = {}  # (the knowledge base, messages) → the state they left


def _state_after(kb: Any, messages: tuple[str, ...]) -> dict | None:
    if not messages:
        return None
    shared = kb is None or kb is load_default()
    key = (id(kb), messages)
    if shared and key in _PLAYED:
        return _PLAYED[key]
    state = copy.deepcopy(_state_after(kb, messages[:-1]))
    state = engine.handle(state, Text(messages[-1]), Context(today=TODAY.date(), kb=kb)).state
    if shared:
        _PLAYED[key] = state
    return state


@shared_walk
def at_married_summary(chat: Chat) -> None:
    """A married applicant's new application at the summary: a spouse added, the title bonus chosen."""
    start(chat, "积分新办")
    answer_all(chat, [*BASIC[:4], "已婚", *BASIC[5:], "1", "1"])
    assert chat.state["state"] == "summary"


@shared_walk
def at_married_checklist(chat: Chat) -> None:
    """The same application confirmed: its checklist made, with the spouse's papers."""
    at_married_summary(chat)
    chat.send("确认")
    assert chat.state["state"] == "materials" and "配偶身份证" in chat.send("清单")
