"""fix28: messages a blind development set found read wrong — a school said with its level, a name said with a
question, a type asked for half in English, progress asked at the start, a Northern yes at the summary, a refusal
at the consent with a plan, a name given by an HR clerk — and uploads set aside kept after submission."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, at_question, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


def at_school(chat) -> None:
    """A new application asked for the school, the level answered 本科."""
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "学历", "是", "否", "本科"])
    assert chat.state["state"] == "edu_school"


# -- 1: a school said with its level -------------------------------------------------------------------------
@pytest.mark.parametrize("said, school, level", [("华中科大 硕士", "华中科大", "master"),
                                                 ("西南交大，本科毕业", "西南交大", "bachelor"),
                                                 ("中南财大 博士", "中南财大", "doctor")])
def test_a_school_said_with_its_level_saves_the_school_without_the_level(chat, said, school, level):
    at_school(chat)
    reply = chat.send(said)
    answers = chat.state["answers"]
    assert answers["edu_school"] == school and answers["edu_level"] == level
    assert f"最高学历毕业院校全称：{school}" in reply


def test_a_level_said_with_the_school_unlike_the_one_answered_is_said_to_have_changed(chat):
    at_school(chat)
    reply = chat.send("华中科大 硕士")
    assert "“学历层次”您之前回复的是“本科”" in reply and "硕士研究生" in reply
