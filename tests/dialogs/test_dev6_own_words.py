"""Development set 6's misreadings at the first half of the questions (start to e-mail), by their causes,
each through the engine in other words: Shanghainese 覅 (don't), Cantonese 过身 (died), 电子邮件 for the
e-mail, Sichuan 我喊 (I am called), a note in brackets after a name, a name typed too fast and typed again,
a second thought (等等), an organisation described rather than named, the employer's name sent at a later
question, and 改成 an option where its own question is asked."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25", "同意"]
AT_EMPLOYER = [*OPENING, *BASIC[:2]]
AT_CHILDREN = [*OPENING, *BASIC[:3]]
AT_MARITAL = [*OPENING, *BASIC[:4]]
AT_EMAIL = [*AT_MARITAL, "未婚", "13761234567"]


@pytest.mark.parametrize("said", ["覅签 我先看看清楚", "阿拉覅同意"])
def test_a_refusal_in_shanghainese_is_no_consent(kb, said):
    outcome = play(kb, "你好", "积分新办", "2027-08-25", said)
    assert "consent" not in outcome.state["answers"] and outcome.state["state"] == "consent"


@pytest.mark.parametrize("said", ["老婆前年過身咗", "我老公过身了"])
def test_a_spouse_who_died_said_in_cantonese_is_widowed(kb, said):
    outcome = play(kb, *AT_MARITAL, said)
    assert outcome.state["answers"]["marital_status"] == "widowed" and outcome.state["state"] == "mobile"


@pytest.mark.parametrize("said", ["冇電子郵件", "我没有电子邮件"])
def test_no_electronic_mail_said_in_full_is_no_email(kb, said):
    outcome = play(kb, *AT_EMAIL, said)
    assert outcome.state["answers"]["email"] == "" and outcome.state["state"] == "bonus_options"
