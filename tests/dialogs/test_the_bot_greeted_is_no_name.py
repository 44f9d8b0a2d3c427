"""The bot greeted by what it is at the name question ("你好呀 小助手", nlu30's leftover): no name saved, the
question asked again; a name told after the greeting is still the name."""
from __future__ import annotations

import pytest

from tests.support.chat import play

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]


@pytest.mark.parametrize("said", ["嗨 小助手", "哈喽 机器人", "在吗 积分助手", "早上好啊 小编"])
def test_the_bot_greeted_by_what_it_is_is_no_name(kb, said):
    outcome = play(kb, *AGREED, said)
    assert "name" not in outcome.state["answers"]
    assert outcome.state["state"] == "name" and "姓名" in outcome.replies[-1]


def test_a_name_told_after_greeting_the_bot_is_the_name(kb):
    assert play(kb, *AGREED, "你好 小助手 我叫周敏").state["answers"]["name"] == "周敏"
