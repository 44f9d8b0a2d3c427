"""At the made checklist only a fact told as done changes an answer the checklist is made from; a plan,
something under way or an aside changes nothing, and a command said beside a change runs (review1 H2)."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import BASIC, answer_all, at_married_checklist, at_married_summary, at_question, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said", ["快离婚了 材料先传着", "我们在办离婚", "想离婚", "准备明年离婚", "打算离婚",
                                  "有两个孩子的出生证明"])
def test_a_plan_or_an_aside_at_the_checklist_changes_no_answer(chat, said):
    at_married_checklist(chat)
    before = dict(chat.state["answers"])
    reply = chat.send(said)
    assert chat.state["answers"] == before and chat.state["state"] == "materials"
    assert render.CHECKLIST_REBUILT not in reply


def test_a_wedding_to_come_leaves_an_unmarried_applicant_unmarried(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])  # 未婚
    chat.send("下个月要结婚了")
    assert chat.state["answers"]["marital_status"] == "unmarried" and chat.state["state"] == "materials"


@pytest.mark.parametrize("said, command", [("转人工 我刚离婚了", "转人工"),
                                           ("我离婚了，帮我把我的信息都删了", "帮我把我的信息都删了")])
def test_a_command_said_beside_a_change_runs_and_is_never_swallowed(chat, said, command):
    at_married_checklist(chat)
    reply = chat.send(said)
    other = type(chat)(chat.conversations, user="applicant-2")  # the command alone, the same steps
    at_married_checklist(other)
    assert reply == other.send(command) and chat.state["state"] == other.state["state"] == "materials"
    assert chat.state["answers"]["marital_status"] == "married"  # the change is left for later


def test_a_change_at_the_checklist_says_what_changes_and_that_the_checklist_waits_for_the_confirmation(chat):
    at_married_checklist(chat)
    reply = chat.send("等下 我其实离婚了")
    assert "婚姻状况：离异" in reply and "确认前材料清单不变" in reply
    assert chat.state["state"] == "summary"


@pytest.mark.parametrize("said", ["快离婚了 先不管", "我们在办离婚", "准备明年离婚"])
def test_a_plan_at_the_summary_changes_no_answer(chat, said):
    at_married_summary(chat)
    chat.send(said)
    assert chat.state["answers"]["marital_status"] == "married" and chat.state["state"] == "summary"


def test_a_command_beside_a_change_at_the_summary_runs(chat):
    at_married_summary(chat)
    reply = chat.send("转人工 我刚离婚了")
    assert render.HANDED_TO_SUPPORT in reply and chat.state["answers"]["marital_status"] == "married"


@pytest.mark.parametrize("said, field, value", [("我已经离婚了", "marital_status", "divorced"),
                                                ("其实孩子有两个", "children", 2)])
def test_a_fact_told_as_done_at_the_summary_still_changes_the_answer(chat, said, field, value):
    at_married_summary(chat)
    chat.send(said)
    assert chat.state["answers"][field] == value


def test_a_status_told_as_done_with_the_children_beside_it_saves_both(chat):
    at_question(chat, "marital_status")  # the model reads several answers: the status is read as for one
    chat.send("结了 有两个孩子")
    assert chat.state["answers"]["marital_status"] == "married" and chat.state["answers"]["children"] == 2
