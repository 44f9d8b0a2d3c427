"""Development set 10's misreadings before the summary, by their causes, through the engine in other words
(none of the set's texts): several answers in one message, a late answer to an earlier question, regional
words, and the replies in between."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import BASIC, VALID_ID, play

pytestmark = pytest.mark.answers_questions  # the engine has the shipped knowledge base

OPENING = ["你好", "积分新办", "2027-08-25", "同意"]
# The questions in the order a new application asks them (an unmarried applicant's, then the bonus options).
ORDER = ("name", "id_number", "employer", "children", "marital_status", "mobile", "email")


def upto(field: str, answers: list[str] = BASIC) -> list[str]:
    """The messages that bring a new application to ``field``."""
    return [*OPENING, *answers[:ORDER.index(field)]]


def test_a_clock_emoji_alone_is_small_talk_and_the_date_asked_again(kb):
    outcome = play(kb, "你好", "积分新办", "⏳")
    assert outcome.state["state"] == "permit_expiry" and "permit_expiry" not in outcome.state["answers"]
    assert "没看懂这个日期" not in "\n".join(map(str, outcome.replies))


@pytest.mark.parametrize("said", ["我沒有電郵耶", "電郵沒有喔"])
def test_no_email_said_with_the_mailbox_as_taiwan_calls_it_is_no_email(kb, said):
    outcome = play(kb, *upto("email"), said)
    assert outcome.state["answers"]["email"] == "" and outcome.state["state"] != "email"


@pytest.mark.parametrize("said", ["1.5个吧", "2.5"])
def test_a_fraction_is_no_count_of_children_and_is_asked_again(kb, said):
    outcome = play(kb, *upto("children"), said)  # never 15 or 25 children
    assert "children" not in outcome.state["answers"] and outcome.state["state"] == "children"
    assert "整数" in outcome.replies[0] and "15" not in outcome.replies[0]


def test_where_one_is_from_said_in_the_first_message_is_no_name(kb):
    outcome = play(kb, "你好呀 我是温州人 积分快到期了 要续一下")
    assert outcome.state["answers"]["business_type"] == "renew" and "name" not in outcome.state["answers"]


@pytest.mark.parametrize("field, said, answers", [
    ("children", "1个 我老公也在上海上班", {"children": 1, "marital_status": "married"}),
    ("name", "我叫周丽 嫁过来五年了", {"name": "周丽", "marital_status": "married"}),
])
def test_a_marriage_told_in_other_words_beside_the_answer_is_kept_too(kb, field, said, answers):
    outcome = play(kb, *upto(field), said)
    assert {f: outcome.state["answers"].get(f) for f in answers} == answers


def test_a_marriage_told_beside_the_business_type_is_kept(kb):
    outcome = play(kb, "你好", "我要办个新办 早就结婚了")
    assert outcome.state["answers"]["business_type"] == "new" and outcome.state["answers"]["marital_status"] == "married"


def test_years_after_their_subject_and_a_degree_had_besides_are_kept_with_the_bonus_options(kb):
    outcome = play(kb, *OPENING, *BASIC, "社保么 七年了 还有硕士学历")
    answers = outcome.state["answers"]
    assert sorted(answers["bonus_options"]) == ["education", "social_insurance"]
    assert answers["social_years"] == 7 and answers["edu_level"] == "master"


def test_a_long_story_choosing_the_bonus_options_keeps_what_it_tells_and_asks_nothing(kb):
    outcome = play(kb, *OPENING, *BASIC, "我本科毕业 在上海交社保交了5年了 职称没有 也不是啥应届生 所以选学历和社保")
    answers = outcome.state["answers"]
    assert sorted(answers["bonus_options"]) == ["education", "social_insurance"]
    assert answers["social_years"] == 5 and answers["edu_level"] == "bachelor"


@pytest.mark.parametrize("said, school", [("本科 同济大学的", "同济大学"), ("本科 在华东师范大学读的", "华东师范大学")])
def test_the_school_said_after_the_degree_is_kept_with_it(kb, said, school):
    outcome = play(kb, *OPENING, *BASIC, "2", "是", "否", said)
    assert outcome.state["answers"]["edu_level"] == "bachelor" and outcome.state["answers"]["edu_school"] == school


def test_a_foreign_school_said_after_yes_is_kept_with_it(kb):
    outcome = play(kb, *OPENING, *BASIC, "2", "是", "是 墨尔本大学读的")
    assert outcome.state["answers"]["edu_foreign"] is True and outcome.state["answers"]["edu_school"] == "墨尔本大学"


def test_the_business_type_changed_with_the_permits_date_keeps_both(kb):
    outcome = play(kb, *OPENING, *BASIC, "0", "修改 业务类型", "改成续办 居住证2028年5月6号到期")
    assert outcome.state["answers"]["business_type"] == "renew" and outcome.state["answers"]["permit_expiry"] == "2028-05-06"


def test_an_earlier_count_put_right_where_the_marriage_is_asked_is_kept(kb):
    outcome = play(kb, *upto("marital_status"), "孩子其实有3个 刚才写了0")
    assert outcome.state["answers"]["children"] == 3 and outcome.state["state"] == "marital_status"


def test_the_name_put_right_beside_the_id_number_is_kept_with_it(kb):
    outcome = play(kb, *upto("id_number"), f"哦 刚才名字打错了 是张山 身份证{VALID_ID}")
    assert outcome.state["answers"]["name"] == "张山" and outcome.state["answers"]["id_number"] == VALID_ID


def test_how_asked_in_qinghai_words_beside_the_type_is_answered_and_the_type_kept(kb):
    outcome = play(kb, "你好", "阿么弄积分哦 续办")  # 阿么: 怎么
    assert outcome.state["answers"]["business_type"] == "renew"
    assert "签注" in "\n".join(map(str, outcome.replies))


@pytest.mark.parametrize("said, chosen", [("喂 我想问一下 我在上海上班五年了想办个积分新办要怎么弄", "new"),
                                          ("老师你好 我想办积分续办该怎么办", "renew")])
def test_a_type_wanted_and_how_to_go_about_it_asked_in_one_breath_begins_that_type(kb, said, chosen):
    outcome = play(kb, "你好", said)
    assert outcome.state["answers"]["business_type"] == chosen and outcome.state["state"] == "permit_expiry"


def test_a_type_chosen_with_singapores_can_or_not_is_kept_and_the_tag_answered(kb):
    outcome = play(kb, "你好", "我想续办积分 can or not")
    assert outcome.state["answers"]["business_type"] == "renew"
    assert len(outcome.replies) > 2  # besides the choice said back and the next question, an answer to what it asks


def test_the_first_time_using_the_chat_is_no_first_application(kb):
    outcome = play(kb, "哈喽 头一次用这个小程序哦")
    assert "business_type" not in outcome.state["answers"]


def test_a_marriage_said_in_shanghainese_beside_the_type_is_kept(kb):
    outcome = play(kb, "你好", "续办 阿拉已婚")
    assert outcome.state["answers"]["business_type"] == "renew" and outcome.state["answers"]["marital_status"] == "married"


@pytest.mark.parametrize("field, said", [("id_number", "用护照号码可以吗"), ("name", "护照上的英文名可以吗")])
def test_whether_another_papers_number_or_name_will_do_is_a_question_about_the_answer_not_out_of_scope(kb, field, said):
    outcome = play(kb, *upto(field), said)
    assert render.OUT_OF_SCOPE not in "\n".join(map(str, outcome.replies))
    assert outcome.state["state"] == field and field not in outcome.state["answers"]


@pytest.mark.parametrize("said, years", [("2015年底开始交的 一直没断", 10), ("2019年初开始交的", 7)])
def test_paying_said_from_a_years_end_or_start_offers_the_full_years(kb, said, years):
    offered = play(kb, *OPENING, *BASIC, "3", said)
    assert f"月起算满{years}年" in "\n".join(map(str, offered.replies))
    assert play(kb, *OPENING, *BASIC, "3", said, "对").state["answers"]["social_years"] == years


@pytest.mark.parametrize("said", ["周明 你打听这么多干嘛呀", "周明 你管这么多干啥"])
def test_the_name_given_with_why_it_is_wanted_is_kept_and_the_why_answered(kb, said):
    outcome = play(kb, *upto("name"), said)
    assert outcome.state["answers"]["name"] == "周明" and outcome.state["state"] == "id_number"


def test_a_parent_who_must_ask_the_applicant_for_the_name_first_is_paused_not_answered_a_question(kb):
    outcome = play(kb, *upto("name"), "我儿子的名字我得问下他 他在上课")
    assert render.SAVED_FOR_LATER in "\n".join(map(str, outcome.replies))


def test_a_remark_on_the_years_paid_is_small_talk_and_the_question_asked_again_kindly(kb):
    outcome = play(kb, *OPENING, *BASIC, "3", "这些年社保交得我心疼")
    reply = "\n".join(map(str, outcome.replies))
    assert reply.startswith("当前步骤") and outcome.state["state"] == "social_years"


def test_a_parent_giving_the_childs_id_number_and_name_types_for_the_applicant_and_both_are_kept(kb):
    outcome = play(kb, *upto("id_number"), f"这个是我儿子的 {VALID_ID} 他叫张三")
    assert outcome.state["answers"]["id_number"] == VALID_ID and outcome.state["state"] == "employer"


def test_a_resigned_what_can_one_do_before_agreeing_is_agreement_not_a_question(kb):
    outcome = play(kb, "你好", "积分新办", "2027-08-25", "还能咋办 同意就同意吧")
    assert outcome.state["answers"]["consent"] == "agree"
