"""kb6: a first message whose question follows a relative's facts is asked of the knowledge base with them."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions


@pytest.mark.parametrize("first", ["我闺女十七了在念高中，她当同住人另外要准备什么",
                                   "儿子十六岁上高中 他当同住人另外要啥材料"])
def test_a_question_after_a_childs_age_and_school_is_answered_for_that_child(kb, first):
    """The daughter's age and high school are what the question is about (over 16 at a full-time high school: the
    school's and the student-record certificates); they were dropped as another person's facts, and the companion
    question left alone got a menu or the type's rule. Answered, and nothing chosen before the form."""
    outcome = play(kb, first)
    assert any(kb.entry("children-benefit-yes").answer in reply for reply in outcome.replies)
    assert outcome.state["state"] == "business_type" and "business_type" not in outcome.state["answers"]
