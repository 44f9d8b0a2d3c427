"""Development set 14's misreadings by their causes (nlu24), each through the engine in other words (none of the
set's texts): questions and feelings that reached a value, and the new voices' words."""
from __future__ import annotations

import pytest

from dialogs.events import Escalate
from dialogs.understanding import interpret
from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_BONUS = [*AGREED, *BASIC]
AT_SCHOOL = [*AT_BONUS, "2", "是", "否", "3"]
MARRIED_AT_SPOUSE = [*AGREED, *BASIC[:4], "已婚", *BASIC[5:]]


# -- 1. a question or a feeling never reaches a value ----------------------------------------------------------
@pytest.mark.parametrize("said", ["假如我不同意 还能往下填吗", "万一不点同意 会怎么样"])
def test_a_refusal_supposed_before_a_question_is_no_consent(kb, said):
    """"要是不点同意 …还能接着办不" was recorded as 同意: the supposed clause was read as the answer."""
    outcome = play(kb, *OPENING, said)
    assert "consent" not in outcome.state["answers"]
    assert outcome.state["state"] == "consent"


@pytest.mark.parametrize("said", ["毕业那学校现在并到别的大学了 写谁", "原来那个学院合并进其他大学了 写啥名字"])
def test_a_school_referred_to_not_named_before_a_question_is_no_school(kb, said):
    """A school said to have merged into "别的大学" was saved as the school: the word 大学 read as a name."""
    outcome = play(kb, *AT_SCHOOL, said)
    assert "edu_school" not in outcome.state["answers"]


@pytest.mark.parametrize("said", ["同住人 同住人 同住人是指啥", "随员？随员是什么意思"])
def test_an_option_repeated_then_asked_what_it_means_is_not_chosen(kb, said):
    """"随员随员 到底啥叫随员" chose 随员: the word asked about was read as the choice."""
    outcome = play(kb, *MARRIED_AT_SPOUSE, said)
    assert "spouse_options" not in outcome.state["answers"]


@pytest.mark.parametrize("said", ["哎哟 好紧张啊", "哇 问得真仔细", "唉 填得好累"])
def test_a_feeling_at_the_name_is_no_name(kb, said):
    """"哎呦 …" and "6 问得挺细啊" were saved as the name: an interjection or a verb with its 得 read as one."""
    outcome = play(kb, *AGREED, said)
    assert "name" not in outcome.state["answers"]


def test_a_name_after_a_sigh_is_still_the_name(kb):
    outcome = play(kb, *AGREED, "哎 我叫邵春雷")
    assert outcome.state["answers"]["name"] == "邵春雷"


# -- 2. the new voices' words: homophones of voice input and an IME's wrong candidates -----------------------------
def test_an_ime_candidate_for_agree_is_consent(kb):
    """"铜衣" (tongyi) at the consent was no answer."""
    outcome = play(kb, *OPENING, "铜衣了")
    assert outcome.state["answers"]["consent"] == "agree"


@pytest.mark.parametrize("said, business_type", [("续半", "renew"), ("新半积分", "new")])
def test_a_business_type_heard_as_its_homophone_is_that_type(kb, said, business_type):
    outcome = play(kb, "你好", said)
    assert outcome.state["answers"]["business_type"] == business_type


def test_education_heard_as_its_homophone_is_chosen_with_social_insurance(kb):
    """"学力 社宝" chose social insurance alone: 学力 (xueli) was no option."""
    outcome = play(kb, *AT_BONUS, "社宝跟学力")
    assert sorted(outcome.state["answers"]["bonus_options"]) == ["education", "social_insurance"]


def test_a_bachelors_degree_typed_as_its_ime_candidate_is_the_level(kb):
    outcome = play(kb, *AT_BONUS, "2", "是", "否", "本可")
    assert outcome.state["answers"]["edu_level"] == "bachelor"


# -- the Northeast, Shandong, Tianjin, Hunan and Minnan words ------------------------------------------------------
@pytest.mark.parametrize("said", ["汝真会讲话 比人还客气"])
def test_a_compliment_in_minnan_words_is_no_call_for_a_person(kb, said):
    """"汝真厉害 讲话这么有礼貌" asked for a person: 汝 (you) was no word the model knew, 讲话 and 人 were."""
    outcome = play(kb, *OPENING, said)
    assert not any(isinstance(effect, Escalate) for effect in outcome.effects)
    assert "consent" not in outcome.state["answers"]


@pytest.mark.parametrize("said", ["不整这些了 给俺找个真人唠唠", "嘎哈呢 俺要找人工唠嗑"])
def test_a_person_asked_for_in_northeast_words_is_called(kb, said):
    outcome = play(kb, "你好", said)
    assert any(isinstance(effect, Escalate) for effect in outcome.effects)
# -- a business type corrected in the same message ------------------------------------------------------------------
@pytest.mark.parametrize("said, business_type", [("手一滑点成续办了 我要新办", "new"), ("不小心选了新办 应该是续办", "renew")])
def test_a_type_chosen_by_a_slip_then_put_right_is_the_one_meant(kb, said, business_type):
    """"手一抖点成新办了 俺是续办" was saved as 新办: the first type named, though told as a slip."""
    outcome = play(kb, "你好", said)
    assert outcome.state["answers"]["business_type"] == business_type


# -- feelings and anger where a command was read --------------------------------------------------------------------
@pytest.mark.parametrize("point, said", [("submitted", "交上去了 总算能安心过周末了"), ("materials", "可算熬到传材料了 感动哭了"),
                                         ("consent", "天哪 总算有个能问的地方了")])
def test_relief_and_joy_are_small_talk(kb, point, said):
    assert interpret(point, said, kb=kb)[0].kind == "smalltalk"



# -- wrong data from a part year --------------------------------------------------------------------------------------
@pytest.mark.parametrize("said, years", [("四年多一点", 4), ("六年多一些", 6), ("七年出头", 7)])
def test_a_part_year_after_the_years_is_no_digit_of_them(kb, said, years):
    """"三年多一点" was saved as 31 years: the 一 of 一点 read as a second numeral."""
    outcome = play(kb, *AT_BONUS, "社保", said)
    assert outcome.state["answers"]["social_years"] == years
