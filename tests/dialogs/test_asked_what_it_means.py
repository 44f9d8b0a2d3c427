"""A question of what a word means, with the word said after it ("配偶是啥意思 随员", "紧缺专业指什么 职称"), asks
about that word: nothing is chosen, the question is answered and asked again. The option was chosen, and the
checklist then asked for a 随员's papers (try8 T20: a question recorded as an answer). Options chosen before such
a question are still kept ("职称 社保 紧缺专业是啥意思")."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

MARRIED = [*BASIC[:4], "已婚", *BASIC[5:]]


@pytest.mark.parametrize("asked", ["配偶是啥意思 随员", "这是什么意思 上海户口", "随员指什么 配偶随员"])
def test_a_spouse_option_named_after_asking_what_it_means_is_not_chosen(chat, asked):
    start(chat, "积分新办")
    answer_all(chat, MARRIED)
    assert chat.state["state"] == "spouse_options"
    chat.send(asked)
    assert "spouse_options" not in chat.state["answers"] and chat.state["state"] == "spouse_options"


def test_options_chosen_before_asking_what_another_means_are_kept(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    assert chat.state["state"] == "bonus_options"
    chat.send("职称 社保 紧缺专业是啥意思")
    assert chat.state["answers"]["bonus_options"] == ["title", "social_insurance"]


def test_a_bonus_named_after_asking_what_one_means_is_not_chosen(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    chat.send("紧缺专业指什么 职称")
    assert "bonus_options" not in chat.state["answers"]


def test_what_is_said_of_oneself_after_asking_what_a_word_means_is_an_answer(chat):
    """review4 R4: only the option's bare name after the question is the word asked about."""
    start(chat, "积分新办")
    answer_all(chat, MARRIED)
    chat.send("随员是什么意思 我老婆是上海户口")
    assert chat.state["answers"]["spouse_options"] == ["spouse_hukou"]
