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
    # the confirmation's entry, or the one written after this test for an error seen before confirming (its answer:
    # "哪一项不对，回复“申办信息有误 + 哪里有误”"): both answer it, and the learned re-ranking may lead with either
    answering = [kb.entry(i) for i in ("confirm-within-two-days", "check-details-before-confirming")]
    assert any(e.questions[0] in reply or e.answer in reply for e in answering)


def test_a_step_said_in_its_own_words_is_not_yet_reached(chat):
    assert render.NOT_YET in chat.send("提交")
