"""Options chosen by naming those left out ("除了紧缺专业和应届生 其他都有") or the only ones had ("除了学历以外都
没有"). The two left out were chosen, and the checklist asked for the wrong proofs (try8 T24)."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said, chosen", [
    ("除了紧缺专业和应届生 其他都有", ["title", "education", "social_insurance"]),
    ("除应届生外都选", ["title", "education", "social_insurance", "shortage_major"]),
    ("除了学历以外都没有", ["education"]),
    ("除了社保 别的都不是", ["social_insurance"]),
])
def test_options_chosen_by_naming_those_left_out(chat, said, chosen):
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    assert chat.state["state"] == "bonus_options"
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == chosen


def test_asked_whether_all_but_some_will_do_chooses_nothing(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    chat.send("除了紧缺专业和应届生 其他都有吗")
    assert "bonus_options" not in chat.state["answers"]


def test_all_but_some_with_another_answer_beside_it(chat):
    """review4 R6: with "社保5年" beside it, the option left out was chosen."""
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    chat.send("除了职称都有 社保5年")
    assert "title" not in chat.state["answers"]["bonus_options"]
    assert "social_insurance" in chat.state["answers"]["bonus_options"]


@pytest.mark.parametrize("said", ["除了应届生 别的都有 社保交了6年", "社保6年 除了应届生都有"])
def test_all_but_some_anywhere_in_a_message_with_more_answers(chat, said):
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == ["title", "education", "social_insurance", "shortage_major"]
    assert chat.state["answers"]["social_years"] == 6


def test_all_but_one_not_named_chooses_nothing(chat):
    """Found on the before-stop read: "除了这个都有" chose all five; which one is left out is asked."""
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    chat.send("除了这个都有")
    assert "bonus_options" not in chat.state["answers"]
