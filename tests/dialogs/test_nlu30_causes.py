"""Development set 19's misreadings by their causes (nlu30: delivery riders, young mothers typing one-handed,
programmers, Fujian/Zhejiang/Jiangsu speakers, pasted group advice, angry applicants after a return, pinyin
slips), each in other words (none of the set's texts), through the engine: what a wrong reading saved, changed
or stopped."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

pytestmark = pytest.mark.answers_questions

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
AT_SCHOOL = [*AGREED, *BASIC, "2", "是", "否", "本科"]


# -- 1. one's own school referred to ("我们学校") is no school named -----------------------------------------------------
@pytest.mark.parametrize("said", ["我们学校后面跟另一所大学合并了 写合并后的名字吗", "咱学校改过名 填哪个"])
def test_ones_own_school_referred_to_before_a_question_is_no_answer(kb, said):
    """"我们学校…并到别的大学了 填…吗": the clause's 学校 and 大学 read as a school named, and the sentence was saved
    as the school with the question beside it. A school referred to names none: the question is answered and the
    school asked again."""
    outcome = play(kb, *AT_SCHOOL, said)
    assert "edu_school" not in outcome.state["answers"] and outcome.state["state"] == "edu_school"
