"""A first message that tells a story before asking ("我之前在A公司办过积分，去年跳槽到B公司了，现在该怎么弄")
chooses the business type the story describes, and its question is answered."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("story, business_type", [
    ("我之前在A公司办过积分，去年跳槽到B公司了，现在该怎么弄", "employer_change"),
    ("我老公以前的公司给他办的积分 他现在换工作了 积分没过期 需要改吗", "employer_change"),
    ("去年的积分今年过期了，居住证签注也办了，我该干什么", "renew"),
    ("积分办下来以后生了二胎，积分没到期，想把老二加上，咋弄", "add_companion"),
    ("来上海四年了，没办过积分，听说对孩子上学有用，我要怎么申请", "new"),
])
def test_a_story_told_first_chooses_its_business_type(chat, story, business_type):
    chat.send(story)
    assert chat.state["answers"].get("business_type") == business_type
    assert chat.state["state"] == "permit_expiry"
