"""The command line follows the usual conventions: help with no command, --version, an unknown
command is an error on stderr with exit code 2, and the `jifen` console script is the same program."""
from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from bot.__main__ import COMMANDS


def run(*args: str, program: tuple[str, ...] = (sys.executable, "-m", "bot")) -> subprocess.CompletedProcess:
    return subprocess.run([*program, *args], capture_output=True, text=True, timeout=60)


def test_no_command_prints_help_and_succeeds():
    done = run()
    assert done.returncode == 0
    assert [name for name in COMMANDS if f"  {name} " in done.stdout] == list(COMMANDS)


def test_version_prints_the_installed_version():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"jifen {version('jifen-zhushou')}"


def test_an_unknown_command_is_an_error_on_stderr_with_exit_code_2():
    done = run("serv")
    assert done.returncode == 2
    assert "unknown command 'serv'" in done.stderr and done.stdout == ""


def test_the_jifen_console_script_is_installed_and_runs_the_same_program():
    script = Path(sys.executable).with_name("jifen")
    if not script.exists():
        pytest.skip("the project is not installed with its console script in this interpreter's environment")
    done = run("--version", program=(str(script),))
    assert done.returncode == 0 and done.stdout.startswith("jifen ")


def test_serve_help_shows_the_bots_own_options_not_gunicorns():
    done = run("serve", "--help")
    assert done.returncode == 0
    assert all(flag in done.stdout for flag in ("--port", "--workers", "--threads", "--log-level"))
    assert "gunicorn" in done.stdout and "--worker-class" not in done.stdout


def test_serve_refuses_an_option_it_does_not_have():
    done = run("serve", "--worker-class", "gevent")
    assert done.returncode == 2 and "unrecognized arguments" in done.stderr


@pytest.mark.slow
def test_prepare_keeps_the_dictionary_and_the_fit_for_the_next_start(tmp_path):
    done = subprocess.run([sys.executable, "-m", "bot", "prepare"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "JIFEN_CACHE_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    # entries: the knowledge base's learned model; pinyin: its reading of questions typed in pinyin
    assert {p.name.split("-")[0] for p in tmp_path.iterdir()} == {"jieba", "classifier", "entries", "pinyin"}
    assert str(tmp_path) in done.stdout


@pytest.mark.slow
def test_prepare_fails_when_it_cannot_keep_what_it_built(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    done = subprocess.run([sys.executable, "-m", "bot", "prepare"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "JIFEN_CACHE_DIR": str(blocked)})
    assert done.returncode == 1 and "JIFEN_CACHE_DIR" in done.stderr
