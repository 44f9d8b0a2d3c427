"""The Store contract: every backend passes the same suite (SQLite always, Redis on a real server)."""
from __future__ import annotations

import threading
import time

import pytest

from storage import open_store
from storage.base import Batch
from storage.locks import LockTimeout, UserLock


def test_a_missing_document_is_none(store):
    assert store.get("application", "nope") is None


def test_put_then_get_round_trips_unicode_and_nesting(store):
    doc = {"id": "a1", "user_id": "u1", "answers": {"name": "张三", "bonus_options": ["education"]}, "n": 3}
    store.put("application", "a1", doc)
    assert store.get("application", "a1") == doc


def test_update_creates_changes_and_deletes(store):
    assert store.update("conversation", "u1", lambda cur: {"count": 1} if cur is None else None) == {"count": 1}
    assert store.update("conversation", "u1", lambda cur: {"count": cur["count"] + 1}) == {"count": 2}
    assert store.update("conversation", "u1", lambda cur: None) is None
    assert store.get("conversation", "u1") is None


def test_delete_reports_whether_it_existed(store):
    store.put("conversation", "u1", {"x": 1})
    assert store.delete("conversation", "u1") is True
    assert store.delete("conversation", "u1") is False


def test_find_by_indexed_fields_follows_changes(store):
    store.put("application", "a1", {"user_id": "u1", "status": "draft", "business_type": "new"})
    store.put("application", "a2", {"user_id": "u1", "status": "submitted", "business_type": "renew"})
    store.put("application", "a3", {"user_id": "u2", "status": "submitted", "business_type": "new"})
    assert [d["user_id"] for d in store.find("application", status="submitted")] == ["u1", "u2"]
    assert len(store.find("application", user_id="u1", status="submitted")) == 1
    assert len(store.find("application")) == 3
    store.update("application", "a1", lambda d: {**d, "status": "submitted"})
    assert len(store.find("application", status="submitted")) == 3
    assert store.find("application", status="draft") == []
    store.delete("application", "a3")
    assert [d["user_id"] for d in store.find("application", status="submitted")] == ["u1", "u1"]
    assert len(store.find("application")) == 2


def test_count_agrees_with_find_as_documents_change(store):
    def counts_agree() -> None:
        for where in ({}, {"status": "submitted"}, {"status": "draft"}, {"user_id": "u1"},
                      {"user_id": "u1", "status": "submitted"}, {"business_type": "renew", "status": "draft"}):
            assert store.count("application", **where) == len(store.find("application", **where)), where

    assert store.count("application") == 0
    store.put("application", "a1", {"user_id": "u1", "status": "draft", "business_type": "new"})
    store.put("application", "a2", {"user_id": "u1", "status": "submitted", "business_type": "renew"})
    store.put("application", "a3", {"user_id": "u2", "status": "submitted", "business_type": "new"})
    counts_agree()
    assert store.count("application", status="submitted") == 2 and store.count("application") == 3
    store.update("application", "a1", lambda d: {**d, "status": "submitted"})
    store.delete("application", "a3")
    counts_agree()
    assert store.count("application", user_id="u1", status="submitted") == 2
    assert store.count("escalation", status="open") == 0


def test_find_and_count_refuse_fields_that_are_not_indexed(store):
    with pytest.raises(ValueError):
        store.find("application", name="张三")
    with pytest.raises(ValueError):
        store.count("application", name="张三")


def test_find_orders_by_document_id(store):
    for doc_id in ("b", "c", "a"):
        store.put("escalation", doc_id, {"id": doc_id, "status": "open"})
    assert [d["id"] for d in store.find("escalation", status="open")] == ["a", "b", "c"]


def test_logs_append_in_order_and_read_the_newest(store):
    for i in range(5):
        store.append("transcript", "u1", {"i": i})
    store.append("transcript", "u2", {"i": 99})
    assert [e["i"] for e in store.read_log("transcript", "u1")] == [0, 1, 2, 3, 4]
    assert [e["i"] for e in store.read_log("transcript", "u1", last=2)] == [3, 4]
    store.delete_log("transcript", "u1")
    assert store.read_log("transcript", "u1") == []
    assert len(store.read_log("transcript", "u2")) == 1


def test_logs_are_listed_by_key_and_rewritten_where_they_stand(store):
    for key, n in (("u2", 2), ("u1", 3)):
        for i in range(n):
            store.append("transcript", key, {"i": i, "in": f"{key}-{i}"})
    store.append("audit", "all", {"action": "x"})
    assert store.log_keys("transcript") == ["u1", "u2"] and store.log_keys("nothing") == []
    assert store.rewrite_log("transcript", "u1", lambda e: {**e, "in": e["in"].upper()} if e["i"] else e) == 2
    assert store.read_log("transcript", "u1") == [{"i": 0, "in": "u1-0"}, {"i": 1, "in": "U1-1"}, {"i": 2, "in": "U1-2"}]
    assert store.read_log("transcript", "u2")[1] == {"i": 1, "in": "u2-1"}
    assert store.rewrite_log("transcript", "nobody", lambda e: e) == 0


def test_ids_lists_every_document_of_a_kind_in_order(store):
    for doc_id in ("b", "a", "c"):
        store.put("conversation", doc_id, {"state": "name"})
    store.put("application", "x", {"user_id": "u1"})
    store.delete("conversation", "c")
    assert store.ids("conversation") == ["a", "b"] and store.ids("escalation") == []


def test_claim_is_granted_once_until_it_expires(store):
    assert store.claim("wx:msg:u1:1", 0.3) is True
    assert store.claim("wx:msg:u1:1", 0.3) is False
    time.sleep(0.4)
    assert store.claim("wx:msg:u1:1", 0.3) is True


def test_remember_recall_forget(store):
    store.remember("token", "abc")
    assert store.recall("token") == "abc"
    store.remember("token", "def", ttl_seconds=0.2)
    assert store.recall("token") == "def"
    time.sleep(0.3)
    assert store.recall("token") is None
    store.remember("token", "x")
    store.forget("token")
    store.forget("token")  # absent: no error
    assert store.recall("token") is None


def test_forget_if_only_removes_ones_own_value(store):
    store.claim("lock:u1", 10, "mine")
    assert store.forget_if("lock:u1", "theirs") is False
    assert store.recall("lock:u1") == "mine"
    assert store.forget_if("lock:u1", "mine") is True
    assert store.recall("lock:u1") is None


def test_sequences_count_from_one_and_never_repeat(store):
    assert [store.next_id("escalation") for _ in range(3)] == [1, 2, 3]
    assert store.next_id("other") == 1


def test_ping(store):
    assert store.ping() is True


def test_two_threads_updating_one_user_100_times_lose_nothing(store):
    store.put("conversation", "u1", {"a": 0, "b": 0})

    def bump(field: str) -> None:
        for _ in range(100):
            store.update("conversation", "u1", lambda d: {**d, field: d[field] + 1})

    threads = [threading.Thread(target=bump, args=(f,)) for f in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.get("conversation", "u1") == {"a": 100, "b": 100}


def test_concurrent_claims_grant_exactly_one(store):
    winners = []

    def try_claim() -> None:
        if store.claim("wx:msg:u1:42", 30):
            winners.append(1)

    threads = [threading.Thread(target=try_claim) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert winners == [1]


def test_user_lock_serialises_one_user_and_times_out(store):
    locks = UserLock(store, ttl=5, wait=0.2)
    with locks.hold("u1"):
        with pytest.raises(LockTimeout):
            with UserLock(store, ttl=5, wait=0.2).hold("u1"):
                pass
        with locks.hold("u2"):  # another user is not blocked
            pass
    with locks.hold("u1"):  # released
        pass


def test_a_new_store_object_on_the_same_url_sees_the_data(store):
    store.put("conversation", "u1", {"state": "mobile"})
    with open_store(store.url) as again:
        assert again.get("conversation", "u1") == {"state": "mobile"}


def test_unknown_store_url_is_refused():
    with pytest.raises(ValueError):
        open_store("mysql://localhost/db")


def test_a_batch_runs_its_writes_at_the_end_of_its_block_and_none_when_the_block_raises(store):
    with store.batch() as batch:
        first = batch.claim("batch-key", 60, "a")
        assert store.recall("batch-key") is None  # queued, not yet sent
    assert batch.results[first] is True and store.recall("batch-key") == "a"
    with pytest.raises(KeyError), store.batch() as failed:
        failed.remember("batch-key", "b")
        raise KeyError("the block failed")
    assert failed.results == [] and store.recall("batch-key") == "a"


def test_a_prefetched_document_is_updated_from_what_was_read(store):
    store.put("conversation", "u1", {"n": 1})
    with store.batch() as batch:
        batch.prefetch("conversation", "u1")
    assert store.update("conversation", "u1", lambda d: {"n": d["n"] + 1}) == {"n": 2}


def test_a_prefetch_gone_stale_is_noticed_and_read_again(store):
    store.put("conversation", "u1", {"n": 1})
    with store.batch() as batch:
        batch.prefetch("conversation", "u1")
    writer = threading.Thread(target=store.put, args=("conversation", "u1", {"n": 10}))
    writer.start()  # another writer (its own thread, its own connection), after the prefetch
    writer.join()
    assert store.update("conversation", "u1", lambda d: {"n": d["n"] + 1}) == {"n": 11}


def test_an_updates_follow_up_writes_land_with_the_document(store):
    def record(doc):
        follow_up = Batch()
        follow_up.append("transcript", "u1", {"n": doc["n"]})
        follow_up.remember("u1:said", str(doc["n"]), 60)
        follow_up.forget_if("lock:u1", "mine")
        return follow_up

    store.claim("lock:u1", 60, "mine")
    assert store.update("conversation", "u1", lambda d: {"n": 1}, then=record) == {"n": 1}
    assert store.read_log("transcript", "u1") == [{"n": 1}]
    assert store.recall("u1:said") == "1"
    assert store.recall("lock:u1") is None


def test_a_follow_up_built_on_a_lost_race_is_not_written(store):
    """The follow-up of an update that had to recompute is the recomputed one's, written once."""
    store.put("conversation", "u1", {"n": 1})
    raced = []

    def add_one(doc):
        if not raced:  # another writer gets in between this read and this write
            raced.append(True)
            writer = threading.Thread(target=store.put, args=("conversation", "u1", {"n": 10}))
            writer.start()  # its own thread, its own connection
            writer.join()
        return {"n": doc["n"] + 1}

    def record(doc):
        follow_up = Batch()
        follow_up.append("transcript", "u1", {"n": doc["n"]})
        return follow_up

    assert store.update("conversation", "u1", add_one, then=record) == {"n": 11}
    assert store.read_log("transcript", "u1") == [{"n": 11}]


def test_update_with_result_hands_its_result_to_the_follow_up(store):
    def record(result):
        follow_up = Batch()
        follow_up.remember("answer", result)
        return follow_up

    assert store.update_with_result("conversation", "u1", lambda d: ({"n": 1}, "hello"), then=record) == "hello"
    assert store.recall("answer") == "hello"
    assert store.update_with_result("conversation", "u1", lambda d: ({"n": 2}, "x"), then=lambda r: None) == "x"


def test_a_lock_whose_release_rode_in_a_failed_write_is_still_released(store):
    """A turn queues its lock's release in the write of its state; when that write fails, the
    lock is released on the way out rather than left to its TTL."""
    def record(hold):
        follow_up = Batch()
        hold.release(follow_up)
        follow_up.ops.append(("no_such_write", ()))  # the write, follow-up included, fails
        return follow_up

    with pytest.raises(Exception):  # noqa: B017 - each backend fails in its own way
        with UserLock(store).hold("u1") as hold:
            store.update("conversation", "u1", lambda _doc: {"n": 1}, then=lambda _doc: record(hold))
    assert store.get("conversation", "u1") is None
    assert store.recall(hold.key) is None
