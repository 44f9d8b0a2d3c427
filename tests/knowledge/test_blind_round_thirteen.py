"""First messages put the way the blind set dev13 found answered wrong or unsure, in other words than its own, by
cause: WeChat's sticker codes around a question. Each is answered through the engine by the entry that answers it."""
from __future__ import annotations

import pytest

from knowledge.normalize import normalize
from tests.support.chat import play

ASKED = {
    # WeChat's stickers sent as their names in brackets: a feeling, never what is asked
    "unit-registration-process": ["[捂脸][叹气]单位要先注册吗"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_first_message_in_these_words_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


@pytest.mark.parametrize(("said", "read"), [("[捂脸]积分怎么续办", "积分怎么续办"), ("[OK][强]传好了", "传好了"),
                                            ("状态[已退回]", "状态 已退回")])
def test_wechat_stickers_say_nothing_and_other_brackets_are_kept(said, read):
    assert normalize(said) == read
