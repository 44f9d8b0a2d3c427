"""First messages whose words the entries lack, so BM25's confidence stays under the line, but which the
learned re-ranking is sure of by itself (knowledge.retrieval.SURE_ALONE): answered through the engine with
the entry's answer, where before they got three candidates to choose from."""
from __future__ import annotations

from datetime import date

import pytest

from dialogs import engine
from dialogs.events import Context, Text

SURE_ALONE = {
    "学位证正本啥时候还": "collect-diploma-originals",
    "预审过了再干嘛": "confirm-within-two-days",
    "黄埔人才中心在什么马路上": "huangpu-address",
    "公司注册在一个区 人住在另一个区 材料往哪交": "which-centre",
}


@pytest.mark.parametrize("question", sorted(SURE_ALONE))
def test_a_first_message_the_learned_model_is_sure_of_gets_its_entry_answer(kb, question):
    replies = engine.handle(None, Text(question), Context(today=date(2026, 11, 24), kb=kb)).replies
    assert kb.entry(SURE_ALONE[question]).answer in replies
