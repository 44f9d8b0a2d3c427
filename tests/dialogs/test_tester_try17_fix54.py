"""The tester's round try17 (fix54): the form read wrong — a child's school taken for the employer, a question
recorded as answers, edits at the summary dropped beside a question or beside each other. Each through the engine,
in our own wordings of the findings."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
AT_CHILDREN = [*AGREED, *BASIC[:3]]


# -- T44: a child's school is never the employer; a count with where the children are keeps the count open ------
@pytest.mark.parametrize("said", [
    "1个 在闵行区华漕实验小学",
    "两个 一个在上海读初中",
    "1个 在徐汇区某某幼儿园",
    "有2个 都在浦东某某中学",
])
def test_a_childs_school_beside_the_count_leaves_the_employer_alone(kb, said):
    """"1个 在上海浦东新区实验小学" replaced the employer with the school, and said so as if told."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["answers"]["employer"] == BASIC[2]
    assert not any("所在单位" in reply for reply in outcome.replies)


@pytest.mark.parametrize("said, total, here", [
    ("2个 一个在上海读幼儿园", 2, 1),
    ("三个 老大老二在老家 小的在上海上小学", 3, 1),
    ("4个 两个在上海", 4, 2),
])
def test_a_count_with_only_where_some_children_are_asks_which_count(kb, said, total, here):
    """"2个 一个在上海上幼儿园" recorded 1: the 2 said was dropped, and whether the other is entered was never said."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert "children" not in outcome.state["answers"]
    assert outcome.state["state"] == "children"
    assert f"请回复 {here}" in outcome.replies[0] and f"请回复 {total}" in outcome.replies[0]


# -- T30: a question how to fill in records nothing ----------------------------------------------------------------
ADDING_AT_CHILDREN = ["你好", "增加同住人", "2027-08-25", "同意", *BASIC[:3]]


@pytest.mark.parametrize("said", [
    "同住人 老婆 儿子 两个都要加 该怎么选",
    "配偶 孩子 都想加进来 怎么填",
    "老公 女儿 都加 选哪个",
])
def test_the_people_to_add_before_how_to_choose_are_asked_about_not_recorded(kb, said):
    """"同住人 配偶 孩子 都要加 怎么选" recorded 婚姻状况：已婚 (and the type) from a question."""
    outcome = play(kb, *ADDING_AT_CHILDREN, said)
    assert "marital_status" not in outcome.state["answers"]
    assert "children" not in outcome.state["answers"]
    assert not any("已为您记录" in reply for reply in outcome.replies)
