"""The one storage interface every backend implements.

The domain keeps its records as JSON documents grouped by *kind* ("conversation",
"application", "escalation", ...). A backend stores documents, keeps the secondary
indexes declared in :data:`storage.schema.INDEXES`, appends to logs, and holds
expiring keys (idempotency, locks, cached tokens). Everything above this layer is
shared code, so a new backend is a dozen small methods and one run of the contract
suite (``tests/storage/test_contract.py``).
"""
from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from typing import Any

from storage.schema import INDEXES

Doc = dict[str, Any]
Link = tuple[str, str]  # a document's field holding another document's id, and that one's kind
Updater = Callable[[Doc | None], Doc | None]


def new_token() -> str:
    """A token telling one holder or one write from another (lock holders, written-by markers): 64
    random bits, without a system call per message (the random module reseeds in each forked
    worker). Not a secret: whoever can read the store can read it."""
    return f"{random.getrandbits(64):016x}"


class StoreError(RuntimeError):
    """A backend could not complete an operation (connection lost, too much contention)."""


class Batch:
    """Writes to send together: ``claim``, ``remember``, ``forget_if`` and ``append`` are queued in
    the ``with store.batch()`` block and run at its end, in order; ``results`` holds what each
    returned. Not a transaction: it saves round trips (one on Redis) for writes that need no reads
    in between. A follow-up of ``update`` is one made without a store, which the update runs.

    The batch is its own context manager, not a ``@contextmanager`` generator: two are entered on every
    WeChat message, and a generator's context manager costs ~7K instructions more each."""

    def __init__(self, store: Store | None = None) -> None:
        self.ops: list[tuple[str, tuple[Any, ...]]] = []
        self.results: list[Any] = []
        self._store = store  # the store that runs the ops at the end of the ``with`` block

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, error: type[BaseException] | None, *_: object) -> None:
        if error is None and self._store is not None:  # a block that raised sends nothing
            self.results = self._store.run_batch(self.ops)

    def _queue(self, name: str, *args: Any) -> int:
        self.ops.append((name, args))
        return len(self.ops) - 1

    def claim(self, key: str, ttl_seconds: float, value: str = "1") -> int:
        return self._queue("claim", key, ttl_seconds, value)

    def remember(self, key: str, value: str, ttl_seconds: float | None = None) -> int:
        return self._queue("remember", key, value, ttl_seconds)

    def forget_if(self, key: str, value: str) -> int:
        return self._queue("forget_if", key, value)

    def append(self, log: str, key: str, entry: Doc) -> int:
        return self._queue("append", log, key, entry)

    def prefetch(self, kind: str, doc_id: str, *, link: Link | None = None) -> int:
        """Read a document along with these writes, so that the next ``update`` of it in this thread
        needs no read of its own (the update still finds out if it changed in between).

        With ``link=(field, other_kind)``, also read the document of ``other_kind`` whose id the
        first one holds in ``field`` (a conversation's application): the result is ``(that id, that
        document or None)``, or None when the field is empty. Without a link the result is None.
        The field must be stored as it is (not an encrypted one)."""
        return self._queue("prefetch", kind, doc_id, link)


FollowUp = Callable[[Doc | None], Batch | None]


class Store(ABC):
    """Documents, indexes, logs and expiring keys, with atomic per-document updates."""

    url: str = ""

    # -- documents -------------------------------------------------------
    @abstractmethod
    def get(self, kind: str, doc_id: str) -> Doc | None:
        """The document, or None."""

    @abstractmethod
    def put(self, kind: str, doc_id: str, doc: Doc) -> None:
        """Create or replace a document and refresh its index entries."""

    @abstractmethod
    def update(self, kind: str, doc_id: str, fn: Updater, *, then: FollowUp | None = None) -> Doc | None:
        """Atomically replace a document with ``fn(current)``.

        ``fn`` gets the current document (None when absent) and returns the new one, or
        None to delete it. It may be called more than once when another writer got there
        first, so it must be free of side effects. Returns what was stored. Two concurrent
        updates of one document never lose either change.

        ``then``, when given, gets the new document and may return a :class:`Batch` of writes
        that depend on it; they are applied together with the document, in the same round trip
        and transaction, so they happen exactly when the document is written. Like ``fn`` it
        may run more than once and must only queue writes.
        """

    @abstractmethod
    def delete(self, kind: str, doc_id: str) -> bool:
        """Remove a document and its index entries; True when it existed."""

    @abstractmethod
    def find(self, kind: str, **where: str) -> list[Doc]:
        """Documents of ``kind`` whose indexed fields equal every value in ``where``.

        Only fields listed for the kind in :data:`storage.schema.INDEXES` may be named;
        with no condition, every document of the kind. Order: by document id.
        """

    @abstractmethod
    def ids(self, kind: str) -> list[str]:
        """The ids of every document of ``kind``, in order (maintenance: re-encrypting, say)."""

    @abstractmethod
    def count(self, kind: str, **where: str) -> int:
        """How many documents :meth:`find` would return, read from the indexes alone (no
        document is loaded: dashboards and scrapes count often)."""

    # -- append-only logs (status history, audit, transcripts) -------------
    @abstractmethod
    def append(self, log: str, key: str, entry: Doc) -> None:
        """Append an entry to the log ``log`` of ``key`` (e.g. status history of one application)."""

    @abstractmethod
    def read_log(self, log: str, key: str, last: int | None = None) -> list[Doc]:
        """The log's entries, oldest first; only the newest ``last`` when given."""

    @abstractmethod
    def delete_log(self, log: str, key: str) -> None:
        """Drop a whole log."""

    @abstractmethod
    def log_keys(self, log: str) -> list[str]:
        """Every key that has a log named ``log``, in order."""

    @abstractmethod
    def rewrite_log(self, log: str, key: str, fn: Callable[[Doc], Doc]) -> int:
        """Replace each entry of a log with ``fn(entry)`` where it stands (maintenance: re-encrypting).
        An entry appended meanwhile is kept as written, and one removed meanwhile stays removed;
        returns how many entries changed."""

    # -- expiring keys -----------------------------------------------------
    @abstractmethod
    def claim(self, key: str, ttl_seconds: float, value: str = "1") -> bool:
        """Set ``key`` only if absent (or expired); True when this caller set it."""

    @abstractmethod
    def remember(self, key: str, value: str, ttl_seconds: float | None = None) -> None:
        """Set ``key`` unconditionally, expiring after ``ttl_seconds`` when given."""

    @abstractmethod
    def recall(self, key: str) -> str | None:
        """The value of an unexpired key, or None."""

    @abstractmethod
    def forget(self, key: str) -> None:
        """Remove a key (no error when absent)."""

    @abstractmethod
    def forget_if(self, key: str, value: str) -> bool:
        """Remove ``key`` only while it still holds ``value`` (releasing one's own claim); True when removed."""

    # -- counters ------------------------------------------------------------
    @abstractmethod
    def next_id(self, sequence: str) -> int:
        """The next integer of a named sequence, starting at 1, never repeated."""

    # -- lifecycle -------------------------------------------------------------
    @abstractmethod
    def ping(self) -> bool:
        """True when the backend answers."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- several writes at once ------------------------------------------------------
    def batch(self) -> Batch:
        """``with store.batch() as b: i = b.claim(...)`` then ``b.results[i]``."""
        return Batch(self)

    def run_batch(self, ops: list[tuple[str, tuple[Any, ...]]]) -> list[Any]:
        """Run queued writes; a backend that can send them together does (one round trip on Redis)."""
        return [BATCH_OPERATIONS[name](self, *args) for name, args in ops]

    # -- shared helpers built on the primitives ----------------------------------
    def update_with_result(self, kind: str, doc_id: str, fn: Callable[[Doc | None], tuple[Doc | None, Any]],
                           *, then: Callable[[Any], Batch | None] | None = None) -> Any:
        """Like :meth:`update`, for an ``fn`` returning ``(new_doc, result)``; returns the result
        of the call whose document was stored. ``then`` gets that result rather than the document."""
        box: dict[str, Any] = {}

        def step(current: Doc | None) -> Doc | None:
            new, box["result"] = fn(current)
            return new

        self.update(kind, doc_id, step, then=None if then is None else lambda _new: then(box["result"]))
        return box.get("result")

    def indexed_fields(self, kind: str) -> tuple[str, ...]:
        return INDEXES.get(kind, ())

    def index_values(self, kind: str, doc: Mapping[str, Any]) -> dict[str, str]:
        """The index entries of a document: its indexed fields that are set, as strings."""
        return {f: str(doc[f]) for f in self.indexed_fields(kind) if doc.get(f) is not None}

    def check_where(self, kind: str, where: Mapping[str, str]) -> None:
        unknown = set(where) - set(self.indexed_fields(kind))
        if unknown:
            raise ValueError(f"{kind}: not indexed: {', '.join(sorted(unknown))}")


def linked(store: Store, kind: str, doc_id: str, link: Link | None) -> tuple[str, Doc | None] | None:
    """What a prefetch with ``link`` returns, read one document after the other. Without a link
    the prefetch is only a hint (the update reads for itself), so it reads nothing."""
    if link is None:
        return None
    field, other_kind = link
    other_id = (store.get(kind, doc_id) or {}).get(field)
    return (other_id, store.get(other_kind, other_id)) if other_id else None


# A batch's operations, as a backend without a pipeline of its own runs them: one call after another.
BATCH_OPERATIONS: dict[str, Callable[..., Any]] = {
    "claim": lambda store, key, ttl_seconds, value: store.claim(key, ttl_seconds, value),
    "remember": lambda store, key, value, ttl_seconds: store.remember(key, value, ttl_seconds),
    "forget_if": lambda store, key, value: store.forget_if(key, value),
    "append": lambda store, log, key, entry: store.append(log, key, entry),
    "prefetch": linked,
}
