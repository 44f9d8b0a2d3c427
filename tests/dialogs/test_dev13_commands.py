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
from tests.support.chat import application_in

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


@pytest.mark.parametrize("said", ["第3项哪里不对", "第六项到底哪儿不合格", "第二项 咋个整"])
def test_a_returned_item_asked_what_is_wrong_with_it_is_that_item(kb, said):
    """The engine showed the item's reason for the question too; the reading is what the sets label."""
    assert _read("returned", said, kb) == ("command", "view_item")


# -- 5. questions read as commands, praise read as a command ----------------------------------------------------------
def test_asking_whether_a_confirmation_can_be_changed_confirms_nothing(chat):
    """"确认了还能改不" confirmed the approval: it asks what may be done once confirmed."""
    application_in(chat, "approved")
    chat.send("确认了还能改不")
    assert chat.application["status"] == "approved"


def test_asking_what_may_be_done_once_confirmed_is_a_question(kb):
    """"确认了还能撤回不" was read as the confirmation itself (the engine held it back as asked)."""
    assert _read("approved", "确认过了还能退回来不", kb) == ("question", None)
