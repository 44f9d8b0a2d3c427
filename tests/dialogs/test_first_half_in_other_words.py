"""What the blind set dev5 found in the first half of the conversation (branch nlu8), tried in other words:
a name with a story around it, corrected, or beside the spouse; a business type wanted, typed by voice or
with the permit's end said from today; a question in dialect after an answer; a refusal after a clause of
its own; no e-mail with its reason; a date said by its holiday."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import at_consent, at_question


@pytest.mark.parametrize("said, name", [
    ("你就叫我王建国就好", "王建国"),  # a name given as what to call them
    ("姓名是何静 跟身份证上一样", "何静"),  # a remark about the ID card after it (the knowledge base matches it)
    ("有完没完 名字：李志刚", "李志刚"),  # a complaint before it; 刚 ends many a name
    ("王芳 哦不对 写错了 是王方", "王方"),  # typed, taken back twice over, typed again
    ("为啥要填名字 周小川", "周小川"),  # asked first, then given
])
def test_a_name_with_words_around_it_is_saved(chat, said, name):
    at_question(chat, "name")
    chat.send(said)
    assert chat.state["answers"]["name"] == name and chat.state["state"] == "id_number"


def test_a_nickname_to_call_them_by_is_asked_again(chat):
    at_question(chat, "name")
    chat.send("叫我王哥就行")
    assert "name" not in chat.state["answers"] and chat.state["state"] == "name"


def test_a_name_beside_the_spouse_saves_the_marital_status_too(chat):
    at_question(chat, "name")
    chat.send("王丽，我老公在德国工作")
    assert chat.state["answers"]["name"] == "王丽" and chat.state["answers"]["marital_status"] == "married"


@pytest.mark.answers_questions
def test_a_question_about_the_name_and_a_passport_is_no_other_service(chat):
    at_question(chat, "name")
    assert render.OUT_OF_SCOPE not in chat.send("名字按护照上的写行吗")


@pytest.mark.parametrize("said, business_type", [
    ("办新的", "new"),  # the start word after a finished application names the type where it is asked
    ("积分心办", "new"),  # voice input's slip for 新办
])
def test_a_business_type_in_other_words_is_chosen(chat, said, business_type):
    chat.send("你好")
    chat.send(said)
    assert chat.state["answers"]["business_type"] == business_type and chat.state["state"] == "permit_expiry"


@pytest.mark.parametrize("said, business_type", [("绪办", "renew"), ("新版积分", "new")])
def test_a_business_type_misheard_by_voice_as_the_first_message_is_chosen(chat, said, business_type):
    chat.send(said)
    assert chat.state["answers"]["business_type"] == business_type and chat.state["state"] == "permit_expiry"


def test_a_first_message_with_the_type_and_the_permit_end_said_from_today_saves_both(chat):
    chat.send("续办，居住证到明年6月1号")
    assert chat.state["answers"]["business_type"] == "renew" and chat.state["answers"]["permit_expiry"] == "2027-06-01"


@pytest.mark.answers_questions
def test_a_type_wanted_in_a_long_clause_before_a_question_is_chosen(chat):
    chat.send("俺想搞个积分续办 要多久")
    assert chat.state["answers"]["business_type"] == "renew"


@pytest.mark.parametrize("said, count", [
    ("一个伢 么子材料要交", 1),  # Hunan 么子: what
    ("两个 户口在老家有影响没", 2),  # "有…没": whether it matters
])
def test_a_count_before_a_question_in_dialect_is_saved_and_asked(chat, said, count):
    at_question(chat, "children")
    chat.send(said)
    assert chat.state["answers"]["children"] == count


def test_a_refusal_after_a_clause_of_its_own_is_no_consent(chat):
    at_consent(chat)
    reply = chat.send("太麻烦了，我拒绝")
    assert chat.state["state"] == "consent" and "同意" in reply


def test_no_email_with_its_reason_is_no_email(chat):
    at_question(chat, "email")
    chat.send("没邮箱 不会弄这个")
    assert chat.state["answers"]["email"] == ""


def test_a_permit_end_said_by_its_holiday_is_the_date(chat):
    chat.send("你好")
    chat.send("积分新办")
    chat.send("明年国庆到期")
    assert chat.state["answers"]["permit_expiry"] == "2027-10-01"

