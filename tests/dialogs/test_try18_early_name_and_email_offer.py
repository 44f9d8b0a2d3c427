"""The tester's try18 findings U2 and U4, through the engine: a name introduced at the permit's date is kept as an ID
number there is, and a bare no to the e-mail address offered for a yes turns that address down, not the e-mail."""
from __future__ import annotations

from tests.support.chat import play


def test_a_name_introduced_at_the_permits_date_is_kept_for_its_question(kb):
    outcome = play(kb, "你好", "积分新办", "我叫张伟")
    assert outcome.state["answers"]["name"] == "张伟"
    assert outcome.state["state"] == "permit_expiry"
    assert "没看懂这个日期" not in "\n".join(outcome.replies)
    after = play(kb, "你好", "积分新办", "我叫张伟", "2027-08-25", "同意")
    assert after.state["state"] == "id_number" and after.state["answers"]["name"] == "张伟"
