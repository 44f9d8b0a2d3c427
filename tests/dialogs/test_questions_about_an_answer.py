"""At the numeric and choice questions: a question about whether what was just said counts
("娃都没满三岁，要算吗", "8年 算不算", "离了又复婚，算已婚吗") is answered, and nothing is recorded (the
number or option it names is what is asked about); a question with a subject of its own after an
answer ("5年，补缴的算吗") still records the answer; children counted by kind ("1个亲生的，1个继子") or
described after their count ("两个，一个在老家上学") are that count; a start year said for the
social-insurance years ("2009年开始交") offers the years since for a yes."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, at_question

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

# Married, no spouse option, the social-insurance bonus: the social-insurance years are asked.
TO_SOCIAL_YEARS = [*BASIC[:4], "已婚", *BASIC[5:], "0", "3"]


@pytest.mark.parametrize("said", ["娃都没满三岁，要算吗", "两个，都要填吗", "孩子刚出生 也要填吗"])
def test_a_count_of_children_asked_about_is_answered_not_recorded(chat, said):
    at_question(chat, "children")
    reply = chat.send(said)
    assert "children" not in chat.state["answers"] and chat.state["state"] == "children"
    assert "同住子女" in reply and "超出" not in reply


@pytest.mark.parametrize("said", ["一个继子 也要填吗", "3个 算几个", "俩娃 一个才两岁 算不算"])
def test_a_count_of_children_inside_a_question_is_not_recorded(chat, said):
    at_question(chat, "children")
    chat.send(said)
    assert "children" not in chat.state["answers"] and chat.state["state"] == "children"


@pytest.mark.parametrize("said", ["8年 算不算", "交了5年，要算吗"])
def test_years_asked_about_are_not_recorded(chat, said):
    at_question(chat, "social_years", TO_SOCIAL_YEARS)
    chat.send(said)
    assert "social_years" not in chat.state["answers"] and chat.state["state"] == "social_years"


def test_years_said_before_a_question_of_its_own_are_recorded(chat):
    at_question(chat, "social_years", TO_SOCIAL_YEARS)
    chat.send("5年，补缴的算吗")
    assert chat.state["answers"]["social_years"] == 5


@pytest.mark.parametrize("point, said, path", [
    ("marital_status", "离了又复婚，算已婚吗", BASIC),
    ("marital_status", "离异，要填吗", BASIC),
    ("bonus_options", "中级职称，算吗", [*BASIC, "0"]),
    ("bonus_options", "社保 也要填吗", [*BASIC, "0"]),
    ("bonus_options", "应届生加分 毕业几年内有效", [*BASIC, "0"]),  # an option, then how its rule works
    ("bonus_options", "职称加分 多少分", [*BASIC, "0"]),
])
def test_an_option_asked_about_is_not_chosen(chat, point, said, path):
    at_question(chat, point, path)
    chat.send(said)
    assert point not in chat.state["answers"] and chat.state["state"] == point


def test_an_answer_before_a_question_about_something_else_is_recorded(chat):
    at_question(chat, "marital_status")
    chat.send("已婚，要填配偶信息吗")
    assert chat.state["answers"]["marital_status"] == "married"


@pytest.mark.parametrize("said, count", [
    ("1个亲生的，1个继子", 2), ("一个亲生一个领养的", 2), ("两个，一个在老家上学", 2), ("俩，一个在老家读书", 2),
])
def test_children_counted_by_kind_or_described_after_their_count_are_that_count(chat, said, count):
    at_question(chat, "children")
    chat.send(said)
    assert chat.state["answers"]["children"] == count and chat.state["state"] == "marital_status"


@pytest.mark.parametrize("said", ["2009年开始交", "十几年吧，2009年开始交的", "大概十来年，2009年开始交的"])
def test_a_start_year_offers_the_years_since_for_a_yes(chat, said):
    at_question(chat, "social_years", TO_SOCIAL_YEARS)
    reply = chat.send(said)
    assert "从2009年起算约17年，对吗" in reply and "social_years" not in chat.state["answers"]  # 2026 in Shanghai
    chat.send("对")
    assert chat.state["answers"]["social_years"] == 17 and chat.state["state"] == "summary"


@pytest.mark.parametrize("count", ["15", "1"])
def test_a_count_sent_after_the_years_offered_is_the_answer(chat, count):
    at_question(chat, "social_years", TO_SOCIAL_YEARS)
    chat.send("2009年开始交")
    chat.send(count)
    assert chat.state["answers"]["social_years"] == int(count)


@pytest.mark.parametrize("said", ["不对，中间断了两年", "少两年", "断缴过2年"])
def test_a_gap_said_after_the_years_offered_is_taken_off_them(chat, said):
    at_question(chat, "social_years", TO_SOCIAL_YEARS)
    chat.send("2009年开始交")  # the offer invites this: "中间有断缴的，请回复实际缴纳的年数"
    chat.send(said)
    assert chat.state["answers"]["social_years"] == 15


@pytest.mark.parametrize("said", ["去年积分过期没续 现在还能续吗", "续办，还能办吗"])
def test_whether_a_business_type_can_still_be_had_chooses_none(chat, said):
    chat.send("你好")
    chat.send(said)
    assert "business_type" not in chat.state["answers"]
