"""A tester's findings (try15, fix45), each through the engine: an answer put right inside the message that gives
it, a refusal or a helper's own number never saved as the applicant's, answers said together all kept."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

OPENING = ("你好", "1", "2027-08-25", "同意")
AT_BONUS = (*OPENING, *BASIC)


# -- T30: a date's day put right in the same message ("…25 不对是26号") ---------------------------------------------
@pytest.mark.parametrize("said, saved", [("2027年8月25 不对是26号", "2027-08-26"), ("2027.8.25 哦不对 应该是26号", "2027-08-26"),
                                         ("2027年8月25日 不对 是月底", "2027-08-31")])
def test_a_permit_day_put_right_in_the_same_message_is_the_one_saved(kb, said, saved):
    outcome = play(kb, "你好", "1", said)
    assert outcome.state["answers"]["permit_expiry"] == saved
    assert saved in "\n".join(outcome.replies)


# -- T31: a rude no ("同意个屁") is no consent, nor "确认你个头" a confirmation -----------------------------------
@pytest.mark.parametrize("said", ["同意个屁", "同意你个头啊", "承诺个鬼"])
def test_the_consent_said_back_in_scorn_is_refused_not_taken(kb, said):
    outcome = play(kb, *OPENING[:3], said)
    assert "consent" not in outcome.state["answers"] and outcome.state["state"] == "consent"
    assert "同意" in outcome.replies[-1]


def test_a_confirmation_said_back_in_scorn_builds_no_checklist(kb):
    outcome = play(kb, *AT_BONUS, "0", "确认个屁 信息都不对")
    assert "confirmed" not in outcome.state["answers"] and outcome.state["state"] == "summary"
