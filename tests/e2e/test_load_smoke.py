"""The load benchmark in small (issue 7): ``benchmarks/load.py`` with 20 simulated applicants for 10 s
at a human pace against the bot under gunicorn, on each backend: every reply right, no error."""
from __future__ import annotations

import pytest

from benchmarks.load import run_load
from tests.support.stores import REDIS_URL

pytestmark = pytest.mark.slow

USERS, SECONDS = 20, 10


@pytest.mark.parametrize("backend", ["redis", "sqlite"])
def test_twenty_applicants_for_ten_seconds_get_every_reply_right(backend, request):
    if backend == "redis":
        request.getfixturevalue("redis_store")  # skips or fails like every Redis test
    result = run_load(USERS, SECONDS, REDIS_URL if backend == "redis" else None)
    assert result.error_count == 0, result.summary()
    # at most 2 s of thought between messages: every applicant got a few turns in
    assert len(result.latencies) >= USERS * SECONDS / 2.5, result.summary()
