"""Every Redis operation is translated (Redis errors become StoreError, the stall guard is asked)
exactly once: at its own door, never again by an operation it calls on the way."""
from __future__ import annotations

import pytest

from storage.base import Store

pytestmark = pytest.mark.redis

# operation -> a call of it; together they are every public operation of the Store contract
CALLS = {
    "get": lambda s: s.get("doc", "a"),
    "put": lambda s: s.put("doc", "a", {"n": 1}),
    "update": lambda s: s.update("doc", "a", lambda d: {"n": 2}),
    "delete": lambda s: s.delete("doc", "a"),
    "find": lambda s: s.find("application", user_id="u"),
    "ids": lambda s: s.ids("doc"),
    "count": lambda s: s.count("application", user_id="u"),
    "append": lambda s: s.append("transcript", "u", {"at": "now"}),
    "read_log": lambda s: s.read_log("transcript", "u"),
    "rewrite_log": lambda s: s.rewrite_log("transcript", "u", lambda e: e),
    "log_keys": lambda s: s.log_keys("transcript"),
    "delete_log": lambda s: s.delete_log("transcript", "u"),
    "claim": lambda s: s.claim("k", 10),
    "remember": lambda s: s.remember("k2", "v", 10),
    "recall": lambda s: s.recall("k2"),
    "forget_if": lambda s: s.forget_if("k2", "v"),
    "forget": lambda s: s.forget("k"),
    "next_id": lambda s: s.next_id("seq"),
    "run_batch": lambda s: s.run_batch([("claim", ("k3", 10, "1")), ("prefetch", ("doc", "a", None))]),
}


def test_the_calls_cover_every_abstract_operation_of_the_store():
    operations = set(Store.__abstractmethods__) - {"ping", "close"}
    assert operations and operations <= set(CALLS)
    assert "run_batch" in CALLS  # batches too, though the contract gives them a default


@pytest.mark.parametrize("operation", sorted(CALLS))
def test_each_operation_asks_the_stall_guard_once(redis_store, operation, monkeypatch):
    asked = []
    enter = redis_store.stall.enter
    monkeypatch.setattr(redis_store.stall, "enter", lambda: asked.append(operation) or enter())
    CALLS[operation](redis_store)
    assert asked == [operation]
