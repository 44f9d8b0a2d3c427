"""Where a message meets the store: load the applicant's state, run the dialogue, save, apply effects.

Used by the WeChat callback, the terminal chat and the tests alike. One applicant's messages are
serialised by a lock (a retry or a double tap must not interleave), and the state itself is
written with the Store's atomic update.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from bot.effects import Effects
from dialogs import engine
from dialogs.events import Context, Event, Image, Outcome, Text
from dialogs.privacy import mask_text
from storage.base import Store
from storage.locks import UserLock



class Conversations:
    """Runs the dialogue for one applicant at a time against a Store."""

    def __init__(self, store: Store, kb: Any = None, now: Callable[[], datetime] = datetime.now,
                 effects: Effects | None = None) -> None:
        self.store = store
        self.kb = kb
        self.now = now
        self.effects = effects or Effects(store, now=now)
        self.locks = UserLock(store)

    def handle(self, user_id: str, event: Event) -> list[str]:
        """Replies to one event from ``user_id``, after its state and effects are saved."""
        with self.locks.hold(user_id):
            outcome: Outcome = self.store.update_with_result(
                "conversation", user_id, lambda state: self._turn(state, event))
            replies = list(outcome.replies)
            for effect in outcome.effects:
                replies += self.effects.apply(user_id, effect)
            self.store.append("transcript", user_id, {
                "at": self.now().isoformat(timespec="seconds"), "in": _said(event),
                "out": mask_text("\n\n".join(replies)), "state": outcome.state.get("state")})
        return replies

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


def _said(event: Event) -> str:
    """What the applicant sent, as support will read it (personal numbers masked)."""
    if isinstance(event, Text):
        return mask_text(event.text)
    if isinstance(event, Image):
        return "[照片]"
    return f"[{event.name}]"
