"""try11's mid findings through the engine, mostly said in other words than the tester's: what the
applicant meant at the step they were at is what is recorded or answered."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, application_in, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


# -- T49: wanting points without a type chooses none: the four types are shown -----------------------
@pytest.mark.parametrize("said", ["办个积分", "想弄个积分", "帮我搞个积分吧"])
def test_wanting_points_without_a_type_shows_the_four_types(chat, said):
    reply = chat.send(said)
    assert "business_type" not in chat.state["answers"] and chat.state["state"] == "business_type"
    assert "积分续办" in reply and "增加同住人" in reply


def test_wanting_points_for_the_first_time_is_a_new_application(chat):
    chat.send("想办个积分，之前从来没办过")
    assert chat.state["answers"]["business_type"] == "new"


def at_summary(chat, answers: list[str] = BASIC) -> None:
    start(chat, "积分新办")
    answer_all(chat, [*answers, "0"])
    assert chat.state["state"] == "summary"


# -- T8: a correction at the summary that carries its value applies it --------------------------------
@pytest.mark.parametrize("said", ["孩子数填错了，应该是2个", "子女人数不对 应该是2"])
def test_a_count_put_right_at_the_summary_with_its_value_is_applied(chat, said):
    at_summary(chat)
    reply = chat.send(said)
    assert chat.state["answers"]["children"] == 2 and chat.state["state"] == "summary"
    assert "请填写数字" not in reply


# -- T9: "不是这个，是…" replaces the saved mobile and says so -------------------------------------------
def test_a_mobile_said_to_be_not_this_one_is_replaced(chat):
    at_summary(chat)
    reply = chat.send("手机号码不是这个，是13700137000")
    assert chat.state["answers"]["mobile"] == "13700137000" and "没有替换" not in reply
    assert "13700137000" in reply


# -- T54: "wait, X is wrong" mid-form opens X, it pauses nothing ----------------------------------------
@pytest.mark.parametrize("said, field", [("等等，单位不是这个", "employer"), ("等会儿，公司名不是这个", "employer"), ("慢着，手机号不对", "mobile")])
def test_wait_with_an_answer_said_wrong_opens_that_answer(chat, said, field):
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    assert chat.state["state"] == "bonus_options"
    reply = chat.send(said)
    assert chat.state["state"] == field and "暂存" not in reply


# -- T55: "what I just said is wrong" asks the answer just given again ----------------------------------
def test_the_answer_just_given_said_wrong_is_asked_again(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC[:6])
    assert chat.state["state"] == "email"
    chat.send("无")
    reply = chat.send("刚刚填的不对")
    assert chat.state["state"] == "email" and "可修改：" not in reply


def at_bonus_options(chat, business_type: str = "积分新办") -> None:
    start(chat, business_type)
    answer_all(chat, BASIC[:6] + ["无"])
    assert chat.state["state"] == "bonus_options"


# -- T5: a degree said with its study mode after it, beside the bonus choice, fills those follow-ups ----
@pytest.mark.parametrize("said, level, fulltime", [("职称和学历都有，学历是硕士非全日制", "master", False),
                                                  ("1 2，本科统招的", "bachelor", True)])
def test_a_degree_told_with_the_bonus_choice_is_not_asked_again(chat, said, level, fulltime):
    at_bonus_options(chat, "积分续办")
    chat.send(said)
    answers = chat.state["answers"]
    assert answers["bonus_options"] == ["title", "education"]
    assert answers["edu_level"] == level and answers["edu_fulltime"] is fulltime
    assert chat.state["state"] == "edu_foreign"


# -- T53: an e-mail given late with words around it is taken at the bonus options ----------------------
def test_an_email_given_late_with_words_around_it_is_taken(chat):
    at_bonus_options(chat)
    reply = chat.send("邮箱还是留一个吧 lisi@163.com")
    assert chat.state["answers"]["email"] == "lisi@163.com" and "没有找到" not in reply
    assert chat.state["state"] == "bonus_options"


# -- T6: social-insurance years told beside the employer are kept, and said ------------------------------
def test_social_insurance_years_told_beside_the_employer_are_kept_and_said(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC[:2])
    reply = chat.send("上海某某软件有限公司，我的社保交了四年了")
    answers = chat.state["answers"]
    assert answers["employer"] == "上海某某软件有限公司" and answers["social_years"] == 4
    assert "社保累计年数" in reply


# -- T2 / T28: chat abbreviations by pinyin initials are read as their words ---------------------------
@pytest.mark.parametrize("said, answered", [("jzz还有一个月到期 能办吗", "签注"), ("sb中间断过能加分吗", "社保")])
def test_a_question_in_pinyin_initials_is_answered_like_its_words(chat, said, answered):
    reply = chat.send(said)
    assert "超出了我能回答的范围" not in reply and answered in reply


def test_pinyin_initials_choose_at_the_menus(chat):
    at_bonus_options(chat)
    chat.send("zc xl")
    assert chat.state["answers"]["bonus_options"] == ["title", "education"]


def test_pinyin_initials_name_a_material_at_the_checklist(chat):
    at_summary(chat)
    chat.send("确认")
    reply = chat.send("我要传hkb")
    assert "户口" in reply and "only" not in reply


# -- T41: a name followed by "applying for my daughter" is the writer's: the applicant's own is asked ----
@pytest.mark.parametrize("said", ["林晓（帮女儿办）", "王建国 替我儿子填的"])
def test_a_name_with_a_remark_of_applying_for_a_relative_asks_for_the_applicants_own(chat, said):
    start(chat, "积分新办")
    reply = chat.send(said)
    assert "name" not in chat.state["answers"] and chat.state["state"] == "name"
    assert "申请人" in reply
    chat.send("林小雨")
    assert chat.state["answers"]["name"] == "林小雨"


# -- T17: "not my husband, my son" at the spouse options: no spouse option, the son's count offered ------
def test_a_son_to_add_instead_of_the_spouse_takes_no_spouse_option_and_says_the_count(chat):
    start(chat, "增加同住人")
    answer_all(chat, [*BASIC[:3], "0", "已婚", *BASIC[5:]])
    assert chat.state["state"] == "spouse_options"
    reply = chat.send("老公不用加，要加我女儿")
    assert chat.state["answers"]["spouse_options"] == [] and "没有找到" not in reply
    assert "同住子女人数是 0" in reply


# -- T12: the chat's progress names a return in the applicant's words, as the upload page does ------------
def test_progress_after_a_return_says_materials_are_needed_in_the_applicants_words(chat):
    application_in(chat, "draft")
    codes = chat.application["checklist"]
    chat.conversations.store.update("application", chat.application["id"], lambda a: {
        **a, "status": "returned", "history": [{"status": "returned", "at": "2026-11-24T10:00:00+08:00"}],
        "materials": {c: ({"status": "returned", "reason": "合同缺少盖章页"} if c == "labor_contract"
                          else {"status": "approved", "sha256": "a" * 64}) for c in codes}})
    reply = chat.send("进度")
    assert "当前状态：需补充材料" in reply and "外服退材料" not in reply
