"""A first message that tells a story before asking ("我之前在A公司办过积分，去年跳槽到B公司了，现在该怎么弄")
has its question answered, and starts nothing: the business type the story suggests is the applicant's to
choose, asked next. When the knowledge base is unsure of the question, the rule of the situation the story
tells is the answer (which business type applies to it). A type chosen in a clause of its own ("我要办积分
新办，需要哪些材料") is started, and the question answered too (issue 15: "a message that answers and asks
gets both handled")."""
from __future__ import annotations

import pytest

from knowledge import load_default

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("story, rule", [
    ("我之前在A公司办过积分，去年跳槽到B公司了，现在该怎么弄", "business-type-employer-change"),
    ("我老公以前的公司给他办的积分 他现在换工作了 积分没过期 需要改吗", "business-type-employer-change"),
    ("积分办下来以后生了二胎，积分没到期，想把老二加上，咋弄", "business-type-add-companion"),
    ("来上海四年了，没办过积分，听说对孩子上学有用，我要怎么申请", "business-type-new"),
    ("之前在徐汇那家公司办好了积分 上个月换到闵行上班了 积分还有大半年 是重新办还是改个单位", "business-type-employer-change"),
])
def test_a_story_told_first_is_answered_and_the_business_type_is_asked(chat, story, rule):
    reply = chat.send(story)
    assert load_default().entry(rule).answer in reply
    assert "business_type" not in chat.state["answers"]
    assert "请选择您要办理的业务类型" in reply


@pytest.mark.parametrize("message, business_type", [
    ("我要办积分新办，需要哪些材料", "new"), ("想办单位信息变更，怎么弄", "employer_change"),
])
def test_a_business_type_chosen_in_a_clause_of_its_own_is_started_and_the_question_answered(chat, message, business_type):
    reply = chat.send(message)
    assert chat.state["answers"].get("business_type") == business_type
    assert "为您办理" in reply and chat.state["state"] == "permit_expiry"


@pytest.mark.parametrize("message", ["我想办积分", "想申请居住证积分", "我想办居住证积分"])
def test_wanting_points_chooses_no_business_type(chat, message):
    """New, renewed, a changed employer and added companions are all 办积分: the type is asked, never taken as
    积分新办 (try8 T2b: someone whose points had run out would have been started on the wrong type)."""
    reply = chat.send(message)
    assert "business_type" not in chat.state["answers"]
    assert "请选择您要办理的业务类型" in reply
