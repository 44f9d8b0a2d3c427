"""The inbox's turn keeps issue 14's guarantees on every backend (SQLite, Redis, each with and without
encryption): a message taken in once across deliveries, a dead holder's message taken over, a live
holder's reply waited for, one message of an applicant at a time; and on Redis a plain turn costs
two round trips, the application it names read in the first."""
from __future__ import annotations

import threading
import time

import pytest

from storage.base import Store
from storage.encrypted import PERSONAL_FIELDS, EncryptedFields
from storage.inbox import DONE, LEASE_SECONDS, Ending, Inbox, Replayed
from storage.redis import RedisStore
from tests.support.stores import TEST_DATA_KEY

KEY = "wx:msg:u1:42"
APPLICATION = {"id": "a1", "user_id": "u1", "status": "draft", "answers": {"name": "张三"}}


def counting(step_runs: list, state_key: str = "n"):
    """A step that notes the application it was given and counts turns in the state."""
    def step(state, application):
        step_runs.append(application)
        return {**(state or {}), state_key: (state or {}).get(state_key, 0) + 1}, "ok"
    return step


def said(store: Store, user: str) -> list[str]:
    return [line["in"] for line in store.read_log("transcript", user)]


def plain_turn(inbox: Inbox, user: str, once: str | None, runs: list, **kwargs) -> list[str] | None:
    """One turn without side effects: its end written with its state."""
    with inbox.turn(user, once, **kwargs) as turn:
        if not turn.ours:
            return turn.answer
        result = turn.take(counting(runs), ending=lambda _result: Ending(reply="好的", line={"in": once}))
        return turn.answer if result is None else ["好的"]


def test_a_turn_saves_the_state_with_its_end_and_hands_the_step_the_application_named(store):
    store.put("application", "a1", APPLICATION)
    store.put("conversation", "u1", {"application_id": "a1"})
    runs: list = []

    assert plain_turn(Inbox(store), "u1", KEY, runs) == ["好的"]

    assert runs == [APPLICATION]
    assert store.get("conversation", "u1")["n"] == 1
    assert said(store, "u1") == [KEY] and store.recall(KEY) == DONE + "好的"
    assert store.recall("lock:u1") is None


def test_a_message_delivered_again_gets_the_first_reply_and_runs_nothing(store):
    inbox, runs = Inbox(store), []
    plain_turn(inbox, "u1", KEY, runs)

    assert plain_turn(inbox, "u1", KEY, runs) == ["好的"]
    assert len(runs) == 1 and said(store, "u1") == [KEY]


def test_a_delivery_waits_for_a_live_holders_reply(store):
    inbox, runs, inside, go_on = Inbox(store), [], threading.Event(), threading.Event()

    def slow_holder() -> None:
        with inbox.turn("u1", KEY) as turn:
            inside.set()
            go_on.wait(5)
            turn.take(counting(runs), ending=lambda _r: Ending(reply="第一次的回复", line={"in": KEY}))

    holder = threading.Thread(target=slow_holder)
    holder.start()
    inside.wait(5)
    threading.Timer(0.3, go_on.set).start()
    began = time.monotonic()
    answer = plain_turn(inbox, "u1", KEY, runs)
    holder.join()

    assert answer == ["第一次的回复"] and time.monotonic() - began >= 0.25
    assert len(runs) == 1 and said(store, "u1") == [KEY]


def test_the_message_of_a_holder_that_died_is_taken_over_once_its_lease_ends(store):
    store.claim(KEY, 0.3, "dead0000dead0000")  # claimed, then the worker was killed: no reply, ever
    store.claim("lock:u1", 0.3, "dead0000dead0000")
    runs: list = []

    began = time.monotonic()
    assert plain_turn(Inbox(store), "u1", KEY, runs) == ["好的"]

    assert 0.25 < time.monotonic() - began < LEASE_SECONDS
    assert len(runs) == 1 and said(store, "u1") == [KEY]


def test_a_message_the_state_took_in_is_not_applied_again_whatever_the_claims_say(store):
    inbox, runs = Inbox(store), []
    plain_turn(inbox, "u1", KEY, runs)
    store.forget(KEY)  # as if the claim had run out while its holder was only slow

    assert plain_turn(inbox, "u1", KEY, runs) == []
    assert len(runs) == 1 and store.get("conversation", "u1")["n"] == 1 and said(store, "u1") == [KEY]


def test_a_turn_with_side_effects_holds_the_lock_until_its_end_is_written(store):
    inbox = Inbox(store)
    with inbox.turn("u1", KEY) as turn:
        assert turn.take(counting([]), ending=lambda _result: None) == "ok"
        assert store.recall(turn.hold.key) == turn.hold.token and said(store, "u1") == []
        turn.end(Ending(reply="已生成", line={"in": KEY}))

    assert said(store, "u1") == [KEY] and store.recall(KEY) == DONE + "已生成"
    assert store.recall(turn.hold.key) is None


def test_a_failing_dialogue_gives_the_message_up_for_a_retry_and_releases_the_lock(store):
    with pytest.raises(ZeroDivisionError):
        with Inbox(store).turn("u1", KEY) as turn:
            turn.take(lambda state, application: (state, 1 / 0), ending=lambda _result: None)

    assert store.recall(KEY) is None and store.recall("lock:u1") is None
    assert store.get("conversation", "u1") is None
    assert plain_turn(Inbox(store), "u1", KEY, []) == ["好的"]  # the retry, at once


def test_a_stores_error_in_the_turn_keeps_the_messages_claim_and_releases_the_lock(store):
    # after the store's own error the claim is left to its lease (one more command would wait on the store
    # too); the lock is still released on the way out, as for any other error
    from storage.base import StoreError

    with pytest.raises(StoreError):
        with Inbox(store).turn("u1", KEY) as turn:
            raise StoreError("the store went away")

    assert store.recall(KEY) == turn.hold.token and store.recall("lock:u1") is None


def test_a_turn_waits_for_the_applicants_lock_and_gives_the_message_up_when_it_cannot_have_it(store):
    from storage.locks import LockTimeout

    inbox = Inbox(store)
    inbox.locks.wait = 0.05
    store.claim("lock:u1", 10, "someone else")
    with pytest.raises(LockTimeout):  # the store's own kind of error: the message's claim left to its lease
        with inbox.turn("u1", KEY):
            pass
    assert store.recall("lock:u1") == "someone else" and store.recall(KEY) is not None


def test_a_first_use_held_with_another_value_refuses_the_turn_and_holds_nothing(store):
    inbox, runs = Inbox(store), []
    plain_turn(inbox, "u1", KEY, runs, first_use=("wx:sig:s", 60, "body-1"))

    with pytest.raises(Replayed):
        plain_turn(inbox, "u2", "wx:msg:u2:7", runs, first_use=("wx:sig:s", 60, "body-2"))

    assert store.recall("wx:msg:u2:7") is None and store.recall("lock:u2") is None
    assert store.get("conversation", "u2") is None and len(runs) == 1
    assert plain_turn(inbox, "u1", KEY, runs, first_use=("wx:sig:s", 60, "body-1")) == ["好的"]


def test_a_step_run_again_reads_the_application_afresh(store):
    store.put("application", "a1", APPLICATION)
    store.put("application", "a2", {**APPLICATION, "id": "a2", "status": "submitted"})
    store.put("conversation", "u1", {"application_id": "a1"})
    runs: list = []

    def step(state, application):
        if not runs:  # support links another application between this read and this write
            writer = threading.Thread(target=store.put, args=("conversation", "u1", {"application_id": "a2"}))
            writer.start()  # its own thread, its own connection
            writer.join()
        return counting(runs)(state, application)

    with Inbox(store).turn("u1", KEY) as turn:
        turn.take(step, ending=lambda _result: Ending(reply="好的", line={"in": KEY}))

    assert [app["id"] for app in runs] == ["a1", "a2"]
    assert store.get("conversation", "u1") == {"application_id": "a2", "n": 1, "messages_taken": [KEY]}


def test_a_turn_that_waited_for_the_lock_sees_the_application_as_its_holder_left_it(store):
    store.put("application", "a1", APPLICATION)
    store.put("conversation", "u1", {"application_id": "a1"})
    inbox, runs, saved, go_on = Inbox(store), [], threading.Event(), threading.Event()

    def holder_with_effects() -> None:
        with inbox.turn("u1", "wx:msg:u1:1") as turn:
            turn.take(counting([]), ending=lambda _result: None)
            saved.set()  # its state is written; its effects change the application, then it ends
            go_on.wait(5)
            store.update("application", "a1", lambda app: {**app, "status": "submitted"})
            turn.end(Ending(reply="已提交", line={"in": "1"}))

    holder = threading.Thread(target=holder_with_effects)
    holder.start()
    saved.wait(5)
    threading.Timer(0.2, go_on.set).start()
    plain_turn(inbox, "u1", "wx:msg:u1:2", runs)  # claims, reads, then waits for the lock
    holder.join()

    assert [app["status"] for app in runs] == ["submitted"]


def test_turns_of_one_applicant_from_many_threads_are_each_taken_once(store):
    inbox, runs = Inbox(store), []
    messages = [f"wx:msg:u1:{i}" for i in range(6)]
    deliveries = [threading.Thread(target=plain_turn, args=(inbox, "u1", once, runs))
                  for once in messages for _copy in range(2)]  # each message delivered twice at once
    for delivery in deliveries:
        delivery.start()
    for delivery in deliveries:
        delivery.join()

    # A step may run again (a turn that waited for the lock read the state before the last write),
    # but each message is applied, and ends, once.
    assert store.get("conversation", "u1")["n"] == len(messages) <= len(runs)
    assert sorted(said(store, "u1")) == messages


# -- round trips on Redis ------------------------------------------------------------------------
def counted_store(url: str, encrypted: bool) -> tuple[Store, list[str]]:
    """A new Redis store on ``url`` whose connections note every command they send (each waits for
    its reply: one round trip)."""
    sent: list[str] = []
    store: Store = RedisStore(url)
    pool = store.r.connection_pool

    class Counting(pool.connection_class):
        def send_packed_command(self, command, check_health=True):  # every command, however packed
            sent.append(command[0].split(b"\r\n")[2].decode())  # *<n>, $<length>, then its name
            return super().send_packed_command(command, check_health)

    pool.connection_class = Counting  # before the store makes any connection
    return (EncryptedFields(store, TEST_DATA_KEY, PERSONAL_FIELDS) if encrypted else store), sent


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_plain_turn_costs_two_round_trips_on_redis_the_application_read_in_the_first(redis_store, encrypted):
    store, sent = counted_store(redis_store.url, encrypted)
    try:
        store.put("application", "a1", APPLICATION)
        store.put("conversation", "u1", {"application_id": "a1", "n": 3})
        inbox, runs = Inbox(store), []
        plain_turn(inbox, "u0", "wx:msg:u0:1", runs)  # the connection's own handshake is not the turn's
        sent.clear()

        assert plain_turn(inbox, "u1", KEY, runs, first_use=("wx:sig:s", 60, "body")) == ["好的"]

        assert sent == ["EVALSHA", "EVALSHA"]  # claim, lock and both reads; then state, end and release
        assert runs[-1] == APPLICATION
        assert store.get("conversation", "u1")["n"] == 4 and said(store, "u1") == [KEY]
    finally:
        store.close()
