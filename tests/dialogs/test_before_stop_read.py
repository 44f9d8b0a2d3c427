"""What the read of the whole change before stopping found (each tried through the engine): a bonus offered at
the summary turned down with 确认, a mistyped e-mail's domain denied, a question about how to write the name
followed by 不是, a full employer's name with Latin words checked, and 17 digits not finished by any digit later."""
from __future__ import annotations

import pytest

from tests.support.chat import VALID_ID, answer_all, at_question

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said", ["不加 确认", "不要了", "确认无误"])
def test_a_bonus_offered_at_the_summary_and_turned_down_is_not_added(chat, said):
    at_question(chat, "email")
    answer_all(chat, ["zhangsan@example.com", "0"])
    assert chat.state["state"] == "summary"
    assert "要加上社保加分吗" in chat.send("社保")
    chat.send(said)
    assert "social_insurance" not in (chat.state["answers"].get("bonus_options") or [])


@pytest.mark.parametrize("said", ["不是qq.com", "是不是qq.com我也不确定"])
def test_the_offered_domain_denied_or_doubted_is_not_saved(chat, said):
    at_question(chat, "email")
    assert "zw@qq.com" in chat.send("zw@qq.con")
    chat.send(said)
    assert "email" not in chat.state["answers"]


def test_a_question_how_to_write_the_name_followed_by_no_saves_no_name(chat):
    at_question(chat, "name")
    chat.send("名字要写拼音吗？不是 中国人")
    assert "name" not in chat.state["answers"]


def test_a_full_employer_name_with_latin_words_is_said_fine_when_checked(chat):
    at_question(chat, "employer")
    chat.send("上海 IBM 科技有限公司")
    reply = chat.send("这样写对吗")
    assert "简称" not in reply and chat.state["answers"]["employer"] == "上海 IBM 科技有限公司"


def test_seventeen_digits_are_not_finished_by_a_digit_in_another_answer(chat):
    at_question(chat, "id_number")
    chat.send(VALID_ID[:17])
    chat.send("我有1个孩子")
    assert "id_number" not in chat.state["answers"]


def test_seventeen_digits_are_finished_by_the_last_character_alone(chat):
    at_question(chat, "id_number")
    chat.send(VALID_ID[:17])
    chat.send("x")
    assert chat.state["answers"]["id_number"] == VALID_ID


def test_an_email_with_a_slip_beside_another_answer_is_set_aside_and_asked_again(chat):
    at_question(chat, "mobile")
    reply = chat.send("13812345678 邮箱zw@qq.con")
    assert chat.state["answers"]["mobile"] == "13812345678" and "email" not in chat.state["answers"]
    assert "zw@qq.com" in reply and chat.state["state"] == "email"
