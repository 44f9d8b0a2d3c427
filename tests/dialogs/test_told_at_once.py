"""The testers' findings at the basic information and the bonus points (brief nlu2), each with other
phrasings of the same kind than the testers': several answers run together, counts with their parts or
a correction, a start year for the years, and small talk that needs its own reply."""
from __future__ import annotations

import pytest

from dialogs import render
from dialogs.understanding import interpret
from tests.support.chat import at_question


pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("point, text, fields", [
    ("children", "没娃没结婚，电话13816672345，邮箱不留", {"children": 0, "marital_status": "unmarried",
                                                     "mobile": "13816672345", "email": ""}),
    ("start", "续办，有效期到2027年9月9日，叫陈国栋，手机13912345678",
     {"business_type": "renew", "permit_expiry": "2027-09-09", "name": "陈国栋", "mobile": "13912345678"}),
    ("bonus_options", "我係博士，喺澳洲讀嘅，社保交咗三年", {"edu_level": "doctor", "edu_foreign": True, "social_years": 3}),
    ("bonus_options", "副高级的 经济师 社保交满8年了", {"social_years": 8}),  # 社保加分 comes with its years
])
def test_several_answers_run_together(point, text, fields):
    meant = interpret(point, text)[0]
    assert meant.kind == "answers"
    assert {f: meant.fields.get(f) for f in fields} == fields


def test_a_title_by_its_grade_chooses_the_title_bonus_beside_other_answers():
    meant = interpret("bonus_options", "副高级的 经济师 社保交满8年了")[0]
    assert "title" in meant.fields["bonus_options"]


@pytest.mark.parametrize("point, text, value", [
    ("bonus_options", "我是中级会计师，社保也交了好多年", ["title", "social_insurance"]),
    ("children", "两个女儿 另外还有一个在老家", 3), ("children", "一个儿子 另外还有两个侄子", 1),
    ("children", "一个女儿 还有1个在肚子里", 1),
    ("children", "孩子是一个 不是两个", 1),
    ("social_years", "头三年在外地 后来在上海 总共九年吧", 9),
])
def test_counts_and_options_said_with_their_parts(point, text, value):
    meant = interpret(point, text)[0]
    assert (meant.kind, meant.value) == ("answer", value)


def test_a_bot_question_says_who_answers_and_stays(chat):
    at_question(chat, "employer")
    replies = chat.send("你是真人还是机器人啊")
    assert render.I_AM_THE_ASSISTANT in replies and chat.state["state"] == "employer"


def test_years_told_beside_a_title_are_not_asked_again(chat):
    at_question(chat, "bonus_options")
    chat.send("副高级的 经济师 社保交满8年了")
    answers = chat.state["answers"]
    assert answers["bonus_options"] == ["title", "social_insurance"] and answers["social_years"] == 8
    assert chat.state["state"] == "summary"


def test_answers_before_a_question_are_kept_and_the_question_answered(chat):
    at_question(chat, "bonus_options")
    replies = chat.send("硕士 社保交了3年 紧缺专业怎么认定")
    answers = chat.state["answers"]
    assert answers["edu_level"] == "master" and answers["social_years"] == 3
    assert "继续办理" in replies


def test_a_grumble_is_acknowledged_then_the_question_waits(chat):
    at_question(chat, "mobile")
    replies = chat.send("怎么要填这么多东西啊 好麻烦")
    assert render.SORRY_FOR_THE_TROUBLE in replies and chat.state["state"] == "mobile"
