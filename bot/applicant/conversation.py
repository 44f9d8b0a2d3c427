"""Where a message meets the store: load the applicant's state, run the dialogue, save, apply effects.

Used by the WeChat callback, the terminal chat and the tests alike. One applicant's messages are
serialised by a lock (a retry or a double tap must not interleave), and the state itself is
written with the Store's atomic update.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.applicant.effects import ESCALATION_FIELD, Effects
from bot.wechat.replies import passive_text
from dialogs import clock, engine
from dialogs.events import Context, Event, Image, Outcome, Text
from dialogs.privacy import mask_text
from storage.base import Batch, Store, StoreError
from storage.deadline import DeadlinePassed, bounded
from storage.locks import Hold, UserLock

# A message's claim is a lease: its holder's token, for LEASE_SECONDS, taken with the applicant's
# lock (the same lease). A turn takes milliseconds. A holder killed mid-message leaves both to
# expire, and WeChat's retry, finding no reply and no holder, processes the message itself; the
# lease is shorter than a retry's wait, so even a retry sent the moment the holder died gets there
# within WeChat's 5 s. A finished turn replaces its claim with DONE + its reply, kept ONCE_TTL.
LEASE_SECONDS = 2.0
ONCE_TTL = 600  # WeChat retries within ~15 s; keep a message's reply well past that
DONE = "="  # holders' tokens are hex, so a claim starting with this is a finished message's reply
RETRY_WAIT_SECONDS = 3.5  # a retry's longest wait for a live holder when no deadline is set
POLL_SECONDS = 0.05
# The last messages a conversation's state has taken in, kept in the state itself: a delivery whose
# holder only seemed dead (its lease ran out while it was slow) finds its message there when it
# writes, and changes nothing. The state's compare-and-set makes this exact, whatever the claims did.
SEEN_FIELD = "messages_taken"
SEEN_KEEP = 8
_GONE = object()  # a retry found the claim's holder gone: no reply, lease over
FirstUse = tuple[str, float, str]  # key, seconds kept, value


class Replayed(Exception):
    """A message's ``first_use`` key was already held with another value: nothing was done."""


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
        self.locks = UserLock(store, ttl=LEASE_SECONDS)

    def handle(self, user_id: str, event: Event, *, once: str | None = None, first_use: FirstUse | None = None,
               facts: TurnFacts | None = None) -> list[str] | None:
        """Replies to one event from ``user_id``, after its state and effects are saved.

        ``once`` is the message's idempotency key (WeChat retries a message it got no answer to): a
        message is processed once. A repeated delivery gets the first one's reply (one masked text)
        once it is there, waiting for it while its holder's lease lasts; it processes the message
        itself when the holder is gone (killed before it stored a reply). None when the first
        delivery is still running at the deadline.

        ``first_use``, when given, is a key this message must be the first to hold, or hold with the
        same value (a plaintext request's signature and its body's digest): claimed in the same round
        trip, and :class:`Replayed` is raised, nothing done, when another value holds it. ``facts``,
        when given, is filled in with what the turn did.
        """
        wait_until = time.monotonic() + bounded(RETRY_WAIT_SECONDS)
        while True:
            hold = self.locks.prepare(user_id)
            with self.store.batch() as batch:  # dedup claim, lock and state read in one round trip
                first = batch.claim(once, LEASE_SECONDS, hold.token) if once is not None else None
                lock = self.locks.try_in(batch, hold)
                batch.prefetch("conversation", user_id)
                used = batch.claim(*first_use) if first_use is not None else None
            lock_claimed = hold.took(batch.results[lock])
            ours = first is None or hold.took(batch.results[first], once)
            if used is not None and not batch.results[used] and self.store.recall(first_use[0]) != first_use[2]:
                with self.store.batch() as undo:
                    if ours and once is not None:
                        undo.forget_if(once, hold.token)
                    if lock_claimed:
                        hold.release(undo)
                raise Replayed(first_use[0])
            first_use = None  # checked: a second round (taking over a dead holder's message) needs no more
            if ours:
                return self._take_turn(user_id, event, once, hold, lock_claimed, facts)
            if lock_claimed:
                hold.release()
            answer = self._await_holder(once, wait_until)
            if answer is not _GONE:
                return answer

    def _await_holder(self, once: str, wait_until: float) -> Any:
        """Another delivery holds ``once``: its reply when it has one; ``_GONE`` when its lease ended
        without one (the caller then claims the message); None if it is still running at the end."""
        try:
            while True:
                claim = self.store.recall(once)
                if claim is None:
                    return _GONE
                if claim.startswith(DONE):
                    return [claim[len(DONE):]]
                if time.monotonic() >= wait_until:
                    return None
                time.sleep(POLL_SECONDS)
        except DeadlinePassed:
            return None

    def _take_turn(self, user_id: str, event: Event, once: str | None, hold: Hold, lock_claimed: bool,
                   facts: TurnFacts | None) -> list[str]:
        try:
            with self.locks.hold(user_id, hold, claimed=lock_claimed):
                def record_with_state(outcome: Outcome | None) -> Batch | None:
                    # A turn without effects is recorded, and its lock released, in the very write
                    # of its state: one round trip fewer. Effects may add replies, so a turn with
                    # effects is recorded after them. A message already taken in records nothing.
                    if outcome is None or outcome.effects:
                        return None
                    return self._record(Batch(), user_id, event, outcome, outcome.replies, once, hold)

                outcome: Outcome | None = self.store.update_with_result(
                    "conversation", user_id, lambda state: self._turn(state, event, facts, once),
                    then=record_with_state)
                if outcome is None:  # another delivery of this message got there first
                    claim = self.store.recall(once) or ""
                    return [claim[len(DONE):]] if claim.startswith(DONE) else []
                replies = list(outcome.replies)
                if outcome.effects:
                    for effect in outcome.effects:
                        replies += self.effects.apply(user_id, effect)
                    with self.store.batch() as batch:
                        self._record(batch, user_id, event, outcome, replies, once, hold)
        except StoreError:
            raise  # the store failed: one more command would wait on it too, and the lease runs out by itself
        except Exception:
            if once is not None:  # let a retry process the message at once rather than wait for the lease
                self.store.forget_if(once, hold.token)
            raise
        return replies

    def _record(self, batch: Batch, user_id: str, event: Event, outcome: Outcome, replies: list[str],
                once: str | None, hold: Hold) -> Batch:
        """Queue the end of a turn: its transcript line, the reply kept for WeChat's retries (in
        place of the message's claim), and the lock's release. Both copies of the reply are kept
        outside the encrypted answers, so both are masked."""
        said_back = mask_text(passive_text(replies))
        batch.append("transcript", user_id, {
            "at": clock.stamp(self.now()), "in": _said(event),
            "out": said_back, "state": outcome.state.get("state")})
        if once is not None:
            batch.remember(once, DONE + said_back, ONCE_TTL)
        hold.release(batch)
        return batch

    def today(self) -> date:
        return clock.in_shanghai(self.now()).date()

    def _turn(self, state: dict[str, Any] | None, event: Event, facts: TurnFacts | None = None,
              once: str | None = None) -> tuple[dict[str, Any] | None, Outcome | None]:
        # Reads only (it may run again if another writer got in first): the application snapshot.
        # ``facts`` is overwritten on each run, so it ends up describing the turn that was saved.
        taken = (state or {}).get(SEEN_FIELD, [])
        if once is not None and once in taken:
            return state, None
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
        if once is not None:
            outcome.state[SEEN_FIELD] = [*taken[1 - SEEN_KEEP:], once]
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
