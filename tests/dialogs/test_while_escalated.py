"""While a support person has the applicant's request, the conversation goes on as usual: the
hand-off was announced once when it was made, and later messages carry no banner (issue 15:
"the hand-off banner never ends"); asking for a person again says support already has it."""
from __future__ import annotations

from datetime import date

from dialogs import engine, render
from dialogs.events import Command, Context, Text

TODAY = date(2026, 11, 24)
BANNER = "人工客服正在处理"  # the line every message once started with


def banner_in(replies: list[str]) -> bool:
    return any(BANNER in r for r in replies)


def turn(state, text, escalation_open):
    return engine.handle(state, Text(text), Context(today=TODAY, escalation_open=escalation_open))


def at_business_type():
    return engine.handle(None, Text("你好"), Context(today=TODAY)).state


def test_free_text_while_escalated_is_answered_as_usual_without_a_banner():
    outcome = turn(at_business_type(), "积分新办", escalation_open=True)
    assert not banner_in(outcome.replies)
    assert outcome.state["state"] == "permit_expiry"  # the answer was taken as usual


def test_commands_answer_as_always_while_escalated():
    state = at_business_type()
    for text in ("进度", "帮助", "暂存"):
        assert not banner_in(turn(state, text, escalation_open=True).replies)
    menu = engine.handle(state, Command("progress"), Context(today=TODAY, escalation_open=True))
    assert not banner_in(menu.replies)


def test_an_open_escalation_changes_nothing_else():
    state = at_business_type()
    with_support, without = turn(state, "积分新办", True), turn(state, "积分新办", False)
    assert with_support.replies == without.replies and with_support.state == without.state


def test_asking_for_a_person_again_says_support_already_has_it_and_passes_the_request_on():
    first = turn(at_business_type(), "人工", escalation_open=False)
    assert render.HANDED_TO_SUPPORT in first.replies
    again = turn(first.state, "人工", escalation_open=True)
    assert render.STILL_WITH_SUPPORT in again.replies and render.HANDED_TO_SUPPORT not in again.replies
    assert [type(effect).__name__ for effect in again.effects] == ["Escalate"]  # added to the open request


def test_three_failures_while_support_has_the_applicant_do_not_call_support_again():
    state = turn(at_business_type(), "积分新办", escalation_open=True).state
    effects = []
    for _ in range(4):
        outcome = turn(state, "明年吧", escalation_open=True)
        state, effects = outcome.state, effects + outcome.effects
        assert render.STUCK_ESCALATED not in outcome.replies
    assert effects == [] and state["failures"] == 4


def test_asking_whether_anyone_is_there_while_escalated_is_about_the_person():
    """try8 T23: "有人吗？？" while a person was asked for got the form's question again."""
    outcome = turn(at_business_type(), "有人吗？？", escalation_open=True)
    assert render.STILL_WITH_SUPPORT in outcome.replies
    assert [e.reason for e in outcome.effects] == ["requested"]


def test_a_greeting_with_no_one_asked_for_is_a_greeting():
    outcome = turn(at_business_type(), "在吗？", escalation_open=False)
    assert render.STILL_WITH_SUPPORT not in outcome.replies and not outcome.effects


def test_erasing_asked_for_beside_a_question_is_asked_of_support():
    """try8 T22: "你们会把我信息卖掉吗，我要删除我的信息" was a question nothing answered; a request to erase one's
    data, in a clause of its own, never depends on the message asking nothing else."""
    outcome = turn(at_business_type(), "你们会把我信息卖掉吗，我要删除我的信息", escalation_open=False)
    assert render.ERASE_REQUESTED in outcome.replies
    assert [e.reason for e in outcome.effects] == ["erase"]
