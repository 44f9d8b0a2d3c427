"""Where a message meets the store: load the applicant's state, run the dialogue, save, apply effects.

Used by the WeChat callback, the terminal chat and the tests alike. One applicant's messages are
serialised by a lock (a retry or a double tap must not interleave), and the state itself is
written with the Store's atomic update.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.effects import ESCALATION_FIELD, Effects
from bot.replies import passive_text
from dialogs import clock, engine
from dialogs.events import Context, Event, Image, Outcome, Text
from dialogs.privacy import mask_text
from storage.base import Batch, Store
from storage.locks import Hold, UserLock



ONCE_TTL = 600  # WeChat retries within ~15 s; keep a message's key well past that


@dataclass
class TurnFacts:
    """What one handled message did, for the transport's log line and metrics (the dialogue itself
    stays free of both): the dialogue state before and after, and the knowledge base's confidence
    when the message was a question."""

    state_before: str | None = None
    state_after: str | None = None
    faq_confidence: float | None = None


class _NotingConfidence:
    """The knowledge base as one turn sees it: answers as usual, noting each answer's confidence."""

    def __init__(self, kb: Any, facts: TurnFacts) -> None:
        self.kb, self.facts = kb, facts

    def ask(self, text: str) -> Any:
        answer = self.kb.ask(text)
        self.facts.faq_confidence = answer.confidence
        return answer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.kb, name)


class Conversations:
    """Runs the dialogue for one applicant at a time against a Store."""

    def __init__(self, store: Store, kb: Any = None, now: Callable[[], datetime] = clock.now,
                 effects: Effects | None = None) -> None:
        self.store = store
        self.kb = kb
        self.now = now
        self.effects = effects or Effects(store, now=now)
        self.locks = UserLock(store)

    def handle(self, user_id: str, event: Event, *, once: str | None = None,
               facts: TurnFacts | None = None) -> list[str] | None:
        """Replies to one event from ``user_id``, after its state and effects are saved.

        ``once`` is the message's idempotency key (WeChat retries a message it got no answer to):
        a repeated delivery is not processed again and returns None; :meth:`reply_to` then gives
        the first delivery's reply (None while that one is still running). ``facts``, when given,
        is filled in with what the turn did.
        """
        hold = self.locks.prepare(user_id)
        with self.store.batch() as batch:  # dedup claim, lock and state read in one round trip
            first = batch.claim(once, ONCE_TTL, hold.token) if once is not None else None
            lock = self.locks.try_in(batch, hold)
            batch.prefetch("conversation", user_id)
        lock_claimed = hold.took(batch.results[lock])
        if first is not None and not hold.took(batch.results[first], once):
            if lock_claimed:
                hold.release()
            return None
        try:
            with self.locks.hold(user_id, hold, claimed=lock_claimed):
                def record_with_state(outcome: Outcome) -> Batch | None:
                    # A turn without effects is recorded, and its lock released, in the very write
                    # of its state: one round trip fewer. Effects may add replies, so a turn with
                    # effects is recorded after them.
                    return None if outcome.effects else self._record(Batch(), user_id, event, outcome,
                                                                     outcome.replies, once, hold)

                outcome: Outcome = self.store.update_with_result(
                    "conversation", user_id, lambda state: self._turn(state, event, facts), then=record_with_state)
                replies = list(outcome.replies)
                if outcome.effects:
                    for effect in outcome.effects:
                        replies += self.effects.apply(user_id, effect)
                    with self.store.batch() as batch:
                        self._record(batch, user_id, event, outcome, replies, once, hold)
        except Exception:
            if once is not None:
                self.store.forget(once)  # let WeChat's retry try again rather than lose the message
            raise
        return replies

    def _record(self, batch: Batch, user_id: str, event: Event, outcome: Outcome, replies: list[str],
                once: str | None, hold: Hold) -> Batch:
        """Queue the end of a turn: its transcript line, the reply kept for WeChat's retries, and the
        lock's release. Both copies of the reply are kept outside the encrypted answers, so both
        are masked."""
        said_back = mask_text(passive_text(replies))
        batch.append("transcript", user_id, {
            "at": clock.stamp(self.now()), "in": _said(event),
            "out": said_back, "state": outcome.state.get("state")})
        if once is not None:
            batch.remember(f"{once}:reply", said_back, ONCE_TTL)
        hold.release(batch)
        return batch

    def reply_to(self, once: str) -> str | None:
        """The reply given to the first delivery of a message, once it is ready."""
        return self.store.recall(f"{once}:reply")

    def today(self) -> date:
        return clock.in_shanghai(self.now()).date()

    def _turn(self, state: dict[str, Any] | None, event: Event,
              facts: TurnFacts | None = None) -> tuple[dict[str, Any], Outcome]:
        # Reads only (it may run again if another writer got in first): the application snapshot.
        # ``facts`` is overwritten on each run, so it ends up describing the turn that was saved.
        kb = self.kb
        if facts is not None:
            facts.faq_confidence = None
            kb = _NotingConfidence(kb, facts) if kb is not None else None
        escalation = (state or {}).get(ESCALATION_FIELD)
        ctx = Context(today=self.today(), application=self.application_of(state), kb=kb,
                      escalation_open=escalation is not None)
        outcome = engine.handle(state, event, ctx)
        if escalation is not None:  # support's business, kept even when the applicant starts over
            outcome.state[ESCALATION_FIELD] = escalation
        if facts is not None:
            facts.state_before, facts.state_after = (state or {}).get("state"), outcome.state.get("state")
        return outcome.state, outcome

    def application_of(self, conversation: dict[str, Any] | None) -> dict[str, Any] | None:
        app_id = (conversation or {}).get("application_id")
        return self.store.get("application", app_id) if app_id else None


def _said(event: Event) -> str:
    """What the applicant sent, as support will read it (personal numbers masked)."""
    if isinstance(event, Text):
        return ("[语音] " if event.spoken else "") + mask_text(event.text)
    if isinstance(event, Image):
        return "[照片]"
    return f"[{event.name}]"
