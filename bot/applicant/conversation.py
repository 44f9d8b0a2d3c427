"""Where a message meets the dialogue: run it inside the inbox's turn, then apply its effects.

Used by the WeChat callback, the terminal chat and the tests alike. What makes a turn safe (the
message taken once across retries, one message of an applicant at a time, the state's atomic
write) is the storage's business: :mod:`storage.inbox`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from bot.applicant.effects import ESCALATION_FIELD, WITHDRAWS, Effects
from bot.wechat.replies import passive_text
from dialogs import clock, engine
from dialogs.events import Context, Event, Image, Outcome, Text
from dialogs.privacy import mask_text
from storage.base import Store
from storage.inbox import SEEN_KEEP, Ending, FirstUse, Inbox


#: How long after support's last reply the applicant's messages are taken as their side of that talk.
SUPPORT_TALK = timedelta(minutes=30)
# The escalations the applicant asked for themselves (a person, their data erased, the approval disputed, a
# return contested, a complaint); the others the bot or staff opened (a staff flag; "mobile_changed", opened before
# fix42 for a new number after submission, which now waits on the application), and a reply there is no talk
# the applicant's messages answer.
# Requests on which support talks with the applicant: the applicant's own, and a reviewer's flag, which asks support
# to check something with them (try19 V11: the answer to support's question went to the bot, which told a submitted
# applicant to choose materials to upload). The bot's own (a new mobile handed on, answers failing) start no talk.
TALKED_ON = frozenset({"requested", "erase", "dispute", "return_contested", "complaint", "staff_flag"})


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
        self.inbox = Inbox(store)

    def handle(self, user_id: str, event: Event, *, once: str | None = None, first_use: FirstUse | None = None,
               facts: TurnFacts | None = None) -> list[str] | None:
        """Replies to one event from ``user_id``, after its state and effects are saved.

        ``once`` is the message's idempotency key (WeChat retries a message it got no answer to): a
        message is processed once, and a repeated delivery gets the first one's reply (None when
        that one is still running at the deadline). ``first_use`` is checked with the message's
        claim (:class:`storage.inbox.Replayed` when another request holds it); see
        :meth:`storage.inbox.Inbox.turn`. ``facts``, when given, is filled in with what the turn did.
        """
        with self.inbox.turn(user_id, once, first_use=first_use) as turn:
            if not turn.ours:
                return turn.answer
            # A turn without effects ends in the very write of its state: one round trip fewer.
            # Effects may add replies, so a turn with effects ends after them.
            outcome: Outcome | None = turn.take(
                lambda state, application: self._turn(state, application, event, facts),
                ending=lambda outcome: None if outcome.effects else self._ending(event, once, outcome, outcome.replies))
            if outcome is None:  # the state had already taken this message in
                if once is not None and not turn.answer and not self._in_transcript(user_id, once):
                    # ...and its turn never ended: its holder died (or its effects failed) between
                    # saving the state and writing the end. The transcript still shows the message.
                    turn.end(Ending(reply="", line=self._line(event, once, "", None)))
                return turn.answer
            replies = list(outcome.replies)
            if outcome.effects:
                for effect in outcome.effects:
                    replies += self.effects.apply(user_id, effect)
                turn.end(self._ending(event, once, outcome, replies))
            return replies

    def _ending(self, event: Event, once: str | None, outcome: Outcome, replies: list[str]) -> Ending:
        """The turn's transcript line and the reply kept for WeChat's retries. Both are kept outside
        the encrypted answers, so both are masked."""
        said_back = mask_text(passive_text(replies))
        return Ending(reply=said_back, line=self._line(event, once, said_back, outcome.state.get("state")))

    def _line(self, event: Event, once: str | None, said_back: str, state: str | None) -> dict[str, Any]:
        line = {"at": clock.stamp(self.now()), "in": _said(event), "out": said_back, "state": state}
        return line if once is None else {**line, "msg": once}

    def _in_transcript(self, user_id: str, once: str) -> bool:
        """Whether one of the last lines is this message's (the state remembers SEEN_KEEP messages)."""
        return any(line.get("msg") == once for line in self.store.read_log("transcript", user_id, last=SEEN_KEEP))

    def _support_replied(self, doc: dict[str, Any], application: dict[str, Any] | None) -> bool:
        """Whether support wrote to the applicant in the last SUPPORT_TALK minutes on their open request, and the
        desk has not moved the application since: the applicant's next messages are then most likely their answers
        to that person (after a review's notice, "收到" answers the notice: try17 T22)."""
        replies = doc.get("replies") or []
        if not any(r.get("reason") in TALKED_ON for r in doc.get("requests") or [doc]):
            return False  # opened by the bot (a new mobile handed on, answers failing): no talk with a person
        if doc.get("status") != "open" or not replies or doc.get("reason") in WITHDRAWS:  # (taken back: no one's talk)
            return False
        replied = clock.parse(replies[-1]["at"])
        # a review's move (by staff: not the applicant's own, nor the system's) in the reply's second or after it: the
        # notice came last (stamps are to the second; a review within the second of a reply is, in practice, after it)
        reviewed = [clock.parse(entry["at"]) for entry in (application or {}).get("history") or []
                    if entry.get("at") and entry.get("by") not in (None, "applicant", "system")]
        return replied > clock.in_shanghai(self.now()) - SUPPORT_TALK and not (reviewed and max(reviewed) >= replied)

    def today(self) -> date:
        return clock.in_shanghai(self.now()).date()

    def _turn(self, state: dict[str, Any] | None, application: dict[str, Any] | None, event: Event,
              facts: TurnFacts | None = None) -> tuple[dict[str, Any] | None, Outcome]:
        # Reads only (it may run again if another writer got in first). ``facts`` is overwritten on
        # each run, so it ends up describing the turn that was saved.
        kb = self.kb
        if facts is not None:
            facts.faq_confidence = None
            kb = _NotingConfidence(kb, facts) if kb is not None else None
        escalation = (state or {}).get(ESCALATION_FIELD)
        doc = (self.store.get("escalation", escalation) or {}) if escalation is not None else None
        # A request the applicant took back (an erase withdrawn, "不用人工了") is no person working on theirs: what
        # they say next is not "seen by staff" there (try18 U23: a return contested then went nowhere)
        ctx = Context(today=self.today(), application=application, kb=kb,
                      escalation_open=doc is not None and doc.get("reason") not in WITHDRAWS,
                      support_replied=doc is not None and self._support_replied(doc, application))
        outcome = engine.handle(state, event, ctx)
        if escalation is not None:  # support's business, kept even when the applicant starts over
            outcome.state[ESCALATION_FIELD] = escalation
        if facts is not None:
            facts.state_before, facts.state_after = (state or {}).get("state"), outcome.state.get("state")
        return outcome.state, outcome


def _said(event: Event) -> str:
    """What the applicant sent, as support will read it (personal numbers masked)."""
    if isinstance(event, Text):
        return ("[语音] " if event.spoken else "") + mask_text(event.text)
    if isinstance(event, Image):
        return "[照片]"
    return f"[{event.name}]"
