"""Development sets 16–18's misreadings by their causes, across the sets (nlu31), each in other words (none of the
sets' texts), through the engine."""
from __future__ import annotations

import pytest

from dialogs.understanding import interpret
from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_ID = [*AGREED, BASIC[0]]
AT_MOBILE = [*AGREED, *BASIC[:5]]
AT_MARITAL = [*AGREED, *BASIC[:4]]
AT_FOREIGN = [*AGREED, *BASIC, "学历", "本科", "全日制"]
ID_ENDING_IN_A_DIGIT = "320502198803122038"


# -- 1. an answer, then something said of it put to be confirmed by its 吧, wherever it stands ------------------------
def test_a_type_then_a_supposition_and_a_story_is_answered_too(kb):
    """"2 续办应该没错吧 去年到期的": only a supposition in the last clause was heard; one with a story after it was a plain
    answer, and what it put to be confirmed went unanswered. The type is kept, and the entry on it answers."""
    outcome = play(kb, "你好", "2 续办应该没错吧 去年到期的")
    assert outcome.state["answers"].get("business_type") == "renew"
    assert any("新办只适用于" in reply for reply in outcome.replies)


@pytest.mark.parametrize("before, said, field, value", [
    # the tail confirms what is said of the number, not the number alone (dev14, dev18's convention)
    (AT_ID, f"{ID_ENDING_IN_A_DIGIT} 尾数是8不是X没错吧", "id_number", ID_ENDING_IN_A_DIGIT),
    (AT_MOBILE, "13761234509 得是本人实名的号吧 这个就是我自己的", "mobile", "13761234509"),
])
def test_a_number_then_a_supposition_about_it_is_kept_and_asks(kb, before, said, field, value):
    outcome = play(kb, *before, said)
    assert outcome.state["answers"].get(field) == value
    best = interpret(field, said, kb=kb)[0]
    assert best.kind == "answer_and_question" and best.asks


@pytest.mark.parametrize("point, said", [
    ("id_number", f"{ID_ENDING_IN_A_DIGIT} 对吧"),  # the number alone confirmed: an answer, as before
    ("id_number", f"我身份证是{ID_ENDING_IN_A_DIGIT}没错吧"),
    ("social_years", "6年吧 应该是"),  # the count hedged
    ("bonus_options", "哎 那就职称吧 其他都没有"),  # an option settled for after a sigh (dev11)
])
def test_a_number_confirmed_alone_or_hedged_is_a_plain_answer(kb, point, said):
    assert interpret(point, said, kb=kb)[0].kind == "answer"


# -- 2. an option's word said while thinking aloud, trailing off in a murmur --------------------------------------------
@pytest.mark.parametrize("before, field, said", [
    (AT_FOREIGN, "edu_foreign", "海外……额"),
    (AT_FOREIGN, "edu_foreign", "嗯…留过学…那个…"),
    (AT_MARITAL, "marital_status", "离异……呃"),
])
def test_an_option_word_trailing_off_is_asked_again(kb, before, field, said):
    """"境外……嗯" took the word for the answer though the model read a murmur: a yes to a foreign degree was saved
    from someone still thinking. Nothing is saved; the question is asked again."""
    outcome = play(kb, *before, said)
    assert field not in outcome.state["answers"] and outcome.state["state"] == field


def test_an_option_word_alone_is_still_the_answer(kb):
    assert play(kb, *AT_FOREIGN, "海外的").state["answers"].get("edu_foreign") is True


# -- 3. the spouse made one's 同住人 in other verbs; both spouse options declined with 不用 ----------------------------------
AT_SPOUSE = [*AGREED, *BASIC[:3], "0", "已婚", *BASIC[5:]]


@pytest.mark.parametrize("said, value", [
    ("把媳妇加为同住人", ["spouse_companion"]),
    ("我先生加为同住人 他户口也在上海", ["spouse_companion", "spouse_hukou"]),
    ("这两项都不用", []),
    ("配偶的俩选项都不用勾", []),
])
def test_the_spouse_options_said_in_other_verbs_are_kept(kb, said, value):
    """"加为同住人" (not 加成) and "都不用" (not 都不要) found no option: asked again though the answer was plain."""
    assert play(kb, *AT_SPOUSE, said).state["answers"].get("spouse_options") == value
