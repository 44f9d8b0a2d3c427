"""A runtime on a SQLite store in the test's directory, an applicant with something of everything the
bot keeps (tests/support/data_rights.py), and the environment of ``python -m bot data``."""
from __future__ import annotations

import pytest

from bot.config import Config
from bot.runtime import Runtime
from tests.support.data_rights import Applicant, make_applicant


@pytest.fixture
def runtime(tmp_path):
    runtime = Runtime(Config(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'bot.db'}"))
    yield runtime
    runtime.close()


@pytest.fixture
def applicant(runtime) -> Applicant:
    return make_applicant(runtime, "oApplicantA")


@pytest.fixture
def env(runtime, monkeypatch):
    """The environment that makes ``python -m bot data`` open the runtime's store and files."""
    monkeypatch.setenv("DATA_DIR", str(runtime.config.data_dir))
    monkeypatch.setenv("STORE_URL", runtime.config.store_url)
    for name in ("SECRET_KEY", "DATA_KEY"):
        monkeypatch.delenv(name, raising=False)
