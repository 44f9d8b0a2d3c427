"""The WeChat stub running for real on a free port, and clients talking to it over HTTP."""
from __future__ import annotations

from typing import Any

import pytest
import requests

from bot.config import Config
from bot.wechat.client import WeChatAPI, make_client
from bot.wechat.stub import API_PREFIX, run_in_thread


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


@pytest.fixture
def stub():
    url, stop = run_in_thread()
    yield Stub(url)
    stop()


@pytest.fixture
def config(stub, tmp_path) -> Config:
    return Config(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'store.db'}",
                  wechat_api_base_url=stub.api_base)


@pytest.fixture
def wechat(config, sqlite_store) -> WeChatAPI:
    return make_client(config, sqlite_store)
