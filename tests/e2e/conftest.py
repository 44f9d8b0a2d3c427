from __future__ import annotations

import pytest

from bot.config import Config
from bot.simulator import SimulatedUser
from bot.wechat.stub import run_in_thread
from tests.conftest import redis_url_for_test
from tests.e2e.servers import AES_KEY, BotServer, bot_env


@pytest.fixture
def stub():
    url, stop = run_in_thread()
    yield url
    stop()


def store_url_for(backend: str, tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'bot.db'}" if backend == "sqlite" else redis_url_for_test()


@pytest.fixture
def start_bot(tmp_path, stub, request):
    """``start_bot(backend, safe_mode=False)`` → a running BotServer; every one is killed at the end."""
    started: list[BotServer] = []

    def start(backend: str = "sqlite", *, safe_mode: bool = False, store_url: str | None = None,
              port: int | None = None, **env: str) -> BotServer:
        if backend == "redis":
            request.getfixturevalue("redis_store")  # skips or fails like every Redis test
        url = store_url or store_url_for(backend, tmp_path)
        server = BotServer(bot_env(tmp_path, url, stub, safe_mode=safe_mode, **env),
                           tmp_path / f"bot-{len(started)}.log", port=port).start()
        server.store_url = url
        started.append(server)
        return server

    yield start
    for server in started:
        server.kill()


def wechat_user(server: BotServer, openid: str = "oE2EUser", *, safe_mode: bool = False) -> SimulatedUser:
    return SimulatedUser(f"{server.url}/wechat", openid, Config.wechat_token,
                         aes_key=AES_KEY if safe_mode else None, app_id=Config.wechat_app_id)
