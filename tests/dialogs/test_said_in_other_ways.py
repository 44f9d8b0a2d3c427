"""Shapes the third blind set (dev3) found, each through the engine in other words than its own: an
option chosen by a circled number ("③"), a correction of the answer just given said at its own
question ("刚才说错了，是两个不是一个"), what is still to send asked after the checklist ("还差哪几项没传":
each item's status), a person asked for with the reason ("转人工吧 看不懂")."""
from __future__ import annotations

import pytest

from dialogs import render
from dialogs.events import Image
from tests.support.api import RETURN_TWO
from tests.support.chat import BASIC, application_in, at_consent, at_question

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said, business_type", [("③", "employer_change"), ("①", "new")])
def test_an_option_chosen_by_a_circled_number_is_that_option(chat, said, business_type):
    chat.send(said)
    assert chat.state["answers"]["business_type"] == business_type


@pytest.mark.parametrize("point, said, value", [
    ("children", "刚才说错了，是两个不是一个", 2),
    ("marital_status", "不对不对 刚才选错了 是已婚", "married"),
    ("name", "不对，刚才打错了，是胡蓓蓓不是胡贝贝", "胡蓓蓓"),
    ("employer", "sorry 刚刚打错了 应该是上海某某信息技术有限公司", "上海某某信息技术有限公司"),
])
def test_an_answer_given_again_after_taking_back_the_last_is_the_answer(chat, point, said, value):
    at_question(chat, point)
    chat.send(said)
    assert chat.state["answers"][point] == value


def test_taking_back_an_answer_that_names_another_is_a_correction_of_that_one(chat):
    at_question(chat, "marital_status")
    chat.send("手机号刚才打错了 13912345678")
    assert "marital_status" not in chat.state["answers"] and chat.state["state"] == "marital_status"


@pytest.mark.parametrize("said", ["还差哪几项没传", "哪些还没上传"])
def test_asking_what_is_still_to_send_shows_each_items_status(chat, said):
    application_in(chat, "draft")
    reply = chat.send(said)
    assert reply.startswith("当前状态：") and "【未上传】" in reply


def test_a_person_asked_for_with_the_reason_is_called(chat):
    at_question(chat, "bonus_options", [*BASIC, "0"])
    assert render.HANDED_TO_SUPPORT in chat.send("转人工吧 看不懂")


@pytest.mark.parametrize("said", ["不想承诺这个", "我不愿意签这个"])
def test_consent_turned_down_in_words_is_no_consent(chat, said):
    at_consent(chat)
    chat.send(said)
    assert chat.state["state"] == "consent" and chat.state["answers"].get("consent") != "agree"


@pytest.mark.parametrize("said", ["伊老早没了，我一个人", "老公前年没了"])
def test_a_spouse_said_to_have_passed_away_is_widowed(chat, said):
    at_question(chat, "marital_status")
    chat.send(said)
    assert chat.state["answers"]["marital_status"] == "widowed"


def test_a_name_and_a_marital_status_spaced_are_two_answers(chat):
    at_question(chat, "name")
    chat.send("郝建 已婚")
    assert chat.state["answers"]["name"] == "郝建" and chat.state["answers"]["marital_status"] == "married"


def test_changing_a_returned_item_by_its_place_chooses_it(chat):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    chat.send("改第一项")
    assert chat.state.get("material") == "commission_form"


@pytest.mark.parametrize("said", ["等一下 还有一张", "还有一页没拍完"])
def test_more_pages_said_to_come_keeps_the_photos_and_the_item(chat, said):
    application_in(chat, "draft")
    chat.send("1")
    chat.conversations.handle(chat.user, Image("m1"))
    chat.send(said)
    assert chat.state.get("material") == "commission_form" and chat.state.get("photos") == ["m1"]


def test_asking_whether_a_kind_of_address_will_do_is_no_wrong_address(chat):
    at_question(chat, "email")
    reply = chat.send("qq邮箱行不行")
    assert "email" not in chat.state["answers"] and chat.state["state"] == "email" and "格式不正确" not in reply


@pytest.mark.parametrize("said", ["换公司了，通知书上的单位还是老的", "跳槽了 积分上的单位还是原来的"])
def test_still_the_old_one_asks_nothing(chat, said):
    reply = chat.send(said)
    assert chat.state["answers"]["business_type"] == "employer_change" and "继续办理" not in reply
