"""The tester's try18 findings U2, U4 and U13, through the engine: a name introduced at the permit's date is kept as an ID
number there is, a bare no to the e-mail address offered for a yes turns that address down, not the e-mail, and a
guessed yes-or-no where the flow has a way to tell is asked again with that way."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AT_EMAIL = ["你好", "积分新办", "2027-08-25", "同意", *BASIC[:6]]


def test_a_name_introduced_at_the_permits_date_is_kept_for_its_question(kb):
    outcome = play(kb, "你好", "积分新办", "我叫张伟")
    assert outcome.state["answers"]["name"] == "张伟"
    assert outcome.state["state"] == "permit_expiry"
    assert "没看懂这个日期" not in "\n".join(outcome.replies)
    after = play(kb, "你好", "积分新办", "我叫张伟", "2027-08-25", "同意")
    assert after.state["state"] == "id_number" and after.state["answers"]["name"] == "张伟"


@pytest.mark.parametrize("said", ["没有", "不是", "不对"])
def test_a_bare_no_to_the_address_offered_asks_for_it_again(kb, said):
    outcome = play(kb, *AT_EMAIL, "zhangwei@163.con", said)
    assert "email" not in outcome.state["answers"]
    assert outcome.state["state"] == "email"
    assert "重新发送正确的邮箱地址" in "\n".join(outcome.replies)


@pytest.mark.parametrize("said", ["无", "没有邮箱"])
def test_no_email_said_after_the_offer_is_still_no_email(kb, said):
    outcome = play(kb, *AT_EMAIL, "zhangwei@163.con", said)
    assert outcome.state["answers"]["email"] == ""


AT_FULLTIME = [*AT_EMAIL, BASIC[6], "2", "硕士"]


def test_a_guessed_no_to_full_time_gets_the_way_to_tell_and_is_asked_again(kb):
    """U13: "不是全日制吧 是一年制授课型的" was recorded as a firm 否, the way to tell never said."""
    outcome = play(kb, *AT_FULLTIME, "不是全日制吧 是一年制授课型的")
    assert "edu_fulltime" not in outcome.state["answers"] and outcome.state["state"] == "edu_fulltime"
    assert "学信网" in "\n".join(outcome.replies)


@pytest.mark.parametrize("said, value", [("否", False), ("是", True)])
def test_the_answer_after_a_guess_is_saved(kb, said, value):
    outcome = play(kb, *AT_FULLTIME, "不是全日制吧 是一年制授课型的", said)
    assert outcome.state["answers"]["edu_fulltime"] is value
