"""While an item is being photographed, or the returned ones are listed: asking whether items can be
left out and the application sent without them is answered (the returned materials must be sent again
before submitting) and stops nothing."""
from __future__ import annotations

import pytest

from tests.support.api import RETURN_TWO
from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.fixture
def returned(chat):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    return chat


@pytest.mark.parametrize("said", ["退回的两项能不能不传了直接交", "退回的这个能不能不补了直接提交"])
def test_asking_to_submit_without_the_returned_items_keeps_the_item_in_hand(returned, said):
    returned.send("第一项")
    reply = returned.send(said)
    assert returned.state.get("material") == "commission_form"
    assert "重新上传被退回的那几项，再提交" in reply and returned.application["status"] == "returned"


def test_asking_to_submit_without_the_returned_items_before_choosing_one_answers_it(returned):
    reply = returned.send("退回的两项能不能不传了直接交")
    assert "重新上传被退回的那几项，再提交" in reply and returned.application["status"] == "returned"


def test_stopping_the_item_in_hand_in_plain_words_still_stops_it(returned):
    returned.send("第一项")
    returned.send("不传了 换一项")
    assert returned.state.get("material") is None
