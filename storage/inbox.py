"""One applicant's message taken in exactly once: the storage side of a conversation's turn.

``with Inbox(store).turn(user_id, once) as turn:`` hides what makes a turn safe among WeChat's
retries, several workers and killed processes, so that the caller only runs its dialogue:

- the message's claim, a lease holding its holder's token (``once``, its idempotency key). A
  delivery that finds the message held waits for the holder's reply; it takes the message over
  when the lease ends without one (the holder was killed);
- the applicant's lock (:mod:`storage.locks`), taken on the same lease: one message at a time;
- the conversation and the application it names, read in the same round trip;
- the state's own record of the last messages it took in, so that a holder that only seemed dead
  (slow past its lease) cannot apply a message twice: the state's compare-and-set makes this exact;
- the turn's end (its transcript line, its reply kept for retries, the lock's release), written
  with the new state when the caller knows it then, or after the caller's side effects.

On Redis a turn without side effects costs two round trips: the batch that claims, locks and reads
both documents, and the compare-and-set that writes the state and the turn's end.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from storage.base import Batch, Doc, Store, StoreError
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
# writes, and changes nothing.
SEEN_FIELD = "messages_taken"
SEEN_KEEP = 8
# What a turn reads and writes: the applicant's conversation, the application its field names
# (read in the same round trip), and the transcript its end appends to.
CONVERSATION = "conversation"
APPLICATION_LINK = ("application_id", "application")
TRANSCRIPT = "transcript"
FirstUse = tuple[str, float, str]  # key, seconds kept, value
_GONE = object()  # a retry found the claim's holder gone: no reply, lease over
T = TypeVar("T")


class Replayed(Exception):
    """A message's ``first_use`` key was already held with another value: nothing was done."""


@dataclass(frozen=True)
class Ending:
    """How a turn ends: the reply kept for WeChat's retries, and the transcript's line."""

    reply: str
    line: Doc


class Turn(Generic[T]):
    """One delivery of one message. When ``ours`` is False another delivery had it, and ``answer``
    is that one's reply (None when it is still running at the deadline)."""

    def __init__(self, store: Store, user_id: str, once: str | None, hold: Hold, *, ours: bool,
                 answer: list[str] | None = None, linked: tuple[str, Doc | None] | None = None) -> None:
        self.store, self.user_id, self.once, self.hold = store, user_id, once, hold
        self.ours, self.answer = ours, answer
        self._linked = linked  # (application id, application) read with the claim, for the first step

    def take(self, step: Callable[[Doc | None, Doc | None], tuple[Doc | None, T]],
             ending: Callable[[T], Ending | None]) -> T | None:
        """Save ``step(conversation, application)``'s new conversation atomically and return its
        result (never None). ``step`` may run again when another writer got in first, so it must
        only compute. ``ending(result)``, when it gives one, is written with the state; else the
        caller writes it with :meth:`end` (after side effects that add to the reply).

        None when the state had already taken this message in (its holder only seemed dead):
        nothing changed, and ``answer`` holds the reply that holder kept, if any."""
        once = self.once

        def run(state: Doc | None) -> tuple[Doc | None, T | None]:
            taken = (state or {}).get(SEEN_FIELD, [])
            if once is not None and once in taken:
                return state, None
            new, result = step(state, self._application_of(state))
            if once is not None and new is not None:
                new[SEEN_FIELD] = [*taken[1 - SEEN_KEEP:], once]
            return new, result

        def end_with_state(result: T | None) -> Batch | None:
            written = None if result is None else ending(result)
            return None if written is None else self._ended(Batch(), written)

        result = self.store.update_with_result(CONVERSATION, self.user_id, run, then=end_with_state)
        if result is None:
            kept = (self.store.recall(once) or "") if once is not None else ""
            self.answer = [kept[len(DONE):]] if kept.startswith(DONE) else []
        return result

    def end(self, ending: Ending) -> None:
        """Write the turn's end, one round trip, when it was not written with the state."""
        with self.store.batch() as batch:
            self._ended(batch, ending)

    def _ended(self, batch: Batch, ending: Ending) -> Batch:
        batch.append(TRANSCRIPT, self.user_id, ending.line)
        if self.once is not None:
            batch.remember(self.once, DONE + ending.reply, ONCE_TTL)
        self.hold.release(batch)
        return batch

    def _application_of(self, state: Doc | None) -> Doc | None:
        """The application the state names: the one read with the claim the first time (a step run
        again reads afresh, since what made it run again may have changed that too)."""
        app_id = (state or {}).get(APPLICATION_LINK[0])
        linked, self._linked = self._linked, None
        if not app_id:
            return None
        if linked is not None and linked[0] == app_id:
            return linked[1]
        return self.store.get(APPLICATION_LINK[1], app_id)


class _Taking:
    """``Inbox.turn``'s context manager: a class rather than a ``@contextmanager`` generator around
    ``UserLock.hold``'s (two generators entered on every message, ~7K instructions each: issue 19),
    doing what they did. On the way in the message is claimed and, when it is ours, its lock acquired;
    on the way out the lock is released unless the turn's end released it, and an error other than the
    store's (the block's, or the release's) gives the message's claim up, so that a retry processes it
    at once (after a store's error one more command would wait on it too, and the lease runs out by itself)."""

    def __init__(self, inbox: Inbox, user_id: str, once: str | None, first_use: FirstUse | None) -> None:
        self._inbox, self._user_id, self._once, self._first_use = inbox, user_id, once, first_use

    def __enter__(self) -> Turn:
        turn = self._turn = self._inbox._claimed(self._user_id, self._once, self._first_use)
        if turn.ours:
            try:
                self._inbox.locks.acquire(turn.hold, claimed=turn.hold.claimed)
            except StoreError:
                raise
            except Exception:
                self._give_up()
                raise
        return turn

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _tb: object) -> bool:
        turn = self._turn
        if not turn.ours:
            return False
        try:
            if not turn.hold.released:
                turn.hold.release()
        except StoreError:
            raise
        except Exception:
            self._give_up()
            raise
        if kind is not None and issubclass(kind, Exception) and not issubclass(kind, StoreError):
            self._give_up()
        return False

    def _give_up(self) -> None:
        if self._once is not None:
            self._inbox.store.forget_if(self._once, self._turn.hold.token)


class Inbox:
    """Where each applicant's messages are taken in, one at a time and each once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.locks = UserLock(store, ttl=LEASE_SECONDS)

    def turn(self, user_id: str, once: str | None = None, *, first_use: FirstUse | None = None) -> _Taking:
        """A turn for one delivery of a message from ``user_id``; see the module's docstring.

        ``once`` is the message's idempotency key (None: no dedup, for the terminal chat and jobs).
        ``first_use``, when given, is a key this message must be the first to hold, or hold with the
        same value (a plaintext request's signature and its body's digest): claimed in the same round
        trip, and :class:`Replayed` is raised, nothing held, when another value holds it.

        Leaving the block releases the lock if the turn's end did not; an error other than the
        store's gives the message's claim up, so that a retry processes it at once."""
        return _Taking(self, user_id, once, first_use)

    def _claimed(self, user_id: str, once: str | None, first_use: FirstUse | None) -> Turn:
        """Claim the message and the lock and read the documents, in one round trip; again after a
        holder whose lease ended without a reply."""
        wait_until = time.monotonic() + bounded(RETRY_WAIT_SECONDS)
        while True:
            hold = self.locks.prepare(user_id)
            with self.store.batch() as batch:
                first = batch.claim(once, LEASE_SECONDS, hold.token) if once is not None else None
                lock = self.locks.try_in(batch, hold)
                read = batch.prefetch(CONVERSATION, user_id, link=APPLICATION_LINK)
                used = batch.claim(*first_use) if first_use is not None else None
            hold.claimed = hold.took(batch.results[lock])
            ours = first is None or hold.took(batch.results[first], once)
            if used is not None and not batch.results[used] and self.store.recall(first_use[0]) != first_use[2]:
                with self.store.batch() as undo:
                    if ours and once is not None:
                        undo.forget_if(once, hold.token)
                    if hold.claimed:
                        hold.release(undo)
                raise Replayed(first_use[0])
            first_use = None  # checked: a second round (taking over a dead holder's message) needs no more
            if ours:
                # The application read while someone else held the lock may predate that holder's
                # effects: only a read made with our own lock is handed to the step.
                linked = batch.results[read] if hold.claimed else None
                return Turn(self.store, user_id, once, hold, ours=True, linked=linked)
            if hold.claimed:
                hold.release()
            answer = self._await_holder(once, wait_until)
            if answer is not _GONE:
                return Turn(self.store, user_id, once, hold, ours=False, answer=answer)

    def _await_holder(self, once: str, wait_until: float) -> list[str] | None | object:
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

