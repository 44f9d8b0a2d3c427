"""Where a message meets the store: load the applicant's state, run the dialogue, save, apply effects.

Used by the WeChat callback, the terminal chat and the tests alike. One applicant's messages are
serialised by a lock (a retry or a double tap must not interleave), and the state itself is
written with the Store's atomic update.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from dialogs import engine
from dialogs.events import (
    Context, DiscardApplication, Effect, Escalate, Event, KeepImage, Outcome, SaveApplication,
)
from dialogs.lifecycle import is_draft, saved_application
from storage.base import Store
from storage.locks import UserLock

log = logging.getLogger(__name__)


class Conversations:
    """Runs the dialogue for one applicant at a time against a Store."""

    def __init__(self, store: Store, kb: Any = None, now: Callable[[], datetime] = datetime.now) -> None:
        self.store = store
        self.kb = kb
        self.now = now
        self.locks = UserLock(store)

    def handle(self, user_id: str, event: Event) -> list[str]:
        """Replies to one event from ``user_id``, after its state and effects are saved."""
        with self.locks.hold(user_id):
            outcome: Outcome = self.store.update_with_result(
                "conversation", user_id, lambda state: self._turn(state, event))
            for effect in outcome.effects:
                self.apply(user_id, effect)
        return outcome.replies

    def today(self) -> date:
        return self.now().date()

    def _turn(self, state: dict[str, Any] | None, event: Event) -> tuple[dict[str, Any], Outcome]:
        # Reads only (it may run again if another writer got in first): the application snapshot.
        ctx = Context(today=self.today(), application=self.application_of(state), kb=self.kb)
        outcome = engine.handle(state, event, ctx)
        return outcome.state, outcome

    def application_of(self, conversation: dict[str, Any] | None) -> dict[str, Any] | None:
        app_id = (conversation or {}).get("application_id")
        return self.store.get("application", app_id) if app_id else None

    # -- effects --------------------------------------------------------------------
    def apply(self, user_id: str, effect: Effect) -> None:
        now = self.now()
        if isinstance(effect, SaveApplication):
            self.store.update("application", effect.application_id, lambda current: saved_application(
                current, application_id=effect.application_id, user_id=user_id,
                business_type=effect.business_type, answers=effect.answers,
                checklist=effect.checklist, now=now))
        elif isinstance(effect, DiscardApplication):
            self.store.update("application", effect.application_id,
                              lambda current: None if is_draft(current) else current)
        elif isinstance(effect, Escalate):
            self.open_escalation(user_id, effect, now)
        elif isinstance(effect, KeepImage):
            self.store.append("inbox", user_id, {"media_id": effect.media_id, "at": now.isoformat()})

    def open_escalation(self, user_id: str, effect: Escalate, now: datetime) -> None:
        """One open escalation per applicant: a second request adds to it instead of queueing twice."""
        open_ones = self.store.find("escalation", user_id=user_id, status="open")
        if open_ones:
            esc_id = open_ones[0]["id"]
            self.store.update("escalation", esc_id, lambda e: e and {
                **e, "requests": [*e.get("requests", []), {"reason": effect.reason, "at": now.isoformat()}]})
            return
        esc_id = str(self.store.next_id("escalation"))
        self.store.put("escalation", esc_id, {
            "id": esc_id, "user_id": user_id, "status": "open", "reason": effect.reason, "note": effect.note,
            "created_at": now.isoformat(timespec="seconds"),
            "requests": [{"reason": effect.reason, "at": now.isoformat()}],
        })
        log.info("escalation opened", extra={"escalation": esc_id, "reason": effect.reason})
