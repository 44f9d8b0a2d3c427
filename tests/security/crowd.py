"""Applicants sending messages the way WeChat delivers them, while a test breaks something.

WeChat sends a message; when no answer comes (the connection dropped, an error status, no answer
within 5 s) it sends the same message again, same MsgId, up to three more times. Each applicant of
a :class:`Crowd` walks the conversation to the checklist on its own thread (a new applicant after
each checklist), one message at a time, every delivery timed. A message answered "try again" was not
processed: the applicant sends it again as a new message, as a person would.
"""
from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

import requests

from bot.config import Config
from dialogs.render import MESSAGE_NOT_PROCESSED
from bot.dev.simulator import SimulatedUser
from tests.e2e.applicant import Chatters
from tests.support.conversation import TO_CHECKLIST, Turn
from tests.e2e.servers import BotServer

WECHAT_RETRIES = 3
_msg_ids = itertools.count(int(time.time() * 1000) * 10)


@dataclass
class Delivery:
    """One HTTP delivery of a message: when it started, how long it took, what came back."""

    msg_id: int
    started: float
    seconds: float
    reply: str | None = None  # None: no answer (error status, dropped connection, timeout)
    error: str | None = None


@dataclass
class Message:
    """One message WeChat delivered (with its retries): processed iff some delivery got a reply
    other than "try again"."""

    turn: Turn
    deliveries: list[Delivery] = field(default_factory=list)

    @property
    def reply(self) -> str | None:
        return next((d.reply for d in self.deliveries if d.reply is not None), None)

    @property
    def retried(self) -> bool:
        return len(self.deliveries) > 1


@dataclass
class Applicant:
    openid: str
    messages: list[Message] = field(default_factory=list)
    wrong_reply: str | None = None

    def processed(self) -> list[Message]:
        """Messages the bot took (answered with anything but "try again"), in order; a last one that
        no delivery got an answer to may or may not have been taken."""
        return [m for m in self.messages if m.reply is not None and m.reply != MESSAGE_NOT_PROCESSED]

    def undelivered(self) -> list[Message]:
        return [m for m in self.messages if m.reply is None]


class Crowd(Chatters):
    """``count`` applicants chatting until the block ends (or ``seconds`` pass), on the threads of
    :class:`Chatters`, each message delivered the way WeChat does.

    ``retry_after``: the pause before WeChat sends a message again; ``resend_after``: a person's pause
    before sending again a message answered "try again". ``timeout``: how long a delivery may take
    before it counts as unanswered (longer than WeChat's 5 s, so a late answer is seen as late)."""

    def __init__(self, server: BotServer, count: int, *, name: str, seconds: float = 60,
                 retry_after: float = 0.5, resend_after: float = 0.2, timeout: float = 10) -> None:
        super().__init__(server, count, name=name, seconds=seconds)
        self.retry_after, self.resend_after, self.timeout = retry_after, resend_after, timeout
        self.applicants: list[Applicant] = []

    @property
    def deliveries(self) -> list[Delivery]:
        return [d for a in self.applicants for m in a.messages for d in m.deliveries]

    def _chat(self, number: int) -> None:
        deadline = time.monotonic() + self.seconds
        for round_number in itertools.count():
            applicant = Applicant(f"{self.name}-{number}-{round_number}")
            with self._lock:
                self.applicants.append(applicant)
            user = SimulatedUser(f"{self.server.url}/wechat", applicant.openid, Config.wechat_token,
                                 app_id=Config.wechat_app_id, post=self._post)
            for turn in TO_CHECKLIST:
                while True:
                    if self._stop.is_set() or time.monotonic() > deadline:
                        return
                    message = Message(turn)
                    applicant.messages.append(message)
                    self._deliver(user, message)
                    if message.reply != MESSAGE_NOT_PROCESSED:
                        break
                    time.sleep(self.resend_after)
                if message.reply is None:
                    break  # WeChat gave up on it: this applicant stops here
                if message.reply and turn.expected not in message.reply:
                    applicant.wrong_reply = message.reply
                    break

    def _deliver(self, user: SimulatedUser, message: Message) -> None:
        msg_id = next(_msg_ids)
        for attempt in range(1 + WECHAT_RETRIES):
            if attempt:
                time.sleep(self.retry_after)
            began = time.monotonic()
            delivery = Delivery(msg_id, time.time(), 0.0)
            try:
                delivery.reply = message.turn.send(user, msg_id)
            except Exception as err:  # noqa: BLE001 - no answer WeChat could use: it tries again
                delivery.error = repr(err)
            delivery.seconds = time.monotonic() - began
            message.deliveries.append(delivery)
            if delivery.reply is not None:
                return

    def _post(self, url: str, params: dict, body: bytes) -> tuple[int, str]:
        response = requests.post(url, params=params, data=body, timeout=self.timeout,
                                 headers={"Content-Type": "text/xml; charset=utf-8"})
        return response.status_code, response.text
