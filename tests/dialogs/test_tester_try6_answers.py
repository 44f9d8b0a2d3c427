"""A tester's high findings (try6), the answers' side: an answer sent with a question is kept and
the question answered (or said to be unknown, briefly); each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

pytestmark = pytest.mark.answers_questions

OPENING = ["你好", "积分新办"]
AT_MARITAL = [*OPENING, "2027-08-25", "同意", *BASIC[:4]]


@pytest.mark.parametrize("said", ["2027/6/30 係唔係咁寫？", "2027年6月30號 啱唔啱", "2027-6-30 是这么填吗"])
def test_a_date_asked_about_in_cantonese_or_mandarin_is_kept_and_said_back(kb, said):
    """try6 F1: Cantonese asks in its own words (係唔係, 啱唔啱); the clause before it answers."""
    outcome = play(kb, *OPENING, said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"]["permit_expiry"] == "2027-06-30" and outcome.state["state"] == "consent"
    assert "超出" not in reply and "2027-06-30" in reply


@pytest.mark.parametrize("said", ["未婚，有男朋友算唔算", "單身，拍拖算唔算", "未婚 有女朋友算不算"])
def test_marital_status_asked_about_is_kept_and_a_miss_said_briefly(kb, said):
    """try6 F2: 未婚 saved and said back; what the sources have nothing on is no "out of scope"."""
    outcome = play(kb, *AT_MARITAL, said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"]["marital_status"] == "unmarried" and outcome.state["state"] == "mobile"
    assert "未婚" in reply and "超出" not in reply
