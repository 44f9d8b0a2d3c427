"""try15 T35/T37: one of the spouse's two options said in passing at another question ("已婚 我爱人是上海户口",
"结婚了 要把老公加进来") was saved as the whole spouse answer: the spouse question was skipped, the other option never
asked, and its papers missing from the checklist. The part told is kept and the spouse question still asked."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AT_MARITAL = ["你好", "积分新办", "2027-08-25", "同意", *BASIC[:4]]


@pytest.mark.parametrize("said, told", [("已婚 我爱人是上海户口", ["spouse_hukou"]),
                                        ("结婚了 要把老公加进来当随员", ["spouse_companion"])])
def test_one_spouse_option_told_in_passing_leaves_the_question_asked(kb, said, told):
    outcome = play(kb, *AT_MARITAL, said, "13900001111", "无")
    assert outcome.state["state"] == "spouse_options"
    assert outcome.state["answers"]["spouse_options"] == told
    assert "您前面提到" in "\n".join(outcome.replies)


def test_the_other_option_turned_down_in_passing_closes_the_question(kb):
    outcome = play(kb, *AT_MARITAL, "已婚 我爱人是上海户口 不用加随员", "13900001111", "无")
    assert outcome.state["state"] == "bonus_options"


def test_the_answer_at_the_spouse_question_is_kept_in_full(kb):
    outcome = play(kb, *AT_MARITAL, "已婚 我爱人是上海户口", "13900001111", "无", "1 2")
    assert outcome.state["answers"]["spouse_options"] == ["spouse_companion", "spouse_hukou"]
    assert outcome.state["partly_told"] == [] and outcome.state["state"] == "bonus_options"
