"""A regional word read by both of dialect's steps (the classifier's ``mandarin``, the knowledge base's ``wu_sichuan``)
is put in the same Mandarin word by each: one table, one pattern (fix52: 莫得 was 没得 to one, 没有 to the other)."""
from __future__ import annotations

import pytest

from knowledge.dialect import mandarin, wu_sichuan


@pytest.mark.parametrize("said, meant", [
    ("我莫得娃", "没有"),
    ("莫得职称咋个办", "没有"),
    ("要交啥子材料", "什么"),
    ("现在还来得及伐", "吗"),
    ("材料交了伐？", "吗"),
])
def test_both_steps_read_the_word_alike(said, meant):
    assert meant in mandarin(said) and meant in wu_sichuan(said)


def test_the_tag_you_know_is_no_question_to_either():
    assert "吗" not in mandarin("晓得伐 我不用邮箱的") and "吗" not in wu_sichuan("侬晓得伐")
