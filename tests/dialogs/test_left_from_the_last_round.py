"""Misreadings a tester left open in the last round (brief fix14), each through the engine: a question about
another item of the form where one is asked, Latin letters in an employer's name, the employer of an
outsourced worker, a name spelled out by its parts, a refusal of consent beside a question, a question
about how a name is written."""
from __future__ import annotations

import pytest

from tests.support.chat import VALID_ID, at_question

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

MOBILE_ENTRY = "手机号和邮箱用于后续办理中的通知"


# -- F5: a question naming another item is about that item, not the one asked -----------------------------
@pytest.mark.parametrize("field", ["id_number", "employer"])
@pytest.mark.parametrize("said", ["手机要填吗", "手机号必须填吗", "手机必须要填的吗"])
def test_a_question_about_the_mobile_where_another_item_is_asked_is_answered_about_the_mobile(chat, field, said):
    at_question(chat, field)
    reply = chat.send(said)
    assert MOBILE_ENTRY in reply and "身份证号码填持证人" not in reply and "单位请填写全称" not in reply
    assert chat.state["state"] == field


def test_a_question_naming_the_item_asked_is_still_about_it(chat):
    at_question(chat, "id_number")
    assert "身份证号码填持证人" in chat.send("证件号要填吗") and chat.state["state"] == "id_number"
    assert chat.send(VALID_ID) and chat.state["answers"]["id_number"] == VALID_ID
