"""A whole deployment inside one test: private Redis servers, web servers and workers as real
processes on free ports of 127.0.0.1, every one killed when the ``with`` block ends, failed or not.

    with Deployment(tmp_path, stub) as deployment:
        redis = deployment.redis(appendfsync="always")
        web = deployment.web(redis.store_url())
        deployment.worker(redis.store_url())
"""
from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path
from types import TracebackType

import pytest
import redis

from tests.support.stub import Stub
from tests.e2e.servers import BotServer, Process, bot_env, free_port, worker



class RedisServer(Process):
    """``redis-server`` with append-only persistence in its own directory, on a free port.

    Killed with SIGKILL and started again, it comes back on the same port from the same files,
    the way a supervisor restarts a crashed Redis.
    """

    def __init__(self, directory: Path, log: Path, *, appendfsync: str) -> None:
        self.port = free_port()
        directory.mkdir(parents=True, exist_ok=True)
        super().__init__(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(directory),
                          "--appendonly", "yes", "--appendfsync", appendfsync, "--save", ""], dict(os.environ), log)

    def store_url(self, prefix: str = "jf") -> str:
        return f"redis://127.0.0.1:{self.port}/0?prefix={prefix}"

    def start(self, timeout: float = 10) -> RedisServer:
        super().start()
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"redis-server exited with {self.proc.returncode}:\n{self.output()[-2000:]}")
                try:
                    client.ping()
                    return self
                except redis.ConnectionError:  # refused, or BusyLoadingError while the AOF loads
                    pass
                time.sleep(0.05)
        finally:
            client.close()
        self.kill()
        raise RuntimeError(f"redis-server did not answer within {timeout}s:\n{self.output()[-2000:]}")


def require_redis_server() -> None:
    """Skip where ``redis-server`` is not installed; fail under CI, which installs it."""
    if shutil.which("redis-server") is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed")
        pytest.skip("redis-server is not installed")


class Deployment:
    """The processes of one test; leaving the ``with`` block kills them all, newest first."""

    def __init__(self, tmp_path: Path, stub: Stub) -> None:
        self.tmp_path, self.stub = tmp_path, stub
        self.processes: list[Process] = []

    def __enter__(self) -> Deployment:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        for process in reversed(self.processes):
            stop(process)

    def env(self, store_url: str, **extra: str) -> dict[str, str]:
        """The environment of a bot process: one data directory for all of them, like a shared volume."""
        return bot_env(self.tmp_path, store_url, self.stub.url, **extra)

    def redis(self, *, appendfsync: str = "always") -> RedisServer:
        require_redis_server()
        server = RedisServer(self.tmp_path / "redis", self._log("redis"), appendfsync=appendfsync)
        self.processes.append(server)
        return server.start()

    def web(self, store_url: str, *, port: int | None = None, **extra: str) -> BotServer:
        """``gunicorn bot.app:create_app()`` as the Procfile's web process (``port`` to restart on the same one)."""
        server = BotServer(self.env(store_url, **extra), self._log("web"), port=port)
        self.processes.append(server)
        return server.start()

    def worker(self, store_url: str) -> Process:
        """``python -m bot worker``, the Procfile's worker process."""
        process = worker(self.env(store_url), self._log("worker"))
        self.processes.append(process)
        return process

    def logs(self) -> str:
        """Every process's output, for a failure message."""
        return "\n".join(f"--- {p.log.name}\n{p.output()[-3000:]}" for p in self.processes)

    def _log(self, name: str) -> Path:
        return self.tmp_path / f"{name}-{len(self.processes)}.log"


def stop(process: Process) -> None:
    """SIGKILL a running Process and everything it started: its process group, and the descendants
    that moved to a group of their own within its session (as RQ's forked work horses do), which
    outlive the kill of the group. A Process already gone is left alone: its pid may be another's now."""
    if process.proc is None or process.proc.poll() is not None:
        return
    leader = process.proc.pid
    escaped = [pid for pid in _pids() if _ids_of(pid) == (leader, False)]
    process.kill()
    for pid in escaped:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _pids() -> list[int]:
    return [int(entry.name) for entry in Path("/proc").glob("[0-9]*")]


def _ids_of(pid: int) -> tuple[int, bool] | None:
    """The session of ``pid`` and whether it is in the group of that session's leader; None once it is gone."""
    try:
        session = os.getsid(pid)
        return session, os.getpgid(pid) == session
    except (ProcessLookupError, PermissionError):
        return None


