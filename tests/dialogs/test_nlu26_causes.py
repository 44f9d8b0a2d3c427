"""Development set 16's misreadings by their causes (nlu26), each in other words (none of the set's texts), through the
engine: a question about an option or a level recorded as the choice, two answers in one message with the second lost, an answer before a question lost, going
back asked for after the mistake, a withdrawal after submission."""
from __future__ import annotations

import pytest

from dialogs import render
from dialogs.understanding import interpret
from dialogs.understanding.classifier import trained
from tests.support.chat import BASIC, application_in, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_BONUS = [*AGREED, *BASIC]
AT_FULLTIME = [*AT_BONUS, "2"]
AT_MARITAL = [*AGREED, *BASIC[:4]]
AT_TYPE = ["你好"]
AT_PERMIT = ["你好", "积分新办"]


# -- 1. which option applies, or what one means, asked: never recorded ------------------------------------------------
@pytest.mark.parametrize("before, field, said", [
    (AT_BONUS, "bonus_options", "职称是个啥玩意 我没考过"),  # what an option is, asked with 啥玩意
    (AT_BONUS, "bonus_options", "学历加分有边啲 有冇讲"),  # Cantonese 边个 (which)
    (AT_TYPE, "business_type", "3同1我唔识分 公司换咗 系边个"),  # which type, in Cantonese
    (AT_FULLTIME, "edu_fulltime", "函授的本科 算不算全日制呀"),  # whether the option itself applies
    (AT_MARITAL, "marital_status", "分居好几年还没离 这种勾哪个"),  # which box to tick for one's case
])
def test_a_question_which_option_applies_records_nothing(kb, before, field, said):
    """"…是啥玩意", Cantonese "系边个"/"有边啲", "…算不算全日制啊", "这种勾哪个" after a story were recorded as the
    option the story or the word named: each asks which option applies, or what it is."""
    outcome = play(kb, *before, said)
    assert field not in outcome.state["answers"] and outcome.state["state"] == field


# -- 2. several answers in one message: the second kept -------------------------------------------------------------------
@pytest.mark.parametrize("before, said, expected", [
    (AT_TYPE, "续办 林语桐", {"business_type": "renew", "name": "林语桐"}),  # a name after the type alone
    (AT_TYPE, "新办 周景行 SFZ11010519491231002X", {"business_type": "new", "name": "周景行", "id_number": "11010519491231002X"}),
    (AT_TYPE, "单位变更 新公司上海翎川信息技术有限公司", {"business_type": "employer_change", "employer": "上海翎川信息技术有限公司"}),
    (AT_BONUS, "学历 另外社保7年", {"bonus_options": ["education", "social_insurance"], "social_years": 7}),
    (AT_FULLTIME, "不是 在职念的博士", {"edu_fulltime": False, "edu_level": "doctor"}),
])
def test_a_second_answer_in_the_message_is_kept(kb, before, said, expected):
    """"新办 <name>" kept the type alone, "sfz<ID>" hid the number, "新单位<full name>" the employer, "还有社保5年" and
    "对了我大专学历" their years and level behind the words opening them, "在职读的硕士" the level: each is kept."""
    answers = play(kb, *before, said).state["answers"]
    assert {field: answers.get(field) for field in expected} == expected


def test_a_level_told_in_passing_beside_the_years_is_read_as_both():
    """"三年 对了我大专学历": 对了 opening the clause hid the level (the engine keeps it where the level is asked)."""
    best = interpret("social_years", "六年 对了我本科学历", classifier=trained())[0]
    assert best.kind == "answers" and best.fields == {"social_years": 6, "edu_level": "bachelor"}


# -- 3. an answer, then a question: the answer kept -----------------------------------------------------------------------
@pytest.mark.parametrize("before, field, said, value", [
    (OPENING, "consent", "收到 同意 签了以后还能改吗", "agree"),  # an okay before the answer
    (AT_MARITAL, "marital_status", "已婚 结婚证要拍原件？", "married"),  # asked by its mark alone
    (AT_FULLTIME, "edu_fulltime", "是的 毕业证也要传？", True),
    (AT_PERMIT, "permit_expiry", "后年3.15 现在能办不", "2028-03-15"),  # a date from this year, with dots
])
def test_an_answer_before_a_question_is_kept(kb, before, field, said, value):
    assert play(kb, *before, said).state["answers"].get(field) == value


# -- 4. going back said last, and a withdrawal after submission -------------------------------------------------------------
@pytest.mark.parametrize("point, said", [("bonus_options", "邮箱地址刚写错了 退回去"),
                                         ("email", "手机号少输了一位 能回去吗"),
                                         ("edu_level", "不对 国外那个选错了 回上一步")])
def test_going_back_said_after_the_mistake_of_the_step_before_goes_back(point, said):
    """"邮箱好像填错了 回上一个", "手机刚才输错一位 能回去吗" were edits: going back, asked for last, about the answer
    just before, is the step back (an answer further back is its edit, as when going back is said first)."""
    best = interpret(point, said, classifier=trained())[0]
    assert best.kind == "command" and best.command == "back"


def test_a_withdrawal_to_change_an_answer_after_submission_is_the_withdrawal(chat):
    """"我想撤回改一下婚姻状况" once submitted was an edit: the submission is taken back first, only by support."""
    application_in(chat, "submitted")
    assert chat.send("我要撤回修改一下单位名称") == render.WITHDRAW_BY_SUPPORT


@pytest.mark.parametrize("said", ["新办 好嘞", "积分续办 对头"])
def test_a_regional_okay_after_the_type_is_no_name(kb, said):
    """A name after the type alone is read as the next box, but a regional okay (要得, 好嘞, 对头) is nobody's name."""
    assert "name" not in play(kb, *AT_TYPE, said).state["answers"]
