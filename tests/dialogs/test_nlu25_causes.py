"""Development set 15's misreadings by their causes (nlu25), each in other words (none of the set's texts), through
the engine or the reading: Cantonese words in questions, a second answer said in a regional way (Cantonese 系, Sichuan
没得, jzz), options and levels typed in pinyin, and a supposition put after an answer."""
from __future__ import annotations

import pytest

from dialogs.understanding import interpret
from dialogs.understanding.classifier import trained
from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_BONUS = [*AGREED, *BASIC]
AT_FULLTIME = [*AT_BONUS, "2"]
AT_LEVEL = [*AT_BONUS, "2", "是", "否"]
AT_CHILDREN = [*AGREED, *BASIC[:3]]
AT_EMAIL = [*AGREED, *BASIC[:6]]


# -- 1. Cantonese words in a question: 影 (photograph), 啱 (right), 揀 (choose), 使唔使 (need or not), 几耐 (how long) ---
@pytest.mark.parametrize("point, said", [("photographing", "部ipad影得唔得"), ("spouse_options", "两个都唔啱 点揀"),
                                         ("submitted", "批咗之后使唔使本人去一趟"), ("returned", "改好之后仲要等几耐")])
def test_a_question_in_cantonese_words_is_a_question(point, said):
    """"…影得唔得", "点揀", "使唔使", "几耐" were read as commands or no answer: 影 (photograph), 啱 (right), 揀
    (choose), 使唔使 (need or not) and 几耐 (how long) were no words the model knew."""
    assert interpret(point, said, classifier=trained())[0].kind == "question"
