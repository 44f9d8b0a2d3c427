"""Issue 14, item 6: without SECRET_KEY and DATA_KEY in the environment, a deployment no longer runs
on development keys anyone can read in this repository (and forge upload links with): random keys
are made at first start, kept under DATA_DIR with owner-only permissions, said once in the log, and
reused at every start; an environment value still wins, and data written under the old development
key stays readable."""
from __future__ import annotations

import json
import logging
import stat
import threading
from pathlib import Path

import pytest
import requests
from cryptography.fernet import Fernet

from bot.config import Config, ConfigError, dev_data_key, from_env
from bot.keys import KEYS_FILE, stored_keys
from bot.runtime import Runtime
from bot.applicant.upload_links import UploadLinks
from storage import StoreError, open_store
from tests.support.stores import TEST_DATA_KEY
from tests.e2e.servers import BotServer, bot_env

GENERATED = "generated a random SECRET_KEY and DATA_KEY"


def started(data_dir: Path, **env: str) -> Config:
    """The configuration a process starting with ``env`` (and DATA_DIR) reads."""
    return from_env({"DATA_DIR": str(data_dir), **env})


def test_without_keys_in_the_environment_random_ones_are_made_owner_only(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, "bot.keys"):
        config = started(tmp_path)
    path = tmp_path / KEYS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert config.secret_key not in (Config.secret_key, "") and len(config.secret_key) >= 40
    assert config.encryption_key != dev_data_key(Config.secret_key)
    Fernet(config.encryption_key)  # one key (no store existed, so no old one to read with)
    [record] = [r for r in caplog.records if GENERATED in r.getMessage()]
    assert str(path) in record.getMessage()
    assert config.secret_key not in caplog.text and config.encryption_key not in caplog.text


def test_the_keys_are_the_same_at_every_start_and_said_only_the_first_time(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, "bot.keys"):
        first, second = started(tmp_path), started(tmp_path)
    assert (first.secret_key, first.encryption_key) == (second.secret_key, second.encryption_key)
    assert caplog.text.count(GENERATED) == 1


def test_processes_starting_together_share_one_set_of_keys(tmp_path):
    seen, threads = [], [threading.Thread(target=lambda: seen.append(stored_keys(tmp_path))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8 and len(set(seen)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [KEYS_FILE]  # no draft left behind


def test_an_environment_value_wins(tmp_path):
    both = started(tmp_path, SECRET_KEY="from-the-environment", DATA_KEY=TEST_DATA_KEY)
    assert (both.secret_key, both.encryption_key) == ("from-the-environment", TEST_DATA_KEY)
    assert not (tmp_path / KEYS_FILE).exists()  # nothing generated that is not used
    data_only = started(tmp_path, DATA_KEY=TEST_DATA_KEY)
    assert data_only.encryption_key == TEST_DATA_KEY
    assert data_only.secret_key == json.loads((tmp_path / KEYS_FILE).read_text())["secret_key"]
    with pytest.raises(ConfigError, match="DATA_KEY is required"):  # kept: configured keys come in pairs
        started(tmp_path, SECRET_KEY="from-the-environment")


def test_data_written_under_the_development_key_stays_readable(tmp_path):
    store_url = f"sqlite:///{tmp_path / 'jifen.db'}"
    old = Runtime(Config(data_dir=tmp_path, store_url=store_url))  # what ran before: the development key
    old.store.put("application", "a1", {"id": "a1", "user_id": "o1", "status": "draft",
                                        "answers": {"id_number": "11010519491231002X"}})
    old.close()
    new = Runtime(started(tmp_path, STORE_URL=store_url))
    assert new.store.get("application", "a1")["answers"]["id_number"] == "11010519491231002X"
    new.store.put("application", "a2", {"id": "a2", "user_id": "o2", "status": "draft", "answers": {"name": "李四"}})
    new.close()
    generated = stored_keys(tmp_path)
    assert generated.old_data_keys == (dev_data_key(Config.secret_key),)  # decrypts only: new data is under the new key
    with open_store(store_url, data_key=generated.data_key) as store:
        assert store.get("application", "a2")["answers"]["name"] == "李四"
    with open_store(store_url, data_key=dev_data_key(Config.secret_key)) as store, pytest.raises(StoreError):
        store.get("application", "a2")


def test_a_keys_file_others_can_read_is_warned_about(tmp_path, caplog):
    started(tmp_path)
    (tmp_path / KEYS_FILE).chmod(0o644)
    with caplog.at_level(logging.WARNING, "bot.keys"):
        started(tmp_path)
    assert "chmod 600" in caplog.text


def test_a_damaged_keys_file_stops_the_start_with_a_clear_message(tmp_path):
    (tmp_path / KEYS_FILE).write_text("{not json")
    with pytest.raises(ConfigError, match=KEYS_FILE):
        started(tmp_path)


# -- through a real deployment ------------------------------------------------------------------------
@pytest.mark.slow
def test_a_link_forged_with_the_old_default_secret_is_refused(tmp_path, stub):
    env = {k: v for k, v in bot_env(tmp_path, f"sqlite:///{tmp_path / 'bot.db'}", stub.url).items()
           if k not in ("SECRET_KEY", "DATA_KEY")}
    bot = BotServer(env, tmp_path / "bot.log").start()
    try:
        keys = json.loads((tmp_path / KEYS_FILE).read_text())
        forged = UploadLinks(Config.secret_key, bot.url).url_for("app-of-someone")
        genuine = UploadLinks(keys["secret_key"], bot.url).url_for("app-of-someone")
        assert requests.get(forged, timeout=5).status_code == 410  # refused: not signed with this deployment's key
        assert requests.get(genuine, timeout=5).status_code == 404  # signature accepted; no such application
        assert stat.S_IMODE((tmp_path / KEYS_FILE).stat().st_mode) == 0o600
    finally:
        bot.kill()
    assert bot.output().count(GENERATED) == 1  # two workers started at once; one made the keys
    restarted = BotServer(env, tmp_path / "bot-2.log").start()
    try:
        relinked = UploadLinks(keys["secret_key"], restarted.url).url_for("app-of-someone")
        assert requests.get(relinked, timeout=5).status_code == 404  # the same key after a restart
    finally:
        restarted.kill()
    assert GENERATED not in restarted.output()
