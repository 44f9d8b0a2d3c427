"""First messages in words the entries do not have, answered through the engine because the learned
re-ranking (knowledge/learned.py) met their entry through what others asked for it: BM25 alone left
each with three candidates, or put another entry first."""
from __future__ import annotations

from datetime import date

import pytest

from dialogs import engine
from dialogs.events import Context, Text

NEW_PHRASINGS = {
    "松江人才中心怎么联系": "other-districts-phone-first",
    "奉贤人才中心怎么联系": "other-districts-phone-first",
    "崇明人才中心咋联系": "other-districts-phone-first",
    "身份证快到期了会影响积分吗": "material-id-card",
}


@pytest.mark.parametrize("question", sorted(NEW_PHRASINGS))
def test_a_first_message_in_new_words_gets_its_entry_answer(kb, question):
    replies = engine.handle(None, Text(question), Context(today=date(2026, 11, 24), kb=kb)).replies
    assert kb.entry(NEW_PHRASINGS[question]).answer in replies

