"""Development set 9's misreadings after the review, through the engine in other words: the points felt
too low is a dispute (asked what is wrong), not a question for the knowledge base; how long the points
last is a question, not a dispute."""
from __future__ import annotations

import pytest

from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said", ["我咋觉得分给少了", "我觉得分算少了几分"])
def test_points_felt_too_low_asks_what_is_wrong_to_file_it(chat, said):
    application_in(chat, "approved")
    assert "申办信息有误" in chat.send(said)
    assert chat.application["status"] == "approved"


def test_how_long_the_points_last_is_answered_not_taken_for_a_dispute(chat):
    application_in(chat, "approved")
    assert "积分有效期" in chat.send("这分数能管几年")
    assert chat.application["status"] == "approved"
