"""A bare okay in words ("好的呢", "晓得啦", "收到收到") where no okay is asked for says nothing, as "ok" and "嗯"
say nothing: read the same at every point (a non-answer; corpus/_murmurs_and_pauses.yaml), and the question
asked again gently — no "还不能确定…", never counted toward the hand-off to a person."""
from __future__ import annotations

import pytest

from dialogs.understanding import interpret
from dialogs.understanding.classifier import trained
from tests.support.chat import at_question

OKAYS = ["晓得啦", "好的呢", "收到收到", "嗯 明白了", "了解了解", "明白明白"]


@pytest.mark.parametrize("point", ["employer", "children", "email", "returned", "submitted", "approved"])
def test_an_okay_reads_alike_at_every_point(point):
    kinds = {okay: interpret(point, okay, classifier=trained())[0].kind for okay in OKAYS}
    assert set(kinds.values()) == {"non_answer"}, kinds


@pytest.mark.parametrize("field", ["employer", "children"])
def test_okays_get_the_question_again_gently(chat, field):
    at_question(chat, field)
    replies = [chat.send(okay) for okay in OKAYS[:3]]
    assert not any("还不能确定" in r or "人工客服" in r for r in replies), replies
    assert not chat.conversations.store.find("escalation", user_id=chat.user)
    assert chat.state["state"] == field
