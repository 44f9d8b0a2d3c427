"""Durability (issue 7): what survives a crash.

Redis with append-only persistence is killed with SIGKILL mid-conversation, while applicants are
chatting, and restarted on the same port and files; the bot reconnects by itself. The embedded
SQLite deployment has its whole gunicorn process group killed the same way and restarted.
"Acknowledged" is what an applicant saw: a message answered with its turn's reply, an upload
announced as saved. With ``appendfsync always`` and with SQLite nothing acknowledged is lost.
With ``everysec`` Redis's own bound applies: the last one to two seconds of writes may be lost
(one second between fsyncs, up to one more when a slow fsync postpones the write), so only
what was acknowledged longer ago than that must be there. A SIGKILL leaves the kernel's copy of
written data intact, so the loss that bound allows is usually none here: it is the price of a
power cut or a kernel crash, which a test cannot stage.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from dialogs.render import MESSAGE_NOT_PROCESSED
from storage.base import Store
from storage.files import FileStore
from storage.inbox import LEASE_SECONDS
from tests.support.stub import Stub
from tests.e2e.applicant import Chatters, Walk, photo_turns, upload_a_material, uploaded_material
from tests.support.conversation import TO_CHECKLIST, Turn, walk
from tests.e2e.deployment import Deployment
from tests.e2e.servers import BotServer, bot_store, wechat_user

pytestmark = pytest.mark.slow

HALF = len(TO_CHECKLIST) // 2
CHATTERS = 4
EVERYSEC_MAY_LOSE = 2.0  # seconds of acknowledged writes Redis's documentation allows ``everysec`` to lose
WECHAT_PATIENCE = 5.0  # WeChat drops a request unanswered after 5 s and shows its own error
BRIEF_OUTAGE = 1.0  # a supervisor restarting a crashed Redis


@pytest.mark.parametrize("appendfsync, may_lose", [("always", 0.0), ("everysec", EVERYSEC_MAY_LOSE)])
def test_redis_killed_mid_conversation_comes_back_with_every_acknowledged_write(
        tmp_path, stub, appendfsync, may_lose, record_property):
    with Deployment(tmp_path, stub) as deployment:
        redis = deployment.redis(appendfsync=appendfsync)
        store_url = redis.store_url()
        web = deployment.web(store_url)
        deployment.worker(store_url)
        upload_a_material(web, stub, "oUploader")
        applicant = wechat_user(web, "oHalfway")
        walk(applicant, TO_CHECKLIST[:HALF])

        with Chatters(web, CHATTERS) as chatters:
            time.sleep(may_lose + 0.5)  # the applicant's last turn is now older than what may be lost
            killed_at = time.time()
            redis.kill()
            began = time.monotonic()
            assert TO_CHECKLIST[HALF].send(applicant) == MESSAGE_NOT_PROCESSED
            record_property("try_again_after_seconds", round(time.monotonic() - began, 2))
            assert time.monotonic() - began < WECHAT_PATIENCE, "answered before WeChat gives up"
            redis.start()

        walk(applicant, TO_CHECKLIST[HALF:])  # the message that was refused, sent again, and on to the end
        photos = upload_goes_through(web, stub, "oHalfway")  # the worker is back on its queue too
        with bot_store(store_url) as store:
            assert ins(store, "oHalfway") == [turn.logged_as for turn in TO_CHECKLIST + photos]
            assert kept_pdf_pages(store, tmp_path, "oUploader") == 2
            missing = missing_turns(store, chatters.walks)
        record_property("acknowledged_turns_lost", len(missing))
        assert all(acknowledged_at > killed_at - may_lose for _, _, acknowledged_at in missing), missing
        assert other_answers(chatters.walks) <= {MESSAGE_NOT_PROCESSED}, \
            "while Redis was down: the friendly answer, or none"
        assert sum(len(w.acknowledged) for w in chatters.walks) > 10 * CHATTERS, "the chatters were busy"


def test_a_redis_restart_within_a_second_goes_unnoticed(tmp_path, stub):
    with Deployment(tmp_path, stub) as deployment:
        redis = deployment.redis(appendfsync="always")
        web = deployment.web(redis.store_url())
        applicant = wechat_user(web, "oHalfway")
        walk(applicant, TO_CHECKLIST[:HALF])

        with Chatters(web, CHATTERS) as chatters:
            time.sleep(0.5)
            redis.kill()
            replies: list[str] = []
            in_flight = threading.Thread(target=lambda: replies.append(TO_CHECKLIST[HALF].send(applicant)))
            in_flight.start()
            time.sleep(BRIEF_OUTAGE)
            redis.start()
            restarted_at = time.time()
            in_flight.join(timeout=WECHAT_PATIENCE)
            time.sleep(0.5)

        assert replies and TO_CHECKLIST[HALF].expected in replies[0], replies
        walk(applicant, TO_CHECKLIST[HALF + 1:])
        assert chatters_going_on_after(chatters.walks, restarted_at) == CHATTERS
        assert other_answers(chatters.walks) == set()
        with bot_store(redis.store_url()) as store:
            assert missing_turns(store, chatters.walks) == []


def test_a_redis_that_hangs_gets_the_friendly_answer_within_wechats_patience(tmp_path, stub):
    """A stopped Redis (or one cut off by the network) keeps its connections open and never replies:
    the bot must not wait on it past WeChat's 5 s."""
    with Deployment(tmp_path, stub) as deployment:
        redis = deployment.redis(appendfsync="always")
        web = deployment.web(redis.store_url())
        applicant = wechat_user(web, "oHalfway")
        walk(applicant, TO_CHECKLIST[:HALF])

        os.kill(redis.proc.pid, signal.SIGSTOP)
        try:
            began = time.monotonic()
            assert TO_CHECKLIST[HALF].send(applicant) == MESSAGE_NOT_PROCESSED
            assert time.monotonic() - began < WECHAT_PATIENCE, "answered before WeChat gives up"
        finally:
            os.kill(redis.proc.pid, signal.SIGCONT)

        # The waiting message's claims reach Redis when it resumes: the applicant's lock is held until
        # its lease ends. Sent again meanwhile, the message is answered in time, and then goes through.
        gives_up_at = time.monotonic() + LEASE_SECONDS + WECHAT_PATIENCE
        while True:
            began = time.monotonic()
            reply = TO_CHECKLIST[HALF].send(applicant)
            assert time.monotonic() - began < WECHAT_PATIENCE
            if reply != MESSAGE_NOT_PROCESSED or time.monotonic() > gives_up_at:
                break
        assert TO_CHECKLIST[HALF].expected in reply, reply
        walk(applicant, TO_CHECKLIST[HALF + 1:])


def test_the_bot_on_sqlite_killed_mid_burst_comes_back_with_every_acknowledged_turn(tmp_path, stub):
    db = tmp_path / "bot.db"
    with Deployment(tmp_path, stub) as deployment:
        web = deployment.web(f"sqlite:///{db}")
        upload_a_material(web, stub, "oUploader")
        applicant = wechat_user(web, "oHalfway")
        walk(applicant, TO_CHECKLIST[:HALF])

        with Chatters(web, CHATTERS) as chatters:
            time.sleep(1)
            web.kill()  # SIGKILL to gunicorn's whole process group, requests in flight

        assert integrity_check(db) == "ok"
        restarted = deployment.web(f"sqlite:///{db}", port=web.port)
        walk(wechat_user(restarted, "oHalfway"), TO_CHECKLIST[HALF:])
        photos = upload_goes_through(restarted, stub, "oHalfway")
        with bot_store(f"sqlite:///{db}") as store:
            assert ins(store, "oHalfway") == [turn.logged_as for turn in TO_CHECKLIST + photos]
            assert kept_pdf_pages(store, tmp_path, "oUploader") == 2
            assert missing_turns(store, chatters.walks) == []
        assert other_answers(chatters.walks) == set(), "every 200 answer was its turn's reply, so checked above"
        assert sum(len(w.acknowledged) for w in chatters.walks) > 10 * CHATTERS, "the chatters were busy"


def upload_goes_through(server: BotServer, stub: Stub, openid: str) -> list[Turn]:
    """The applicant, at the checklist, sends photos of a material and is told it is saved;
    returns the turns that took."""
    turns = photo_turns(stub)
    walk(wechat_user(server, openid), turns)
    [message] = stub.wait_for_texts(openid)
    assert "已保存：2 页" in message, message
    return turns


def kept_pdf_pages(store: Store, data_dir: Path, openid: str) -> int:
    """Pages of the PDF of the applicant's uploaded material, read from the file the store points to."""
    material = uploaded_material(store, openid)
    assert material["status"] == "uploaded"
    return len(PdfReader(FileStore(data_dir / "files").path(material["sha256"])).pages)


def other_answers(walks: list[Walk]) -> set[str]:
    """The answers (200) chatters got that were not their turn's reply."""
    return {chatter.other_answer for chatter in walks if chatter.other_answer is not None}


def ins(store: Store, openid: str) -> list[str]:
    """What the applicant said, as their transcript has it."""
    return [entry["in"] for entry in store.read_log("transcript", openid)]


def missing_turns(store: Store, walks: list[Walk]) -> list[tuple[str, Turn, float]]:
    """Acknowledged turns absent from their applicant's transcript: (openid, turn, when acknowledged).

    Also checks that each transcript holds nothing but the acknowledged turns, in order, and at
    most one more: the message in flight when things broke, processed but never answered.
    """
    missing = []
    for chatter in walks:
        said = ins(store, chatter.openid)
        matched = 0
        for turn, acknowledged_at in chatter.acknowledged:
            if matched < len(said) and said[matched] == turn.logged_as:
                matched += 1
            else:
                missing.append((chatter.openid, turn, acknowledged_at))
        assert len(said) - matched <= 1, (chatter.openid, said, [t.logged_as for t, _ in chatter.acknowledged])
    return missing


def chatters_going_on_after(walks: list[Walk], moment: float) -> int:
    """How many chatters had a message acknowledged after ``moment`` (a chatter's walks are
    numbered after it in their openids: ``name-chatter-walk``)."""
    return len({chatter.openid.rsplit("-", 1)[0] for chatter in walks
                if any(at > moment for _, at in chatter.acknowledged)})


def integrity_check(db: Path) -> str:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
