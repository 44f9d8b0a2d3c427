"""Fixtures every test folder shares: real stores (one per test), the WeChat API stand-in served on
a free port (``stub``: one server per test process, forgetting everything before each test), the bot
as a real gunicorn deployment (``start_bot``), and a warm materials pool (``pool``). Helpers live in
tests/support/.

SQLite is a file in the test's own directory. Redis is a real server: ``REDIS_URL`` or
127.0.0.1:6379; each test gets its own key prefix and its keys are dropped afterwards. Where no
Redis answers, Redis tests are skipped locally but fail under CI (``CI`` set), so a missing server
never passes silently there.
"""
from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from jinja2.bccache import Bucket, BytecodeCache


def _keep_bytecode() -> None:
    """Keep compiled modules (and pytest's rewritten tests) in a cache folder of their own, even where
    PYTHONDONTWRITEBYTECODE is set: otherwise every test worker and every process a test starts
    (gunicorn, the CLI, the fresh-import check) compiles all our modules again from source, and every
    worker rewrites every test's assertions again (a worker's collection took 7.3 s of CPU, 3.7 s with
    the cache). The folder is outside the source tree, which PYTHONDONTWRITEBYTECODE usually protects."""
    prefix = os.environ.get("PYTHONPYCACHEPREFIX") or str(
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jifen" / "pycache")
    os.environ["PYTHONPYCACHEPREFIX"] = sys.pycache_prefix = prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    _installed_bytecode_read_where_it_is()


def _installed_bytecode_read_where_it_is() -> None:
    """Only our own modules' bytecode under the prefix: Python's library and the installed packages were
    compiled beside their sources when they were installed (pip compiles what it installs), but under a
    prefix Python looks for bytecode there alone. On a fresh machine (an empty prefix) each xdist worker
    compiled every library module it imports again, the three at once (a collection took 14.6 s of CPU
    with the prefix empty, 5.4 s with it filled). Installed modules are read where they are now."""
    from importlib import _bootstrap_external as bootstrap

    under_prefix = bootstrap.cache_from_source
    installed = tuple({os.path.join(root, "") for root in (sys.prefix, sys.base_prefix, sys.exec_prefix)})

    def cache_from_source(path: Any, debug_override: Any = None, *, optimization: Any = None) -> str:
        cached = under_prefix(path, debug_override, optimization=optimization)
        source = os.fspath(path)
        if not source.startswith(installed):
            return cached
        return os.path.join(os.path.dirname(source), "__pycache__", os.path.basename(cached))

    bootstrap.cache_from_source = cache_from_source


_keep_bytecode()  # before the first of our modules is imported, below and in the fixtures

# Our modules (the app, the stores, the pool, the servers) are imported by the fixtures that use them,
# not here: xdist's controller process loads this file too, and runs no test. Importing them cost it
# ~1 s of CPU before it started the workers, which import them again for themselves.
from tests.support.stores import REDIS_URL, STORES, TEST_DATA_KEY, redis_url_for_test, store_named  # noqa: E402

if TYPE_CHECKING:
    from flask import Flask

    from materials import MaterialPool
    from storage.encrypted import EncryptedFields
    from storage.sqlite import SQLiteStore
    from tests.e2e.servers import Process
    from tests.support.stub import Stub

def _stay_on_this_machine() -> None:
    """Refuse every name lookup but this machine's: an app built with the default WeChat API base sent
    its notifications to api.weixin.qq.com from two upload-page tests, unseen (the sender retries in
    the background). A test that reaches out now fails where it does, as it would on a box offline."""
    lookup = socket.getaddrinfo
    local = {"localhost", "127.0.0.1", "::1", "", None}

    def local_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in local and not str(name).startswith("127."):
            raise OSError(f"tests stay on this machine: a lookup of {name!r}")
        return lookup(host, *args, **kwargs)

    socket.getaddrinfo = local_only


_stay_on_this_machine()

# Hundreds of accounts are made here: scrypt at its production cost would take two thirds of the run.
# Set before any app or server starts, so the gunicorn deployments the tests start inherit it too.
os.environ.setdefault("PASSWORD_HASH_LOG2N", "10")


def _redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


class _CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates kept in memory for every app of a test process. A deployment builds
    one app per process; the tests build hundreds, and each compiled every page it rendered again.
    Jinja keys a template by its name and checks its source's checksum, so an edited one is compiled."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED_TEMPLATES = _CompiledTemplates()


def _url_builders_compiled_once() -> None:
    """Werkzeug's URL builders compiled once per test process, not once per app. Each rule an app adds
    compiles two builder functions from a syntax tree of its own (~10 ms of the ~15 ms of CPU an app
    took to build, and the tests build a few thousand apps). A builder depends only on its rule's
    parsed parts (and on defaults, which are left to werkzeug); it reads everything else from the rule
    it is bound to, so the same function serves the same rule in every app."""
    from werkzeug.routing.rules import Rule

    compile_builder = Rule._compile_builder
    built: dict[tuple[Any, ...], Callable[..., Any]] = {}

    def once(self: Rule, append_unknown: bool = True) -> Callable[..., Any]:
        if self.defaults:
            return compile_builder(self, append_unknown)
        key = (self.rule, tuple(self._trace), append_unknown)
        if key not in built:
            built[key] = compile_builder(self, append_unknown)
        return built[key]

    Rule._compile_builder = once


# Where an app that no test points at the stand-in sends its WeChat calls: a closed local port, so a
# notification fails at once and stays in the outbox, as it would while WeChat is unreachable.
NOWHERE = "http://127.0.0.1:9/cgi-bin/"


@pytest.fixture
def make_app(tmp_path, _empty_sqlite_file) -> Iterator[Callable[..., Flask]]:
    """``make_app(**overrides)``: the app on a SQLite store in the test's directory (begun as a copy of
    an empty one, as ``sqlite_store``'s), with any Config field overridden; every app made is closed
    (scheduler stopped, runtime closed) after the test."""
    from bot.app import create_app
    from bot.config import Config

    made: list[Flask] = []

    def make(**overrides: Any) -> Flask:
        if "store_url" not in overrides and not (tmp_path / "bot.db").exists():
            (tmp_path / "bot.db").write_bytes(_empty_sqlite_file)
        settings = {"data_dir": tmp_path, "store_url": f"sqlite:///{tmp_path / 'bot.db'}",
                    "wechat_api_base_url": NOWHERE, **overrides}
        made.append(create_app(Config(**settings)))
        made[-1].jinja_env.bytecode_cache = _COMPILED_TEMPLATES
        return made[-1]

    yield make
    for app in made:
        if "scheduler" in app.extensions:
            app.extensions["scheduler"].stop()
        app.extensions["runtime"].close()


@pytest.fixture
def app(make_app) -> Flask:
    return make_app()


@pytest.fixture(scope="session")
def _empty_sqlite_file(tmp_path_factory) -> bytes:
    """An empty store's file as SQLiteStore makes it (its tables, WAL mode), made once per test process."""
    from storage import open_store

    path = tmp_path_factory.mktemp("empty-store") / "store.db"
    open_store(f"sqlite:///{path}").close()
    return path.read_bytes()


@pytest.fixture
def sqlite_store(tmp_path, _empty_sqlite_file) -> SQLiteStore:
    """A store in a file of the test's own, begun as a copy of an empty one: making the file afresh
    (switching it to WAL, creating the tables, and the syncs of both) cost each of ~1,500 tests 2 ms
    of CPU and 30 ms or more of a busy disk's time; the store still opens it as it would any file."""
    from storage import open_store

    path = tmp_path / "store.db"
    path.write_bytes(_empty_sqlite_file)
    store = open_store(f"sqlite:///{path}")
    yield store
    store.close()


@pytest.fixture
def redis_store():
    if not _redis_available():
        if os.environ.get("CI"):
            pytest.fail(f"no Redis server at {REDIS_URL}")
        pytest.skip(f"no Redis server at {REDIS_URL}")
    from storage import open_store

    store = open_store(redis_url_for_test())
    yield store
    store.drop_everything()
    store.close()


@pytest.fixture
def sqlite_encrypted_store(sqlite_store) -> EncryptedFields:
    """SQLite behind the wrapper that encrypts personal fields (what a deployment with DATA_KEY runs)."""
    from storage.encrypted import PERSONAL_FIELDS, EncryptedFields

    return EncryptedFields(sqlite_store, TEST_DATA_KEY, PERSONAL_FIELDS)


@pytest.fixture
def redis_encrypted_store(redis_store) -> EncryptedFields:
    """Redis behind the encrypting wrapper: batches and scripts see only ciphertext."""
    from storage.encrypted import PERSONAL_FIELDS, EncryptedFields

    return EncryptedFields(redis_store, TEST_DATA_KEY, PERSONAL_FIELDS)


@pytest.fixture(params=STORES)
def store(request):
    """Every backend, one after the other, and the encrypting wrapper."""
    return store_named(request)


def pytest_xdist_auto_num_workers(config) -> int:
    """One worker more than the cores: a few contract tests wait out real leases and login delays,
    and a third worker runs meanwhile (measured on 2 cores: 68 s with 2 workers, 63 s with 3)."""
    return (os.cpu_count() or 1) + 1


def _build_prepared() -> None:
    """What ``bot prepare`` keeps (the understanding fit, the learned re-ranking, the segmenter's
    dictionary, the pinyin reading), built once and loaded by every other test process: on a fresh
    machine, with nothing kept yet, each xdist worker fitted the corpus itself at first use, three fits
    racing on two cores. Each part is built behind a lock of its own (tests/support/warm_up.py)."""
    from knowledge.kept import cache_dir
    from tests.support.warm_up import build_in_parts, prepared_parts

    try:
        build_in_parts(cache_dir(), *prepared_parts())
    except OSError:  # nowhere to keep anything: each process builds its own, as a start would
        pass


@pytest.hookimpl(wrapper=True)
def pytest_collection(session):
    """On a fresh clone one worker collects (compiling every test module) while the others build what
    ``bot prepare`` keeps; they collect after it (tests/support/warm_up.py). Each worker compiling and
    rewriting all test modules at once cost ~5 s of CPU each."""
    from tests.support.warm_up import first_collection

    with first_collection(session.config.rootpath, session.config.args, _build_prepared):
        return (yield)


@pytest.fixture(scope="session", autouse=True)
def _url_builders_shared() -> None:
    _url_builders_compiled_once()


@pytest.fixture(scope="session", autouse=True)
def _prepared_once() -> None:
    """What ``bot prepare`` keeps, loaded by every test process (built once where nothing is kept
    yet). Where something is kept already this loads it in milliseconds."""
    from bot.cli.prepare import prepare

    _build_prepared()
    prepare()  # all of it loaded by now (or built here, where a part could not be kept)


# -- the WeChat API stand-in ---------------------------------------------------------------
@pytest.fixture(scope="session")
def _stub_server() -> Iterator[str]:
    """One stand-in server per test process: building its Flask app and serving it on a thread of its
    own cost ~25 ms of CPU for each of several hundred tests. What it remembers is reset for every test."""
    from bot.dev.wechat_stub import run_in_thread

    url, stop = run_in_thread()
    yield url
    stop()


@pytest.fixture
def stub(_stub_server) -> Stub:
    """The project's stand-in of WeChat's HTTP API, served for real on a free port of 127.0.0.1,
    remembering nothing yet (no requests, tokens, media, injected faults or OAuth codes)."""
    from tests.support.stub import Stub

    stub = Stub(_stub_server)
    stub.control("reset")
    return stub


# -- the bot as a real gunicorn deployment (end-to-end and browser tests) ---------------------
def store_url_for(backend: str, tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'bot.db'}" if backend == "sqlite" else redis_url_for_test()


@pytest.fixture
def start_bot(tmp_path, stub, request):
    """``start_bot(backend, safe_mode=False, with_worker=False)`` → a running BotServer (and, for a
    Redis store's background jobs, a ``python -m bot worker``); every process is killed at the end."""
    from tests.e2e.servers import BotServer, bot_env, worker

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


@pytest.fixture(scope="session")
def pool() -> Iterator[MaterialPool]:
    """One warm materials pool for the session, as a web worker keeps one."""
    from materials import MaterialPool

    with MaterialPool() as workers:
        workers.start()
        yield workers
