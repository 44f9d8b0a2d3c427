"""Once approved, wishes that are no dispute of the verification (giving up, where it stands, an okay in other
words) get their own replies; a dispute is still one. The model had read nearly everything at this point as a
dispute and asked what was wrong with the details."""
from __future__ import annotations

import pytest

from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions

ASKS_WHAT_IS_WRONG = "请在“申办信息有误”后面写明哪里有误"


@pytest.mark.parametrize("said", ["不想办了", "算了 这回不弄了 撤了吧"])
def test_giving_up_once_approved_is_told_how_to_withdraw(chat, said):
    application_in(chat, "approved")
    reply = chat.send(said)
    assert "不能自行撤回" in reply and ASKS_WHAT_IS_WRONG not in reply
    assert chat.application["status"] == "approved"


def test_where_it_stands_asked_once_approved_is_the_progress(chat):
    application_in(chat, "approved")
    reply = chat.send("我这单眼下啥情况")
    assert "当前状态：预审通过" in reply and ASKS_WHAT_IS_WRONG not in reply


def test_an_okay_in_other_words_once_approved_confirms(chat):
    application_in(chat, "approved")
    assert "已确认申办信息" in chat.send("内容都对 没问题 确定吧")
    assert chat.application["status"] == "done"


def test_a_dispute_once_approved_is_still_one(chat):
    application_in(chat, "approved")
    assert "已转给工作人员核实更正" in chat.send("核实结果我不服 社保年限少算了")
    assert chat.application["status"] == "disputed"
