"""The stores tests run against: the Redis server (``REDIS_URL``, else 127.0.0.1:6379) with a key
prefix of the test's own, and the fixed data key of the encrypting wrapper."""
from __future__ import annotations

import os
import uuid
from typing import Any

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
TEST_DATA_KEY = "bXVzdC1iZS0zMi1ieXRlcy1vZi1rZXktbWF0ZXJpYWw="  # a fixed Fernet key, for tests only


def redis_url_for_test() -> str:
    """A Redis URL with a prefix no other test uses."""
    sep = "&" if "?" in REDIS_URL else "?"
    return f"{REDIS_URL}{sep}prefix=test-{uuid.uuid4().hex[:12]}"


STORES = ["sqlite", "redis", "sqlite-encrypted"]
# The storage contract itself (tests/storage) also runs on Redis behind the encrypting wrapper; the
# services built on a Store run on each backend and on the wrapper once, which is what they can tell apart.
CONTRACT_STORES = [*STORES, "redis-encrypted"]


def store_named(request) -> Any:
    """The store fixture a ``store`` parameter names ("sqlite-encrypted" -> ``sqlite_encrypted_store``)."""
    return request.getfixturevalue(f"{request.param.replace('-', '_')}_store")
