"""The stores' JSON (storage.codec, orjson) reads what the standard library's json wrote before it,
on both backends: documents, log entries, and a log rewrite that leaves such entries alone."""
from __future__ import annotations

import json

import pytest

from storage.codec import decoded, encoded, encoded_utf8

DOC = {"state": "employer", "answers": {"name": "张三", "employer": "上海某某科技有限公司", "years": 0, "rate": 0.5,
                                        "consent": True, "spouse": None, "big": 2 ** 62, "tiny": 1e-7},
       "history": ["你好", "\u2028", "\"quoted\"", "tab\there", "😀"], "escalation": {}}


@pytest.mark.parametrize("dumps", [lambda v: json.dumps(v, ensure_ascii=False), json.dumps])
def test_text_the_standard_library_wrote_decodes_to_the_same_value(dumps):
    assert decoded(dumps(DOC)) == json.loads(dumps(DOC)) == DOC


def test_what_it_writes_the_standard_library_reads_and_keys_that_are_not_text_become_text():
    assert json.loads(encoded(DOC)) == DOC
    assert decoded(encoded({1: "a", "b": (1, 2)})) == json.loads(json.dumps({1: "a", "b": (1, 2)})) == {"1": "a", "b": [1, 2]}


def test_the_bytes_form_is_the_texts_utf8_and_redis_keeps_a_document_and_a_log_entry_as_that_text(redis_store):
    # Redis is handed the bytes orjson writes: what it keeps is the text the other backends keep.
    assert encoded_utf8(DOC) == encoded(DOC).encode() and decoded(encoded_utf8(DOC)) == DOC
    redis_store.put("conversation", "u1", DOC)
    redis_store.append("transcript", "u1", DOC)
    assert redis_store.r.get(redis_store.keys.doc("conversation", "u1")) == encoded(DOC)
    assert redis_store.r.lrange(redis_store.keys.log("transcript", "u1"), 0, -1) == [encoded(DOC)]
    assert redis_store.get("conversation", "u1") == DOC and redis_store.read_log("transcript", "u1") == [DOC]


@pytest.fixture(params=["sqlite", "redis"])
def backend(request):
    return request.getfixturevalue(f"{request.param}_store")


def write_as_before(backend, doc_key: tuple[str, str], log_key: tuple[str, str], doc: dict, entries: list[dict]) -> None:
    """Store ``doc`` and ``entries`` as the backend did with json.dumps (spaces after separators)."""
    if hasattr(backend, "r"):
        backend.r.set(backend.keys.doc(*doc_key), json.dumps(doc, ensure_ascii=False))
        backend.r.rpush(backend.keys.log(*log_key), *(json.dumps(e, ensure_ascii=False) for e in entries))
    else:
        with backend._write() as db:
            db.execute("INSERT INTO docs (kind, id, body) VALUES (?, ?, ?)", (*doc_key, json.dumps(doc, ensure_ascii=False)))
            db.executemany("INSERT INTO logs (log, key, body) VALUES (?, ?, ?)",
                           [(*log_key, json.dumps(e, ensure_ascii=False)) for e in entries])


def test_documents_and_logs_stored_before_read_as_they_were_and_update(backend):
    entries = [{"at": "2026-11-25T10:00:00", "in": "你好", "out": "您好"}, {"in": "1", "out": "好"}]
    write_as_before(backend, ("conversation", "u1"), ("transcript", "u1"), DOC, entries)
    assert backend.get("conversation", "u1") == DOC
    assert backend.read_log("transcript", "u1") == entries
    assert backend.update("conversation", "u1", lambda doc: {**doc, "state": "done"})["state"] == "done"
    assert backend.get("conversation", "u1") == {**DOC, "state": "done"}


def test_a_rewrite_that_changes_nothing_rewrites_no_entry_stored_before(backend):
    entries = [{"in": "你好", "out": "您好"}, {"in": "张三", "out": "好"}]
    write_as_before(backend, ("conversation", "u1"), ("transcript", "u1"), DOC, entries)
    assert backend.rewrite_log("transcript", "u1", lambda entry: entry) == 0
    assert backend.rewrite_log("transcript", "u1", lambda e: {**e, "in": "***"} if e["in"] == "张三" else e) == 1
    assert backend.read_log("transcript", "u1") == [entries[0], {"in": "***", "out": "好"}]
