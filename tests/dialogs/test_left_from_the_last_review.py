"""Misreadings left open by the last review (brief fix13, 2026-12-04), each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, at_question

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


# -- R5: a bonus option denied in a guess ("…没有吧？") is never chosen -------------------------------
@pytest.mark.parametrize("said, chosen", [("学历加分我应该没有吧？社保有的", ["social_insurance"]),
                                          ("学历我没有吧？社保有的", ["social_insurance"]),
                                          ("职称应该没有的吧 社保有", ["social_insurance"]),
                                          ("学历加分我应该没有吧？职称有", ["title"])])
def test_a_bonus_option_denied_in_a_guess_is_not_chosen(chat, said, chosen):
    at_question(chat, "bonus_options")
    reply = chat.send(said)
    assert chat.state["answers"]["bonus_options"] == chosen
    assert "学历加分" not in reply.split("加分选项：")[1].split("\n")[0]


# -- R8: "这样写对吗" right after an answer asks about that answer ----------------------------------
@pytest.mark.parametrize("short", ["上海华为", "华为技术"])
@pytest.mark.parametrize("check", ["这样写对吗", "这么写行吗", "这样写可以吗？"])
def test_a_short_employer_asked_about_is_asked_for_in_full(chat, short, check):
    at_question(chat, "employer")
    chat.send(short)
    assert chat.state["state"] == "children"
    reply = chat.send(check)
    assert f"“{short}”像是简称" in reply and "劳动（聘用）合同上的单位全称" in reply and "是的" not in reply
    assert chat.state["state"] == "employer"
    chat.send("上海华为技术有限公司")
    assert chat.state["answers"]["employer"] == "上海华为技术有限公司" and chat.state["state"] == "children"


def test_a_full_employer_asked_about_is_said_right_and_the_next_question_comes_again(chat):
    at_question(chat, "employer")
    chat.send("上海某某科技有限公司")
    reply = chat.send("这么写行吗")
    assert "是的，这样写就可以。所在单位：上海某某科技有限公司" in reply and "同住子女" in reply
    assert chat.state["state"] == "children"


def test_the_check_a_message_later_is_not_about_the_employer(chat):
    at_question(chat, "employer")
    chat.send("上海华为")
    chat.send("0")
    assert "简称" not in chat.send("这样写对吗")


# -- R10: at the summary, one option taken off and another put on in one message ------------------------
TO_SUMMARY_WITH_TWO = [*BASIC, "职称 学历", "是", "否", "本科", "复旦大学"]


@pytest.mark.parametrize("said, chosen", [
    ("加分选项去掉学历 加上社保", ["title", "social_insurance"]),
    ("学历不要了 换成社保", ["title", "social_insurance"]),
    ("去掉学历加社保", ["title", "social_insurance"]),
    ("学历去掉社保加上", ["title", "social_insurance"]),
    ("把学历换成应届生", ["title", "graduate"]),
    ("学历不要了 换成职称", ["title"]),
    ("学历和职称都去掉", []),
])
def test_options_taken_off_and_put_on_in_one_message_at_the_summary(chat, said, chosen):
    at_question(chat, "summary", TO_SUMMARY_WITH_TWO)
    assert chat.state["answers"]["bonus_options"] == ["title", "education"]
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == chosen


# -- R11: a transliterated name and the ID number in one message ----------------------------------------
XINJIANG_ID = "650102198803150017"  # a valid check character


@pytest.mark.parametrize("said", [f"阿卜杜热合曼·买买提 {XINJIANG_ID}", f"阿卜杜热合曼·买买提{XINJIANG_ID}",
                                  f"阿卜杜热合曼 买买提 {XINJIANG_ID}", f"{XINJIANG_ID} 阿卜杜热合曼·买买提",
                                  f"我叫阿卜杜热合曼 买买提，身份证{XINJIANG_ID}"])
def test_a_transliterated_name_beside_the_id_number_keeps_both(chat, said):
    at_question(chat, "name")
    chat.send(said)
    assert chat.state["answers"]["name"] == "阿卜杜热合曼·买买提"
    assert chat.state["answers"]["id_number"] == XINJIANG_ID and chat.state["state"] == "employer"


def test_a_transliterated_name_beside_a_mistyped_id_number_is_kept_and_the_mistake_said(chat):
    at_question(chat, "name")
    reply = chat.send("阿卜杜热合曼·买买提 650102198803150019")
    assert chat.state["answers"]["name"] == "阿卜杜热合曼·买买提" and "id_number" not in chat.state["answers"]
    assert "校验位不正确" in reply and chat.state["state"] == "id_number"


# -- R12: the ID card's expiry said where the permit's is asked ----------------------------------------
@pytest.mark.parametrize("said", ["身份证有效期到2035年", "身份证有效期到2035年5月1日", "身份证到2035-05-01",
                                  "我身份证是2035年到期的"])
def test_the_id_cards_expiry_is_not_taken_for_the_permits(chat, said):
    chat.send("你好")
    chat.send("积分新办")
    assert chat.state["state"] == "permit_expiry"
    reply = chat.send(said)
    assert "permit_expiry" not in chat.state["answers"] and chat.state["state"] == "permit_expiry"
    assert "这是身份证的日期吧？这一步要填的是上海市居住证的有效期截止日期" in reply


def test_the_permits_expiry_beside_the_id_cards_is_taken(chat):
    chat.send("你好")
    chat.send("积分新办")
    chat.send("居住证2027年8月25日到期 身份证2035年")
    assert chat.state["answers"]["permit_expiry"] == "2027-08-25"


# -- No e-mail at hand, with a wait for it: no answer yet, not "none" ----------------------------------
@pytest.mark.parametrize("said", ["邮箱没有 等下发你", "邮箱没有，等下发你", "邮箱现在没有 一会儿给你"])
def test_no_email_at_hand_with_a_wait_for_it_is_not_saved_as_none(chat, said):
    at_question(chat, "email")
    reply = chat.send(said)
    assert "email" not in chat.state["answers"] and chat.state["state"] == "email"
    assert "暂停" in reply


@pytest.mark.parametrize("said", ["邮箱没有", "没邮箱 不会弄这个"])
def test_no_email_said_alone_or_with_its_reason_is_still_none(chat, said):
    at_question(chat, "email")
    chat.send(said)
    assert chat.state["answers"]["email"] == ""


# -- 还 as "give back" in a question about the originals ---------------------------------------------
@pytest.mark.parametrize("asked", ["学位证原件要交吗 交了啥时候还", "原件交了还回来吗", "交的原件还不还"])
def test_when_the_originals_are_given_back_is_answered(chat, asked):
    at_question(chat, "name")
    reply = chat.send(asked)
    assert "到原受理点领回" in reply and chat.state["state"] == "name"


def test_the_check_after_agreeing_says_nothing_of_the_agreement(chat):
    chat.send("你好")
    chat.send("积分新办")
    chat.send("2027-08-25")
    chat.send("同意")
    reply = chat.send("这样写对吗")
    assert "是的，这样写就可以" not in reply and chat.state["state"] == "name"
