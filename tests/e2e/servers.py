"""Real processes for end-to-end tests: the bot under gunicorn (as the Procfile runs it), the
worker, and the WeChat API stand-in, each on a free port of 127.0.0.1."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from bot.config import Config, dev_data_key
from bot.dev.simulator import SimulatedUser
from bot.server.serve import gunicorn_command
from storage import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Process:
    """A child process in its own process group, so a kill takes its children (gunicorn's workers) too."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self.args, self.env, self.log = args, env, log
        self.proc: subprocess.Popen | None = None

    def start(self) -> Process:
        with self.log.open("ab") as out:  # the child writes to its own copy of the descriptor
            self.proc = subprocess.Popen(self.args, env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        return self

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout=15)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


class BotServer(Process):
    """``gunicorn bot.app:create_app()`` with the Procfile's settings on a free port."""

    def __init__(self, env: dict[str, str], log: Path, port: int | None = None) -> None:
        self.port = port or free_port()
        super().__init__(gunicorn_command(), {**env, "PORT": str(self.port), "HOST": "127.0.0.1"}, log)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> BotServer:
        super().start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"bot exited with {self.proc.returncode}:\n{self.output()[-3000:]}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=1).status_code in (200, 503):
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"bot did not answer within {timeout}s:\n{self.output()[-3000:]}")


def worker(env: dict[str, str], log: Path) -> Process:
    return Process([sys.executable, "-m", "bot", "worker"], env, log).start()


def bot_env(data_dir: Path, store_url: str, stub_url: str, *, safe_mode: bool = False, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WECHAT_", "STORE_URL", "DATA_DIR"))}
    # The development keys, so bot_store reads what the bot wrote (tests/security starts one without them).
    env.update(DATA_DIR=str(data_dir), STORE_URL=store_url, WECHAT_API_BASE_URL=f"{stub_url}/cgi-bin/",
               WECHAT_OAUTH_AUTHORIZE_URL=f"{stub_url}/connect/oauth2/authorize",
               WEB_CONCURRENCY="2", PYTHONUNBUFFERED="1", SECRET_KEY=Config.secret_key,
               DATA_KEY=dev_data_key(Config.secret_key), **extra)
    if safe_mode:
        env["WECHAT_ENCODING_AES_KEY"] = AES_KEY
    return env


def bot_store(store_url: str) -> Store:
    """The store as the bot under test opens it: personal fields readable with its (development) key."""
    return open_store(store_url, data_key=dev_data_key(Config.secret_key))


def wechat_user(server: BotServer, openid: str = "oE2EUser", *, safe_mode: bool = False) -> SimulatedUser:
    return SimulatedUser(f"{server.url}/wechat", openid, Config.wechat_token,
                         aes_key=AES_KEY if safe_mode else None, app_id=Config.wechat_app_id)
