"""First messages in words no entry has, answered by the entry that says it (branch kb5)."""
from __future__ import annotations

from datetime import date

import pytest

from dialogs import engine
from dialogs.events import Context, Text


BELOW_COLLEGE = ["中专毕业的要交学信网报告吗", "技校毕业 学信网那个要弄吗"]


@pytest.mark.parametrize("question", BELOW_COLLEGE)
def test_a_level_below_college_asking_for_the_report_gets_what_each_level_hands_in(kb, question):
    """高中及以下 hands in the certificate alone (seed 004, 静安区): the requirements by level answer, not how to get
    the 学信网 report, whose words the question shares more of."""
    replies = engine.handle(None, Text(question), Context(today=date(2026, 11, 24), kb=kb)).replies
    assert kb.entry("education-requirements").answer in replies
