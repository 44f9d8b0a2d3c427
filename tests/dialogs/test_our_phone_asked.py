"""Asking for the service's own number at any step ("你们电话多少") is answered with the hotline; it was out of
scope at the consent and the form's steps (try9 T47). Another service's number stays out of scope."""
from __future__ import annotations

import pytest

from tests.support.chat import at_question

pytestmark = pytest.mark.answers_questions


@pytest.mark.parametrize("field", ["name", "employer", "mobile"])
def test_our_phone_asked_mid_form_is_answered_with_the_hotline(chat, kb, field):
    at_question(chat, field)
    reply = chat.send("你们电话多少")
    assert kb.entry("platform-hotline").answer in reply and "超出了我能回答的范围" not in reply
    assert chat.state["state"] == field


def test_another_services_phone_stays_out_of_scope(chat):
    at_question(chat, "id_number")
    assert "超出了我能回答的范围" in chat.send("身份证丢了挂失电话多少")
