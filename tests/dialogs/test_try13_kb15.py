"""The tester's try13 findings on questions the knowledge base answered wrong or in half (kb15), each through the
engine: the finding's own message, and the same kind in other words."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions


def entry_said(kb, entry_id: str, replies: list[str]) -> bool:
    return any(kb.entry(entry_id).answer in reply for reply in replies)


@pytest.mark.parametrize("first", ["你好，请问我在上海工作三年了 可以办积分吗", "在上海工作了四年 能不能办积分"])
def test_years_worked_asked_as_eligibility_get_the_threshold_not_the_resume(kb, first):
    """T22: how long one has worked, asked as whether one may apply, is the threshold's question (居住证 and 120
    points), not how to fill the resume's 工作经历."""
    replies = play(kb, first).replies
    assert entry_said(kb, "points-threshold", replies)
    assert not entry_said(kb, "resume-rules", replies)
