"""Misreadings fixed at the conversation points (issue 15's second pass), each through the engine
with several phrasings: dates said from today, and what the first pass took for something else."""
from __future__ import annotations

from datetime import date

import pytest

from bot.applicant.conversation import Conversations
from dialogs import clock
from dialogs.validators import add_months
from knowledge import load_default
from tests.dialogs.conftest import TODAY, Chat


@pytest.fixture
def chat(sqlite_store) -> Chat:
    return Chat(Conversations(sqlite_store, kb=load_default(), now=lambda: TODAY))


def at_permit_expiry(chat: Chat) -> None:
    chat.send("你好")
    chat.send("积分新办")
    assert chat.state["state"] == "permit_expiry"


def _next_year(month: int, day: int) -> str:
    return date(clock.today().year + 1, month, day).isoformat()


def _end_of_next_month() -> str:
    first = add_months(clock.today().replace(day=1), 2)
    return date.fromordinal(first.toordinal() - 1).isoformat()


@pytest.mark.parametrize("said, saved", [
    ("明年8月1号", lambda: _next_year(8, 1)),
    ("明年七月一号到期", lambda: _next_year(7, 1)),
    ("居住证到明年5月20号", lambda: _next_year(5, 20)),
    ("有效期是到明年五月底", lambda: _next_year(5, 31)),
    ("大概明年三月底吧", lambda: _next_year(3, 31)),
    ("下个月底", _end_of_next_month),
])
def test_a_permit_date_said_from_today_is_read(chat, said, saved):
    at_permit_expiry(chat)
    chat.send(said)
    assert chat.state["answers"]["permit_expiry"] == saved()


@pytest.mark.parametrize("vague", ["明年年初", "下个月中旬", "明年3月份"])
def test_a_vague_permit_date_is_asked_again(chat, vague):
    at_permit_expiry(chat)
    chat.send(vague)
    assert chat.state["state"] == "permit_expiry" and "permit_expiry" not in chat.state["answers"]
