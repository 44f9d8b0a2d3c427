"""A tester's high findings (try6), the answers' side: an answer sent with a question is kept and
the question answered (or said to be unknown, briefly); each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

pytestmark = pytest.mark.answers_questions

OPENING = ["你好", "积分新办"]
AT_MARITAL = [*OPENING, "2027-08-25", "同意", *BASIC[:4]]


@pytest.mark.parametrize("said", ["2027/6/30 係唔係咁寫？", "2027年6月30號 啱唔啱", "2027-6-30 是这么填吗"])
def test_a_date_asked_about_in_cantonese_or_mandarin_is_kept_and_said_back(kb, said):
    """try6 F1: Cantonese asks in its own words (係唔係, 啱唔啱); the clause before it answers."""
    outcome = play(kb, *OPENING, said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"]["permit_expiry"] == "2027-06-30" and outcome.state["state"] == "consent"
    assert "超出" not in reply and "2027-06-30" in reply


@pytest.mark.parametrize("said", ["未婚，有男朋友算唔算", "單身，拍拖算唔算", "未婚 有女朋友算不算"])
def test_marital_status_asked_about_is_kept_and_a_miss_said_briefly(kb, said):
    """try6 F2: 未婚 saved and said back; what the sources have nothing on is no "out of scope"."""
    outcome = play(kb, *AT_MARITAL, said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"]["marital_status"] == "unmarried" and outcome.state["state"] == "mobile"
    assert "未婚" in reply and "超出" not in reply


AT_BONUS = [*AT_MARITAL, "未婚", "13761234567", "无"]


@pytest.mark.parametrize("said, chosen", [
    ("我係今年畢業嘅研究生，應該係應屆生加分啩？學歷都要", ["education", "graduate"]),
    ("应届生加分吧？学历也要", ["education", "graduate"]),
    ("我今年刚毕业，应届生加分能选吗，学历加分也选上", ["education"]),
])
def test_bonus_options_chosen_around_a_question_are_kept(kb, said, chosen):
    """try6 F3: the options named where nothing is asked, or only guessed ("…吧？"), are saved and said."""
    outcome = play(kb, *AT_BONUS, said)
    assert outcome.state["answers"]["bonus_options"] == chosen and "加分选项：" in "\n".join(outcome.replies)


def test_an_option_named_alone_then_asked_about_is_not_chosen(kb):
    outcome = play(kb, *AT_BONUS, "学历加分，要什么材料")
    assert "bonus_options" not in outcome.state["answers"]


@pytest.mark.parametrize("said, date", [
    ("2027年10月1日，不对，是10月11日", "2027-10-11"),
    ("2027年10月1日 哦不对 10月11号", "2027-10-11"),
    ("2027.10.1 打错了 应该是11月1日", "2027-11-01"),
])
def test_a_date_corrected_in_the_same_message_keeps_the_year_and_takes_the_new_day(kb, said, date):
    """try6 F9: the first date was saved; the correction gives only what changed."""
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"]["permit_expiry"] == date


AT_EMAIL = [*AT_MARITAL, "未婚", "13761234567"]


@pytest.mark.parametrize("said", ["wumin@bilibili.com 哦不对这是老单位的邮箱，不填了",
                                  "ab@163.com 哦不对 那是我老公的，我没有邮箱"])
def test_an_email_taken_back_in_the_same_message_leaves_none(kb, said):
    """try6 F10: the address taken back was saved silently."""
    outcome = play(kb, *AT_EMAIL, said)
    assert outcome.state["answers"]["email"] == "" and outcome.state["state"] == "bonus_options"


@pytest.mark.parametrize("said, years", [("十来年吧，具体11年", 11), ("七八年吧，准确是8年", 8), ("差不多十年，确切说是9年", 9)])
def test_the_exact_years_after_a_guess_are_saved(kb, said, years):
    """try6 F11: "社保累计年数请填写数字" although the exact count was said."""
    outcome = play(kb, *AT_EMAIL, "无", "3", said)
    assert outcome.state["answers"]["social_years"] == years


AT_BONUS_OPTIONS = [*AT_EMAIL, "无"]


@pytest.mark.parametrize("said", ["没什么加分的，我就高中毕业", "没啥可加的，我就初中文化", "没什么加分项 我只有高中学历",
                                  "没有什么可以加分的"])
def test_nothing_to_add_said_in_a_sentence_is_none(kb, said):
    """try6 F15: "没什么" read as a question word; the 学历 of a fact beside it chosen the education bonus."""
    outcome = play(kb, *AT_BONUS_OPTIONS, said)
    assert outcome.state["answers"]["bonus_options"] == []


AT_SUMMARY = [*AT_EMAIL, "wumin@qq.com", "0"]


@pytest.mark.parametrize("said", ["孩子其实是两个，上次说错了", "孩子其实有两个"])
def test_children_set_right_at_the_summary_in_own_words_change_and_show_it(kb, said):
    """try6 F12: "子女人数请填写数字" and nothing changed."""
    outcome = play(kb, *AT_SUMMARY, said)
    assert outcome.state["answers"]["children"] == 2 and outcome.state["state"] == "summary"
    assert "请核对" in outcome.replies[-1]


@pytest.mark.parametrize("said", ["邮箱不要填，删掉", "不填了，删掉吧", "把邮箱删了"])
def test_an_email_cleared_in_own_words_while_changing_it_is_none(kb, said):
    """try6 F13: the old address kept, "不想填请回复“无”"."""
    outcome = play(kb, *AT_SUMMARY, "修改 邮箱地址", said)
    assert outcome.state["answers"]["email"] == ""


@pytest.mark.parametrize("first, name, id_number", [
    ("我想办积分 名字叫周杰 身份证320501199407076664", "周杰", "320501199407076664"),
    ("想办积分，我叫李娜，身份证号码430102198805124567", "李娜", "430102198805124567"),
])
def test_a_first_message_with_name_and_id_keeps_both_and_asks_the_type(kb, first, name, id_number):
    """try6 F18: the 姓名 field explained, the type asked, name and ID asked again later."""
    outcome = play(kb, first)
    assert outcome.state["answers"]["name"] == name and outcome.state["answers"]["id_number"] == id_number
    assert outcome.state["state"] == "business_type"


@pytest.mark.parametrize("said", ["27.11.8", "27-11-08"])
def test_a_date_with_a_two_digit_year_is_read_in_this_century_and_said_back(kb, said):
    """try6 F38: "没看懂这个日期"; try10 T27: as "27年11月8号" is, recorded and said back to be put right."""
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"]["permit_expiry"] == "2027-11-08" and "2027-11-08" in "\n".join(outcome.replies)


@pytest.mark.parametrize("first", ["在吗？我想办积分，第一次弄", "你好 在不在 我要续办"])
def test_are_you_there_opening_a_first_message_asks_nothing(kb, first):
    """try6 F25: "在吗？" made the whole message a question, and 第一次 only explained 新办."""
    outcome = play(kb, first)
    assert outcome.state["answers"]["business_type"] in ("new", "renew")
