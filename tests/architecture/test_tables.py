"""Dispatch tables cover what they dispatch: a new effect, batch operation or stop state without an
entry fails here, not in an applicant's turn."""
from __future__ import annotations

import inspect
import typing

from bot.applicant.effects import HANDLERS
from bot.background.schedule import TASKS as SCHEDULE
from bot.background.tasks import TASKS
from dialogs import render
from dialogs.events import Effect
from dialogs.flow_machine import FlowModel
from dialogs.flows import application as flow
from storage.base import BATCH_OPERATIONS, Batch


def test_every_effect_the_dialogue_can_ask_for_has_a_handler():
    effects = set(typing.get_args(Effect))
    assert len(effects) >= 9
    assert set(HANDLERS) == effects


def test_every_effect_has_its_words_for_when_it_fails():
    assert set(render.EFFECT_FAILED) == set(typing.get_args(Effect))
    assert all(render.EFFECT_FAILED.values())


def test_every_state_says_its_question_or_has_a_computed_prompt():
    """The engine asks a state's question unless the state has a computed prompt; a state with neither
    (a new stop state) would fail the turn that reaches it."""
    without_question = set(flow.STATES) - set(flow.QUESTIONS)
    assert without_question >= set(flow.STOP_STATES) and flow.STOP_STATES
    assert without_question <= set(render.COMPUTED_PROMPTS) <= set(flow.STATES)


def test_every_row_of_the_flow_joins_states_under_a_condition_the_model_has():
    """transitions builds a machine whose rows name an unknown state or condition without a word; the
    turn that reaches such a row would fail, so the table is checked here."""
    assert {s for s, _d, _c in flow.FLOW} | {d for _s, d, _c in flow.FLOW} <= set(flow.STATES)
    assert all(callable(getattr(FlowModel, c, None)) for _s, _d, c in flow.FLOW if c is not None)
    assert {s for s, _d, _c in flow.FLOW} == set(flow.STATES) - {"materials"}  # every state but the last has a way on


def test_every_batch_operation_has_an_entry_in_the_batch_table():
    queued = {name for name, _ in inspect.getmembers(Batch, inspect.isfunction) if not name.startswith("_")}
    assert len(queued) >= 5
    assert set(BATCH_OPERATIONS) == queued


def test_every_scheduled_task_names_a_job():
    assert SCHEDULE
    assert {job for _every, job in SCHEDULE.values()} <= set(TASKS)
