"""Variants a nearby entry took when left out of their own (benchmarks/faq_variants.py, leave one out):
each now meets its own entry by the seed's words for it, without needing itself to be listed."""
from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge import KnowledgeBase

LEFT_OUT = [
    ("minhang-education-check", "闵行区教育背景核实要交什么？"),  # not the e-mail subject's 教育背景核实
    ("jingan-other-business", "静安区增加同住人怎么办？"),  # 添加随员 is 增加同住人, Jing'an's own way
    ("online-form-deductions", "什么情况会扣积分"),  # 扣积分 is 扣分
]


@pytest.fixture(scope="module")
def kb_without(kb) -> KnowledgeBase:
    """The shipped entries with each variant above left out of its own entry (one build for all)."""
    left_out = dict(LEFT_OUT)
    return KnowledgeBase([replace(e, questions=tuple(q for q in e.questions if q != left_out[e.id]))
                          if e.id in left_out else e for e in kb.entries], kb.vocab)


@pytest.mark.parametrize(("entry_id", "variant"), LEFT_OUT)
def test_a_variant_left_out_of_its_entry_is_still_answered_by_it(kb, kb_without, entry_id, variant):
    assert variant in kb.entry(entry_id).questions and variant not in kb_without.entry(entry_id).questions
    answer = kb_without.ask(variant)
    assert (answer.status, answer.entry.id) == ("answered", entry_id)
