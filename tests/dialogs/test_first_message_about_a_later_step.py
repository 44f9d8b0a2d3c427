"""A first message in free words that reads as a step not yet reached ("网上核对的时候看到上报的信息有一项不对":
the 申办信息有误 of an application confirmed elsewhere) is answered from the knowledge base, never told
that the step is not yet reached; a command's own words ("提交") still are."""
from __future__ import annotations

import pytest

from dialogs import render

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("message", ["网上核对的时候看到上报的信息有一项不对", "审核通过了但是申办信息里单位写错了"])
def test_a_later_step_told_in_free_words_is_answered(chat, kb, message):
    reply = chat.send(message)
    assert render.NOT_YET not in reply and render.CHECKLIST_NOT_YET not in reply
    assert kb.entry("confirm-within-two-days").questions[0] in reply or kb.entry("confirm-within-two-days").answer in reply


def test_a_step_said_in_its_own_words_is_not_yet_reached(chat):
    assert render.NOT_YET in chat.send("提交")
