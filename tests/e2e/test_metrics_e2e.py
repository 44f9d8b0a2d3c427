"""``/metrics`` under gunicorn as the Procfile runs it: a scrape, whichever worker answers it, adds
up the counts of all workers (prometheus_client's multiprocess mode, set up by the hooks in
bot/server/gunicorn_conf.py), and the job failures of the separate worker process (counted in the Store)."""
from __future__ import annotations

import socket
import time

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from bot.background.jobs import RQJobs, queue_name
from bot.runtime import run_in_worker
from storage.redis import split_url
from tests.e2e.servers import wechat_user

pytestmark = pytest.mark.slow


def hold_a_worker(server) -> socket.socket:
    """Keep one single-threaded worker busy reading a request whose headers never end (until the
    socket is closed): the other worker takes every request meanwhile."""
    held = socket.create_connection(("127.0.0.1", server.port))
    held.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    time.sleep(0.3)  # let a worker accept it
    return held


def messages_counted(page: str) -> dict[str, float]:
    return {s.labels["kind"]: s.value for family in text_string_to_metric_families(page)
            for s in family.samples if s.name == "jifen_messages_total"}


def test_a_scrape_counts_the_messages_every_worker_handled(start_bot):
    server = start_bot("sqlite", WEB_THREADS="1")  # two sync workers, one request at a time each
    first = hold_a_worker(server)  # worker A
    for i in range(3):
        wechat_user(server, f"oFirst{i}").say("你好")  # worker B
    second = hold_a_worker(server)  # worker B
    first.close()  # A is free again, and the only one
    for i in range(2):
        wechat_user(server, f"oSecond{i}").say("你好")  # worker A
    page = requests.get(f"{server.url}/metrics", timeout=5).text  # worker A, which handled 2 of the 5
    second.close()
    assert messages_counted(page) == {"text": 5}


def job_failures(page: str) -> dict[str, float]:
    return {s.labels["job"]: s.value for family in text_string_to_metric_families(page)
            for s in family.samples if s.name == "jifen_job_failures_total"}


def test_a_job_failing_in_the_rq_worker_process_shows_in_the_web_scrape(start_bot):
    server = start_bot("redis", with_worker=True)
    RQJobs(split_url(server.store_url)[0], queue_name(server.store_url), run_in_worker).enqueue("deliver", no_such_argument=1)
    deadline = time.monotonic() + 20
    while (failures := job_failures(requests.get(f"{server.url}/metrics", timeout=5).text)) == {}:
        assert time.monotonic() < deadline, "the worker's failure never reached the web process's /metrics"
        time.sleep(0.2)
    assert failures == {"deliver": 1}
