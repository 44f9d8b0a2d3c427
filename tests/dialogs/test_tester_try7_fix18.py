"""try7 findings taken through the engine (fix18): what an applicant really writes, answered as meant."""
from __future__ import annotations

import pytest

from dialogs.privacy import quoted
from dialogs.validators import parse_school
from tests.support.chat import BASIC, answer_all, at_question, start


# T36: an address at a well-known provider with a slip in its domain is offered corrected, for a yes;
# neither saved as typed (the notices would bounce) nor refused bare.
@pytest.mark.parametrize("typed, meant, reply", [
    ("zw@qq.con", "zw@qq.com", "是"), ("zw@qq,com", "zw@qq.com", "对的"), ("zw@qq", "zw@qq.com", "没错"),
    ("我的邮箱是 lihua@163.cm", "lihua@163.com", "是的"), ("wang.fang@gmial.com", "wang.fang@gmail.com", "对 是gmail.com"),
    ("chen@hotmial.com", "chen@hotmail.com", "对"),
])
def test_a_slip_in_a_well_known_domain_is_offered_corrected(chat, typed, meant, reply):
    at_question(chat, "email")
    offer = chat.send(typed)
    assert meant in offer and "email" not in chat.state["answers"]
    chat.send(reply)
    assert chat.state["answers"]["email"] == meant and chat.state["state"] != "email"


def test_the_slip_sent_again_is_kept_as_typed(chat):
    at_question(chat, "email")
    chat.send("zw@qq.con")
    chat.send("zw@qq.con")
    assert chat.state["answers"]["email"] == "zw@qq.con"


@pytest.mark.parametrize("typed", ["zw@qq.com", "lina@163。com", "zhang@company.com.cn", "a@sina.cn"])
def test_an_address_without_a_slip_is_saved_at_once(chat, typed):
    at_question(chat, "email")
    chat.send(typed)
    assert chat.state["state"] != "email" and "@" in chat.state["answers"]["email"]


def test_another_address_sent_after_the_offer_is_taken(chat):
    at_question(chat, "email")
    chat.send("abc@163.cm")
    chat.send("abc@126.com")
    assert chat.state["answers"]["email"] == "abc@126.com"


# T8: a school in Latin letters with its country said first is the name the diploma prints, the
# country left out; a refusal quotes no word cut in half.
@pytest.mark.parametrize("said, school", [
    ("英国 University of Manchester", "University of Manchester"), ("在美国读的 Columbia University", "Columbia University"),
    ("澳洲的 The University of Sydney", "The University of Sydney"), ("香港 City University of Hong Kong", "City University of Hong Kong"),
])
def test_a_foreign_school_after_its_country_is_saved_by_its_name(chat, said, school):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "2", "是", "是", "4"])  # 学历加分: full-time, from abroad, a master's
    assert chat.state["state"] == "edu_school"
    reply = chat.send(said)
    assert chat.state["answers"]["edu_school"] == school and school in reply


def test_a_chinese_name_keeps_its_place_and_a_quote_cuts_no_word():
    assert parse_school("英国曼彻斯特大学") == "英国曼彻斯特大学"
    assert quoted("英国 Manchester Business School") == "英国 Manchester…"


# T13: a question is answered as asked, or told plainly that the public material does not say, with 人工.
@pytest.mark.answers_questions
@pytest.mark.parametrize("asked, says", [
    ("我社保才交了半年能办积分吗", "没有写申请积分对社保已经缴纳多久"),
    ("社保刚交了三个月 可以申请积分不", "没有写申请积分对社保已经缴纳多久"),
    ("配偶随员是什么意思", "随员就是跟着持证人"),
    ("随员指的是啥", "随员就是跟着持证人"),
    ("身份证复印件要彩色的吗", "没有写一定要彩色"),
    ("黑白复印的可以不", "没有写一定要彩色"),
])
def test_a_question_asked_during_the_questions_is_answered_as_asked(chat, asked, says):
    at_question(chat, "mobile", [*BASIC[:4], "已婚"])
    assert says in chat.send(asked)
    assert chat.state["state"] == "mobile"


@pytest.mark.answers_questions
@pytest.mark.parametrize("asked", ["审核要多久", "你们预审大概几天出结果", "交上去多久能审完"])
def test_how_long_the_pre_review_takes_is_answered_for_the_pre_review(chat, asked):
    at_question(chat, "email")
    answer_all(chat, ["无", "0", "确认"])
    reply = chat.send(asked)
    assert "没有写外服预审要多长时间" in reply and "进度" in reply


@pytest.mark.answers_questions
@pytest.mark.parametrize("asked", ["身份证号码是多少啊 在哪看", "身份证号要填吗"])
def test_where_the_id_number_is_found_is_not_answered_with_a_bare_yes(chat, asked):
    at_question(chat, "id_number")
    reply = chat.send(asked)
    assert "身份证上印的号码" in reply and "要填。" not in reply


# T7: 单位信息变更 (or 增加同住人) taken from a story needs points still valid, which the story does not say:
# the way to 积分新办 or 积分续办 is given at once, and works.
@pytest.mark.parametrize("story", ["刚跳槽到新公司", "我换工作了", "上个月跳槽了"])
def test_a_job_change_told_says_how_to_take_another_type(chat, story):
    chat.send("你好")
    reply = chat.send(story)
    assert chat.state["answers"]["business_type"] == "employer_change" and "改成积分新办" in reply
    chat.send("改成积分新办")
    assert chat.state["answers"]["business_type"] == "new"


def test_a_type_chosen_by_number_gets_no_such_line(chat):
    chat.send("你好")
    assert "改成积分新办" not in chat.send("3")


# T24, T28: at the summary, a bonus not chosen named alone ("社保") or told about ("2025年毕业的 硕士"
# with no 学历加分) is offered for a yes; "确认" still confirms the summary as shown.
@pytest.mark.parametrize("said, bonus, first", [
    ("社保", "social_insurance", "social_years"), ("学历", "education", "edu_fulltime"),
    ("2025年毕业的 硕士", "education", "edu_fulltime"), ("我是本科", "education", "edu_fulltime"),
])
def test_a_bonus_not_chosen_named_at_the_summary_is_offered(chat, said, bonus, first):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "0"])
    assert chat.state["state"] == "summary"
    assert "要加上" in chat.send(said) and bonus not in chat.state["answers"]["bonus_options"]
    chat.send("是")
    assert bonus in chat.state["answers"]["bonus_options"] and chat.state["state"] == first


def test_confirm_after_the_offer_confirms_the_summary_as_shown(chat):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "0", "社保", "确认"])
    assert chat.state["state"] == "materials" and chat.state["answers"]["bonus_options"] == []
