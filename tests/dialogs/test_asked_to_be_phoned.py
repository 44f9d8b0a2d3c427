"""Asking to be phoned ("能打电话给我吗", try7 T21) is answered: the account serves in the chat, 人工 brings
a person here, and the platform's hotline; not the district centres' missing phone numbers."""
from __future__ import annotations

import pytest

from tests.support.chat import at_question

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("field, said", [("name", "你们能不能给我回个电话"), ("employer", "可以打我手机说吗"),
                                         ("mobile", "直接电话联系我吧")])
def test_a_call_asked_for_is_answered_and_the_question_asked_again(chat, field, said):
    at_question(chat, field)
    reply = chat.send(said)
    assert "不会主动给您打电话" in reply and "人工" in reply and "4001962002" in reply
    assert field not in chat.state["answers"]
