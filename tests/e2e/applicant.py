"""The applicant's side of the end-to-end tests: scripted turns (text or photo) with the reply each
must get and how each shows in the transcript the store keeps; an applicant who uploads a
material; and a crowd of applicants chatting on their own threads while a test breaks something."""
from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field
from types import TracebackType

from bot.dev.simulator import SimulatedUser
from storage.base import Store
from tests.e2e.servers import BotServer, wechat_user
from tests.support.conversation import TO_CHECKLIST, Turn, walk
from tests.support.files import photo
from tests.support.stub import Stub

MATERIAL = "咨询服务委托单"  # the first item of every checklist: "1" picks it
MATERIAL_CODE = "commission_form"


def photo_turns(stub: Stub, pages: int = 2) -> list[Turn]:
    """Pick the first material, send ``pages`` photos of it, say 完成 (a job then builds its PDF).
    The photos are loaded into the WeChat stub first, as if the applicant had just sent them."""
    media_ids = [stub.control("media", data=photo(label=f"Page {page}"),
                              headers={"Content-Type": "image/jpeg"})["media_id"] for page in range(1, pages + 1)]
    return [Turn(MATERIAL, text="1"),
            *(Turn(f"第 {page} 页", media_id=media_id) for page, media_id in enumerate(media_ids, 1)),
            Turn(f"正在把 {pages} 张照片合成", text="完成")]


def upload_a_material(server: BotServer, stub: Stub, openid: str) -> None:
    """An applicant walks to the checklist and sends two photos of the first material; returns once
    the bot has told them it is saved (the upload is acknowledged)."""
    walk(wechat_user(server, openid), [*TO_CHECKLIST, *photo_turns(stub)])
    [message] = stub.wait_for_texts(openid)
    assert f"“{MATERIAL}”已保存：2 页" in message, message


def uploaded_material(store: Store, openid: str) -> dict:
    """The applicant's first material as the store has it."""
    [application] = store.find("application", user_id=openid)
    return application["materials"][MATERIAL_CODE]


@dataclass
class Walk:
    """One applicant's messages that were acknowledged (answered with their turn's reply), and what
    the first one that was not got instead: another answer, or an error (non-200, network)."""

    openid: str
    acknowledged: list[tuple[Turn, float]] = field(default_factory=list)  # the turn, when its reply came
    other_answer: str | None = None
    error: str | None = None


class Chatters:
    """``count`` applicants, each on its own thread sending the conversation one message at a time
    as fast as the bot answers (a new applicant after each checklist). A thread stops at the first
    message that is not acknowledged (an error, a refusal, a wrong reply), when the block ends,
    or after ``seconds``, whichever comes first."""

    def __init__(self, server: BotServer, count: int, *, name: str = "oChatter", seconds: float = 60) -> None:
        self.server, self.name, self.seconds = server, name, seconds
        self.walks: list[Walk] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._chat, args=(n,), name=f"{name}-{n}") for n in range(count)]

    def __enter__(self) -> Chatters:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)  # a request in flight ends within its own 10 s timeout

    def _chat(self, number: int) -> None:
        deadline = time.monotonic() + self.seconds
        for round_number in itertools.count():
            walk = Walk(f"{self.name}-{number}-{round_number}")
            with self._lock:
                self.walks.append(walk)
            user = wechat_user(self.server, walk.openid)
            for turn in TO_CHECKLIST:
                if self._stop.is_set() or time.monotonic() > deadline:
                    return
                try:
                    reply = turn.send(user)
                except Exception as err:  # noqa: BLE001 - the bot is down: this applicant stops here
                    walk.error = repr(err)
                    return
                if turn.expected not in reply:
                    walk.other_answer = reply
                    return
                walk.acknowledged.append((turn, time.time()))
