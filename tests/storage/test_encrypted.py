"""Personal fields encrypted at rest (storage.encrypted): what reaches the backend is ciphertext,
what the application reads is the plain value, on SQLite and Redis alike. The full Store contract
runs against the wrapper too (the ``sqlite-encrypted`` backend of tests/conftest.py)."""
from __future__ import annotations

import json
import sqlite3
import threading

import pytest
from cryptography.fernet import Fernet

from storage import StoreError, open_store
from storage.base import Batch
from storage.encrypted import PERSONAL_FIELDS, EncryptedFields
from tests.support.stores import TEST_DATA_KEY

ID_NUMBER = "11010519491231002X"
MOBILE = "13800138000"


def application(**answers) -> dict:
    return {"id": "a1", "user_id": "u1", "status": "draft",
            "answers": {"name": "张三", "id_number": ID_NUMBER, "mobile": MOBILE, **answers}}


@pytest.fixture(params=["sqlite", "redis"])
def backend(request):
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture
def encrypted(backend):
    return EncryptedFields(backend, TEST_DATA_KEY, PERSONAL_FIELDS)


def test_the_sqlite_file_never_holds_the_id_number_or_mobile(sqlite_store):
    store = EncryptedFields(sqlite_store, TEST_DATA_KEY)
    store.put("application", "a1", application())
    store.update("conversation", "u1", lambda _: {"state": "email", "answers": {"id_number": ID_NUMBER,
                                                                                 "mobile": MOBILE}})
    written = b"".join(path.read_bytes() for path in sqlite_store.path.parent.glob(f"{sqlite_store.path.name}*"))
    assert ID_NUMBER.encode() not in written and MOBILE.encode() not in written
    bodies = sqlite3.connect(sqlite_store.path).execute("SELECT body FROM docs").fetchall()
    assert all('"id_number":"enc:v2:' in body for (body,) in bodies)
    assert store.get("application", "a1")["answers"]["id_number"] == ID_NUMBER


def test_the_redis_value_never_holds_the_id_number_or_mobile(redis_store):
    store = EncryptedFields(redis_store, TEST_DATA_KEY)
    store.put("application", "a1", application())
    raw = redis_store.r.get(redis_store.keys.doc("application", "a1"))
    assert ID_NUMBER not in raw and MOBILE not in raw and "enc:v2:" in raw
    assert store.find("application", user_id="u1")[0]["answers"]["mobile"] == MOBILE


def test_reads_and_updates_see_plain_values(encrypted):
    encrypted.put("application", "a1", application())
    assert encrypted.get("application", "a1") == application()
    changed = encrypted.update("application", "a1", lambda doc: {**doc, "answers": {**doc["answers"], "mobile": "13900139000"}})
    assert changed["answers"]["mobile"] == "13900139000"
    assert encrypted.get("application", "a1")["answers"] == {"name": "张三", "id_number": ID_NUMBER,
                                                               "mobile": "13900139000"}


def test_plaintext_written_before_the_key_existed_still_reads_and_is_encrypted_at_its_next_write(backend, encrypted):
    backend.put("application", "a1", application())  # as stored before DATA_KEY was set
    assert encrypted.get("application", "a1")["answers"]["id_number"] == ID_NUMBER
    encrypted.update("application", "a1", lambda doc: {**doc, "status": "submitted"})
    assert backend.get("application", "a1")["answers"]["id_number"].startswith("enc:v2:")
    assert encrypted.get("application", "a1")["answers"]["id_number"] == ID_NUMBER


def test_an_update_that_leaves_a_value_alone_keeps_its_ciphertext(backend, encrypted):
    encrypted.put("application", "a1", application())
    sealed = backend.get("application", "a1")["answers"]["id_number"]
    encrypted.update("application", "a1", lambda doc: {**doc, "answers": {**doc["answers"], "name": "李四"}})
    assert backend.get("application", "a1")["answers"]["id_number"] == sealed


def test_the_callers_document_is_not_changed_by_writing_it(encrypted):
    doc = application()
    encrypted.put("application", "a1", doc)
    encrypted.update("application", "a2", lambda _: doc)
    assert doc == application()


def test_other_kinds_and_missing_fields_pass_through(backend, encrypted):
    encrypted.put("notification", "n1", {"id": "n1", "user_id": "u1", "status": "sent", "text": "预审通过"})
    encrypted.put("application", "a2", {"id": "a2", "user_id": "u1", "answers": {"id_number": None}})
    assert backend.get("notification", "n1")["text"] == "预审通过"  # not a listed kind
    assert encrypted.get("application", "a2") == {"id": "a2", "user_id": "u1", "answers": {"id_number": None}}


def test_a_wrong_key_is_a_clear_store_error_not_garbage(backend, encrypted):
    encrypted.put("application", "a1", application())
    with pytest.raises(StoreError, match="DATA_KEY"):
        EncryptedFields(backend, Fernet.generate_key().decode()).get("application", "a1")


def test_concurrent_updates_through_the_wrapper_lose_nothing(encrypted):
    """Redis' compare-and-set compares the raw values it read, while the updates see plain ones."""
    encrypted.put("conversation", "u1", {"a": 0, "b": 0, "answers": {"id_number": ID_NUMBER}})

    def bump(field: str) -> None:
        for _ in range(50):
            encrypted.update("conversation", "u1", lambda d: {**d, field: d[field] + 1,
                                                              "answers": {**d["answers"], "mobile": f"1390013{d[field]:04d}"}})

    threads = [threading.Thread(target=bump, args=(f,)) for f in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    doc = encrypted.get("conversation", "u1")
    assert (doc["a"], doc["b"], doc["answers"]["id_number"]) == (50, 50, ID_NUMBER)


def test_names_e_mail_addresses_and_reports_in_the_applicants_words_are_encrypted_too(backend, encrypted):
    encrypted.put("application", "a1", {**application(email="zs@example.com"),
                                         "disputes": [{"text": "单位名称不对", "at": "2026-11-25T10:00:00"}]})
    raw = backend.get("application", "a1")
    assert all(raw["answers"][f].startswith("enc:v2:") for f in ("name", "id_number", "mobile", "email"))
    assert raw["disputes"].startswith("enc:v2:") and raw["status"] == "draft"
    assert encrypted.get("application", "a1")["disputes"][0]["text"] == "单位名称不对"


def test_what_support_is_asked_and_answers_is_encrypted_and_the_queue_still_finds_it(backend, encrypted):
    encrypted.put("escalation", "e1", {"id": "e1", "user_id": "u1", "status": "open", "note": "我叫张三，密码忘了",
                                       "requests": [{"note": "我叫张三，密码忘了"}], "replies": [{"text": "张先生您好"}]})
    raw = backend.get("escalation", "e1")
    assert all(raw[f].startswith("enc:v2:") for f in ("note", "requests", "replies")) and "张" not in str(raw)
    [found] = encrypted.find("escalation", status="open")
    assert found["replies"] == [{"text": "张先生您好"}] and found["requests"][0]["note"] == "我叫张三，密码忘了"


def test_a_transcript_keeps_what_was_said_encrypted_whichever_way_it_is_appended(backend, encrypted):
    turn = {"at": "2026-11-25T10:00:00", "in": "我叫张三", "out": "请输入您的18位身份证号码。", "state": "id_number"}
    encrypted.append("transcript", "u1", turn)
    encrypted.run_batch([("append", ("transcript", "u1", turn)), ("remember", ("k", "v", 60))])

    def with_turn(_doc):
        batch = Batch()
        batch.append("transcript", "u1", turn)
        return batch

    encrypted.update("conversation", "u1", lambda _: {"state": "id_number"}, then=with_turn)
    encrypted.update("notification", "n1", lambda _: {"id": "n1", "user_id": "u1", "status": "sent"}, then=with_turn)
    stored = backend.read_log("transcript", "u1")
    assert len(stored) == 4 and all(e["in"].startswith("enc:v2:") and e["out"].startswith("enc:v2:") for e in stored)
    assert all(e["at"] == turn["at"] and e["state"] == "id_number" for e in stored)  # support's view needs no key
    assert encrypted.read_log("transcript", "u1", last=2) == [turn, turn]
    assert encrypted.recall("k") == "v"


def test_log_entries_written_before_the_key_existed_read_as_they_are(backend, encrypted):
    backend.append("transcript", "u1", {"in": "你好", "out": "您好"})
    encrypted.append("audit", "all", {"action": "x"})  # not a listed log
    assert encrypted.read_log("transcript", "u1") == [{"in": "你好", "out": "您好"}]
    assert backend.read_log("audit", "all") == [{"action": "x"}]


def test_a_new_key_put_first_reads_the_old_data_and_rekey_moves_everything_to_it(backend):
    old_key, new_key = TEST_DATA_KEY, Fernet.generate_key().decode()
    before = EncryptedFields(backend, old_key)
    before.put("application", "a1", application())
    before.update("conversation", "u1", lambda _: {"answers": {"name": "张三", "mobile": MOBILE}})
    before.append("transcript", "u1", {"at": "2026-11-25T10:00:00", "in": "我叫张三", "out": "请输入身份证号码"})
    before.append("audit", "all", {"action": "x"})

    rotating = EncryptedFields(backend, f"{new_key},{old_key}")
    assert rotating.get("application", "a1") == application()  # the old key still reads
    assert rotating.rekey() == {"conversation": 1, "application": 1, "escalation": 0, "transcript": 1}

    after = EncryptedFields(backend, new_key)  # the old key can go
    assert after.get("application", "a1") == application()
    assert after.get("conversation", "u1")["answers"] == {"name": "张三", "mobile": MOBILE}
    assert after.read_log("transcript", "u1")[0]["in"] == "我叫张三"
    with pytest.raises(StoreError, match="DATA_KEY"):
        EncryptedFields(backend, old_key).get("application", "a1")


def test_an_indexed_field_cannot_be_encrypted(sqlite_store):
    with pytest.raises(ValueError, match="indexed"):
        EncryptedFields(sqlite_store, TEST_DATA_KEY, {"application": ("user_id",)})


def test_open_store_with_a_data_key_encrypts_and_a_second_opening_reads(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    first, second, keyless = (open_store(url, data_key=TEST_DATA_KEY), open_store(url, data_key=TEST_DATA_KEY),
                              open_store(url))
    try:
        first.put("conversation", "u1", {"answers": {"id_number": ID_NUMBER}})
        assert second.get("conversation", "u1") == {"answers": {"id_number": ID_NUMBER}}
        assert keyless.get("conversation", "u1")["answers"]["id_number"].startswith("enc:v2:")
    finally:
        for store in (first, second, keyless):
            store.close()


def fernet_sealed(value: object, key: str = TEST_DATA_KEY) -> str:
    """A value as the Fernet format (enc:v1) wrote it, before AES-GCM."""
    return "enc:v1:" + Fernet(key).encrypt(json.dumps(value).encode()).decode()


def test_values_written_in_the_fernet_format_still_read_and_rekey_rewrites_them_as_aes_gcm(backend, encrypted):
    backend.put("application", "a1", {**application(), "answers": {"name": fernet_sealed("张三"),
                                                                      "id_number": fernet_sealed(ID_NUMBER),
                                                                      "mobile": fernet_sealed(MOBILE)}})
    backend.append("transcript", "u1", {"at": "2026-11-25T10:00:00", "in": fernet_sealed("我叫张三"), "out": "好"})
    assert encrypted.get("application", "a1") == application()
    assert encrypted.read_log("transcript", "u1")[0]["in"] == "我叫张三"

    encrypted.update("application", "a1", lambda doc: {**doc, "answers": {**doc["answers"], "mobile": "13900139000"}})
    raw = backend.get("application", "a1")["answers"]
    assert raw["id_number"].startswith("enc:v1:") and raw["mobile"].startswith("enc:v2:")  # only the change is new

    assert encrypted.rekey()["application"] == 1 and encrypted.rekey()["transcript"] == 1
    raw = backend.get("application", "a1")["answers"]
    assert all(raw[f].startswith("enc:v2:") for f in ("name", "id_number", "mobile"))
    assert backend.read_log("transcript", "u1")[0]["in"].startswith("enc:v2:")
    assert encrypted.get("application", "a1")["answers"]["id_number"] == ID_NUMBER


@pytest.mark.parametrize("tamper", [
    lambda sealed: sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB"),  # the tag
    lambda sealed: sealed[:12] + ("A" if sealed[12] != "A" else "B") + sealed[13:],  # the nonce
    lambda sealed: sealed[:20],  # cut short
    lambda sealed: sealed + "!",  # not base64
])
def test_a_changed_ciphertext_is_refused_not_read(backend, encrypted, tamper):
    encrypted.put("application", "a1", application())
    raw = backend.get("application", "a1")
    raw["answers"]["id_number"] = tamper(raw["answers"]["id_number"])
    backend.put("application", "a1", raw)
    with pytest.raises(StoreError, match="DATA_KEY"):
        encrypted.get("application", "a1")


def test_each_write_of_one_value_is_a_different_ciphertext(backend, encrypted):
    """A random nonce a value: equal ID numbers do not show as equal ciphertexts."""
    encrypted.put("application", "a1", application())
    encrypted.put("application", "a2", application())
    first, second = (backend.get("application", doc_id)["answers"]["id_number"] for doc_id in ("a1", "a2"))
    assert first.startswith("enc:v2:") and first != second


def test_every_personal_field_of_a_document_sealed_at_once_reads_back_and_leaves_the_callers_dicts_alone(backend, encrypted):
    # Five fields, four of them in one inner dict that is copied once for all of them: the caller's
    # dicts keep their plain values, the backend holds none of them, a read gives each back.
    doc = application(email="zhang@example.com", district="浦东新区")
    doc["disputes"] = [{"text": "我的学历是本科"}]
    answers_before = dict(doc["answers"])
    encrypted.put("application", "a1", doc)
    assert doc["answers"] == answers_before and doc["disputes"] == [{"text": "我的学历是本科"}]
    stored = backend.get("application", "a1")
    for field in ("name", "id_number", "mobile", "email"):
        assert stored["answers"][field].startswith("enc:v2:")
    assert stored["answers"]["district"] == "浦东新区" and stored["disputes"].startswith("enc:v2:")
    assert encrypted.get("application", "a1") == doc
    encrypted.update("application", "a1", lambda d: {**d, "answers": {**d["answers"], "mobile": "13900139000"}})
    assert backend.get("application", "a1")["answers"]["id_number"] == stored["answers"]["id_number"]
    assert encrypted.get("application", "a1")["answers"] == {**answers_before, "mobile": "13900139000"}


def test_fields_at_several_depths_of_one_document_are_sealed_and_opened_dict_by_dict(backend):
    # Fields are taken by the dict that holds them: a dict inside another one with fields of its own,
    # a top-level field beside them, a field whose dict is missing or not a dict at all.
    store = EncryptedFields(backend, TEST_DATA_KEY, {"note": ("a.b.secret", "a.pin", "top", "gone.x", "flat.y")})
    doc = {"a": {"b": {"secret": "甲", "open": 1}, "pin": "1234", "keep": "乙"}, "top": ["丙"], "flat": "not a dict"}
    before = json.loads(json.dumps(doc))
    store.put("note", "n1", doc)
    assert doc == before  # the caller's dicts as they were
    raw = backend.get("note", "n1")
    assert all(value.startswith("enc:v2:") for value in (raw["a"]["b"]["secret"], raw["a"]["pin"], raw["top"]))
    assert raw["a"]["b"]["open"] == 1 and raw["a"]["keep"] == "乙" and raw["flat"] == "not a dict"
    assert store.get("note", "n1") == doc
    store.update("note", "n1", lambda d: {**d, "a": {**d["a"], "pin": "4321"}})
    again = backend.get("note", "n1")
    assert again["a"]["b"]["secret"] == raw["a"]["b"]["secret"] and again["top"] == raw["top"]  # left alone: same ciphertext
    assert again["a"]["pin"] != raw["a"]["pin"] and store.get("note", "n1")["a"]["pin"] == "4321"
