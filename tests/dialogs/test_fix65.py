"""The review's findings on fix60's features (review3 R3, R12, R4), through the engine: each as an applicant meets it."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, start

SUMMARY = [*BASIC, "0"]


@pytest.mark.parametrize("at_checklist", [False, True])
def test_a_new_type_refused_at_its_consent_keeps_the_type_and_every_answer(chat, at_checklist):
    """R3: consent given, then a change of business type asks it again; "不同意" there dropped every answer and
    struck them from the transcript, "已经删除" said though they came after the first consent."""
    start(chat, "积分新办")
    answer_all(chat, SUMMARY + (["确认"] if at_checklist else []))
    before = {f: v for f, v in chat.state["answers"].items() if f != "confirmed"}  # a change is confirmed again
    answer_all(chat, ["修改 业务类型", "积分续办"])
    assert chat.state["state"] == "consent"
    reply = chat.send("不同意")
    assert "删除" not in reply and "积分新办" in reply
    assert chat.state["answers"] == before and chat.state["state"] == "summary"
    assert "张三" in str(chat.conversations.store.read_log("transcript", chat.user))
    if at_checklist:
        assert chat.application["answers"]["name"] == "张三"


def test_a_new_type_agreed_to_then_changed_again_still_keeps_the_answers(chat):
    """The type agreed to under its own consent is the one a later refusal keeps."""
    start(chat, "积分新办")
    answer_all(chat, [*SUMMARY, "修改 业务类型", "积分续办", "同意", "修改 业务类型", "积分新办"])
    reply = chat.send("不同意")
    assert "积分续办" in reply and chat.state["answers"]["business_type"] == "renew"
    assert chat.state["answers"]["name"] == "张三"
