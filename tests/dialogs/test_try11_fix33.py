"""try11's mid findings through the engine, mostly said in other words than the tester's: what the
applicant meant at the step they were at is what is recorded or answered."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


# -- T49: wanting points without a type chooses none: the four types are shown -----------------------
@pytest.mark.parametrize("said", ["办个积分", "想弄个积分", "帮我搞个积分吧"])
def test_wanting_points_without_a_type_shows_the_four_types(chat, said):
    reply = chat.send(said)
    assert "business_type" not in chat.state["answers"] and chat.state["state"] == "business_type"
    assert "积分续办" in reply and "增加同住人" in reply


def test_wanting_points_for_the_first_time_is_a_new_application(chat):
    chat.send("想办个积分，之前从来没办过")
    assert chat.state["answers"]["business_type"] == "new"
