"""The last session's known-left list (fix31), each through the engine in other words than the finder's:
what the applicant meant at the step they were at is what is recorded, asked or answered."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

FORM = ["积分新办", "2027-08-08", "同意", "韩梅梅", "410522199001013456", "上海某某教育科技有限公司"]


# -- 1: the spouse and a child named to be added, at the children count --------------------------------
@pytest.mark.parametrize("said", ["这次要加上老婆和女儿", "把爱人跟儿子都加进来", "老公和闺女都加上"])
def test_the_spouse_and_a_child_to_be_added_at_the_count_record_one_child_and_the_spouse(kb, said):
    """"要加老公和儿子" at the children count recorded the spouse only and asked the count again: a child named
    singly beside the spouse is one child, and the spouse goes to the spouse options."""
    outcome = play(kb, *FORM, said)
    answers = outcome.state["answers"]
    assert answers["children"] == 1
    assert answers["spouse_options"] == ["spouse_companion"] and answers["marital_status"] == "married"
    assert outcome.state["state"] == "mobile"
