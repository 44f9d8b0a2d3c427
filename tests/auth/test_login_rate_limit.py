"""Five failed logins for one name or from one address within 15 minutes lock it out for 15 minutes."""
from __future__ import annotations

import time

import time_machine

from bot.auth import LoginThrottle

WRONG = "not the password"


def fail(log_in, client, name: str, times: int, ip: str = "10.0.0.1") -> None:
    for _ in range(times):
        assert log_in(client, name, WRONG, environ_base={"REMOTE_ADDR": ip}).status_code == 401


def test_five_failures_for_a_name_refuse_even_the_right_password(client, log_in):
    for attempt in range(5):  # from different addresses: the name itself is what is guessed at
        fail(log_in, client, "staff1", 1, ip=f"10.0.0.{attempt}")
    response = log_in(client, "staff1", environ_base={"REMOTE_ADDR": "10.0.0.99"})
    assert response.status_code == 429 and "15 分钟后再试" in response.get_data(as_text=True)
    assert client.get("/console/").status_code == 302


def test_five_failures_from_one_address_refuse_it_for_every_name(client, log_in):
    for name in ("staff1", "support1", "nobody", "admin", "root"):
        fail(log_in, client, name, 1, ip="10.9.9.9")
    assert log_in(client, "admin1", environ_base={"REMOTE_ADDR": "10.9.9.9"}).status_code == 429
    assert log_in(client, "admin1", environ_base={"REMOTE_ADDR": "10.1.1.1"}).status_code == 302


def test_four_failures_then_success_start_the_count_again(app, log_in):
    for ip in ("10.0.0.1", "10.0.0.2"):  # two browsers, so the second is not already logged in
        client = app.test_client()
        fail(log_in, client, "staff1", 4, ip=ip)
        assert log_in(client, "staff1", environ_base={"REMOTE_ADDR": ip + "0"}).status_code == 302


def test_the_lockout_ends_after_15_minutes(client, log_in):
    fail(log_in, client, "staff1", 5)
    with time_machine.travel(time.time() + 14 * 60, tick=False):
        assert log_in(client, "staff1", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 429
    with time_machine.travel(time.time() + 15 * 60 + 1, tick=False):
        assert log_in(client, "staff1", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 302


# -- the counter itself, on every backend ----------------------------------------------
def test_the_throttle_blocks_at_the_limit_and_not_before(store):
    throttle = LoginThrottle(store, max_failures=3, window_seconds=60)
    throttle.record_failure("name:a", "ip:1")
    throttle.record_failure("name:a", "ip:2")
    assert not throttle.blocked("name:a")
    throttle.record_failure("name:a", "ip:3")
    assert throttle.blocked("name:a") and throttle.blocked("ip:9", "name:a")
    assert not throttle.blocked("ip:1", "ip:2", "ip:3", "name:b")


def test_failures_older_than_the_window_no_longer_count(store):
    throttle = LoginThrottle(store, max_failures=2, window_seconds=0.3)
    throttle.record_failure("name:a")
    time.sleep(0.4)
    throttle.record_failure("name:a")
    assert not throttle.blocked("name:a")


def test_a_block_lasts_one_window(store):
    throttle = LoginThrottle(store, max_failures=1, window_seconds=0.3)
    throttle.record_failure("name:a")
    assert throttle.blocked("name:a")
    time.sleep(0.4)
    assert not throttle.blocked("name:a")


def test_clearing_forgets_the_failures(store):
    throttle = LoginThrottle(store, max_failures=2, window_seconds=60)
    throttle.record_failure("name:a")
    throttle.clear("name:a")
    throttle.record_failure("name:a")
    assert not throttle.blocked("name:a")
