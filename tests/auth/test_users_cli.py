"""``python -m bot user …``: accounts created from the command line work on the API and console."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from datetime import datetime, timezone

import pytest
import time_machine

from bot.cli import users as users_cli
from bot.desk.accounts import account_for_password, account_for_token, get_account
from storage import open_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path, monkeypatch) -> dict[str, str]:
    """The environment pointing the CLI (in this process and in subprocesses) at the test's store."""
    values = {"DATA_DIR": str(tmp_path), "STORE_URL": f"sqlite:///{tmp_path / 'bot.db'}"}
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


@pytest.fixture
def cli_store(env):
    store = open_store(env["STORE_URL"])
    yield store
    store.close()


def run_bot(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **env}, timeout=60)


def last_line(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


def test_user_add_prints_a_working_token_as_the_last_line(env, cli_store):
    done = run_bot(env, "user", "add", "zhang.wei", "--role", "staff", "--password-stdin",
                   stdin="correct horse battery\n")
    assert done.returncode == 0, done.stderr
    token = last_line(done.stdout)
    assert account_for_token(cli_store, token).name == "zhang.wei"
    assert account_for_password(cli_store, "zhang.wei", "correct horse battery").role == "staff"


def test_user_add_refuses_an_existing_name(env, cli_store, capsys):
    assert users_cli.main(["add", "zhang.wei", "--role", "staff"]) == 0
    assert users_cli.main(["add", "zhang.wei", "--role", "admin"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert get_account(cli_store, "zhang.wei").role == "staff"


def test_user_add_without_a_password_makes_an_api_only_account(env, cli_store, capsys):
    assert users_cli.main(["add", "bot.feed", "--role", "support"]) == 0
    assert "without console password" in capsys.readouterr().out
    assert not get_account(cli_store, "bot.feed").has_password


def test_user_list_shows_accounts_but_no_secrets(env, capsys):
    users_cli.main(["add", "zhang.wei", "--role", "staff"])
    token = last_line(capsys.readouterr().out)
    users_cli.main(["add", "li.na", "--role", "admin"])
    capsys.readouterr()
    assert users_cli.main(["list"]) == 0
    listing = capsys.readouterr().out
    assert "zhang.wei" in listing and "li.na" in listing and "admin" in listing
    assert token not in listing


def test_user_token_rotates_and_prints_the_new_token_last(env, cli_store, capsys):
    users_cli.main(["add", "zhang.wei", "--role", "staff"])
    old = last_line(capsys.readouterr().out)
    assert users_cli.main(["token", "zhang.wei"]) == 0
    new = last_line(capsys.readouterr().out)
    assert account_for_token(cli_store, old) is None
    assert account_for_token(cli_store, new).name == "zhang.wei"


def test_token_days_set_how_long_a_token_works_and_list_shows_it(env, cli_store, capsys):
    with time_machine.travel(datetime(2026, 3, 1, tzinfo=timezone.utc), tick=False):
        assert users_cli.main(["add", "zhang.wei", "--role", "staff", "--token-days", "30"]) == 0
        assert "valid until 2026-03-31T08:00:00+08:00" in capsys.readouterr().out
        assert users_cli.main(["add", "li.na", "--role", "staff"]) == 0  # the default: 90 days
        capsys.readouterr()
    with time_machine.travel(datetime(2026, 4, 1, tzinfo=timezone.utc), tick=False):
        assert users_cli.main(["list"]) == 0
        rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
        assert rows["zhang.wei"].endswith("2026-03-31T08:00:00+08:00 (expired)")
        assert rows["li.na"].endswith("2026-05-30T08:00:00+08:00")
        assert users_cli.main(["token", "zhang.wei", "--token-days", "365"]) == 0
        new = last_line(capsys.readouterr().out)
        assert account_for_token(cli_store, new).token_expires_at == "2027-04-01T08:00:00+08:00"
    with time_machine.travel(datetime(2026, 5, 20, tzinfo=timezone.utc), tick=False):
        users_cli.main(["list"])
        rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
        assert rows["li.na"].endswith("2026-05-30T08:00:00+08:00 (expires in 10 days)")
        assert rows["zhang.wei"].endswith("2027-04-01T08:00:00+08:00")
    assert users_cli.main(["token", "zhang.wei", "--token-days", "400"]) == 1
    assert "1-365 days" in capsys.readouterr().err


def test_user_disable_and_enable(env, cli_store):
    users_cli.main(["add", "zhang.wei", "--role", "staff"])
    assert users_cli.main(["disable", "zhang.wei"]) == 0
    assert get_account(cli_store, "zhang.wei").disabled
    assert users_cli.main(["enable", "zhang.wei"]) == 0
    assert not get_account(cli_store, "zhang.wei").disabled


def test_user_password_reads_the_new_password_from_stdin(env, cli_store, monkeypatch):
    users_cli.main(["add", "zhang.wei", "--role", "staff"])
    monkeypatch.setattr("sys.stdin", io.StringIO("a brand new secret\n"))
    assert users_cli.main(["password", "zhang.wei"]) == 0
    assert account_for_password(cli_store, "zhang.wei", "a brand new secret") is not None


def test_changing_a_missing_account_fails_with_a_message(env, capsys):
    assert users_cli.main(["disable", "nobody"]) == 1
    assert "no account named 'nobody'" in capsys.readouterr().err


def test_every_cli_change_is_audited(env, cli_store):
    from bot.desk.accounts import audit_trail

    users_cli.main(["add", "zhang.wei", "--role", "staff"])
    users_cli.main(["token", "zhang.wei"])
    users_cli.main(["disable", "zhang.wei"])
    assert [(e["actor"], e["action"]) for e in audit_trail(cli_store)] == [
        ("cli", "account.add"), ("cli", "account.token"), ("cli", "account.disable")]
