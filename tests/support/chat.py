"""One applicant talking to the assistant through the real service and store (:class:`Chat`), and
walking the application dialogue with it: the opening turns, a list of answers, an application
moved to a status as the desk would."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.applicant.conversation import Conversations
from dialogs import engine
from dialogs.events import Context, Outcome, Text

TODAY = datetime(2026, 11, 24, 10, 0)


class Chat:
    """One applicant talking to the assistant through the real service and store."""

    def __init__(self, conversations: Conversations, user: str = "applicant-1") -> None:
        self.conversations, self.user = conversations, user
        self.last: list[str] = []

    def send(self, text: str) -> str:
        self.last = self.conversations.handle(self.user, Text(text))
        return "\n".join(self.last)

    @property
    def state(self) -> dict:
        return self.conversations.store.get("conversation", self.user)

    @property
    def application(self) -> dict | None:
        app_id = (self.state or {}).get("application_id")
        return self.conversations.store.get("application", app_id) if app_id else None


VALID_ID = "11010519491231002X"
BASIC = ["张三", VALID_ID, "上海某某科技有限公司", "0", "未婚", "13800138000", "zhangsan@example.com"]


def start(chat: Chat, business_type: str, expiry: str = "2027-08-25") -> None:
    chat.send("你好")
    chat.send(business_type)
    chat.send(expiry)
    chat.send("同意")


def at_consent(chat: Chat, business_type: str = "积分新办") -> None:
    """A new application at the commitment and the service notice, not yet agreed to."""
    answer_all(chat, ["你好", business_type, "2027-08-25"])
    assert chat.state["state"] == "consent"


def at_question(chat: Chat, field: str, answers: list[str] = BASIC) -> None:
    """A new application walked with ``answers`` until ``field`` is asked."""
    start(chat, "积分新办")
    for text in answers:
        if chat.state["state"] == field:
            break
        chat.send(text)
    assert chat.state["state"] == field


def answer_all(chat: Chat, answers: list[str]) -> str:
    reply = ""
    for text in answers:
        reply = chat.send(text)
    return reply


def application_in(chat: Chat, status: str, **fields) -> str:
    """Walk to the checklist, then move the application to ``status`` (with ``fields``) as the desk
    would have; its id."""
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("确认")
    app_id = chat.application["id"]
    chat.conversations.store.update("application", app_id, lambda a: {**a, "status": status, **fields})
    return app_id


def play(kb: Any, *messages: str) -> Outcome:
    """The engine alone (no store) taking ``messages`` in turn, each with the state the last left; the
    last outcome."""
    state, outcome = None, None
    for text in messages:
        outcome = engine.handle(state, Text(text), Context(today=TODAY.date(), kb=kb))
        state = outcome.state
    assert outcome is not None, "no message played"
    return outcome


def at_married_summary(chat: Chat) -> None:
    """A married applicant's new application at the summary: a spouse added, the title bonus chosen."""
    start(chat, "积分新办")
    answer_all(chat, [*BASIC[:4], "已婚", *BASIC[5:], "1", "1"])
    assert chat.state["state"] == "summary"


def at_married_checklist(chat: Chat) -> None:
    """The same application confirmed: its checklist made, with the spouse's papers."""
    at_married_summary(chat)
    chat.send("确认")
    assert chat.state["state"] == "materials" and "配偶身份证" in chat.send("清单")
