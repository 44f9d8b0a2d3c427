"""At the consent, a refusal with its reason asked ("为啥一定要同意，我不想承担责任") is answered with what agreeing
means (the commitment and the notice), and the consent asked again; it was out of scope (try8 T3)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.answers_questions


def test_why_agree_with_a_worry_about_blame_is_answered(chat, kb):
    chat.send("你好")
    chat.send("积分新办")
    chat.send("2027-08-25")
    assert chat.state["state"] == "consent"
    reply = chat.send("为啥一定要同意，我不想承担责任")
    assert kb.entry("commitment-and-notice").answer in reply and "超出了我能回答的范围" not in reply
    assert chat.state["state"] == "consent" and "consent" not in chat.state["answers"]
