"""``python -m bot data rekey``: after a new key is put first in DATA_KEY, everything personal is
encrypted again under it, while the bot may keep running; then the old key can be dropped."""
from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from bot.desk.accounts import audit_trail
from bot.config import Config, dev_data_key
from bot.cli.data import main
from bot.keys import stored_keys
from storage import StoreError, open_store
from tests.support.data_rights import ID_NUMBER, make_applicant


def test_the_command_moves_an_applicants_data_to_the_new_key(runtime, env, monkeypatch, capsys):
    applicant = make_applicant(runtime, "oRekey")  # written under the development key
    old_key, new_key = dev_data_key(Config.secret_key), Fernet.generate_key().decode()
    monkeypatch.setenv("DATA_KEY", f"{new_key},{old_key}")

    assert main(["rekey"]) == 0
    printed = capsys.readouterr().out
    assert "conversation: 1" in printed and "application: 1" in printed and "escalation: 1" in printed

    url = runtime.config.store_url
    with open_store(url, data_key=new_key) as store:
        assert store.get("application", applicant.application_id)["answers"]["id_number"] == ID_NUMBER
        assert store.read_log("transcript", applicant.openid)[0]["in"]
        assert [entry["action"] for entry in audit_trail(store)][-1] == "data.rekey"
    with open_store(url, data_key=old_key) as store, pytest.raises(StoreError, match="DATA_KEY"):
        store.get("application", applicant.application_id)


def test_without_a_data_key_the_data_moves_from_the_development_key_to_the_generated_one(runtime, env, capsys):
    applicant = make_applicant(runtime, "oGenerated")  # written under the development key
    assert main(["rekey"]) == 0
    assert "application: 1" in capsys.readouterr().out
    generated = stored_keys(runtime.config.data_dir)
    assert generated.old_data_keys == (dev_data_key(Config.secret_key),)
    with open_store(runtime.config.store_url, data_key=generated.data_key) as store:
        assert store.get("application", applicant.application_id)["answers"]["id_number"] == ID_NUMBER
