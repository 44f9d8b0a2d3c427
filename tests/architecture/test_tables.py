"""Dispatch tables cover what they dispatch: a new effect or batch operation without an entry
fails here, not in an applicant's turn."""
from __future__ import annotations

import inspect
import typing

from bot.applicant.effects import HANDLERS
from bot.background.schedule import TASKS as SCHEDULE
from bot.background.tasks import TASKS
from dialogs.events import Effect
from storage.base import BATCH_OPERATIONS, Batch


def test_every_effect_the_dialogue_can_ask_for_has_a_handler():
    effects = set(typing.get_args(Effect))
    assert len(effects) >= 9
    assert set(HANDLERS) == effects


def test_every_batch_operation_has_an_entry_in_the_batch_table():
    queued = {name for name, _ in inspect.getmembers(Batch, inspect.isfunction) if not name.startswith("_")}
    assert len(queued) >= 5
    assert set(BATCH_OPERATIONS) == queued


def test_every_scheduled_task_names_a_job():
    assert SCHEDULE
    assert {job for _every, job in SCHEDULE.values()} <= set(TASKS)
