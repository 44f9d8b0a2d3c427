"""The last review's findings on the session's second half (review5), each a value saved wrong or a crash, read
through the engine and the understanding step."""
from __future__ import annotations

import pytest

from dialogs.text import capital_numerals
from dialogs.understanding import interpret
from dialogs.understanding.values import years_paid_before
from tests.support.chat import BASIC, answer_all, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said", ["9999年12月底", "2027.6.3O"])
def test_a_date_past_the_calendar_or_with_a_letter_o_saves_nothing_and_is_answered(chat, said):
    """R16: "9999年12月底" crashed the turn; R2: "2027.6.3O" was saved as 2027-06-03."""
    start(chat, "积分新办", expiry=said)
    assert chat.state["answers"].get("permit_expiry") in (None, "9999-12-31")
    assert chat.state["answers"].get("permit_expiry") != "2027-06-03"


@pytest.mark.parametrize("said", ["五个都没有", "5项都没有"])
def test_none_of_the_options_counted_chooses_none(chat, said):
    """R17: "五个都没有" chose all five bonus options."""
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == []


@pytest.mark.parametrize("text", ["收拾", "大陆", "我姓陆", "上海佰草集化妆品有限公司", "李佰川"])
def test_a_word_or_name_ending_a_message_keeps_its_character(text):
    """R1, R20: a 伍/陆/拾 ending the message, and 佰 in a brand or name, were rewritten as numbers."""
    assert capital_numerals(text) == text


def test_a_name_beside_an_id_number_keeps_its_capital_character():
    assert interpret("id_number", "11010519491231002X 王陆")[0].fields["name"] == "王陆"


def test_a_school_right_after_the_certificates_word_is_the_school():
    """R15: "毕业证书复旦大学" was saved as the school whole."""
    assert interpret("edu_school", "毕业证书复旦大学")[0].value == "复旦大学"


@pytest.mark.parametrize("said, before", [("来上海10年了 2020年开始交的", 0), ("毕业3年了 2022年开始交", 0),
                                          ("在外地交了5年 2021年开始在上海交", 0), ("之前缴了3年 2021年开始又交", 3)])
def test_only_years_said_paid_here_are_an_earlier_stretch(said, before):
    """R8: any "N年" before the start year was added to the social-insurance years offered."""
    assert years_paid_before(said) == before


@pytest.mark.parametrize("said", ["13800138000 这是我老婆的", "我老婆的13800138000", "13912345678（我老公的）",
                                  "13912345678 老婆的"])
def test_a_number_said_to_be_a_family_members_is_not_saved_as_ones_own(chat, said):
    """R3: the spouse's mobile said after (or before) the number was saved as the applicant's; try9 T46: also
    when the owner only follows it, in brackets or after a space."""
    start(chat, "积分新办")
    for answer in BASIC[:5]:
        chat.send(answer)
    reply = chat.send(said)
    assert "mobile" not in chat.state["answers"] and "本人的手机号码" in reply


@pytest.mark.parametrize("said", ["510221196503043214（老婆的）", "510221196503043214，孩子的"])
def test_an_id_number_followed_by_a_family_members_name_is_not_saved_as_ones_own(chat, said):
    """try9 T46: "510221196503043214（老婆的）" was saved as the applicant's ID number."""
    start(chat, "积分新办")
    chat.send(BASIC[0])
    reply = chat.send(said)
    assert "id_number" not in chat.state["answers"] and "本人的身份证号码" in reply


def test_all_but_the_first_by_its_place_in_the_menu(chat):
    """R7: "除了第一个 都要" chose all five."""
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    chat.send("除了第一个 都要")
    assert chat.state["answers"]["bonus_options"] == ["education", "social_insurance", "shortage_major", "graduate"]
