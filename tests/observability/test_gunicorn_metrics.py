"""Metrics across gunicorn's worker processes: the hooks that set up prometheus_client's
multiprocess directory (a real gunicorn adding up its workers' counts: tests/e2e/test_metrics_e2e.py)."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

CONF = Path(__file__).resolve().parents[2] / "bot" / "server" / "gunicorn_conf.py"


@pytest.fixture
def gunicorn_conf(tmp_path, monkeypatch):
    """The settings module as gunicorn loads it, with DATA_DIR in the test's directory."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    # on_starting sets PROMETHEUS_MULTIPROC_DIR in this process: setenv first records its state, so it
    # is restored after the test (delenv alone records nothing when the variable is absent).
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "")
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
    return load_settings()


def load_settings():
    spec = importlib.util.spec_from_file_location("gunicorn_conf_under_test", CONF)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reading_the_settings_points_the_app_at_a_directory_under_data_dir(gunicorn_conf, tmp_path):
    # gunicorn reads this file before the master imports the app (preload): prometheus_client must
    # find the variable, and the directory, at its import.
    assert os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(tmp_path / "prometheus")
    assert (tmp_path / "prometheus").is_dir()


def test_starting_empties_the_directory_of_a_previous_runs_files(gunicorn_conf, tmp_path):
    metrics_dir = tmp_path / "prometheus"
    (metrics_dir / "counter_1234.db").write_bytes(b"left by the previous run")
    (metrics_dir / "notes.txt").write_text("not ours")
    gunicorn_conf.on_starting(server=None)
    assert sorted(p.name for p in metrics_dir.iterdir()) == ["notes.txt"]


def test_a_directory_the_operator_chose_is_kept(gunicorn_conf, tmp_path, monkeypatch):
    chosen = tmp_path / "elsewhere"
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(chosen))
    load_settings().on_starting(server=None)
    assert chosen.is_dir() and os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(chosen)


def test_a_dead_workers_live_gauges_go_and_its_counters_stay(gunicorn_conf, tmp_path):
    gunicorn_conf.on_starting(server=None)
    metrics_dir = tmp_path / "prometheus"
    for name in ("gauge_livesum_4242.db", "counter_4242.db", "gauge_livesum_7.db"):
        (metrics_dir / name).write_bytes(b"")
    gunicorn_conf.child_exit(server=None, worker=SimpleNamespace(pid=4242))
    assert sorted(p.name for p in metrics_dir.iterdir()) == ["counter_4242.db", "gauge_livesum_7.db"]



def test_two_bots_on_one_machine_do_not_share_a_control_socket(gunicorn_conf):
    # gunicorn's control socket is one path per user by default: a second instance took the first's
    from gunicorn.config import KNOWN_SETTINGS

    assert "control_socket_disable" in {setting.name for setting in KNOWN_SETTINGS}
    assert gunicorn_conf.control_socket_disable is True
