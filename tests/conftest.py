"""Fixtures every test folder shares: real stores (one per test), the WeChat API stand-in served on
a free port (``stub``), and the bot as a real gunicorn deployment (``start_bot``).

SQLite is a file in the test's own directory. Redis is a real server: ``REDIS_URL`` or
127.0.0.1:6379; each test gets its own key prefix and its keys are dropped afterwards. Where no
Redis answers, Redis tests are skipped locally but fail under CI (``CI`` set), so a missing server
never passes silently there.
"""
from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
import requests

from flask import Flask

from bot.app import create_app
from bot.config import Config
from bot.dev.wechat_stub import API_PREFIX, run_in_thread
from storage import open_store
from storage.encrypted import PERSONAL_FIELDS, EncryptedFields
from storage.sqlite import SQLiteStore
from tests.e2e.servers import BotServer, Process, bot_env, worker

# Hundreds of accounts are made here: scrypt at its production cost would take two thirds of the run.
# Set before any app or server starts, so the gunicorn deployments the tests start inherit it too.
os.environ.setdefault("PASSWORD_HASH_LOG2N", "10")

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
TEST_DATA_KEY = "bXVzdC1iZS0zMi1ieXRlcy1vZi1rZXktbWF0ZXJpYWw="  # a fixed Fernet key, for tests only


def redis_url_for_test() -> str:
    """A Redis URL with a prefix no other test uses."""
    sep = "&" if "?" in REDIS_URL else "?"
    return f"{REDIS_URL}{sep}prefix=test-{uuid.uuid4().hex[:12]}"


def _redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def make_app(tmp_path) -> Iterator[Callable[..., Flask]]:
    """``make_app(**overrides)``: the app on a SQLite store in the test's directory, with any
    Config field overridden; every app made is closed (scheduler stopped, runtime closed) after the test."""
    made: list[Flask] = []

    def make(**overrides: Any) -> Flask:
        settings = {"data_dir": tmp_path, "store_url": f"sqlite:///{tmp_path / 'bot.db'}", **overrides}
        made.append(create_app(Config(**settings)))
        return made[-1]

    yield make
    for app in made:
        if "scheduler" in app.extensions:
            app.extensions["scheduler"].stop()
        app.extensions["runtime"].close()


@pytest.fixture
def app(make_app) -> Flask:
    return make_app()


@pytest.fixture
def sqlite_store(tmp_path) -> SQLiteStore:
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    yield store
    store.close()


@pytest.fixture
def redis_store():
    if not _redis_available():
        if os.environ.get("CI"):
            pytest.fail(f"no Redis server at {REDIS_URL}")
        pytest.skip(f"no Redis server at {REDIS_URL}")
    store = open_store(redis_url_for_test())
    yield store
    store.drop_everything()
    store.close()


@pytest.fixture
def sqlite_encrypted_store(sqlite_store) -> EncryptedFields:
    """SQLite behind the wrapper that encrypts personal fields (what a deployment with DATA_KEY runs)."""
    return EncryptedFields(sqlite_store, TEST_DATA_KEY, PERSONAL_FIELDS)


@pytest.fixture
def redis_encrypted_store(redis_store) -> EncryptedFields:
    """Redis behind the encrypting wrapper: batches and scripts see only ciphertext."""
    return EncryptedFields(redis_store, TEST_DATA_KEY, PERSONAL_FIELDS)


@pytest.fixture(params=["sqlite", "redis", "sqlite-encrypted", "redis-encrypted"])
def store(request):
    """Every backend, one after the other: the contract every Store keeps."""
    return request.getfixturevalue(f"{request.param.replace('-', '_')}_store")


# -- the WeChat API stand-in ---------------------------------------------------------------
class Stub:
    """The running stub, seen through its HTTP API and its control endpoints."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.api_base = f"{url}{API_PREFIX}"

    def requests_to(self, endpoint: str) -> list[dict[str, Any]]:
        """Requests the stub received at ``endpoint`` (e.g. "token", "message/custom/send")."""
        answer = requests.get(f"{self.url}/_stub/requests", params={"path": f"{API_PREFIX}{endpoint}"}, timeout=5)
        return answer.json()["requests"]

    def control(self, action: str, params: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        answer = requests.post(f"{self.url}/_stub/{action}", params=params, timeout=5, **kwargs)
        answer.raise_for_status()
        return answer.json()

    def call(self, method: str, endpoint: str, **kwargs: Any) -> dict[str, Any]:
        """One request to the stub's WeChat API, answered as JSON."""
        return requests.request(method, f"{self.api_base}{endpoint}", timeout=5, **kwargs).json()

    def token(self) -> str:
        return self.call("GET", "token", params={"grant_type": "client_credential", "appid": Config.wechat_app_id,
                                                 "secret": Config.wechat_app_secret})["access_token"]

    def texts_to(self, openid: str) -> list[str]:
        """The customer-service texts WeChat accepted for ``openid``, oldest first."""
        return [r["json"]["text"]["content"] for r in self.requests_to("message/custom/send")
                if r["json"]["touser"] == openid and r["json"]["msgtype"] == "text" and r["errcode"] == 0]

    def wait_for_texts(self, openid: str, count: int = 1, timeout: float = 20) -> list[str]:
        """The texts to ``openid`` once there are at least ``count`` (background jobs send them)."""
        def enough() -> list[str] | None:
            texts = self.texts_to(openid)
            return texts if len(texts) >= count else None

        return wait_until(enough, timeout=timeout, what=f"{count} customer-service message(s) to {openid}")


T = TypeVar("T")


def wait_until(check: Callable[[], T | None], *, timeout: float, what: str) -> T:
    """``check()``'s first truthy value, polled for at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"{what}: not within {timeout:.0f}s")


@pytest.fixture
def stub() -> Stub:
    """The project's stand-in of WeChat's HTTP API, served for real on a free port of 127.0.0.1."""
    url, stop = run_in_thread()
    yield Stub(url)
    stop()


# -- the bot as a real gunicorn deployment (end-to-end and browser tests) ---------------------
def store_url_for(backend: str, tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'bot.db'}" if backend == "sqlite" else redis_url_for_test()


@pytest.fixture
def start_bot(tmp_path, stub, request):
    """``start_bot(backend, safe_mode=False, with_worker=False)`` → a running BotServer (and, for a
    Redis store's background jobs, a ``python -m bot worker``); every process is killed at the end."""
    started: list[Process] = []

    def start(backend: str = "sqlite", *, safe_mode: bool = False, store_url: str | None = None,
              port: int | None = None, with_worker: bool = False, **env: str) -> BotServer:
        if backend == "redis":
            request.getfixturevalue("redis_store")  # skips or fails like every Redis test
        url = store_url or store_url_for(backend, tmp_path)
        server = BotServer(bot_env(tmp_path, url, stub.url, safe_mode=safe_mode, **env),
                           tmp_path / f"bot-{len(started)}.log", port=port).start()
        server.store_url = url
        started.append(server)
        if with_worker:
            started.append(worker(server.env, tmp_path / f"worker-{len(started)}.log"))
        return server

    yield start
    for process in started:
        process.kill()
