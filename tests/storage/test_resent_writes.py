"""A write sent twice is applied once. redis-py sends a command again after a reconnect, though
Redis may have applied it just before the connection dropped (killed after writing its append-only
file, before replying). These tests send the very same write twice, as that resend does."""
from __future__ import annotations

import json

from storage.base import Batch
from storage.locks import UserLock


def compare_and_set(store, doc_id: str, read: str, new: dict, token: str, follow_up: Batch | None = None):
    """The Redis backend's compare-and-set of one conversation document, with this write's token."""
    key = store.keys.doc("conversation", doc_id)
    op_keys, op_args = store._encoded(follow_up.ops if follow_up else [])
    return store._run(store._compare_and_set, [key, store.keys.written_by(key), *op_keys],
                      [read, json.dumps(new), 0, doc_id, token, 60_000, 0, *op_args])


def test_a_document_write_sent_again_after_it_was_applied_counts_as_written_once(redis_store):
    follow_up = Batch()
    follow_up.append("transcript", "u1", {"in": "你好"})
    assert compare_and_set(redis_store, "u1", "", {"n": 1}, "write-1", follow_up) == [1, 0]
    # The resend: recognised, and its follow-up not run again.
    assert compare_and_set(redis_store, "u1", "", {"n": 1}, "write-1", follow_up) == [1]
    assert redis_store.get("conversation", "u1") == {"n": 1}
    assert redis_store.read_log("transcript", "u1") == [{"in": "你好"}]


def test_a_write_based_on_a_stale_read_still_fails(redis_store):
    redis_store.put("conversation", "u1", {"n": 1})
    follow_up = Batch()
    follow_up.remember("said", "yes")
    assert compare_and_set(redis_store, "u1", "", {"n": 5}, "write-2", follow_up) == 0
    assert redis_store.get("conversation", "u1") == {"n": 1}
    assert redis_store.recall("said") is None


def test_a_log_append_sent_twice_is_appended_once(redis_store):
    keys, args = redis_store._encoded([("append", ("transcript", "u1", {"in": "你好"}))])
    redis_store._run(redis_store._batch, keys, args)
    redis_store._run(redis_store._batch, keys, args)
    assert redis_store.read_log("transcript", "u1") == [{"in": "你好"}]
    redis_store.append("transcript", "u1", {"in": "你好"})  # the same words said again: a new entry
    assert len(redis_store.read_log("transcript", "u1")) == 2


def test_a_claim_answered_no_is_still_its_holders_when_the_key_holds_its_token(store):
    hold = UserLock(store).prepare("u1")
    assert store.claim(hold.key, 30, hold.token)
    assert not store.claim(hold.key, 30, hold.token)  # what a resend of that claim answers
    assert hold.took(False)
    other = UserLock(store).prepare("u1")
    assert not other.took(store.claim(other.key, 30, other.token))


def test_scripts_forgotten_by_a_restarted_redis_are_sent_again(redis_store):
    redis_store.put("conversation", "u1", {"n": 1})
    redis_store.r.script_flush()  # what a restart without persistence does to the script cache
    assert redis_store.update("conversation", "u1", lambda d: {"n": d["n"] + 1}) == {"n": 2}
    redis_store.r.script_flush()
    with redis_store.batch() as batch:
        batch.remember("k", "v")
    assert redis_store.recall("k") == "v"
