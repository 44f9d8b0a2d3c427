"""Questions sent as a new applicant's first message, often without a question mark ("闵行人才中心电话"):
each must be answered, with confidence, by the entry it names."""
from __future__ import annotations

from pathlib import Path

import yaml

DEV_SET = Path(__file__).with_name("first_message_dev.yaml")


def test_first_messages_of_the_development_set_are_answered_by_the_right_entry(kb):
    cases = yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))["questions"]
    assert len(cases) >= 60
    wrong = [(c["q"], c["expect"], a.status, a.entry and a.entry.id) for c in cases
             if (a := kb.ask(c["q"])).status != "answered" or a.entry.id != c["expect"]]
    assert 1 - len(wrong) / len(cases) >= 0.96, wrong


def test_first_messages_outside_the_domain_are_declined(kb):
    questions = yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))["out_of_domain"]
    assert questions
    assert [q for q in questions if kb.ask(q).status != "out_of_domain"] == []
