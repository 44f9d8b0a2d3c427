"""The peer ``benchmarks/callback.py`` measures the bot against: WeRoBot's hello-world robot as its
documentation shows it, echoing each text message, served by the same gunicorn settings as the bot
(``pip install -e '.[bench]'``).

- ``robot()``: sessions off (``SESSION_STORAGE = False``), a stateless echo.
- ``robot(sessions="redis")``: its ``RedisStorage`` sessions on ``STORE_URL``'s Redis, as a
  deployment of several processes has them: one read and one write a message, the handler keeping
  the sender's last message as the documentation's session example does.
"""
from __future__ import annotations

import os
from typing import Any

import redis
import werobot
from werobot.session.redisstorage import RedisStorage

from benchmarks.bare_app import TOKEN
from storage.redis import split_url


def robot(sessions: str | None = None) -> Any:
    """WeRoBot's WSGI app (a Bottle app)."""
    if sessions == "redis":
        url, prefix = split_url(os.environ["STORE_URL"])
        storage = RedisStorage(redis.Redis.from_url(url), prefix=f"{prefix}:werobot:")
        bot = werobot.WeRoBot(token=TOKEN, session_storage=storage)

        @bot.text
        def echo_with_session(message, session):
            session["last"] = message.content
            return message.content
    else:
        bot = werobot.WeRoBot(token=TOKEN, SESSION_STORAGE=False)

        @bot.text
        def echo(message):
            return message.content
    return bot.wsgi
