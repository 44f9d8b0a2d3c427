"""The embedded default: one SQLite file in WAL mode.

Each thread has its own connection (sqlite3 connections are not to be shared across threads);
writes take SQLite's write lock up front (``BEGIN IMMEDIATE``), after their turn on a lock file
that every thread and process of the deployment shares (see ``_writer_turn``). ``update`` is
optimistic, like Redis's: it computes from what it read and writes only if the document is still
that, so the write lock is held for the write alone. WAL with ``synchronous=NORMAL`` loses at most
the last transactions on power loss, never the file, and a killed process loses nothing it committed.
"""
from __future__ import annotations

import fcntl
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from storage.base import Doc, FollowUp, Store, StoreError, Updater
from storage.codec import decoded, encoded

SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
                                 PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS idx (kind TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL,
                                PRIMARY KEY (kind, field, value, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idx_by_doc ON idx (kind, id);
CREATE TABLE IF NOT EXISTS logs (seq INTEGER PRIMARY KEY AUTOINCREMENT, log TEXT NOT NULL, key TEXT NOT NULL,
                                 body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS logs_by_key ON logs (log, key, seq);
CREATE TABLE IF NOT EXISTS keys (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at REAL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
"""
BUSY_TIMEOUT_MS = 10_000
MAX_UPDATE_ATTEMPTS = 200


class SQLiteStore(Store):
    """A Store in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        self._lock_files: list[BinaryIO] = []
        # Two gunicorn workers open a new file at the same moment: switching it to WAL takes an
        # exclusive lock that SQLite refuses at once ("database is locked", no busy wait), so the
        # first opener of every process sets the file up in its turn on the writers' lock file.
        with self._writer_turn():
            db = self._db()
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode=WAL")  # kept in the file: later connections find it
            db.executescript(SCHEMA)  # executescript manages its own transaction

    # -- connections -----------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                 check_same_thread=False)
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self._local.db = db
            with self._all_lock:
                self._all.append(db)
        return db

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection inside a write transaction: a new one, or the one already open
        (a batch, or an update's follow-up writes, join their caller's)."""
        open_one = getattr(self._local, "transaction", None)
        if open_one is not None:
            yield open_one
            return
        db = self._db()
        with self._writer_turn():
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as err:
                raise StoreError(f"sqlite busy: {err}") from err
            self._local.transaction = db
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            finally:
                self._local.transaction = None
            db.execute("COMMIT")

    @contextmanager
    def _writer_turn(self) -> Iterator[None]:
        """Writers of every thread and process take turns on a lock file before SQLite's own write
        lock: a waiter is woken the moment the lock is free, where SQLite's busy handler polls with
        sleeps of 1 to 100 ms (which made two gunicorn workers' p99 several times their p50). Each
        thread locks through a file of its own opening, since flock locks belong to an open file."""
        lock_file = getattr(self._local, "lock_file", None)
        if lock_file is None:
            lock_file = self._local.lock_file = open(self.path.with_name(self.path.name + ".writers"), "a+b")
            with self._all_lock:
                self._lock_files.append(lock_file)
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)

    # -- documents -----------------------------------------------------------
    def get(self, kind: str, doc_id: str) -> Doc | None:
        raw = self._body(self._db(), kind, doc_id)
        return decoded(raw) if raw is not None else None

    def put(self, kind: str, doc_id: str, doc: Doc) -> None:
        row = self._row(kind, doc)
        with self._write() as db:
            self._store(db, kind, doc_id, row)

    def update(self, kind: str, doc_id: str, fn: Updater, *, then: FollowUp | None = None) -> Doc | None:
        # Optimistic, as on Redis: compute outside the write lock, then write only if the document is
        # still what was read. Another process's writer waits for the write alone, not for a turn.
        for _attempt in range(MAX_UPDATE_ATTEMPTS):
            raw = self._body(self._db(), kind, doc_id)
            new = fn(decoded(raw) if raw is not None else None)
            follow_up = then(new) if then is not None else None
            row = self._row(kind, new) if new is not None else None
            with self._write() as db:
                if self._body(db, kind, doc_id) != raw:
                    continue  # changed since it was read: compute again from the new one
                if new is None:
                    if raw is not None:
                        self._remove(db, kind, doc_id)
                else:
                    self._store(db, kind, doc_id, row)
                if follow_up is not None:
                    follow_up.results = self.run_batch(follow_up.ops)  # joins this transaction
                return new
        raise StoreError(f"{kind}/{doc_id}: too much contention, gave up after {MAX_UPDATE_ATTEMPTS} attempts")

    @staticmethod
    def _body(db: sqlite3.Connection, kind: str, doc_id: str) -> str | None:
        row = db.execute("SELECT body FROM docs WHERE kind=? AND id=?", (kind, doc_id)).fetchone()
        return row[0] if row else None

    def delete(self, kind: str, doc_id: str) -> bool:
        with self._write() as db:
            return self._remove(db, kind, doc_id)

    def find(self, kind: str, **where: str) -> list[Doc]:
        sql, params = self._matching("d.body", kind, where)
        rows = self._db().execute(sql + " ORDER BY d.id", params).fetchall()
        return [decoded(r[0]) for r in rows]

    def ids(self, kind: str) -> list[str]:
        return [r[0] for r in self._db().execute("SELECT id FROM docs WHERE kind=? ORDER BY id", (kind,))]

    def count(self, kind: str, **where: str) -> int:
        sql, params = self._matching("COUNT(*)", kind, where)
        return self._db().execute(sql, params).fetchone()[0]

    def _matching(self, what: str, kind: str, where: dict[str, str]) -> tuple[str, list[str]]:
        """A query for ``what`` of the documents of ``kind`` matching ``where`` on their indexes."""
        self.check_where(kind, where)
        sql = f"SELECT {what} FROM docs d WHERE d.kind=?"
        params: list[str] = [kind]
        for field, value in where.items():
            sql += " AND EXISTS (SELECT 1 FROM idx i WHERE i.kind=d.kind AND i.id=d.id AND i.field=? AND i.value=?)"
            params += [field, str(value)]
        return sql, params

    def _row(self, kind: str, doc: Doc) -> tuple[str, dict[str, str]]:
        """What ``_store`` writes of a document, made before the write lock is taken: every process's
        writers wait for whoever holds it."""
        return encoded(doc), self.index_values(kind, doc)

    def _store(self, db: sqlite3.Connection, kind: str, doc_id: str, row: tuple[str, dict[str, str]]) -> None:
        body, indexed = row
        db.execute("INSERT OR REPLACE INTO docs (kind, id, body) VALUES (?, ?, ?)", (kind, doc_id, body))
        if not self.indexed_fields(kind):
            return  # a kind without indexes (conversations: every message) has no rows there to replace
        db.execute("DELETE FROM idx WHERE kind=? AND id=?", (kind, doc_id))
        if indexed:
            db.executemany("INSERT INTO idx (kind, field, value, id) VALUES (?, ?, ?, ?)",
                           [(kind, f, v, doc_id) for f, v in indexed.items()])

    @staticmethod
    def _remove(db: sqlite3.Connection, kind: str, doc_id: str) -> bool:
        db.execute("DELETE FROM idx WHERE kind=? AND id=?", (kind, doc_id))
        return db.execute("DELETE FROM docs WHERE kind=? AND id=?", (kind, doc_id)).rowcount > 0

    # -- logs -------------------------------------------------------------------
    def append(self, log: str, key: str, entry: Doc) -> None:
        with self._write() as db:
            db.execute("INSERT INTO logs (log, key, body) VALUES (?, ?, ?)",
                       (log, key, encoded(entry)))

    def read_log(self, log: str, key: str, last: int | None = None) -> list[Doc]:
        if last is None:
            rows = self._db().execute("SELECT body FROM logs WHERE log=? AND key=? ORDER BY seq", (log, key)).fetchall()
        else:
            rows = self._db().execute("SELECT body FROM logs WHERE log=? AND key=? ORDER BY seq DESC LIMIT ?",
                                      (log, key, last)).fetchall()[::-1]
        return [decoded(r[0]) for r in rows]

    def delete_log(self, log: str, key: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM logs WHERE log=? AND key=?", (log, key))

    def log_keys(self, log: str) -> list[str]:
        return [r[0] for r in self._db().execute("SELECT DISTINCT key FROM logs WHERE log=? ORDER BY key", (log,))]

    def rewrite_log(self, log: str, key: str, fn: Callable[[Doc], Doc]) -> int:
        changed = 0
        with self._write() as db:  # one transaction: no append lands between the read and the writes
            for seq, body in db.execute("SELECT seq, body FROM logs WHERE log=? AND key=? ORDER BY seq",
                                        (log, key)).fetchall():
                new = fn(decoded(body))
                if new != decoded(body):  # compared as values: an entry written with other spacing is unchanged
                    db.execute("UPDATE logs SET body=? WHERE seq=?", (encoded(new), seq))
                    changed += 1
        return changed

    # -- expiring keys -------------------------------------------------------------
    def claim(self, key: str, ttl_seconds: float, value: str = "1") -> bool:
        now = time.time()
        with self._write() as db:
            # One statement: a new key is inserted, an expired one taken over, a live one left alone.
            cur = db.execute("INSERT INTO keys (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE "
                             "SET value=excluded.value, expires_at=excluded.expires_at "
                             "WHERE keys.expires_at IS NOT NULL AND keys.expires_at<=?",
                             (key, value, now + ttl_seconds, now))
            return cur.rowcount == 1

    def remember(self, key: str, value: str, ttl_seconds: float | None = None) -> None:
        expires = None if ttl_seconds is None else time.time() + ttl_seconds
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO keys (key, value, expires_at) VALUES (?, ?, ?)", (key, value, expires))

    def recall(self, key: str) -> str | None:
        row = self._db().execute("SELECT value FROM keys WHERE key=? AND (expires_at IS NULL OR expires_at>?)",
                                 (key, time.time())).fetchone()
        return row[0] if row else None

    def forget(self, key: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM keys WHERE key=?", (key,))

    def forget_if(self, key: str, value: str) -> bool:
        with self._write() as db:
            return db.execute("DELETE FROM keys WHERE key=? AND value=?", (key, value)).rowcount > 0

    def purge_expired(self) -> int:
        """Drop expired keys (Redis does this by itself); run by the scheduled housekeeping job."""
        with self._write() as db:
            return db.execute("DELETE FROM keys WHERE expires_at IS NOT NULL AND expires_at<=?",
                              (time.time(),)).rowcount

    def run_batch(self, ops: list[tuple[str, tuple[Any, ...]]]) -> list[Any]:
        # One transaction: one commit instead of one per write. A prefetch saves no round trip here
        # (reads are local): only a linked one reads, its two documents in this same transaction.
        with self._write():
            return super().run_batch(ops)

    # -- counters ----------------------------------------------------------------------
    def next_id(self, sequence: str) -> int:
        with self._write() as db:
            db.execute("INSERT INTO sequences (name, value) VALUES (?, 1) "
                       "ON CONFLICT(name) DO UPDATE SET value=value+1", (sequence,))
            return db.execute("SELECT value FROM sequences WHERE name=?", (sequence,)).fetchone()[0]

    # -- lifecycle -----------------------------------------------------------------------
    def ping(self) -> bool:
        return self._db().execute("SELECT 1").fetchone() == (1,)

    def close(self) -> None:
        with self._all_lock:
            for db in self._all:
                db.close()
            self._all.clear()
            for lock_file in self._lock_files:
                lock_file.close()
            self._lock_files.clear()
        self._local = threading.local()
