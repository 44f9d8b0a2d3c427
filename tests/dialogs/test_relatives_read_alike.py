"""The words for a spouse, a child, a parent or another person are one list (dialogs/words.py):
every site that reads them reads each word alike. Through the engine, one site a test."""
from __future__ import annotations

import pytest

from dialogs import render
from dialogs import words
from tests.support.chat import BASIC, at_question, play

AT_CONSENT = ["你好", "积分新办", "2027-10-01", "同意"]
AT_NAME = ["新办", "2027-08-25", "同意", "刘强"]
AT_MARITAL = [*AT_CONSENT, "刘强", "500101198503034517", "上海浦东发展银行股份有限公司", "1"]
AT_SPOUSE = [*AT_MARITAL, "已婚", "13912345678", "无"]
AT_CHECKLIST = [*AT_SPOUSE, "0", "0", "确认"]

# One word of each other part is enough where the spouse's words are all tried.
SOMEONE_ELSE = ("女儿", "小孩", "妈", "父母", "家属", "同事")


def test_the_parts_hold_their_words():
    assert "老婆" in words.SPOUSE and "对象" in words.SPOUSE and "闺女" in words.CHILDREN and "同事" in words.OTHER_PEOPLE


@pytest.mark.parametrize("who", words.SPOUSE + SOMEONE_ELSE)
def test_a_mobile_said_changed_of_anyone_else_never_replaces_the_applicants_at_the_summary(chat, who):
    """_OF_ANOTHER took 对象 and 孩子 but not 先生, 太太, 小孩 or 家属: "我先生的手机换号了 139…" replaced
    the applicant's own mobile."""
    at_question(chat, "summary", BASIC + ["0"])
    chat.send(f"我{who}的手机换号了，13912345678")
    assert chat.state["answers"]["mobile"] == BASIC[5]


def test_the_applicants_own_mobile_said_changed_still_replaces_it(chat):
    at_question(chat, "summary", BASIC + ["0"])
    chat.send("我手机换号了，13912345678")
    assert chat.state["answers"]["mobile"] == "13912345678"


@pytest.mark.parametrize("who", words.SPOUSE + SOMEONE_ELSE)
def test_of_two_id_numbers_the_one_said_to_be_ones_own_is_taken_whoever_the_other_is(who):
    """interpret's _ANOTHERS lacked 对象, 父母, 同事: "我对象的是A 我的是B" was asked about."""
    outcome = play(None, *AT_NAME, f"我{who}的是310110199001011230 我的是310110198805121238")
    assert outcome.state["answers"]["id_number"] == "310110198805121238"


@pytest.mark.parametrize("who", words.SPOUSE)
def test_the_spouses_papers_asked_about_by_any_spouse_word_are_not_needed_without_a_spouse_option(kb, who):
    """_SPOUSE_PAPERS lacked 对象."""
    outcome = play(kb, *AT_CHECKLIST, f"我{who}的身份证要传吗")
    assert outcome.replies[0] == render.spouse_papers_not_listed("无")


@pytest.mark.parametrize("who", words.SPOUSE_PLAIN + words.SPOUSE_ADDRESSED)
def test_the_spouses_id_card_asked_about_with_the_companion_chosen_is_its_item_by_any_spouse_word(kb, who):
    """Every word the checklist's everyday words put as 配偶 (对象 is left out there: also "object")."""
    outcome = play(kb, *AT_SPOUSE, "1", "0", "确认", f"我{who}的身份证要传吗")
    assert outcome.replies[0].startswith("配偶身份证(正反面)")


@pytest.mark.parametrize("who", words.SPOUSE)
def test_a_spouse_said_to_have_a_shanghai_hukou_by_any_spouse_word_is_ticked(kb, who):
    assert play(kb, *AT_SPOUSE, f"{who}是上海户口").state["answers"]["spouse_options"] == ["spouse_hukou"]


@pytest.mark.parametrize("who", words.SPOUSE_PLAIN)
def test_a_spouse_told_of_at_the_marital_status_says_married_by_any_plain_spouse_word(kb, who):
    """The married reading and entities' _SPOUSE_TOLD lacked 配偶."""
    assert play(kb, *AT_MARITAL, f"我{who}是越南人").state["answers"]["marital_status"] == "married"


@pytest.mark.parametrize("who", ("先生", "对象"))
def test_a_greeting_or_a_partner_at_the_marital_status_is_no_marriage(kb, who):
    """先生 also greets ("先生在吗") and 对象 may be a partner not married: neither opens a marriage."""
    assert "marital_status" not in play(kb, *AT_MARITAL, f"{who}在吗").state["answers"]
