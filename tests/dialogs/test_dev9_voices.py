"""Development set 9's misreadings, by kind, through the engine in other words (none of the set's texts)."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import BASIC, answer_all, at_consent, at_question, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("field, said", [("marital_status", "你给我看看手相 婚姻运怎么样"),
                                         ("id_number", "帮我查一下有没有人拿我身份证贷款"),
                                         ("children", "帮我娃报个兴趣班呗")])
def test_a_favour_the_service_does_not_do_is_declined_and_the_question_asked_again(chat, field, said):
    at_question(chat, field)
    reply = chat.send(said)
    assert render.OUT_OF_SCOPE in reply and chat.state["state"] == field
    assert field not in chat.state["answers"]


def test_a_joke_asked_for_at_the_notice_is_declined(chat):
    at_consent(chat)
    assert render.OUT_OF_SCOPE in chat.send("说个笑话逗逗我")
    assert "consent" not in chat.state["answers"]


@pytest.mark.parametrize("field, said", [("children", "小助手你有没有宝宝"), ("children", "我家小子调皮捣蛋的😂"),
                                         ("name", "你先讲讲你叫什么"), ("marital_status", "侬讨老婆了伐")])
def test_the_bot_asked_back_or_a_remark_gets_the_question_again_kindly(chat, field, said):
    at_question(chat, field)
    reply = chat.send(said)
    assert reply.startswith("当前步骤") and chat.state["state"] == field and field not in chat.state["answers"]
    assert render.OUT_OF_SCOPE not in reply


@pytest.mark.parametrize("field, said", [("employer", "公司倒闭了 眼下没活干"), ("marital_status", "哎哟哟")])
def test_out_of_work_or_a_sigh_is_no_answer_and_no_pause(chat, field, said):
    at_question(chat, field)
    reply = chat.send(said)
    assert render.SAVED_FOR_LATER not in reply and not chat.state.get("paused")
    assert chat.state["state"] == field and field not in chat.state["answers"]


def test_the_residence_permit_not_at_hand_is_asked_again_not_parked(chat):
    chat.send("你好")
    chat.send("积分新办")
    reply = chat.send("居住证没在身上")
    assert render.SAVED_FOR_LATER not in reply and chat.state["state"] == "permit_expiry"


@pytest.mark.parametrize("said, years", [("打2020年3月一直交到现在", 6), ("2018年5月缴至今", 8)])
def test_paying_said_from_a_month_to_now_offers_the_full_years(chat, said, years):
    at_question(chat, "social_years", [*BASIC, "社保"])
    assert f"月起算满{years}年" in chat.send(said)
    chat.send("对")
    assert chat.state["answers"]["social_years"] == years


@pytest.mark.parametrize("said, expiry", [("后年3月8号那天", "2028-03-08"), ("明年的10月1号当天到期", "2027-10-01")])
def test_a_date_from_today_with_the_day_pointed_at_is_the_expiry(chat, said, expiry):
    chat.send("你好")
    chat.send("积分新办")
    chat.send(said)
    assert chat.state["answers"].get("permit_expiry") == expiry and chat.state["state"] == "consent"


@pytest.mark.parametrize("said, chosen", [("侬好 阿拉要新办积分额", "new"), ("续办额 办了对阿拉小囡读书有用伐", "renew")])
def test_a_type_chosen_in_shanghainese_or_with_a_question_is_chosen(chat, said, chosen):
    chat.send(said)
    assert chat.state["answers"].get("business_type") == chosen and chat.state["state"] == "permit_expiry"


def test_confirming_with_a_question_whether_it_can_still_be_changed_confirms(chat):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "0"])
    assert chat.state["state"] == "summary"
    chat.send("确认 弄完了还能再改不")
    assert chat.application is not None


def test_an_answer_with_a_cantonese_whether_question_is_saved_and_the_question_answered(chat):
    at_question(chat, "children")
    reply = chat.send("一个 对打分有冇影响啊")
    assert chat.state["answers"]["children"] == 1 and "继续办理" in reply
