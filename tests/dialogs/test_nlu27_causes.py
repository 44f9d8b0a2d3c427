"""Development set 17's misreadings by their causes (nlu27: voice transcripts, parents and HR clerks typing for
another), each in other words (none of the set's texts), through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_PERMIT = ["你好", "积分续办"]


# -- 1. the hesitation a dictated reply opens with hides nothing --------------------------------------------------------
@pytest.mark.parametrize("before, field, said, value", [
    (AGREED, "name", "嗯那个 我叫那个祁雨桐", "祁雨桐"),  # a murmur, 那个, and 那个 again before the name
    ([*AGREED, *BASIC[:2]], "employer", "呃那个上海禾岚物流有限公司", "上海禾岚物流有限公司"),
    (AT_PERMIT, "permit_expiry", "就是说那个 到二零二八年三月十号", "2028-03-10"),
    ([*AGREED, *BASIC[:6]], "email", "那个就是说 邮箱是 qiyutong88@163.com", "qiyutong88@163.com"),
])
def test_an_answer_after_a_spoken_hesitation_is_kept(kb, before, field, said, value):
    """"嗯那个…", "那个就是说…", "就是说…" before the answer (voice input writes the speaker's hesitation down) left
    the reply read as a murmur, or kept 那个 in the name: the answer is kept, without the hesitation."""
    outcome = play(kb, *before, said)
    assert outcome.state["answers"].get(field) == value


@pytest.mark.parametrize("before, said", [
    (AGREED, "嗯那个"),  # a murmur alone is still one
    (AGREED, "那个学期的事就不说了"),  # 那个 before a word is "that", not a hesitation
])
def test_a_hesitation_alone_or_that_is_no_answer(kb, before, said):
    outcome = play(kb, *before, said)
    assert "name" not in outcome.state["answers"]
