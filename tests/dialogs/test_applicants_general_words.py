"""First messages with a general word for what the entries say otherwise (题目 for an e-mail's 标题, 按键 for
按钮: knowledge/vocabulary.yaml), answered through the engine with the entry's answer."""
from __future__ import annotations

from datetime import date

import pytest

from dialogs import engine
from dialogs.events import Context, Text

SAID_OTHERWISE = {
    "邮件题目有什么讲究": "email-subject-overview",
    "提交按键点了没反应": "platform-browser",
}


@pytest.mark.parametrize("question", sorted(SAID_OTHERWISE))
def test_a_first_message_in_a_general_word_gets_its_entry_answer(kb, question):
    replies = engine.handle(None, Text(question), Context(today=date(2026, 11, 24), kb=kb)).replies
    assert kb.entry(SAID_OTHERWISE[question]).answer in replies
