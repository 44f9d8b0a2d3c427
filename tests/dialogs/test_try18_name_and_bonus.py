"""The tester's try18 findings on the name and the bonus options, through the engine: words read as another answer
are never also the name (U1), a family member's name is not the applicant's (U39), a name spelled out by voice is
read and confirmed (U11), a bonus told in passing adds to the choice and the choice is still asked (U3)."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, VALID_ID, play

AT_NAME = ["你好", "积分新办", "2027-08-25", "同意"]


@pytest.mark.parametrize("said, status", [("结婚了", "married"), ("离婚了", "divorced"), ("没结婚", "unmarried")])
def test_a_marital_status_said_at_the_name_is_recorded_and_the_name_asked_again(kb, said, status):
    outcome = play(kb, *AT_NAME, said)
    assert outcome.state["answers"]["marital_status"] == status
    assert "name" not in outcome.state["answers"]
    assert outcome.state["state"] == "name"
    reply = "\n".join(outcome.replies)
    assert "婚姻状况" in reply and "请输入您的姓名" in reply and said not in reply


def test_a_marital_status_said_where_the_name_is_changed_leaves_the_name(kb):
    outcome = play(kb, *AT_NAME, BASIC[0], VALID_ID, "修改 姓名", "没结婚")
    assert outcome.state["answers"]["name"] == BASIC[0]
    assert outcome.state["answers"]["marital_status"] == "unmarried"
