"""The last sessions' known-left readings of questions, choices and words, taken through the engine (fix24)."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.api import RETURN_TWO
from tests.support.chat import BASIC, answer_all, application_in, at_question

TO_SCHOOL = [*BASIC, "学历", "是", "否", "本科"]


def at_step(chat, field: str, before: list[str]) -> None:
    """At ``field``: the permit's date is asked before the consent, the others after it."""
    if field == "permit_expiry":
        answer_all(chat, ["你好", "积分新办"])
        assert chat.state["state"] == field
    else:
        at_question(chat, field, before)


# try8 T10b: a question that names no subject of its own ("在哪看", "这个怎么填", "要写全称吗") is about the subject
# of the step it is asked at: the knowledge base is asked with it, never left to a word it happens to share with
# another entry ("不记得" with the password's reset); nothing is saved and the same question is asked again.
@pytest.mark.answers_questions
@pytest.mark.parametrize("field, before, asked, answered", [
    ("permit_expiry", [], "我不记得了，在哪看", "居住证有效期截止日期在哪里查看"),
    ("permit_expiry", [], "忘了 在哪里能查到", "居住证有效期截止日期在哪里查看"),
    ("name", [], "这个怎么填", "姓名填持证人（您本人）身份证上的姓名"),
    ("employer", BASIC, "这个怎么填", "所在单位请填写全称"),
    ("edu_school", TO_SCHOOL, "要写全称吗", "最高学历毕业院校同样填全称"),
])
def test_a_question_naming_no_subject_is_about_the_steps(chat, field, before, asked, answered):
    at_step(chat, field, before)
    reply = chat.send(asked)
    assert answered in reply and "密码" not in reply
    assert chat.state["state"] == field and field not in chat.state["answers"]


@pytest.mark.answers_questions
def test_a_question_naming_its_own_subject_is_answered_on_it(chat):
    at_step(chat, "permit_expiry", [])
    reply = chat.send("积分系统密码忘了怎么办")
    assert "个人密码重置" in reply and chat.state["state"] == "permit_expiry"


# A first message in pinyin that asks ("…queren shenme": what is to be confirmed) is answered from the knowledge base,
# which reads it whole; its 确认 is no choice of 积分续办 (积分确认), and no type is chosen.
@pytest.mark.answers_questions
def test_a_first_message_asked_in_pinyin_is_answered_and_chooses_nothing(chat):
    reply = chat.send("jifen yushen tongguo hou yao queren shenme")
    assert "2 个自然日内核对并确认申办信息" in reply
    assert chat.state["state"] == "business_type" and "business_type" not in chat.state["answers"]


# A part of an option's pinyin name ("xu" of xuban) is no choice; the whole name still is.
@pytest.mark.parametrize("said", ["xu", "xin", "ban"])
def test_a_part_of_a_pinyin_name_chooses_nothing(chat, said):
    chat.send("你好")
    chat.send(said)
    assert chat.state["state"] == "business_type" and "business_type" not in chat.state["answers"]


def test_a_whole_pinyin_name_still_chooses(chat):
    chat.send("你好")
    chat.send("xin ban")
    assert chat.state["answers"]["business_type"] == "new"


# nlu13: which materials came back, asked at the returned application ("哪几个被退了"), is the progress: each returned
# item with the reviewer's reason, never the out-of-scope reply.
@pytest.mark.answers_questions
@pytest.mark.parametrize("asked", ["哪几个被退了", "被退的是哪几个呀"])
def test_which_materials_came_back_is_answered_with_their_reasons(chat, asked):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    reply = chat.send(asked)
    assert "委托单盖章日期超过两个月" in reply and "缺少单位盖章本人签字页" in reply
    assert "超出了我能回答的范围" not in reply and chat.application["status"] == "returned"


# review5 R19: "只要…就行" is read by what follows 只要: "只要加一个孩子就行" where the social-insurance years are asked
# counts the children, never 1 year; "只要职称就行" at the bonus options chooses 职称.
def test_a_count_said_of_the_children_is_no_count_of_years(chat):
    at_question(chat, "social_years", [*BASIC, "社保"])
    chat.send("只要加一个孩子就行")
    assert "social_years" not in chat.state["answers"] and chat.state["state"] == "social_years"


def test_just_one_option_said_with_zhiyao_chooses_it(chat):
    at_question(chat, "bonus_options")
    chat.send("只要职称就行")
    assert chat.state["answers"]["bonus_options"] == ["title"]


# try8 T30d: "返回" while a material is photographed goes back to the checklist (it reopened the summary); photos
# already sent for the item are not dropped unasked: how to finish or drop them is said, the item kept in hand.
def test_back_while_photographing_is_the_checklist(chat):
    application_in(chat, "draft")
    chat.send("2")
    assert chat.state["material"] == "commitment_letter"
    reply = chat.send("返回")
    assert chat.state["state"] == "materials" and chat.state.get("material") is None
    assert "1. 咨询服务委托单【未上传】" in reply and "请核对您填写的信息" not in reply


def test_back_with_photos_sent_keeps_them_and_says_how_to_go_on(chat):
    application_in(chat, "draft")
    chat.send("2")
    chat.conversations.handle(chat.user, Image("m1"))
    reply = chat.send("返回")
    assert chat.state["material"] == "commitment_letter" and "回复“完成”" in reply and "请核对您填写的信息" not in reply
