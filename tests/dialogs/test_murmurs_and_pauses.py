"""A murmur ("嗯", "啊？", "？？？") says nothing: the question again, gently, never counted toward the
hand-off to a person; a pause said with its reason keeps the application for later (issue 15)."""
from __future__ import annotations

import pytest

from tests.support.chat import at_question, at_consent


@pytest.mark.parametrize("murmur", ["嗯", "啊？", "？？？", "哦哦"])
def test_a_murmur_is_asked_again_gently(chat, murmur):
    at_question(chat, "marital_status")
    reply = chat.send(murmur)
    assert "还不能确定" not in reply and "没有找到" not in reply and "婚姻状况" in reply
    assert chat.state["state"] == "marital_status"


def test_murmurs_never_hand_the_applicant_to_a_person(chat):
    at_question(chat, "name")
    replies = [chat.send(m) for m in ("嗯", "哦", "啊这", "嗯嗯")]
    assert not any("人工客服" in r for r in replies)
    assert not chat.conversations.store.find("escalation", user_id=chat.user)


def test_a_murmur_at_the_consent_gets_its_hint(chat):
    at_consent(chat)
    assert "请回复“同意”" in chat.send("嗯……")


def test_a_pause_with_its_reason_keeps_the_application(chat):
    at_question(chat, "id_number")
    assert "已为您暂存" in chat.send("身份证在我爱人那边 晚些再发")
    assert "欢迎回来" in chat.send("回来了 刚刚说到哪了")
    assert chat.state["state"] == "id_number"
