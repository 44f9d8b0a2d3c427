"""First messages put the way the blind set dev17 found answered wrong, unsure or not at all, in other words than its
own, by cause. Each is answered by the entry that answers it (or declined), by the knowledge base and through the
engine."""
from __future__ import annotations

import pytest

from knowledge.normalize import normalize
from tests.support.chat import play


def answered_by(kb, question: str, entry: str) -> None:
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry), (answer.status, answer.entry and answer.entry.id)
    assert kb.entry(entry).answer in play(kb, question).replies


# dev17's voices: Cantonese 嚟 (来) and 俾 (给), Shanghainese 小囡 (小孩) and 屋里厢 (at home), Shaanxi's 额 (我) opening a
# clause, and not the 额 of an amount
@pytest.mark.parametrize(("said", "read"), [("由湖南嚟上海", "由湖南来上海"), ("俾单位交材料", "给单位交材料"),
                                            ("阿拉屋里厢小囡", "我们小孩"), ("额公司不给办", "我公司不给办"),
                                            ("额是河南的", "我是河南的"), ("额度不够", "额度不够"), ("社保金额", "社保金额")])
def test_regional_words_are_read_as_mandarin(said, read):
    assert normalize(said) == read
