"""Issue 15: a question is recognised by what it asks. The phrases the knowledge base used to miss or
decline, sent through the real service and store as a new user's first message or in the middle of
the form: answered from the right entry, the question waiting asked again, nothing recorded."""
from __future__ import annotations

import pytest

from bot.applicant.conversation import Conversations
from dialogs import render
from knowledge import load_default
from tests.support.chat import BASIC, TODAY, Chat, answer_all, start

EMPLOYER_PROMPT = "请输入您目前所在单位的全称（与劳动合同一致）。"
FULLTIME_PROMPT = "您的最高学历是全日制学历吗？（1. 是　2. 否）"


@pytest.fixture
def chat(sqlite_store) -> Chat:
    return Chat(Conversations(sqlite_store, kb=load_default(), now=lambda: TODAY))


def answer_of(entry_id: str) -> str:
    return load_default().entry(entry_id).answer


def test_an_adult_degree_question_as_the_first_message_is_answered_not_declined_for_its_gaokao(chat):
    reply = chat.send("成人高考算全日制吗")
    assert chat.last.count(render.WELCOME) == 1
    assert answer_of("education-fulltime") in reply
    assert "超出了我能回答的范围" not in reply
    assert chat.state["state"] == "business_type"


def test_at_the_full_time_question_asking_about_an_adult_degree_is_answered_and_then_the_answer_taken(chat):
    start(chat, "积分新办")
    for text in BASIC:
        chat.send(text)
    assert chat.send("学历加分").endswith(FULLTIME_PROMPT)
    reply = chat.send("成人高考算全日制吗")
    assert answer_of("education-fulltime") in reply and reply.endswith(FULLTIME_PROMPT)
    assert "edu_fulltime" not in chat.state["answers"]
    chat.send("成人高考")
    assert chat.state["answers"]["edu_fulltime"] is False


@pytest.mark.parametrize("phrase, entry_id", [
    ("积分系统进不去", "platform-login"),          # failing to get in, not the opening hours
    ("没有单位能自己办吗", "who-can-apply"),         # was declined as out of the domain
    ("审核不通过怎么办", "returned-materials"),       # was the entry on 单位审核通过
])
def test_a_search_style_phrase_where_the_employer_is_asked_is_answered_and_never_saved(chat, phrase, entry_id):
    start(chat, "积分新办")
    chat.send(BASIC[0])
    assert chat.send(BASIC[1]).endswith(EMPLOYER_PROMPT)
    reply = chat.send(phrase)
    assert answer_of(entry_id) in reply and reply.endswith(EMPLOYER_PROMPT)
    assert "employer" not in chat.state["answers"]


def test_at_the_marital_status_asking_what_a_divorcee_brings_is_answered_not_declined(chat):
    start(chat, "积分新办")
    for text in BASIC[:4]:
        chat.send(text)
    assert chat.state["state"] == "marital_status"
    reply = chat.send("离异的话要交什么证明？")  # the example: was "超出了我能回答的范围"
    assert answer_of("marital-status") in reply and "请选择您的婚姻状况" in reply
    assert "marital_status" not in chat.state["answers"]
    chat.send("离异")
    assert chat.state["answers"]["marital_status"] == "divorced"


@pytest.mark.parametrize("asked, entry_id", [
    ("闵行的材料寄到哪", "minhang-address"), ("那闵行的材料寄哪里啊", "minhang-address"),
    ("浦东的材料怎么交", "pudong-submission"),
])
def test_at_the_checklist_a_district_question_that_reads_a_little_like_a_command_is_answered(chat, asked, entry_id):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("确认")
    chat.send("进度")
    checklist_before = chat.state
    reply = chat.send(asked)
    assert answer_of(entry_id) in reply and "当前状态" not in reply
    assert chat.state["state"] == checklist_before["state"]


@pytest.mark.parametrize("asked", ["身份证不记得了，改天再发行吗", "能不能先保存一下晚点再填", "中途退出的话填的会丢吗"])
def test_asking_to_finish_later_is_told_how_to_pause_and_nothing_is_recorded(chat, asked):
    start(chat, "积分新办")
    chat.send("刘晓梅")
    assert chat.state["state"] == "id_number"
    reply = chat.send(asked)
    assert "“暂停”" in reply and "超出了我能回答的范围" not in reply and reply.endswith("请输入您的18位身份证号码。")
    assert chat.state["answers"]["name"] == "刘晓梅" and "id_number" not in chat.state["answers"]
