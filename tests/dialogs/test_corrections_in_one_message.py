"""A tester's findings (try4): an answer typed, taken back and typed again in one message is the one
after; a choice among words keeps its number; a count settled on wins over the bot's guess; a part of a
year left out of the social-insurance years is said."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, at_question

MARRIED = [*BASIC[:4], "已婚", *BASIC[5:]]


@pytest.mark.parametrize("field, said, value", [
    ("children", "1个 哦不 2个 老二刚满月", 2),
    ("mobile", "13311115555 不对 是13311115556", "13311115556"),
    ("marital_status", "已婚 哦不对 离异 前年离的", "divorced"),
    ("bonus_options", "学历 还有社保吧 不对社保不用了 就学历", ["education"]),
])
def test_the_answer_after_taking_one_back_is_saved(chat, field, said, value):
    at_question(chat, field)
    chat.send(said)
    assert chat.state["answers"][field] == value


@pytest.mark.parametrize("field, answers, said, value", [
    ("bonus_options", BASIC, "那就3 先不选应届了", ["social_insurance"]),
    ("bonus_options", BASIC, "2 3 算了2不要", ["social_insurance"]),
    ("spouse_options", MARRIED, "那就1 她是江苏户口", ["spouse_companion"]),
])
def test_a_choice_beside_other_words_keeps_its_number(chat, field, answers, said, value):
    at_question(chat, field, answers)
    chat.send(said)
    assert chat.state["answers"][field] == value


def test_a_count_settled_on_wins_over_the_years_guessed_from_a_start_year(chat):
    at_question(chat, "social_years", [*BASIC, "社保"])
    assert "约" in chat.send("差不多8年 2017年开始交的")
    chat.send("不对 中间停过一年多 算7年吧")
    assert chat.state["answers"]["social_years"] == 7


def test_a_part_of_a_year_left_out_is_said(chat):
    at_question(chat, "social_years", [*BASIC, "社保"])
    reply = chat.send("大概五年半吧")
    assert chat.state["answers"]["social_years"] == 5 and "按整年计" in reply


@pytest.mark.answers_questions  # the knowledge base matches both strongly: the choice must still win
@pytest.mark.parametrize("first", ["续办积分🙏", "新办积分 我有中级职称"])
def test_a_first_message_naming_a_type_chooses_it(chat, first):
    """try4 F66, F43: a type's name with an emoji, or beside a bonus said, is the choice (the bonus kept)."""
    chat.send(first)
    assert chat.state["answers"]["business_type"] in ("new", "renew") and chat.state["state"] == "permit_expiry"


@pytest.mark.parametrize("said, field, value", [
    ("社保年数是8年 不是10年", "social_years", 8),  # try4 F19: the number among words, a count denied beside it
    ("全日制那个选错了 我是全日制的", "edu_fulltime", True),  # try4 F55
])
def test_a_correction_at_the_summary_in_words_is_taken(chat, said, field, value):
    at_question(chat, "summary", [*BASIC, "学历 社保", "本科", "否", "否", "上海大学", "10"])
    chat.send(said)
    assert chat.state["answers"][field] == value


@pytest.mark.parametrize("kept", ["对的 保持", "好的，不变"])
def test_an_okay_with_keep_keeps_the_answer_shown_again(chat, kept):
    """try4 F6: a keep word beside an okay keeps the answer, it is no new employer."""
    at_question(chat, "children")
    chat.send("修改 单位")
    chat.send(kept)
    assert chat.state["answers"]["employer"] == BASIC[2] and chat.state["state"] == "children"


def test_a_fact_beside_a_doubt_offers_the_option_it_points_to(chat):
    """try4 F61: "我不知道选哪个 以前没弄过" is no option, but 以前没弄过 says 积分新办: offered, not chosen."""
    chat.send("你好")
    reply = chat.send("不清楚选哪个 之前没弄过积分")
    assert "积分新办" in reply and "回复 1" in reply and "business_type" not in chat.state["answers"]
