"""The tester's try18 findings U2 and U4, through the engine: a name introduced at the permit's date is kept as an ID
number there is, and a bare no to the e-mail address offered for a yes turns that address down, not the e-mail."""
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
