"""Reaching into a running deployment from the test: its store through a runtime of this process,
and the messages its WeChat stand-in received."""
from __future__ import annotations

from bot.config import from_env
from bot.runtime import Runtime
from tests.support.stub import Stub
from tests.support.waiting import wait_until
from tests.e2e.servers import BotServer


def runtime_of_server(server: BotServer) -> Runtime:
    """A runtime of this test process on the server's store and files (its environment's settings)."""
    return Runtime(from_env(server.env))


def message_containing(stub: Stub, openid: str, words: str) -> str:
    return wait_until(lambda: next((t for t in stub.texts_to(openid) if words in t), None),
                      timeout=30, what=f"a message to {openid} containing {words!r}")
