"""try12 T44: "等等/等下" or "我想问问" in front of a question holds the step for the question, which is answered
at once (the step's question follows); with someone else to ask, or nothing asked, it stays a pause."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions  # the shipped knowledge base answers


@pytest.mark.parametrize("said, answer_says", [
    ("等等 浦东的材料寄到哪里", "浦东"),
    ("稍等，我想问一下委托单在哪里拿", "委托"),
    ("等一下 问个事：社保需要交满几年", "社保"),
])
def test_a_question_after_a_wait_is_answered_not_a_pause(kb, said, answer_says):
    outcome = play(kb, "1", "同意", said)
    replies = "\n".join(outcome.replies)
    assert "暂存" not in replies and answer_says in replies
    assert outcome.state["state"] == "permit_expiry" and "有效期" in outcome.replies[-1]


@pytest.mark.parametrize("said", ["等下 我问问老公他单位全称", "等一下 我去翻下证件"])
def test_a_wait_to_ask_someone_else_or_to_fetch_is_still_a_pause(kb, said):
    assert "暂存" in "\n".join(play(kb, "1", "同意", said).replies)
