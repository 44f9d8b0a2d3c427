"""A runtime against a real SQLite store and the WeChat stand-in whose jobs are only recorded (each
test delivers notifications itself, one attempt at a time), and what the stand-in accepted."""
from __future__ import annotations

from typing import Any

from bot.config import Config
from bot.runtime import Runtime
from tests.support.stub import Stub

TEMPLATE_ID = "tmpl-status-1"


class RecordedJobs:
    """Keeps what was enqueued instead of running it."""

    def __init__(self) -> None:
        self.enqueued: list[tuple[str, dict[str, Any]]] = []

    def enqueue(self, name: str, **kwargs: Any) -> None:
        self.enqueued.append((name, kwargs))

    def close(self) -> None:
        pass


def runtime_for(tmp_path, stub: Stub, **settings: Any) -> Runtime:
    runtime = Runtime(Config(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'bot.db'}",
                             wechat_api_base_url=stub.api_base, **settings))
    runtime.__dict__["jobs"] = RecordedJobs()
    return runtime


def sent_to(stub: Stub, openid: str) -> list[dict[str, Any]]:
    """Messages the stand-in accepted for ``openid``: customer-service and template ones."""
    return [r["json"] for endpoint in ("message/custom/send", "message/template/send")
            for r in stub.requests_to(endpoint) if r["json"]["touser"] == openid and r["errcode"] == 0]
