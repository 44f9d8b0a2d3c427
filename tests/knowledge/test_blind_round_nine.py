"""First messages put the way the blind set dev9 found answered wrong, in other words than its own: the domain's
words written by sound by voice input (身份正, 人才中新, 鸡分) and a district mistyped (虹扣). Each is answered
through the engine by the entry that answers it."""
from __future__ import annotations

import pytest

from tests.support.chat import play

ASKED = {
    # voice input's 身份正 is 身份证, 人才中新 the centre, 鸡分 the points, 虹扣 the district 虹口
    "material-id-card": ["身份正过期了传上去会被退回吗", "身份正下周到期要紧吗"],
    "hongkou-address": ["虹扣人才中心在哪", "虹扣的材料寄到哪"],
    "baoshan-address": ["宝山人才中新在哪"],
    "renewal-steps": ["鸡分怎么续办"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_first_message_in_these_words_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies
