"""try15 T45: "不是很确定" at 是否全日制 was saved as 否 (its 不是). Not sure, however it is put, saves nothing: what
decides it is said, and the question asked again."""
from __future__ import annotations

import pytest

from dialogs.flows import application as flow
from tests.support.chat import BASIC, play

AT_FULLTIME = ["你好", "积分新办", "2027-08-25", "同意", *BASIC[:6], "无", "2"]


@pytest.mark.parametrize("said", ["不是很肯定哎", "我也不是太清楚", "这个不是特别确定"])
def test_not_sure_at_a_yes_or_no_question_saves_nothing(kb, said):
    outcome = play(kb, *AT_FULLTIME, said)
    assert "edu_fulltime" not in outcome.state["answers"]
    assert flow.HOW_TO_TELL["edu_fulltime"] in outcome.replies
