"""The WeChat API stand-in as a test sees it: its HTTP API, its control endpoints and the messages it
accepted (the ``stub`` fixture serves one on a free port)."""
from __future__ import annotations

from typing import Any

import requests

from bot.config import Config
from bot.dev.wechat_stub import API_PREFIX
from tests.support.waiting import wait_until


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
