"""Fixtures every test folder shares: real stores, one per test.

SQLite is a file in the test's own directory. Redis is a real server: ``REDIS_URL`` or
127.0.0.1:6379; each test gets its own key prefix and its keys are dropped afterwards. Where no
Redis answers, Redis tests are skipped locally but fail under CI (``CI`` set), so a missing server
never passes silently there.
"""
from __future__ import annotations

import os
import uuid

import pytest

from storage import open_store
from storage.encrypted import PERSONAL_FIELDS, EncryptedFields
from storage.sqlite import SQLiteStore

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
TEST_DATA_KEY = "bXVzdC1iZS0zMi1ieXRlcy1vZi1rZXktbWF0ZXJpYWw="  # a fixed Fernet key, for tests only


def redis_url_for_test() -> str:
    """A Redis URL with a prefix no other test uses."""
    sep = "&" if "?" in REDIS_URL else "?"
    return f"{REDIS_URL}{sep}prefix=test-{uuid.uuid4().hex[:12]}"


def _redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def sqlite_store(tmp_path) -> SQLiteStore:
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    yield store
    store.close()


@pytest.fixture
def redis_store():
    if not _redis_available():
        if os.environ.get("CI"):
            pytest.fail(f"no Redis server at {REDIS_URL}")
        pytest.skip(f"no Redis server at {REDIS_URL}")
    store = open_store(redis_url_for_test())
    yield store
    store.drop_everything()
    store.close()


@pytest.fixture
def sqlite_encrypted_store(sqlite_store) -> EncryptedFields:
    """SQLite behind the wrapper that encrypts personal fields (what a deployment with DATA_KEY runs)."""
    return EncryptedFields(sqlite_store, TEST_DATA_KEY, PERSONAL_FIELDS)


@pytest.fixture(params=["sqlite", "redis", "sqlite-encrypted"])
def store(request):
    """Every backend, one after the other: the contract every Store keeps."""
    return request.getfixturevalue(f"{request.param.replace('-', '_')}_store")
