"""While a support person has the applicant's request, free text is answered with one line saying
so in front; commands answer as always; the conversation's place is not touched."""
from __future__ import annotations

from datetime import date

from dialogs import engine, render
from dialogs.events import Command, Context, Text

TODAY = date(2026, 11, 24)


def turn(state, text, escalation_open):
    return engine.handle(state, Text(text), Context(today=TODAY, escalation_open=escalation_open))


def at_business_type():
    return engine.handle(None, Text("你好"), Context(today=TODAY)).state


def test_free_text_gets_one_line_in_front_while_escalated():
    outcome = turn(at_business_type(), "积分新办", escalation_open=True)
    assert outcome.replies[0] == render.ESCALATION_OPEN_NOTE
    assert outcome.replies.count(render.ESCALATION_OPEN_NOTE) == 1
    assert outcome.state["state"] == "permit_expiry"  # and the answer was taken as usual


def test_commands_answer_as_always_while_escalated():
    state = at_business_type()
    for text in ("进度", "帮助", "暂存"):
        assert render.ESCALATION_OPEN_NOTE not in turn(state, text, escalation_open=True).replies
    menu = engine.handle(state, Command("progress"), Context(today=TODAY, escalation_open=True))
    assert render.ESCALATION_OPEN_NOTE not in menu.replies


def test_without_an_open_escalation_nothing_is_added():
    assert render.ESCALATION_OPEN_NOTE not in turn(at_business_type(), "积分新办", escalation_open=False).replies


def test_the_note_changes_nothing_else():
    state = at_business_type()
    with_note, without = turn(state, "积分新办", True), turn(state, "积分新办", False)
    assert with_note.replies[1:] == without.replies and with_note.state == without.state


def test_asking_for_a_person_again_says_support_already_has_it_and_passes_the_request_on():
    first = turn(at_business_type(), "人工", escalation_open=False)
    assert render.HANDED_TO_SUPPORT in first.replies
    again = turn(first.state, "人工", escalation_open=True)
    assert render.STILL_WITH_SUPPORT in again.replies and render.HANDED_TO_SUPPORT not in again.replies
    assert [type(effect).__name__ for effect in again.effects] == ["Escalate"]  # added to the open request
