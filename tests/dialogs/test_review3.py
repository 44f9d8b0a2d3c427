"""What the review of this session's change found (review3, 2026-12-03), each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, at_question


@pytest.mark.parametrize("said, children", [("两个，其实3个月前刚生了老二", 2), ("1个 具体3个月大", 1)])
def test_a_months_count_after_a_settling_word_is_no_count_of_children(chat, said, children):
    at_question(chat, "children")
    chat.send(said)
    assert chat.state["answers"]["children"] == children


def test_years_ago_after_a_settling_word_are_no_count_of_years(chat):
    at_question(chat, "social_years", BASIC + ["社保"])
    assert chat.state["state"] == "social_years"
    chat.send("社保6年，其实10年前就来上海了")
    assert chat.state["answers"].get("social_years") != 10


@pytest.mark.parametrize("said", ["我老公的身份证号是310101199001011234 之前没填错吧", "我老婆手机换号了，13912345678"])
def test_a_number_said_of_another_person_never_replaces_the_applicants_at_the_summary(chat, said):
    at_question(chat, "summary", BASIC + ["0"])
    chat.send(said)
    assert chat.state["answers"]["mobile"] == BASIC[5] and chat.state["answers"]["id_number"] == BASIC[1]


def test_a_spouses_mobile_beside_a_command_at_the_checklist_is_not_saved_as_the_applicants(chat):
    at_question(chat, "summary", BASIC + ["0"])
    chat.send("确认")
    chat.send("我老婆手机号是13912345678 先看看第3项")
    assert chat.state["answers"]["mobile"] == BASIC[5]


def test_the_applicants_own_mobile_said_wrong_beside_a_command_is_corrected(chat):
    at_question(chat, "summary", BASIC + ["0"])
    chat.send("确认")
    reply = chat.send("手机号错了是13912345678 先看看第3项")
    assert chat.state["answers"]["mobile"] == "13912345678" and "13912345678" in reply


@pytest.mark.parametrize("said", ["写谁的 经办人", "填哪个 公司的"])
def test_a_role_or_an_owner_after_a_question_at_the_name_is_no_name(chat, said):
    at_question(chat, "name")
    chat.send(said)
    assert "name" not in chat.state["answers"] and chat.state["state"] == "name"


def test_minutes_are_no_question(chat):
    at_question(chat, "employer")
    reply = chat.send("上海某某科技有限公司，等我几分钟")
    assert chat.state["answers"]["employer"] == "上海某某科技有限公司" and "没有找到说明" not in reply


@pytest.mark.parametrize("said", ["邮箱没有，我去注册一个", "我还没有邮箱 这就去申请"])
def test_no_email_yet_going_to_get_one_saves_no_none(chat, said):
    at_question(chat, "email")
    chat.send(said)
    assert "email" not in chat.state["answers"] and chat.state["state"] == "email"


def test_a_spouses_new_mobile_asked_to_be_changed_is_kept_apart_and_said_as_the_number_alone(chat):
    at_question(chat, "summary", BASIC + ["0"])
    chat.send("确认")
    reply = chat.send("我老婆的手机换了 13912345678 帮我改下")
    assert chat.state["answers"]["mobile"] == BASIC[5] and "这次发来的是 13912345678，" in reply


@pytest.mark.parametrize("said", ["我搞错了，应该办单位变更不是续办", "我要办的是单位变更"])
def test_the_business_type_said_as_what_is_done_at_the_summary_changes_the_type_not_the_employer(chat, said):
    at_question(chat, "summary", BASIC + ["0"])
    chat.send(said)
    answers = chat.state["answers"]
    # the employer is not read from the words of the type; it is asked again, as the new one (try10 T26)
    assert answers["business_type"] == "employer_change" and "employer" not in answers


def test_a_question_about_a_family_members_number_with_none_given_keeps_nothing_apart(chat):
    at_question(chat, "summary", BASIC + ["0"])
    reply = chat.send("我爸的手机号写错了吗")
    assert chat.state["answers"]["mobile"] == BASIC[5] and "这次发来的是" not in reply
