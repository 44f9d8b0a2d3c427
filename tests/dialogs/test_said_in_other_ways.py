"""Shapes the third blind set (dev3) found, each through the engine in other words than its own: an
option chosen by a circled number ("③"), a correction of the answer just given said at its own
question ("刚才说错了，是两个不是一个"), a pause said in passing ("身份证在老家 没带")."""
from __future__ import annotations

import pytest

from tests.support.chat import at_question

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said, business_type", [("③", "employer_change"), ("①", "new")])
def test_an_option_chosen_by_a_circled_number_is_that_option(chat, said, business_type):
    chat.send(said)
    assert chat.state["answers"]["business_type"] == business_type
