"""The flow as a state machine: one ``transitions`` machine, built at import from the flow table
(``dialogs.flows.application``), serves every applicant. Per message the engine builds a small
``FlowModel`` from the applicant's saved answers and fires the machine's triggers on it
(``FlowModel.fire``); ``path_of`` walks the same rows without firing them.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from transitions import Machine

from dialogs.flows import application as flow


class Entering(Protocol):
    """What entering a state asks of the turn that moved there (``dialogs.engine.Turn``)."""

    def prune(self) -> None:
        """Drop the answers the path no longer asks (entering the summary)."""

    def save_application(self) -> None:
        """Save the application with the checklist its answers make (entering the materials)."""


class FlowModel(flow.Conditions):
    """One applicant's place in the flow; the machine sets ``state`` and calls the callbacks, which
    do what entering a state means for the turn (``turn``; a scratch model has none)."""

    def __init__(self, answers: dict[str, Any], today: date, state: str = flow.INITIAL,
                 turn: Entering | None = None) -> None:
        self.answers = answers
        self.today = today
        self.state = state
        self.turn = turn

    def fire(self, trigger: str) -> bool:
        """Fire a trigger of the shared machine on this model. The model is never added to the
        machine: ``add_model`` binds a method per trigger and state (~0.2 ms), per message."""
        return MACHINE.events[trigger].trigger(self)

    def next(self) -> bool:
        return self.fire("next")

    def go(self, state: str) -> bool:
        return self.fire(f"to_{state}")

    def on_enter_summary(self) -> None:
        """The answers are shown for confirming: drop those that no longer apply, and any earlier confirmation."""
        self.answers.pop("confirmed", None)
        if self.turn is not None:
            self.turn.prune()

    def on_enter_materials(self) -> None:
        """Confirmed: the application is saved with the checklist these answers make."""
        if self.turn is not None:
            self.turn.save_application()


MACHINE = Machine(
    model=None,
    # on_enter callbacks are declared here, since models are never added (see FlowModel.fire).
    states=[{"name": s, "on_enter": [f"on_enter_{s}"]} if hasattr(FlowModel, f"on_enter_{s}") else s
            for s in flow.STATES],
    transitions=[{"trigger": "next", "source": s, "dest": d, "conditions": c or []} for s, d, c in flow.FLOW],
    initial=flow.INITIAL,
    auto_transitions=True,
)


def field_of(state: str) -> str | None:
    """The answer a state asks for (None for states that only inform)."""
    # The machine's states' answers are looked up once (~15 calls a message, issue 19); any other name is read as
    # they were (the flow's tables are constants).
    found = _FIELD_OF.get(state, _NOT_A_STATE)
    return _asked_at(state) if found is _NOT_A_STATE else found  # type: ignore[return-value]


def _asked_at(state: str) -> str | None:
    name = flow.ASKS.get(state, state)
    return name if name in flow.QUESTIONS else None


_NEXT = MACHINE.events["next"]
# The machine's own ``next`` rows, each condition's method name and the result it wants read once: a
# condition checked the way ``transitions``' ``Condition.check`` does it (the model's method, called with
# no arguments since the machine sends no event, against its target) without the ``EventData`` built and
# the name resolved again on every step of every walk (~9 steps a message; issue 19).
assert not MACHINE.send_event and all(isinstance(c.func, str) and callable(getattr(FlowModel, c.func, None))
                                      for rows in _NEXT.transitions.values() for row in rows for c in row.conditions)
_NEXT_ROWS: dict[str, tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]] = {
    source: tuple((row.dest, tuple((c.func, c.target) for c in row.conditions)) for row in rows)
    for source, rows in _NEXT.transitions.items()}
_WALK_STOPS = frozenset(("materials", *flow.HOLD_STATES))
_NOT_A_STATE = object()
_FIELD_OF = {state: _asked_at(state) for state in MACHINE.states}


def path_of(answers: dict[str, Any], today: date) -> list[str]:
    """The states these answers lead through, from the first question to the first unanswered one.

    The machine's own ``next`` rows and conditions are read, not fired: on a scratch model a trigger's
    callbacks and bookkeeping do nothing but cost (~8 µs a state, 17 states at the summary, which a
    summary, a progress check and an edit each walk)."""
    scratch = FlowModel(dict(answers), today)
    path = [scratch.state]
    while scratch.state not in _WALK_STOPS and _FIELD_OF[scratch.state] in answers:
        scratch.state = _next_state(scratch)
        path.append(scratch.state)
    return path


def _next_state(model: FlowModel) -> str:
    """Where ``next`` would take ``model``: the first of the state's rows whose conditions hold, as
    ``transitions`` decides it; where none does, the trigger fails and it stays."""
    for dest, conditions in _NEXT_ROWS.get(model.state, ()):
        for name, target in conditions:
            if not getattr(model, name)() == target:
                break
        else:
            return dest
    return model.state
