"""After the review: a disagreement with staff's verification of a reported mistake ("核实结果我不认可") is told how to
report it again, never out of scope (try19 V6); a mistake found after the application is done ("现在发现手机号错了
怎么办") is offered a person, never only a new application (try19 V9)."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said", ["我前天确认了 现在发现手机号错了 怎么办", "不好意思这两天忙 我的单位名称好像写错了"])
def test_a_mistake_found_once_done_is_offered_a_person(chat, said):
    application_in(chat, "done")
    reply = chat.send(said)
    assert "信息有误" in reply and "“人工”" in reply
    assert chat.application["status"] == "done"


@pytest.mark.parametrize("said", ["核实结果我不认可", "你们核实得不对吧 社保明明交了八年", "对这个核查结果有异议"])
def test_disagreeing_with_the_verification_is_told_how_to_report_again(chat, said):
    application_in(chat, "approved")
    reply = chat.send(said)
    assert render.DISPUTE_HOW in reply or "已转给工作人员核实" in reply
    assert render.OUT_OF_SCOPE not in reply
