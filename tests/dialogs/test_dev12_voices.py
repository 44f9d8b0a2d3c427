"""Development set 12's misreadings by their causes, each through the engine in other words: Nanjing's 阿 asking
whether (阿是, 阿算: a question, never an answer), words misheard by voice input or an IME's wrong candidate
(社宝, 却认: knowledge/dialect.py's MISHEARD), and the particles of Wuhan, Suzhou, Tangshan and Qingdao and the
softener 哈 around an answer."""
from __future__ import annotations

import pytest

from dialogs.understanding import interpret
from dialogs.understanding.classifier import trained

from knowledge.dialect import mandarin
from tests.support.chat import BASIC, application_in, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_BONUS = [*AGREED, *BASIC]


@pytest.mark.parametrize("said", ["不同意的话阿是就没法往下办了", "阿是非要同意才能办"])
def test_a_nanjing_question_at_consent_records_no_answer(kb, said):
    """"不同意阿是就不能办" was recorded as a refusal: 阿是 (是不是) was no question word."""
    outcome = play(kb, *OPENING, said)
    assert "consent" not in outcome.state["answers"]


def test_a_nanjing_question_about_full_time_records_no_answer(kb):
    """"成考的阿算全日制" was recorded as not full-time."""
    outcome = play(kb, *AT_BONUS, "2", "电大读的阿算全日制")
    assert "edu_fulltime" not in outcome.state["answers"]


@pytest.mark.parametrize("said, options", [("社宝", ["social_insurance"]), ("设保跟血历", ["social_insurance", "education"])])
def test_misheard_words_name_the_bonus_options(kb, said, options):
    outcome = play(kb, *AT_BONUS, said)
    assert sorted(outcome.state["answers"]["bonus_options"]) == sorted(options)


def test_a_misheard_permit_is_still_the_permit():
    assert mandarin("局住证快到期了") == mandarin("居住证快到期了")
    assert mandarin("神份证正反面") == "身份证正反面"


@pytest.mark.parametrize("said", ["却认", "却认 没问题"])
def test_an_imes_queren_confirms_the_summary(kb, said):
    outcome = play(kb, *AT_BONUS, "0", said)
    assert outcome.state["answers"].get("confirmed") == "confirm"


@pytest.mark.parametrize("said", ["奏这么着 同意", "伲同意额", "同一了"])
def test_a_regional_or_mistyped_agreement_is_agreement(kb, said):
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"].get("consent") == "agree"


@pytest.mark.parametrize("said", ["选1哈", "职称哈"])
def test_a_choice_softened_with_ha_is_the_choice(kb, said):
    outcome = play(kb, *AT_BONUS, said)
    assert outcome.state["answers"]["bonus_options"] == ["title"]


def test_qingdaos_xue_is_very_but_blood_is_blood():
    assert mandarin("这表血长") == "这表很长"
    assert mandarin("血型") == "血型" and mandarin("去献血好") == "去献血好"
    assert mandarin("节奏太快") == "节奏太快" and mandarin("奏同意") == "就同意"
    assert mandarin("金额") == "金额" and mandarin("哈哈") == "哈哈"
    assert mandarin("审核怎么样了") == "审核怎么样了" and mandarin("么样搞") == "怎么搞"  # Wuhan 么样, not 怎么样's


@pytest.mark.parametrize("said", ["可。", "可!"])
def test_a_bare_ke_agrees_at_consent(kb, said):
    """"可" (可以 cut short) where a yes is asked was left unread."""
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"].get("consent") == "agree"


@pytest.mark.parametrize("said", ["行。", "可！"])
def test_a_bare_xing_or_ke_confirms_the_summary(kb, said):
    outcome = play(kb, *AT_BONUS, "0", said)
    assert outcome.state["answers"].get("confirmed") == "confirm"


def test_going_on_with_a_hesitant_xingba_is_no_confirmation_of_something_else(kb):
    outcome = play(kb, *AT_BONUS, "0", "行 我再看看")
    assert "confirmed" not in outcome.state["answers"]


@pytest.mark.parametrize("said, expiry", [("证上印着截止二〇二八年四月二十日", "2028-04-20"),
                                          ("到期是二〇二九年十二月三十一号", "2029-12-31")])
def test_a_permit_end_in_chinese_numerals_after_other_words_is_the_date(kb, said, expiry):
    outcome = play(kb, "你好", "积分新办", said)
    assert outcome.state["answers"]["permit_expiry"] == expiry


def test_a_formal_letters_closing_asks_nothing(kb):
    """"…申请人姓名：…，特此说明" at the start was a question: its 说明 was read as a search for one."""
    outcome = play(kb, "你好", "本人拟办理积分续办业务，特此说明。")
    assert outcome.state["answers"].get("business_type") == "renew"


@pytest.mark.parametrize("said", ["阿是审核过了", "审到么斯地步了 阿是快了"])
def test_a_nanjing_progress_question_after_submission_gives_the_progress(chat, said):
    application_in(chat, "submitted")
    progress = chat.send("查一下进度")
    assert chat.send(said) == progress


@pytest.mark.parametrize("said", ["往回退一下 邮箱少打了一位", "回退 邮箱地址输错了"])
def test_going_back_for_the_email_at_the_bonus_options_is_back(kb, said):
    """The e-mail is asked right before the bonus options when no spouse is (the spouse's options stand before them in
    the questions' order): "往回退一步 邮箱…" was read as an edit. The engine asks the e-mail again either way; the
    reading is what the sets label, one step back."""
    [best, *_] = interpret("bonus_options", said, kb=kb, classifier=trained())
    assert (best.kind, best.command) == ("command", "back")
    assert play(kb, *AT_BONUS, said).state["state"] == "email"


@pytest.mark.parametrize("said", ["伲核对好哉 都对额", "我都核对过了 对的"])
def test_looked_over_then_right_confirms_the_summary(kb, said):
    """"…看过了 对的": the summary looked over, then said to be right, was left unread."""
    outcome = play(kb, *AT_BONUS, "0", said)
    assert outcome.state["answers"].get("confirmed") == "confirm"


@pytest.mark.parametrize("said", ["早就结了婚 还没有孩子", "结了婚 暂时没孩子"])
def test_married_said_as_jie_le_hun_beside_the_children_is_kept(kb, said):
    """"结了婚" (the verb's 了 inside) was no marriage told, where "结婚了" was."""
    outcome = play(kb, *AGREED, *BASIC[:3], said)
    assert outcome.state["answers"]["marital_status"] == "married" and outcome.state["answers"]["children"] == 0


def test_a_formal_letters_applicant_label_gives_the_name_with_the_type(kb):
    """"…，申请人姓名：…" was no form label: the name was asked again after the type."""
    outcome = play(kb, "你好", "本人办理积分续办，持证人姓名：郑国栋，特此说明。")
    assert outcome.state["answers"]["name"] == "郑国栋"
