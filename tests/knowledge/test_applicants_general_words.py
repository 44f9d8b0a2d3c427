"""General words applicants use for what the entries say otherwise (knowledge/vocabulary.yaml): an e-mail's
题目 is its subject line (标题), 电邮 the mailbox (邮箱), a 按键 the button (按钮), a 核查 the seeds' 核实.
Each left a question unsure, or out of the domain as a word no entry has."""
from __future__ import annotations

import pytest

SAID_OTHERWISE = {
    "邮件题目有什么讲究": "email-subject-overview",
    "提交按键点了没反应": "platform-browser",
    "静安人才中心电邮": "jingan-contact",
}


@pytest.mark.parametrize("question", sorted(SAID_OTHERWISE))
def test_a_general_word_for_the_entries_own_meets_the_entry(kb, question):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", SAID_OTHERWISE[question])


@pytest.mark.parametrize("word, put", [("题目", "标题"), ("电邮", "邮箱"), ("按键", "按钮"), ("核查", "核实")])
def test_the_word_is_read_as_the_entries_put_it(kb, word, put):
    assert put in kb.analyzer.words(word) and word not in kb.analyzer.words(word)
