"""What a tester playing applicants saw go wrong (try6): questions the seeds answer given the wrong
entry or declined, a hand-off taken back, messages about the open checklist item read as choosing
another, a bonus option turned down at the checklist, consent refused with a question, and names
and employers not as the documents print them. Each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

AT_CONSENT = ["你好", "积分新办", "2027-10-01"]


@pytest.mark.parametrize("asked", ["这个63721888*3230是打哪个号码 星号是啥意思", "3230是分机吗",
                                   "那个咨询电话带个星号 怎么打"])
def test_the_hotlines_star_is_explained_as_its_extension(kb, asked):
    outcome = play(kb, *AT_CONSENT, asked)
    assert kb.entry("points-system-password-hotline").answer in outcome.replies
    assert outcome.state["state"] == "consent"
