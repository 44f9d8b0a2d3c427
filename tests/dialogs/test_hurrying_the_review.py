"""Asked once submitted whether the review can be hurried ("能催一下吗", "加急可以吗"): what the sources say of the
review's time (nothing of hurrying it) and where the application stands, never "超出了我能回答的范围"."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said", ["能催一下吗", "加急可以吗", "预审能不能加急处理", "可以帮我催下审核吗"])
def test_hurrying_the_review_asked_is_answered_with_where_it_stands(chat, said):
    application_in(chat, "submitted")
    reply = chat.send(said)
    assert "没有预审加急的说法" in reply and "线上材料待审核" in reply
    assert render.OUT_OF_SCOPE not in reply
    assert chat.application["status"] == "submitted"


def test_asking_for_a_person_to_hurry_it_is_a_request_for_a_person(chat):
    application_in(chat, "submitted")
    reply = chat.send("能不能找个人帮我催一下")
    assert "人工" in reply and "没有预审加急的说法" not in reply
