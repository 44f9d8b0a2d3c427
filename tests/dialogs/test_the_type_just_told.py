"""A choice that points at the business type just told of ("换工作了积分要改吗" answered with when 单位信息变更
applies, then "那就办这个吧") chooses that type and says so; it was read as 积分新办, a type nobody had named
(try8 T4). Only the next message, and only after an answer about one type: after any other answer "就它了"
names nothing and the menu is asked again."""
from __future__ import annotations

import pytest

from dialogs.flows.application import BUSINESS_TYPES
from knowledge import load_default

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("question, business_type", [
    ("换工作了积分要改吗", "employer_change"), ("积分到期了选哪个业务", "renew"),
    ("积分有效期内怎么加老婆孩子", "add_companion"),
])
@pytest.mark.parametrize("choice", ["那就办这个吧", "行 就这个业务", "就它了", "好的，就选这个"])
def test_a_choice_pointing_at_the_type_just_told_chooses_it(chat, question, business_type, choice):
    chat.send(question)
    reply = chat.send(choice)
    assert chat.state["answers"].get("business_type") == business_type
    assert "为您办理：" + next(o.label for o in BUSINESS_TYPES if o.code == business_type) in reply


def test_after_an_answer_about_no_one_type_nothing_is_chosen(chat):
    chat.send("闵行人才中心电话")
    reply = chat.send("就它了")
    assert "business_type" not in chat.state["answers"]
    assert "请回复序号或名称" in reply


def test_a_question_about_the_type_just_told_chooses_nothing(chat):
    chat.send("换工作了积分要改吗")
    chat.send("这个要什么材料")
    assert "business_type" not in chat.state["answers"]


def test_the_type_pointed_at_is_remembered_for_the_next_message_only(chat):
    chat.send("换工作了积分要改吗")
    chat.send("嗯")
    chat.send("就它了")
    assert "business_type" not in chat.state["answers"]


def test_every_entry_telling_of_a_type_names_a_real_one():
    codes = {o.code for o in BUSINESS_TYPES}
    told = {e.id: e.business_type for e in load_default().entries if e.business_type}
    assert set(told.values()) == codes, told


@pytest.mark.parametrize("said", ["哦这样", "嗯 这样", "这样的", "这个", "明白了 这样"])
def test_an_acknowledgement_after_a_type_told_chooses_nothing(chat, said):
    """review4 R1: "哦这样" ("oh, I see") started the type just told."""
    chat.send("换工作了积分要改吗")
    chat.send(said)
    assert "business_type" not in chat.state["answers"]
