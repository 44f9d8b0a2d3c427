"""Scale-out (issue 7): two web processes (gunicorn, two workers each) and one worker on one Redis
serve one applicant as if there were one process. Each reply is the one for its turn, WeChat's
retries that land on the other web process get the cached reply and are processed once, and the
photos of a material become its PDF on the worker, through RQ, announced by exactly one
customer-service message."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from redis import Redis
from rq import Queue
from rq.job import Job
from rq.registry import FinishedJobRegistry, StartedJobRegistry

from bot.background.jobs import queue_name
from dialogs.privacy import mask_text
from storage.redis import split_url
from tests.e2e.applicant import MATERIAL, photo_turns, uploaded_material
from tests.support.conversation import TO_CHECKLIST, Turn
from tests.e2e.servers import bot_store, wechat_user
from tests.support.waiting import wait_until
from tests.e2e.deployment import Deployment

pytestmark = pytest.mark.slow

OPENID = "oScaleOut"
FIRST_MSG_ID = 7_000_000


def test_two_web_processes_and_a_worker_serve_one_applicant_as_one(tmp_path, stub, redis_store):
    with Deployment(tmp_path, stub) as deployment:
        webs = [deployment.web(redis_store.url), deployment.web(redis_store.url)]
        deployment.worker(redis_store.url)
        users = [wechat_user(web, OPENID) for web in webs]
        wechat = stub
        turns = [*TO_CHECKLIST, *photo_turns(wechat)]

        for number, turn in enumerate(turns):
            here, there = users[number % 2], users[1 - number % 2]
            reply = turn.send(here, FIRST_MSG_ID + number)
            assert turn.expected in reply, f"turn {number} ({turn.logged_as}) → {reply!r}"
            # WeChat's retry of the same message, landing on the other web process: the same reply,
            # with ID and phone numbers masked (the cached copy is kept outside the encrypted fields)
            assert turn.send(there, FIRST_MSG_ID + number) == mask_text(reply), f"retry of turn {number}"

        progress = Turn("【未上传】", text="进度")
        # One delivery is processed; the other gets the same reply, or "success" while the first runs.
        answered = {reply for reply in delivered_at_once(progress, users, FIRST_MSG_ID + len(turns)) if reply}
        assert len(answered) == 1 and progress.expected in answered.pop()
        turns.append(progress)

        [message] = wechat.wait_for_texts(OPENID)
        assert f"“{MATERIAL}”已保存：2 页" in message
        job = the_only_job(redis_store.url)
        assert job.func_name == "bot.runtime.run_in_worker" and job.args[0] == "build_material"
        assert job.worker_name, "the job was run by an RQ worker"
        assert wechat.wait_for_texts(OPENID) == [message], "one customer-service message, not two"

        with bot_store(redis_store.url) as store:  # the transcript's text is encrypted at rest
            transcript = store.read_log("transcript", OPENID)
        assert [entry["in"] for entry in transcript] == [turn.logged_as for turn in turns], deployment.logs()
        built = uploaded_material(redis_store, OPENID)
        assert built["status"] == "uploaded" and built["pages"] == 2 and built["source"] == "photos"


def delivered_at_once(turn: Turn, users: list, msg_id: int) -> list[str]:
    """The replies when one message reaches both web processes at the same moment (a retry
    arriving while the first delivery is still being processed)."""
    with ThreadPoolExecutor(max_workers=len(users)) as pool:
        return list(pool.map(lambda user: turn.send(user, msg_id), users))


def the_only_job(store_url: str) -> Job:
    """The deployment's one finished RQ job, once nothing is queued or running any more."""
    redis_url, _ = split_url(store_url)
    connection = Redis.from_url(redis_url)
    try:
        name = queue_name(store_url)
        finished = FinishedJobRegistry(name, connection=connection)
        wait_until(lambda: finished.count, timeout=20, what="the photo job finished")
        assert Queue(name, connection=connection).count == 0
        assert StartedJobRegistry(name, connection=connection).count == 0
        [job_id] = finished.get_job_ids()
        return Job.fetch(job_id, connection=connection)
    finally:
        connection.close()
