"""First messages put the way the blind set dev12 found answered wrong or unsure, in other words than its own, by
cause: English mixed in the way Singapore and Malaysia mix it (tick, button, error, pass, next step, progress, SMS
and the particles lah, leh, ah). Each is answered through the engine by the entry that answers it."""
from __future__ import annotations

import pytest

from tests.support.chat import play

ASKED = {
    # English mixed in: the platform's actions and states, and the particles around them
    "progress-query": ["积分预审 progress 在哪里看 leh"],
    "confirm-within-two-days": ["预审pass了 next step做什么"],
    "resume-rules": ["以前在国外work过几年 简历要从哪里写起 lor", "在外国work过 简历咋填 leh"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_first_message_in_these_words_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


@pytest.mark.parametrize(("said", "read"), [("生成材料 button 一按就 got error", ("按钮", "报错")),
                                            ("全日制学历要 tick 吗 lah", ("勾选",)),
                                            ("收不到 SMS, can check 进度吗", ("短信", "查询"))])
def test_english_mixed_in_is_read_as_the_entries_words(kb, said, read):
    assert all(word in kb.read(said) for word in read)
    assert not {"lah", "got"} & set(kb.analyzer.words(kb.read(said)))
