"""What the backends index, and how every key is named (one place, never concatenated elsewhere)."""
from __future__ import annotations

# kind -> top-level fields a backend keeps a secondary index on (for Store.find).
INDEXES: dict[str, tuple[str, ...]] = {
    "conversation": (),
    "application": ("user_id", "status", "business_type"),
    "escalation": ("user_id", "status"),
    "notification": ("status", "user_id", "application_id"),
    "account": ("name", "token_hash"),
}


class RedisKeys:
    """Every Redis key of one store, under one prefix.

    A document's keys carry its id in a hash tag (``{kind:id}``) so that, on Redis Cluster, a
    document and what belongs to it (its logs) live in one slot. Indexes span documents and are
    only touched together with one document at a time.
    """

    def __init__(self, prefix: str = "jf") -> None:
        self.prefix = prefix

    def doc(self, kind: str, doc_id: str) -> str:
        return f"{self.prefix}:doc:{{{kind}:{doc_id}}}"

    def members(self, kind: str) -> str:
        return f"{self.prefix}:all:{kind}"

    def index(self, kind: str, field: str, value: str) -> str:
        return f"{self.prefix}:idx:{kind}:{field}:{value}"

    def log(self, log: str, key: str) -> str:
        return f"{self.prefix}:log:{{{log}:{key}}}"

    def written_by(self, key: str) -> str:
        """The token of the last write to a document or log ``key``, kept briefly so that a write
        sent twice (after a reconnect) is applied once; it shares the key's hash tag, so its slot."""
        return f"{key}:written-by"

    def plain(self, key: str) -> str:
        return f"{self.prefix}:key:{key}"

    def sequence(self, name: str) -> str:
        return f"{self.prefix}:seq:{name}"

    def everything(self) -> str:
        """A SCAN pattern for every key of this store (tests, data deletion)."""
        return f"{self.prefix}:*"
