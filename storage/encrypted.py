"""Personal fields encrypted at rest: a Store wrapper around any backend.

``EncryptedFields(store, key, PERSONAL_FIELDS, PERSONAL_LOG_FIELDS)`` is a full Store that hands
every call to ``store`` and, for the listed fields of the listed kinds (and of the listed logs'
entries), keeps only ciphertext in the backend: values are encrypted on ``put``, ``update`` and
``append`` (batched appends too), and decrypted on ``get``, ``find``, ``update`` and ``read_log``.
A stored value reads ``enc:v2:<nonce and ciphertext>``: AES-256-GCM under a key derived from
DATA_KEY with HKDF, one C call a value (Fernet, which built its cipher objects in Python on every
call, cost four times as much: 9 against 2 µs). ``enc:v1:<token>`` is a Fernet token written before,
still read, and written again as v2 by the next change of that value or by :meth:`rekey`. Anything
else is plaintext written before encryption was turned on, and is read as it is (a document's is
encrypted at its next write).

The key may be several, comma-separated ("new,old"): the first encrypts, each decrypts, and
:meth:`EncryptedFields.rekey` moves everything to the first so the others can be dropped.

Updates keep the backend's atomicity: the wrapped function sees decrypted documents, while the
backend's compare-and-set (Redis) or transaction (SQLite) works on the raw values it read itself.
A value the update left unchanged keeps its ciphertext, so a turn that does not touch the ID number
costs no encryption, and decryption of a value seen before is remembered.
"""
from __future__ import annotations

import base64
import os
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.base import Batch, Doc, FollowUp, Store, StoreError, Updater
from storage.codec import decoded, encoded_utf8

PREFIX = "enc:v2:"  # AES-GCM: what is written
FERNET_PREFIX = "enc:v1:"  # Fernet: written before, still read
NONCE_BYTES = 12  # GCM's standard nonce, random per value: 2**32 values a key keep collisions negligible
HKDF_INFO = b"jifen-zhushou personal fields enc:v2"  # this key's one purpose, apart from Fernet's use of DATA_KEY
# kind -> dotted paths of the fields to encrypt: who the applicant is and how to reach them (a new number
# or e-mail sent after submission, waiting for staff, with the one it replaces, too), and
# what was written in words (a report that the details are wrong and staff's finding on it, a question
# for support, its answers).
PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "conversation": ("answers.name", "answers.id_number", "answers.mobile", "answers.email"),
    "application": ("answers.name", "answers.id_number", "answers.mobile", "answers.email", "disputes",
                    "dispute_outcome", "pending_contact", "reported_corrections"),
    "escalation": ("note", "requests", "replies"),
}
# log -> fields of its entries to encrypt: a transcript holds what the applicant typed and was told
# (numbers masked, but names, employers and schools as said).
PERSONAL_LOG_FIELDS: dict[str, tuple[str, ...]] = {"transcript": ("in", "out")}
DECRYPTED_CACHE_SIZE = 4096  # recently read values; a turn reads the same ciphertext as the last one

FieldPath = tuple[str, ...]  # ("answers", "id_number")
# The same paths by the dict that holds them: ((("answers",), ("name", "id_number", "mobile", "email")),). A
# document's fields are sealed and opened dict by dict, each dict along a path looked up once, not once a
# field and again in the stored and the decrypted document (issue 19: ~18 path walks a message).
Fields = tuple[tuple[FieldPath, tuple[str, ...]], ...]


class EncryptedFields(Store):
    """``store`` with ``fields`` (kind -> dotted paths) encrypted under ``key`` (Fernet keys, comma-separated)."""

    def __init__(self, store: Store, key: str, fields: Mapping[str, Iterable[str]] = PERSONAL_FIELDS,
                 log_fields: Mapping[str, Iterable[str]] = PERSONAL_LOG_FIELDS) -> None:
        self.inner = store
        self.url = store.url
        # "new,old": the first key encrypts, every key decrypts (rotation: see rekey).
        keys = [k.strip() for k in key.split(",")]
        self._fernet = MultiFernet([Fernet(k) for k in keys])
        self._aes = [AESGCM(_derived(k)) for k in keys]
        self._paths = _field_paths(fields)
        self._log_paths = _field_paths(log_fields)
        self._fields = {kind: _by_parent(paths) for kind, paths in self._paths.items()}
        self._log_fields = {log: _by_parent(paths) for log, paths in self._log_paths.items()}
        for kind, paths in self._paths.items():
            indexed = {(field,) for field in store.indexed_fields(kind)} & set(paths)
            if indexed:  # an index of random ciphertext would find nothing
                raise ValueError(f"{kind}: cannot encrypt indexed fields {sorted('.'.join(p) for p in indexed)}")
        self._decrypted = lru_cache(maxsize=DECRYPTED_CACHE_SIZE)(self._decrypt)

    # -- documents: the encrypting part -----------------------------------------------------------
    def get(self, kind: str, doc_id: str) -> Doc | None:
        return self._opened(self._fields.get(kind), self.inner.get(kind, doc_id))

    def put(self, kind: str, doc_id: str, doc: Doc) -> None:
        self.inner.put(kind, doc_id, self._sealed(self._fields.get(kind), doc))

    def update(self, kind: str, doc_id: str, fn: Updater, *, then: FollowUp | None = None) -> Doc | None:
        fields = self._fields.get(kind)
        sealed_then = None if then is None else lambda doc: self._sealed_batch(then(doc))
        if fields is None:
            return self.inner.update(kind, doc_id, fn, then=sealed_then)
        stored: dict[str, Doc | None] = {}

        def step(raw: Doc | None) -> Doc | None:
            current = self._opened(fields, raw)
            stored["doc"] = new = fn(current)
            return None if new is None else self._sealed(fields, new, before=(raw, current))

        # The follow-up sees the document as the caller does, not its ciphertext.
        self.inner.update(kind, doc_id, step, then=None if then is None else lambda _sealed: sealed_then(stored["doc"]))
        return stored["doc"]

    def find(self, kind: str, **where: str) -> list[Doc]:
        return [self._opened(self._fields.get(kind), doc) for doc in self.inner.find(kind, **where)]

    def delete(self, kind: str, doc_id: str) -> bool:
        return self.inner.delete(kind, doc_id)

    def count(self, kind: str, **where: str) -> int:
        return self.inner.count(kind, **where)  # indexes only: nothing to decrypt

    def ids(self, kind: str) -> list[str]:
        return self.inner.ids(kind)

    # -- logs: the encrypting part for the listed logs ---------------------------------------------------
    def append(self, log: str, key: str, entry: Doc) -> None:
        self.inner.append(log, key, self._sealed(self._log_fields.get(log), entry))

    def read_log(self, log: str, key: str, last: int | None = None) -> list[Doc]:
        fields = self._log_fields.get(log)
        return [self._opened(fields, entry) for entry in self.inner.read_log(log, key, last)]

    def log_keys(self, log: str) -> list[str]:
        return self.inner.log_keys(log)

    def rewrite_log(self, log: str, key: str, fn: Callable[[Doc], Doc]) -> int:
        fields = self._log_fields.get(log)

        def step(raw: Doc) -> Doc:
            entry = self._opened(fields, raw)
            new = fn(entry)
            return raw if new == entry else self._sealed(fields, new)  # an entry left alone keeps its ciphertext

        return self.inner.rewrite_log(log, key, step)

    def run_batch(self, ops: list[tuple[str, tuple[Any, ...]]]) -> list[Any]:
        results = self.inner.run_batch(self._sealed_ops(ops))  # still one round trip
        return [self._opened_link(op, result) if name == "prefetch" and result is not None else result
                for (name, op), result in zip(ops, results)]

    def _opened_link(self, op: tuple[Any, ...], result: tuple[str, Doc | None]) -> tuple[str, Doc | None]:
        """A prefetch's linked document, decrypted. The link's field itself must be plaintext: the
        backend reads it to find the document."""
        kind, _doc_id, (field, other_kind) = op
        if (field,) in self._paths.get(kind, ()):
            raise ValueError(f"{kind}: an encrypted field cannot link documents: {field}")
        other_id, other = result
        return other_id, self._opened(self._fields.get(other_kind), other)

    def _sealed_batch(self, batch: Batch | None) -> Batch | None:
        if batch is not None:
            batch.ops = self._sealed_ops(batch.ops)  # the backend puts its results on this same batch
        return batch

    def _sealed_ops(self, ops: list[tuple[str, tuple[Any, ...]]]) -> list[tuple[str, tuple[Any, ...]]]:
        return [("append", (op[0], op[1], self._sealed(self._log_fields.get(op[0]), op[2]))) if name == "append"
                else (name, op) for name, op in ops]

    # -- rotation -----------------------------------------------------------------------------------------
    def rekey(self) -> dict[str, int]:
        """Encrypt every personal field and log entry again under the first key, so that the keys after
        it can be dropped; how many documents and log entries of each kind were rewritten. Safe while
        the bot runs: each document is one atomic update, each log is rewritten where it stands."""
        done: dict[str, int] = {}
        for kind, fields in self._fields.items():
            doc_ids = self.inner.ids(kind)
            for doc_id in doc_ids:
                self.inner.update(kind, doc_id, lambda raw, fields=fields: self._resealed(fields, raw))
            done[kind] = len(doc_ids)
        for log, fields in self._log_fields.items():
            done[log] = sum(self.inner.rewrite_log(log, key, lambda raw, fields=fields: self._resealed(fields, raw))
                            for key in self.inner.log_keys(log))
        return done

    def _resealed(self, fields: Fields, raw: Doc | None) -> Doc | None:
        """A stored document or log entry with its personal fields encrypted afresh (under the first key)."""
        return None if raw is None else self._sealed(fields, self._opened(fields, raw))

    # -- everything else: no personal fields, handed over as is -------------------------------------
    def delete_log(self, log: str, key: str) -> None:
        self.inner.delete_log(log, key)

    def claim(self, key: str, ttl_seconds: float, value: str = "1") -> bool:
        return self.inner.claim(key, ttl_seconds, value)

    def remember(self, key: str, value: str, ttl_seconds: float | None = None) -> None:
        self.inner.remember(key, value, ttl_seconds)

    def recall(self, key: str) -> str | None:
        return self.inner.recall(key)

    def forget(self, key: str) -> None:
        self.inner.forget(key)

    def forget_if(self, key: str, value: str) -> bool:
        return self.inner.forget_if(key, value)

    def next_id(self, sequence: str) -> int:
        return self.inner.next_id(sequence)

    def ping(self) -> bool:
        return self.inner.ping()

    def close(self) -> None:
        self.inner.close()

    def __getattr__(self, name: str) -> Any:
        """A backend's own extras (``purge_expired``, ``drop_everything``) stay reachable."""
        return getattr(self.inner, name)

    # -- sealing and opening -----------------------------------------------------------------------------
    def _sealed(self, fields: Fields | None, doc: Doc,
                before: tuple[Doc | None, Doc | None] = (None, None)) -> Doc:
        """``doc`` with ``fields`` encrypted (the caller's dict untouched). ``before`` is the stored
        document as read (raw, decrypted): a value equal to what was read keeps its ciphertext."""
        raw, current = before
        changes: list[tuple[FieldPath, list[tuple[str, Any]]]] = []
        for parent, names in fields or ():
            node = _dict_at(doc, parent)
            if node is None:
                continue
            raw_node, current_node = _dict_at(raw, parent), _dict_at(current, parent)
            values: list[tuple[str, Any]] = []
            for name in names:
                value = node.get(name)
                if value is None or _is_sealed(value):
                    continue
                kept = None if raw_node is None else raw_node.get(name)
                if _is_sealed(kept) and current_node is not None and current_node.get(name) == value:
                    values.append((name, kept))
                else:
                    values.append((name, self._encrypt(encoded_utf8(value))))
            if values:
                changes.append((parent, values))
        return _with_values(doc, changes)

    def _opened(self, fields: Fields | None, doc: Doc | None) -> Doc | None:
        """``doc`` with ``fields`` decrypted; plaintext ones as they are."""
        if doc is None:
            return None
        changes: list[tuple[FieldPath, list[tuple[str, Any]]]] = []
        for parent, names in fields or ():
            node = _dict_at(doc, parent)
            if node is None:
                continue
            values = [(name, decoded(self._decrypted(value))) for name in names if _is_sealed(value := node.get(name))]
            if values:
                changes.append((parent, values))
        return _with_values(doc, changes)

    def _encrypt(self, plain: bytes) -> str:
        nonce = os.urandom(NONCE_BYTES)
        return PREFIX + base64.urlsafe_b64encode(nonce + self._aes[0].encrypt(nonce, plain, None)).decode()

    def _decrypt(self, sealed: str) -> str:
        """The JSON text inside a sealed value (text, not the value: cached objects must be immutable)."""
        try:
            if sealed.startswith(FERNET_PREFIX):
                return self._fernet.decrypt(sealed[len(FERNET_PREFIX):].encode()).decode()
            blob = base64.b64decode(sealed[len(PREFIX):], altchars=b"-_", validate=True)
            for aes in self._aes:  # the first key, then the older ones (rotation)
                try:
                    return aes.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], None).decode()
                except InvalidTag:
                    continue
        except (InvalidToken, ValueError):  # ValueError: not base64, or too short to hold a tag
            pass
        raise StoreError("a stored personal field cannot be decrypted: is DATA_KEY the key it was written with?")


def _derived(fernet_key: str) -> bytes:
    """The AES-256 key of a DATA_KEY entry: HKDF of its bytes, so the one secret serves both formats."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=HKDF_INFO)
    return hkdf.derive(base64.urlsafe_b64decode(fernet_key))


def _field_paths(fields: Mapping[str, Iterable[str]]) -> dict[str, tuple[FieldPath, ...]]:
    return {name: tuple(tuple(path.split(".")) for path in paths) for name, paths in fields.items()}


def _by_parent(paths: tuple[FieldPath, ...]) -> Fields:
    """``paths`` by the dict that holds each field, in their first order."""
    parents: dict[FieldPath, list[str]] = {}
    for path in paths:
        parents.setdefault(path[:-1], []).append(path[-1])
    return tuple((parent, tuple(names)) for parent, names in parents.items())


def _is_sealed(value: Any) -> bool:
    return isinstance(value, str) and value.startswith((PREFIX, FERNET_PREFIX))


def _dict_at(doc: Doc | None, path: FieldPath) -> dict[str, Any] | None:
    """The dict at ``path`` inside ``doc`` (``doc`` itself for the empty path); None where there is none."""
    node: Any = doc
    for name in path:
        if not isinstance(node, dict):
            return None
        node = node.get(name)
    return node if isinstance(node, dict) else None


def _with_values(doc: Doc, changes: list[tuple[FieldPath, list[tuple[str, Any]]]]) -> Doc:
    """A copy of ``doc`` with the values of each ``(path to a dict, [(name, value)])`` of ``changes`` set,
    copying only the dicts along the paths, each once (the caller's document, and the dialogue state it
    may still use, stay as they were). ``doc`` itself when nothing changes. Every dict along a path is
    there: the paths come from dicts found with :func:`_dict_at`."""
    if not changes:
        return doc
    copy = dict(doc)
    copied: set[FieldPath] = set()  # the paths of the inner dicts already copied
    for path, values in changes:
        node = copy
        for depth in range(1, len(path) + 1):
            inner = path[:depth]
            if inner not in copied:
                node[path[depth - 1]] = dict(node[path[depth - 1]])
                copied.add(inner)
            node = node[path[depth - 1]]
        for name, value in values:
            node[name] = value
    return copy
