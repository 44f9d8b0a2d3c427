"""A web worker killed mid-message (SIGKILL, the OOM killer) must not lose the message: WeChat sends
it again, and the retry finds the claim's holder gone and processes it itself, exactly once
(issue 14, item 2). Under load, one gunicorn worker at a time is killed and respawned by gunicorn."""
from __future__ import annotations

import difflib
import os
import random
import signal
import time
from pathlib import Path

import pytest

from tests.support.waiting import wait_until
from tests.e2e.servers import BotServer, bot_store
from tests.security.crowd import Crowd

pytestmark = pytest.mark.slow

APPLICANTS = 8
KILLS = 8
BETWEEN_KILLS = 2.0


def both_workers(server: BotServer) -> list[int] | None:
    """The pids of gunicorn's two worker processes (the master's children), once both are there."""
    children = Path(f"/proc/{server.proc.pid}/task/{server.proc.pid}/children").read_text().split()
    return [int(pid) for pid in children] if len(children) == 2 else None


@pytest.mark.parametrize("backend", ["redis", "sqlite"])
def test_workers_killed_under_load_lose_no_retried_message_and_double_none(start_bot, backend, record_property):
    server = start_bot(backend)
    with Crowd(server, APPLICANTS, name=f"oKilled{backend}", retry_after=0.5) as crowd:
        for _ in range(KILLS):
            time.sleep(BETWEEN_KILLS)
            workers = wait_until(lambda: both_workers(server), timeout=20, what="both workers up")
            os.kill(random.choice(workers), signal.SIGKILL)
        time.sleep(BETWEEN_KILLS)

    retried = [m for a in crowd.applicants for m in a.processed() if m.retried]
    record_property("messages_sent_again_by_wechat", len(retried))
    assert len(retried) >= 3, "messages whose first delivery failed, sent again by WeChat"
    assert [a.wrong_reply for a in crowd.applicants if a.wrong_reply] == []
    with bot_store(server.store_url) as store:
        for applicant in crowd.applicants:
            said = [entry["in"] for entry in store.read_log("transcript", applicant.openid)]
            taken = [m.turn.logged_as for m in applicant.processed()]
            unanswered = [m.turn.logged_as for m in applicant.undelivered()]
            # Every processed message once, in order; one WeChat gave up on may or may not be there.
            assert said in (taken, taken + unanswered[-1:]), (applicant.openid, _difference(said, taken))
    assert sum(len(a.processed()) for a in crowd.applicants) > 20 * APPLICANTS


def _difference(said: list[str], taken: list[str]) -> str:
    """Where the transcript and the messages taken part, for the failure's message."""
    return "\n".join(difflib.unified_diff(taken, said, "taken", "transcript", lineterm="", n=2))
