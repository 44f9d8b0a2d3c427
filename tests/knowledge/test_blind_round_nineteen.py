"""First messages put the way the blind set first_message_dev19 found answered wrong, unsure or not at all, in other
words than its own, by cause. Each is answered by the entry that answers it (or declined), by the knowledge base and
through the engine."""
from __future__ import annotations

import pytest

from tests.support.first_answers import answered_by, declined

# The story around a question in the set's voices: shifts at a hospital (护士, 夜班), teaching (寒假, 数学), an office or a
# shop (前台, 出纳, 写字楼, 店长), when one is free (白天, 有空), what everyone calls a thing (大家), an older applicant's
# formal 同志 and 解答: each counted as a word no entry knows and left the question after it unsure or declined
STORY = {
    "support-hours": ["白天站前台走不开 晚上有空 周末你们电话有人接吗"],
    "employer-full-name": ["单位大家都叫简称 所在单位能填简称吗"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in STORY.items() for q in qs])
def test_the_story_of_a_shift_a_school_or_an_office_is_no_unknown_word(kb, entry, question):
    answered_by(kb, question, entry)
