"""Development set 13's commands said as questions and questions that read like commands, each through the engine in
other words (none of the set's texts), or through the understanding step where the engine already did the same for the
misreading (a step back or an edit of the step before both ask it again): a returned item asked what is wrong with it,
the checklist asked for again, a withdrawal or a fresh start asked for, a step back said as 退一步/倒回去, a pause with
its reason, a person asked for; a confirmation asked about, how many returns, and praise in Yunnan's 板扎."""
from __future__ import annotations

import pytest

from dialogs import render
from dialogs.understanding import interpret
from dialogs.understanding.classifier import trained
from tests.support.api import RETURN_TWO
from tests.support.chat import BASIC, application_in, play

OPENING = ["你好", "积分新办", "2027-08-25", "同意"]
AT_BONUS = [*OPENING, *BASIC]
CHECKLIST = ["咨询服务委托单", "承诺书", "身份证", "户口本", "居住证", "劳动(聘用)合同", "社保缴费记录"]


def _read(point: str, said: str, kb) -> tuple[str, str | None]:
    best = interpret(point, said, kb=kb, classifier=trained(), checklist=CHECKLIST)[0]
    return best.kind, best.command


# -- 4. commands said as questions --------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["能不能帮我撤回来？", "能帮我把申请撤了不"])
def test_a_withdrawal_asked_for_as_a_question_is_the_withdrawal(chat, said):
    """"能不能帮我撤回" was taken as refusing it (不能 before the verb): "好的，不撤回"."""
    application_in(chat, "submitted")
    assert chat.send(said) == render.WITHDRAW_BY_SUPPORT


def test_a_fresh_start_asked_for_at_the_summary_starts_afresh(kb):
    """"能不能从头再来一遍？" was read as a pause."""
    asked = play(kb, *AT_BONUS, "0", "重新填写").replies
    assert play(kb, *AT_BONUS, "0", "能不能从头再来一遍？").replies == asked


def test_the_checklist_asked_for_again_after_a_return_is_the_checklist(chat):
    """"单子再给我看看" was read as the progress."""
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    listed = chat.send("清单")
    assert chat.send("单子再给我看看") == listed


def test_a_person_asked_for_to_explain_the_commitment_is_a_person(kb):
    asked = play(kb, "你好", "积分新办", "2027-08-25", "人工").replies
    assert play(kb, "你好", "积分新办", "2027-08-25", "看不懂 叫个人来给我说").replies == asked


@pytest.mark.parametrize("said", ["第3项哪里不对", "第六项到底哪儿不合格", "第二项 咋个整"])
def test_a_returned_item_asked_what_is_wrong_with_it_is_that_item(kb, said):
    """The engine showed the item's reason for the question too; the reading is what the sets label."""
    assert _read("returned", said, kb) == ("command", "view_item")


@pytest.mark.parametrize("point, said", [("bonus_options", "手机号那步打错个数 退一步"), ("name", "姓名那里写错个字 倒回去")])
def test_a_step_back_said_with_the_step_it_is_for_is_back(kb, point, said):
    assert _read(point, said, kb) == ("command", "back")


def test_a_pause_to_look_it_up_in_an_app_is_a_pause(kb):
    assert _read("social_years", "忘了 我上app看一下", kb) == ("command", "pause")


# -- 5. questions read as commands, praise read as a command ----------------------------------------------------------
def test_asking_whether_a_confirmation_can_be_changed_confirms_nothing(chat):
    """"确认了还能改不" confirmed the approval: it asks what may be done once confirmed."""
    application_in(chat, "approved")
    chat.send("确认了还能改不")
    assert chat.application["status"] == "approved"


def test_how_many_returns_are_allowed_is_a_question(kb):
    assert _read("returned", "退了几回就不让办了", kb) == ("question", None)


def test_praise_in_yunnans_words_is_small_talk(kb):
    assert _read("materials", "板扎 这单子清楚", kb) == ("smalltalk", None)


def test_asking_what_may_be_done_once_confirmed_is_a_question(kb):
    """"确认了还能撤回不" was read as the confirmation itself (the engine held it back as asked)."""
    assert _read("approved", "确认过了还能退回来不", kb) == ("question", None)
