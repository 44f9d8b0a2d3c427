"""Failed logins slow a name down (a wait that grows, never a lockout) and limit an address (ten
failures within 15 minutes refuse it for 15 minutes); the address is the socket's, or behind
TRUSTED_PROXIES the client's from X-Forwarded-For (tests/security/test_login_throttle.py)."""
from __future__ import annotations

import time

import time_machine

from bot.desk.login_throttle import LoginThrottle

WRONG = "not the password"


def fail(log_in, client, name: str, times: int, ip: str = "10.0.0.1") -> None:
    for _ in range(times):
        assert log_in(client, name, WRONG, environ_base={"REMOTE_ADDR": ip}).status_code == 401


def test_failures_for_a_name_make_its_next_attempt_wait_a_few_seconds(client, log_in):
    with time_machine.travel(time.time(), tick=False) as clock:
        for attempt in range(4):  # from different addresses: the name itself is what is guessed at
            fail(log_in, client, "staff1", 1, ip=f"10.0.0.{attempt}")
        response = log_in(client, "staff1", environ_base={"REMOTE_ADDR": "10.0.0.99"})
        assert response.status_code == 429 and "2 秒后再试" in response.get_data(as_text=True)
        clock.shift(2.5)
        assert log_in(client, "staff1", environ_base={"REMOTE_ADDR": "10.0.0.99"}).status_code == 302


def test_the_wait_grows_with_each_failure_up_to_a_minute():
    throttle = LoginThrottle(store=None)
    assert [throttle.name_wait(n) for n in range(1, 11)] == [0, 0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_ten_failures_from_one_address_refuse_it_for_every_name(client, log_in):
    for n in range(10):
        fail(log_in, client, f"nobody{n}", 1, ip="10.9.9.9")
    refused = log_in(client, "admin1", environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert refused.status_code == 429 and "15 分钟后再试" in refused.get_data(as_text=True)
    assert log_in(client, "admin1", environ_base={"REMOTE_ADDR": "10.1.1.1"}).status_code == 302


def test_three_failures_then_success_start_the_count_again(app, log_in):
    for ip in ("10.0.0.1", "10.0.0.2"):  # two browsers, so the second is not already logged in
        client = app.test_client()
        fail(log_in, client, "staff1", 3, ip=ip)
        assert log_in(client, "staff1", environ_base={"REMOTE_ADDR": ip + "0"}).status_code == 302


def test_the_address_refusal_ends_after_15_minutes(client, log_in):
    for n in range(10):
        fail(log_in, client, f"nobody{n}", 1)
    with time_machine.travel(time.time() + 14 * 60, tick=False):
        assert log_in(client, "staff1", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 429
    with time_machine.travel(time.time() + 15 * 60 + 1, tick=False):
        assert log_in(client, "staff1", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 302


# -- the counters themselves, on every backend ----------------------------------------------
def test_an_address_is_refused_at_its_limit_and_not_before(store):
    throttle = LoginThrottle(store, address_limit=3, window_seconds=60)
    for name in ("a", "b"):
        throttle.record_failure(name, "10.0.0.1")
    assert throttle.refusal("c", "10.0.0.1") is None
    throttle.record_failure("c", "10.0.0.1")
    assert throttle.refusal("d", "10.0.0.1").per == "address"
    assert throttle.refusal("d", "10.0.0.2") is None


def test_a_name_past_its_free_failures_waits(store):
    throttle = LoginThrottle(store, free_name_failures=1, max_name_wait=0.3)
    throttle.record_failure("a", "10.0.0.1")
    assert throttle.refusal("a", "10.0.0.2") is None
    throttle.record_failure("a", "10.0.0.2")
    refusal = throttle.refusal("a", "10.0.0.3")
    assert refusal.per == "name" and refusal.seconds == 1
    assert throttle.refusal("b", "10.0.0.3") is None
    time.sleep(0.4)
    assert throttle.refusal("a", "10.0.0.3") is None


def test_failures_older_than_the_window_no_longer_count(store):
    throttle = LoginThrottle(store, address_limit=2, window_seconds=0.3)
    throttle.record_failure("a", "10.0.0.1")
    time.sleep(0.4)
    throttle.record_failure("b", "10.0.0.1")
    assert throttle.refusal("c", "10.0.0.1") is None


def test_clearing_forgets_a_names_failures_and_its_wait(store):
    throttle = LoginThrottle(store, free_name_failures=1, max_name_wait=30)
    for address in ("10.0.0.1", "10.0.0.2"):
        throttle.record_failure("a", address)
    throttle.clear("a")
    assert throttle.refusal("a", "10.0.0.3") is None
    throttle.record_failure("a", "10.0.0.3")
    assert throttle.refusal("a", "10.0.0.3") is None
