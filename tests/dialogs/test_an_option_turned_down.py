"""An option named only to be turned down is never chosen: "我不要新办", "不是积分新办", "I do not want
积分新办" left the choice to the characters, which took 积分新办 (the parser looked for a "not" anywhere
before a name, the value model at the characters alone). A "not" in an earlier clause leaves the next
one's choice standing ("不想续办 我要新办")."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play


@pytest.mark.parametrize("said", ["我不要新办", "不办新办", "不是积分新办", "not 积分新办", "I do not want 积分新办",
                                  "I don't want 积分续办", "我不要续办"])
def test_an_option_turned_down_is_not_chosen(kb, said):
    outcome = play(kb, "你好", said)
    assert "business_type" not in outcome.state["answers"]


def test_the_option_chosen_after_one_turned_down_is_taken(kb):
    outcome = play(kb, "你好", "不想续办 我要新办")
    assert outcome.state["answers"]["business_type"] == "new"


@pytest.mark.parametrize("said", ["not 已婚", "没离婚"])
def test_a_marital_status_turned_down_is_not_recorded(kb, said):
    outcome = play(kb, "你好", "积分新办", "2027-08-25", "同意", "张三", "11010519491231002X", *BASIC[2:4], said)
    assert "marital_status" not in outcome.state["answers"]


MARRIED_AT_SPOUSE = ["你好", "积分新办", "2027-08-25", "同意", *BASIC[:4], "已婚", *BASIC[5:]]


@pytest.mark.parametrize("said", ["老婆是上海户口，不用加随员", "上海户口 不需要加随员", "老公本市户籍 不必加随员",
                                  "老婆上海户口 没必要加随员", "上海户口 不用再加随员", "上海户口 也不打算加随员"])
def test_a_spouse_option_turned_down_with_a_verb_between_is_not_chosen(kb, said):
    """try8 T32: "不用加随员" chose 本次新增配偶随员 (the 加 between the denial and the option hid the denial)."""
    outcome = play(kb, *MARRIED_AT_SPOUSE, said)
    assert outcome.state["answers"]["spouse_options"] == ["spouse_hukou"]
