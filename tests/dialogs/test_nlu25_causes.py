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


# -- 2. a second answer said in a regional way: Cantonese 系 (is), Sichuan and Cantonese 没得/莫得/冇得 (none), jzz --------
@pytest.mark.parametrize("said, years, level", [("六年 学历系硕士", 6, "master"), ("三年 最高学历系大专", 3, "college"),
                                                 ("八年嘞 学历系本科", 8, "bachelor")])
def test_the_level_said_with_cantonese_is_beside_the_years_is_read_as_both(said, years, level):
    """"…年 学历系大专" read the years alone: 系 after the label was no 是."""
    best = interpret("social_years", said, classifier=trained())[0]
    assert best.kind == "answers" and best.fields == {"social_years": years, "edu_level": level}


@pytest.mark.parametrize("said", ["系全日制 国内深圳读嘅", "是全日制 在国内武汉念的", "系全日制嘅 在国内西安读的"])
def test_full_time_said_with_is_and_a_home_city_keeps_both(kb, said):
    """"系全日制 喺国内…读嘅" kept full-time alone: 是/系 before it and a city after 国内 hid the two answers."""
    answers = play(kb, *AT_FULLTIME, said).state["answers"]
    assert answers["edu_fulltime"] is True and answers["edu_foreign"] is False


@pytest.mark.parametrize("said", ["娃儿也莫得", "孩子也没得", "细路都冇得"])
def test_no_children_in_southwest_and_cantonese_words_is_none(kb, said):
    assert play(kb, *AT_CHILDREN, said).state["answers"]["children"] == 0


@pytest.mark.parametrize("said", ["莫得邮箱 手机13912345678", "没得邮箱 手机号13912345678", "冇邮箱 电话13912345678"])
def test_no_email_in_regional_words_beside_a_mobile_is_no_email(kb, said):
    answers = play(kb, *AT_EMAIL, said).state["answers"]
    assert answers["email"] == "" and answers["mobile"] == "13912345678"


@pytest.mark.parametrize("said, business_type, date", [("续办 jzz后年五月一号到期", "renew", "2028-05-01"),
                                                       ("新办 jzz 2027年6月30号到期", "new", "2027-06-30"),
                                                       ("续办 我的jzz明年10月1号到期", "renew", "2027-10-01")])
def test_the_type_with_the_permit_by_its_initials_keeps_both(kb, said, business_type, date):
    answers = play(kb, "你好", said).state["answers"]
    assert answers["business_type"] == business_type and answers["permit_expiry"] == date


# -- 3. options and levels typed in pinyin ------------------------------------------------------------------------------
@pytest.mark.parametrize("said, option", [("zhi cheng", "title"), ("she bao", "social_insurance")])
def test_an_option_typed_in_pinyin_is_chosen(kb, said, option):
    assert play(kb, *AT_BONUS, said).state["answers"]["bonus_options"] == [option]


@pytest.mark.parametrize("said, level", [("gao zhong", "below_college"), ("zhong zhuan", "below_college")])
def test_a_level_typed_in_pinyin_is_the_level(kb, said, level):
    assert play(kb, *AT_LEVEL, said).state["answers"]["edu_level"] == level


# -- 4. a supposition put after the answer: kept, and answered -------------------------------------------------------------
@pytest.mark.parametrize("point, said, value", [("children", "三个 都要出生证明吧", 3),
                                                ("edu_level", "自考的本科 写本科没错吧", "bachelor"),
                                                ("employer", "上海申盛物流有限公司 外包的都得吧", "上海申盛物流有限公司")])
def test_an_answer_then_a_supposition_asked_is_both(point, said, value):
    """"一个 …吧" was an answer alone: the supposition after it went unanswered."""
    best = interpret(point, said, classifier=trained())[0]
    assert best.kind == "answer_and_question" and best.value == value


def test_an_answer_then_a_supposition_is_kept_through_the_engine(kb):
    assert play(kb, *AT_CHILDREN, "两个 要带户口本吧").state["answers"]["children"] == 2


@pytest.mark.parametrize("point, said", [("summary", "对 生成材料吧"), ("bonus_options", "不清楚 就选社保吧"),
                                         ("edu_level", "本科 应该是吧"), ("start", "续办 直接开始吧")])
def test_a_step_asked_or_a_hedge_after_the_answer_is_no_question(point, said):
    assert interpret(point, said, classifier=trained())[0].kind == "answer"
