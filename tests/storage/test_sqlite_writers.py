"""SQLite written by several processes at once, as the embedded default's gunicorn workers do."""
from __future__ import annotations

import multiprocessing
import sqlite3

from storage.sqlite import SQLiteStore

UPDATES = 150
OPENERS = 6


def open_when_all_are_ready(path: str, ready, failures) -> None:
    ready.wait()
    try:
        with SQLiteStore(path) as store:
            store.put("conversation", str(multiprocessing.current_process().pid), {"n": 1})
    except Exception as err:  # noqa: BLE001 - the parent asserts on what went wrong
        failures.put(repr(err))


def count_up(path: str) -> None:
    store = SQLiteStore(path)
    for _ in range(UPDATES):
        store.update("conversation", "u1", lambda d: {"n": (d or {"n": 0})["n"] + 1})
    store.close()


def test_two_processes_updating_one_document_lose_nothing(tmp_path):
    path = str(tmp_path / "bot.db")
    SQLiteStore(path).close()  # the schema, before the writers race to create it
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=count_up, args=(path,)) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    with SQLiteStore(path) as store:
        assert store.get("conversation", "u1") == {"n": 2 * UPDATES}



def test_workers_opening_a_new_file_at_the_same_moment_all_start(tmp_path):
    # gunicorn's workers boot together on a fresh deployment; one of them used to die with
    # "database is locked" while switching the new file to WAL (about one start in seven).
    context = multiprocessing.get_context("fork")
    for attempt in range(20):
        path = str(tmp_path / f"bot{attempt}.db")
        ready, failures = context.Barrier(OPENERS), context.Queue()
        openers = [context.Process(target=open_when_all_are_ready, args=(path, ready, failures))
                   for _ in range(OPENERS)]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join(60)
        assert failures.empty(), failures.get()
        assert [opener.exitcode for opener in openers] == [0] * OPENERS
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert db.execute("SELECT count(*) FROM docs").fetchone()[0] == OPENERS
