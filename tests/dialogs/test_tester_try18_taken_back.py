"""try18 U23: a request the applicant took back (an erase withdrawn) left its escalation open, and while it was open
every message about a returned item was told "工作人员会看到" — a person handling it — though support would only close a
withdrawn request: a contest made then headed nothing. Through the engine on a real store."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions


@pytest.fixture
def returned_after_an_erase_taken_back(chat):
    app_id = application_in(chat, "draft")
    chat.send("算了我不办了 把我的信息都删掉")
    chat.send("不删了 我还是要办")
    first, *rest = chat.application["checklist"]
    materials = {first: {"status": "returned", "reason": "已过有效期"}, **{c: {"status": "approved"} for c in rest}}
    chat.conversations.store.update("application", app_id, lambda a: {**a, "status": "returned", "materials": materials})
    return chat


def _open(chat) -> dict:
    (escalation,) = chat.conversations.store.find("escalation", user_id=chat.user, status="open")
    return escalation


def test_a_question_on_a_return_is_not_said_seen_by_a_person_after_a_request_taken_back(returned_after_an_erase_taken_back):
    chat = returned_after_an_erase_taken_back
    reply = chat.send("第1项为什么退回 我上个月刚弄的")
    assert render.RETURN_WITH_PERSON not in reply and "已过有效期" in reply


def test_a_contest_after_a_request_taken_back_heads_the_escalation(returned_after_an_erase_taken_back):
    chat = returned_after_an_erase_taken_back
    reply = chat.send("第1项我不同意这个退回 明明在有效期内")
    escalation = _open(chat)
    assert escalation["reason"] == "return_contested" and "有效期内" in escalation["note"]
    assert [r["reason"] for r in escalation["requests"]][-1] == "return_contested"
    assert render.RETURN_CONTEST_TAKEN in reply
