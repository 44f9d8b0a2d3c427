"""An earlier answer corrected at a later question ("等下，我身份证号刚才打错了，是6101…", "手机号填错了
应该是139…") is saved to that answer and said, and the question waiting is asked again."""
from __future__ import annotations

import pytest

from dialogs import flows
from tests.support.chat import at_question

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

NEW_ID = "610102199003071238"
EMAIL_PROMPT = flows.application.QUESTIONS["email"].prompt


@pytest.mark.parametrize("said", [f"等下，我身份证号刚才打错了，是{NEW_ID}", f"身份证号码输错了一位，正确的是{NEW_ID}"])
def test_an_id_number_corrected_later_is_saved_and_the_question_asked_again(chat, said):
    at_question(chat, "employer")
    reply = chat.send(said)
    assert chat.state["answers"]["id_number"] == NEW_ID and chat.state["state"] == "employer"
    assert f"已将身份证号码改为：{NEW_ID}" in reply and reply.rstrip().endswith("（与劳动合同一致）。")


@pytest.mark.parametrize("said", ["手机号填错了 应该是13912345678", "不好意思 电话号码不对 是13912345678",
                                  "刚才手机号打错一位 正确的是13912345678"])
def test_a_mobile_corrected_later_is_saved_and_the_question_asked_again(chat, said):
    at_question(chat, "email")
    reply = chat.send(said)
    assert chat.state["answers"]["mobile"] == "13912345678" and chat.state["state"] == "email"
    assert "已将手机号码改为：13912345678" in reply and reply.rstrip().endswith(EMAIL_PROMPT)


@pytest.mark.parametrize("said", ["名字打错了 张玮才对", "姓名写错了，张玮才是对的"])
def test_a_name_corrected_with_才对_is_saved_without_it(chat, said):
    """"X才对" says which is right: the words are no part of the name (they were saved as 姓名：张玮才对)."""
    at_question(chat, "email")
    reply = chat.send(said)
    assert chat.state["answers"]["name"] == "张玮"
    assert "已将姓名改为：张玮" in reply and "才" not in chat.state["answers"]["name"]
