"""Account records in the Store, on every backend: roles, secrets kept only as hashes, audit."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
import time_machine

from bot.desk.accounts import (KIND, TOKEN_LIFETIME, AccountError, account_for_password, account_for_token, audit,
                          audit_trail, create_account, get_account, list_accounts, rotate_token, set_disabled,
                          set_password)

PASSWORD = "correct horse battery"


def test_a_new_account_is_found_by_its_token(store):
    account, token = create_account(store, "zhang.wei", "staff")
    assert account_for_token(store, token) == account
    assert account.role == "staff" and not account.disabled and not account.has_password


def test_an_unknown_token_finds_no_account(store):
    create_account(store, "zhang.wei", "staff")
    assert account_for_token(store, "not-a-token") is None


def test_the_token_and_password_are_never_stored_in_clear(store):
    _, token = create_account(store, "zhang.wei", "staff", PASSWORD)
    stored = json.dumps(store.find("account"))
    assert token not in stored and PASSWORD not in stored
    assert store.get("account", "zhang.wei")["password"]["scheme"] == "scrypt"


def test_the_database_file_holds_no_token(sqlite_store):
    _, token = create_account(sqlite_store, "zhang.wei", "staff", PASSWORD)
    files = sqlite_store.path.parent.glob(sqlite_store.path.name + "*")  # the file and its WAL
    raw = b"".join(path.read_bytes() for path in files)
    assert token.encode() not in raw and PASSWORD.encode() not in raw


def test_each_password_gets_its_own_salt(store):
    create_account(store, "a1", "staff", PASSWORD)
    create_account(store, "a2", "staff", PASSWORD)
    first, second = (store.get("account", name)["password"] for name in ("a1", "a2"))
    assert first["salt"] != second["salt"] and first["hash"] != second["hash"]


def test_names_are_unique_regardless_of_case(store):
    create_account(store, "zhang.wei", "staff")
    with pytest.raises(AccountError, match="already exists"):
        create_account(store, "Zhang.Wei", "admin")
    assert [a.role for a in list_accounts(store)] == ["staff"]


@pytest.mark.parametrize("name, role, password", [
    ("x", "staff", None),                  # too short
    ("zhang wei", "staff", None),          # space
    ("-rm", "staff", None),                # looks like an option
    ("zhang.wei", "boss", None),           # no such role
    ("zhang.wei", "staff", "short"),       # password too short
])
def test_bad_names_roles_and_passwords_are_refused(store, name, role, password):
    with pytest.raises(AccountError):
        create_account(store, name, role, password)
    assert list_accounts(store) == []


def test_rotating_the_token_retires_the_old_one(store):
    _, old = create_account(store, "zhang.wei", "staff")
    _, new = rotate_token(store, "zhang.wei")
    assert account_for_token(store, old) is None
    assert account_for_token(store, new).name == "zhang.wei"


ISSUED = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def test_a_token_expires_after_its_lifetime_and_a_rotated_one_starts_afresh(store):
    with time_machine.travel(ISSUED, tick=False):
        _, token = create_account(store, "zhang.wei", "staff")
    account = account_for_token(store, token)
    assert datetime.fromisoformat(account.token_expires_at) == ISSUED + TOKEN_LIFETIME
    with time_machine.travel(ISSUED + TOKEN_LIFETIME - timedelta(seconds=1), tick=False):
        assert not account_for_token(store, token).token_expired
    with time_machine.travel(ISSUED + TOKEN_LIFETIME, tick=False):
        assert account_for_token(store, token).token_expired
        renewed, new = rotate_token(store, "zhang.wei", token_days=7)
        assert not account_for_token(store, new).token_expired
    assert datetime.fromisoformat(renewed.token_expires_at) == ISSUED + TOKEN_LIFETIME + timedelta(days=7)


@pytest.mark.parametrize("days", [0, -1, 366])
def test_a_token_lifetime_outside_one_day_to_a_year_is_refused(store, days):
    with pytest.raises(AccountError, match="1-365 days"):
        create_account(store, "zhang.wei", "staff", token_days=days)
    create_account(store, "zhang.wei", "staff", token_days=365)
    with pytest.raises(AccountError, match="1-365 days"):
        rotate_token(store, "zhang.wei", token_days=days)


def test_an_account_from_before_expiry_counts_its_token_from_its_creation(store):
    with time_machine.travel(ISSUED, tick=False):
        _, token = create_account(store, "old.timer", "staff")
    store.update(KIND, "old.timer", lambda doc: {k: v for k, v in doc.items() if k != "token_expires_at"})
    account = account_for_token(store, token)
    assert datetime.fromisoformat(account.token_expires_at) == ISSUED + TOKEN_LIFETIME


def test_the_password_opens_only_its_own_account(store):
    create_account(store, "zhang.wei", "staff", PASSWORD)
    create_account(store, "api.only", "support")
    assert account_for_password(store, "Zhang.Wei", PASSWORD).name == "zhang.wei"
    assert account_for_password(store, "zhang.wei", PASSWORD + "!") is None
    assert account_for_password(store, "nobody", PASSWORD) is None
    assert account_for_password(store, "api.only", PASSWORD) is None


def test_a_password_can_be_set_later(store):
    create_account(store, "api.only", "support")
    assert set_password(store, "api.only", PASSWORD).has_password
    assert account_for_password(store, "api.only", PASSWORD).name == "api.only"


def test_disabling_is_recorded_and_reversible(store):
    create_account(store, "zhang.wei", "staff")
    assert set_disabled(store, "zhang.wei", True).disabled
    assert get_account(store, "zhang.wei").disabled
    assert not set_disabled(store, "zhang.wei", False).disabled


def test_changing_a_missing_account_says_so(store):
    with pytest.raises(AccountError, match="no account"):
        rotate_token(store, "nobody")


def test_admin_may_act_in_every_role(store):
    admin, _ = create_account(store, "boss", "admin")
    staff, _ = create_account(store, "clerk", "staff")
    assert admin.may_act_as(("staff",)) and admin.may_act_as(("support",))
    assert staff.may_act_as(("staff",)) and not staff.may_act_as(("support",)) and staff.may_act_as(())


def test_audit_records_who_did_what_to_what_and_when(store):
    reviewer, _ = create_account(store, "zhang.wei", "staff")
    audit(store, reviewer, "review.return", "application:42", {"material": "学历证书", "reason": "不清晰"})
    audit(store, "system", "application.auto_confirm", "application:42")
    first, second = audit_trail(store)
    assert first["actor"] == "zhang.wei" and first["role"] == "staff" and first["action"] == "review.return"
    assert first["target"] == "application:42" and first["detail"]["reason"] == "不清晰" and first["at"]
    assert second["actor"] == "system" and second["role"] is None and second["detail"] == {}
    assert audit_trail(store, last=1) == [second]


def test_the_password_hash_cost_is_a_setting_that_each_hash_remembers(store, monkeypatch):
    monkeypatch.setenv("PASSWORD_HASH_LOG2N", "11")
    create_account(store, "zhang.wei", "staff", PASSWORD)
    monkeypatch.setenv("PASSWORD_HASH_LOG2N", "12")  # raised later: the old hash still checks
    assert store.get(KIND, "zhang.wei")["password"]["n"] == 2**11
    assert account_for_password(store, "zhang.wei", PASSWORD) is not None


def test_production_keeps_scrypt_at_2_to_the_15_and_refuses_a_cost_out_of_range(tmp_path):
    from bot.config import ConfigError, from_env
    assert from_env({"DATA_DIR": str(tmp_path)}).password_hash_log2n == 15
    for bad in ("9", "21", "fast"):
        with pytest.raises(ConfigError, match="PASSWORD_HASH_LOG2N"):
            from_env({"DATA_DIR": str(tmp_path), "PASSWORD_HASH_LOG2N": bad})
