"""First messages in words no entry has, answered by the entry the learned re-ranking knows them by (branch kb5):
the model's probabilities blended into BM25's ranking were too flat to move an entry whose words the question shares
less of, though the model alone put the right one first (leave-one-set-out over nineteen development sets: the model
alone right first on 2,519 of 2,790, the blend answering 2,420 right)."""
from __future__ import annotations

from datetime import date

import pytest

from dialogs import engine
from dialogs.events import Context, Text

ANSWERED_BY = {
    "积分通知书会写上我家属吗": "companions-on-notice",  # 通知书 alone pulled the printing of the notice
    "二宝出生了要加进积分": "business-type-add-companion",  # the child's word pulled the children's materials
}


@pytest.mark.parametrize("question", sorted(ANSWERED_BY))
def test_a_first_message_the_model_knows_gets_its_entry(kb, question):
    replies = engine.handle(None, Text(question), Context(today=date(2026, 11, 24), kb=kb)).replies
    assert kb.entry(ANSWERED_BY[question]).answer in replies


BELOW_COLLEGE = ["初中文凭用不用学历认证", "中专毕业的要交学信网报告吗"]


@pytest.mark.parametrize("question", BELOW_COLLEGE)
def test_a_level_below_college_asking_for_the_report_gets_what_each_level_hands_in(kb, question):
    """高中及以下 hands in the certificate alone (seed 004, 静安区): the requirements by level answer, not how to get
    the 学信网 report, whose words the question shares more of."""
    replies = engine.handle(None, Text(question), Context(today=date(2026, 11, 24), kb=kb)).replies
    assert kb.entry("education-requirements").answer in replies
