"""SQLite written by several processes at once, as the embedded default's gunicorn workers do."""
from __future__ import annotations

import multiprocessing

from storage.sqlite import SQLiteStore

UPDATES = 150


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

