"""Development set 13's misreadings by their causes, each through the engine in other words: what a message's
transport leaves in it (HTML entities, markdown emphasis, a quoted prompt, punctuation dictated by name, voice input
stopped at every pause), look-alike and keyboard-slip characters, several answers in one, commands said as questions
and questions that read like commands."""
from __future__ import annotations

import pytest

from dialogs.debris import without_debris
from dialogs.understanding import interpret
from dialogs.understanding.classifier import trained
from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_BONUS = [*AGREED, *BASIC]


# -- 1. transport debris ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["回复：邓春燕", "**邓春燕**", "邓春燕句号", "答: 邓春燕", "__邓春燕__"])
def test_a_name_quoted_emphasised_or_dictated_is_saved_bare(kb, said):
    outcome = play(kb, *AGREED, said)
    assert outcome.state["answers"]["name"] == "邓春燕"


def test_an_employer_stopped_at_every_pause_is_saved_whole(kb):
    outcome = play(kb, *AGREED, *BASIC[:2], "呃。上海。滇南茶叶。有限公司。")
    assert outcome.state["answers"]["employer"] == "上海滇南茶叶有限公司"


def test_an_email_with_an_html_entity_is_saved_as_meant(kb):
    outcome = play(kb, *AGREED, *BASIC[:6], "chen_yu&#64;126.com")
    assert outcome.state["answers"]["email"] == "chen_yu@126.com"


def test_a_school_in_escaped_angle_brackets_is_the_school(kb):
    outcome = play(kb, *AT_BONUS, "2", "是", "否", "3", "&lt;云南师范大学&gt;")
    assert outcome.state["answers"]["edu_school"] == "云南师范大学"


@pytest.mark.parametrize("said", ["回复：1、3", "**1、3**", "职称句号社保句号"])
def test_bonus_options_quoted_emphasised_or_dictated_are_chosen(kb, said):
    outcome = play(kb, *AT_BONUS, said)
    assert sorted(outcome.state["answers"]["bonus_options"]) == ["social_insurance", "title"]


def test_only_debris_is_taken_out():
    assert without_debris("多选用逗号隔开吗") == "多选用逗号隔开吗"  # asks about the comma
    assert without_debris("A&B贸易公司") == "A&B贸易公司"
    assert without_debris("li__na@qq.com") == "li__na@qq.com"
    assert without_debris("呃。这个。") == "呃。这个。"  # fillers alone: a murmur, left as it is
    assert without_debris("我叫张三。身份证在家。") == "我叫张三。身份证在家。"  # a sentence, not a pause


# -- names: a key held down, a surname spelled by its parts -------------------------------------------------------
def test_a_names_last_character_typed_thrice_is_once(kb):
    outcome = play(kb, *AGREED, "冯建国国国")
    assert outcome.state["answers"]["name"] == "冯建国"


def test_a_doubled_character_is_the_names_own(kb):
    outcome = play(kb, *AGREED, "吴婷婷")
    assert outcome.state["answers"]["name"] == "吴婷婷"


@pytest.mark.parametrize("said, name", [("我叫张 弓长张 名字叫宏伟", "张宏伟"), ("我姓陈 耳东陈 名字是陈静", "陈静"),
                                        ("章 立早章 名叫一凡", "章一凡")])
def test_a_surname_spelled_by_its_parts_then_the_given_name_is_the_whole_name(kb, said, name):
    outcome = play(kb, *AGREED, said)
    assert outcome.state["answers"]["name"] == name


# -- 2. look-alike and keyboard-slip characters -------------------------------------------------------------------
AT_MARITAL = [*AGREED, *BASIC[:4]]


def test_a_handwritten_weihun_misread_as_mohun_is_never_married(kb):
    """"末婚" was saved as 已婚: wrong data. 末 is 未 with its strokes misread."""
    outcome = play(kb, *AT_MARITAL, "末婚 还没找对象")
    assert outcome.state["answers"]["marital_status"] == "unmarried"


@pytest.mark.parametrize("said, status", [("己婚", "married"), ("记忆", "divorced")])
def test_a_look_alike_or_t9_slip_is_the_status_meant(kb, said, status):
    outcome = play(kb, *AT_MARITAL, said)
    assert outcome.state["answers"]["marital_status"] == status


@pytest.mark.parametrize("said, options", [("阅历和社报", ["education", "social_insurance"]),
                                           ("积份的话 我就学厉能加", ["education"])])
def test_slipped_words_name_the_bonus_options(kb, said, options):
    outcome = play(kb, *AT_BONUS, said)
    assert sorted(outcome.state["answers"]["bonus_options"]) == options


def test_a_t9_slip_inside_a_sentence_is_left_alone():
    from knowledge.dialect import mandarin
    assert mandarin("我记忆力不好") == "我记忆力不好" and mandarin("工作阅历丰富") == "工作阅历丰富"
    assert mandarin("记忆") == "离异" and mandarin("末婚") == "未婚"


def test_a_permit_written_with_a_look_alike_is_the_permit(kb):
    outcome = play(kb, "你好", "积分新办", "居往证 2028年10月5号到期")
    assert outcome.state["answers"]["permit_expiry"] == "2028-10-05"


def test_a_looked_alike_confirmation_confirms_the_summary(kb):
    outcome = play(kb, *AT_BONUS, "0", "确队")
    assert outcome.state["answers"].get("confirmed") == "confirm"


# -- 3. several answers in one ------------------------------------------------------------------------------------
def test_the_type_with_the_permit_said_short_keeps_both(kb):
    """"我的证明年…到期": 证 is the permit said short; the date was dropped and asked again."""
    outcome = play(kb, "你好", "续办 我的证明年三月一号到期")
    assert outcome.state["answers"]["business_type"] == "renew"
    assert outcome.state["answers"]["permit_expiry"] == "2027-03-01"


def test_social_insurance_with_its_years_where_paid_is_read_as_both():
    """The softener 咯 left a space after the years, and the years were dropped (the engine asked them again)."""
    best = interpret("bonus_options", "社保 在上海交满六年咯", classifier=trained())[0]
    assert best.kind == "answers" and best.fields == {"bonus_options": ["social_insurance"], "social_years": 6}


def test_education_with_its_level_said_with_is(kb):
    outcome = play(kb, *AT_BONUS, "学历 是全日制硕士")
    answers = outcome.state["answers"]
    assert answers["bonus_options"] == ["education"] and answers["edu_level"] == "master"
    assert answers["edu_fulltime"] is True


def test_married_with_the_spouses_hukou_said_first(kb):
    outcome = play(kb, *AT_MARITAL, "已婚 老公户口在上海")
    assert outcome.state["answers"]["marital_status"] == "married"
    assert outcome.state["answers"]["spouse_options"] == ["spouse_hukou"]


def test_divorced_with_the_children_living_with_the_applicant_is_read_as_both():
    best = interpret("marital_status", "离婚了 三个小娃都归我带", classifier=trained())[0]
    assert best.kind == "answers" and best.fields == {"marital_status": "divorced", "children": 3}


def test_abroad_with_the_school_said_as_what_was_read():
    best = interpret("edu_foreign", "是 我读的是新加坡管理大学", classifier=trained())[0]
    assert best.kind == "answers" and best.fields == {"edu_foreign": True, "edu_school": "新加坡管理大学"}


# -- 5. questions read as answers or commands ---------------------------------------------------------------------
def test_asking_whether_a_mode_may_be_chosen_records_nothing(kb):
    """"成考的本科 能选全日制不" was recorded as 否: it asks whether it may be chosen so."""
    outcome = play(kb, *AT_BONUS, "2", "函授读的 能选全日制不")
    assert "edu_fulltime" not in outcome.state["answers"]


# -- 6. the lead's finds: read through, then an okay, at the consent ------------------------------------------------
@pytest.mark.parametrize("said", ["我看完了没什么大问题", "读完了，可以的", "看好了 没啥问题"])
def test_read_through_then_an_okay_is_agreement(kb, said):
    """"我看完了没啥问题" was a pause and "读完了，可以" refused: both agree, once read."""
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"].get("consent") == "agree"


@pytest.mark.parametrize("said", ["看完了 我再想想", "我先看看"])
def test_reading_still_to_do_is_no_agreement(kb, said):
    assert "consent" not in play(kb, *OPENING, said).state["answers"]


def test_words_holding_a_marks_name_are_left_whole():
    """"请问号码是多少句号" became "请？码是多少。": 请问 and 号码 are words, not a dictated 问号 (the lead's read)."""
    assert without_debris("请问号码是多少句号") == "请问号码是多少。"
