"""Sending materials (fix52): what an applicant asks or says at the checklist and while photographing, answered from
where they are. Each through the engine, in our own words of each finding."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AT_CHECKLIST = ["你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认"]


# -- several item numbers in one message: the first chosen, the others said to come after it ------------------
@pytest.mark.parametrize("said, first, after", [
    ("2 4 5", "commitment_letter", ["第 4 项", "第 5 项"]),
    ("3、6", "id_card", ["第 6 项"]),
    ("1和4", "commission_form", ["第 4 项"]),
])
def test_several_numbers_choose_the_first_and_name_the_rest(kb, said, first, after):
    """"1 2 3" chose item 1 and said nothing of 2 and 3."""
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.state["material"] == first
    reply = "\n".join(outcome.replies)
    assert all(item in reply for item in after)
