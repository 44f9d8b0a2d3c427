"""Issue 14, item 7: the login throttle counted per socket address (one office behind a proxy or NAT
was one address: five typos locked everyone out) and locked a name out (a stranger could keep a named
colleague out of the console from anywhere). Now the address is the client's, read from
X-Forwarded-For only past TRUSTED_PROXIES, and a name is slowed down, never locked out."""
from __future__ import annotations

import ipaddress
import re
import time

import pytest
import requests
import time_machine

from bot.desk.accounts import create_account
from bot.app import runtime_of
from bot.client_address import client_address, parse_networks
from bot.config import ConfigError, from_env
from tests.support.accounts import PASSWORD
from tests.support.accounts import log_in, tokens  # noqa: F401 - fixtures
from tests.e2e.servers import bot_store
from tests.support.console_http import console_login

PROXY = "10.0.0.254"
WRONG = "not the password"


@pytest.fixture
def app(make_app):
    return make_app(trusted_proxies=parse_networks(PROXY))


@pytest.fixture
def app_store(app):
    return runtime_of(app).store


def via_proxy(client_ip: str, spoofed: str = "") -> dict:
    """What a request relayed by the trusted proxy looks like to the app."""
    return {"environ_base": {"REMOTE_ADDR": PROXY},
            "headers": {"X-Forwarded-For": f"{spoofed}{client_ip}"}}


def test_behind_a_trusted_proxy_a_strangers_failures_do_not_refuse_the_office(app, log_in):
    stranger, colleague = app.test_client(), app.test_client()
    for n in range(12):
        log_in(stranger, f"guess{n}", WRONG, **via_proxy("203.0.113.9", spoofed=f"198.51.100.{n}, "))
    assert log_in(stranger, "staff1", **via_proxy("203.0.113.9", spoofed="198.51.100.200, ")).status_code == 429
    assert log_in(colleague, "staff1", **via_proxy("203.0.113.2")).status_code == 302


def test_without_trusted_proxies_a_forwarded_for_header_changes_nothing(make_app, log_in):
    app = make_app()
    client = app.test_client()
    for n in range(10):  # a new "address" each time, so a limit per address would never be reached
        log_in(client, f"guess{n}", WRONG, environ_base={"REMOTE_ADDR": "10.0.0.7"},
               headers={"X-Forwarded-For": f"198.51.100.{n}"})
    assert log_in(client, "staff1", environ_base={"REMOTE_ADDR": "10.0.0.7"},
                  headers={"X-Forwarded-For": "198.51.100.99"}).status_code == 429


def test_a_stranger_cannot_lock_a_named_colleague_out(app, log_in):
    stranger, colleague = app.test_client(), app.test_client()
    with time_machine.travel(time.time(), tick=False) as clock:
        for n in range(30):  # from many addresses, each below its own limit
            log_in(stranger, "staff1", WRONG, **via_proxy(f"198.51.100.{n // 3}"))
            clock.shift(1)
        refused = log_in(colleague, "staff1", **via_proxy("203.0.113.2"))
        assert refused.status_code == 429
        seconds = int(re.search(r"请 (\d+) 秒后再试", refused.get_data(as_text=True)).group(1))
        assert seconds <= 60
        clock.shift(seconds + 1)
        assert log_in(colleague, "staff1", **via_proxy("203.0.113.2")).status_code == 302


# -- reading X-Forwarded-For ---------------------------------------------------------------------
TRUSTED = parse_networks("10.0.0.254, 172.16.0.0/12, ::1")


@pytest.mark.parametrize("peer, forwarded, client", [
    ("203.0.113.5", "1.2.3.4", "203.0.113.5"),                      # not from a proxy: the header is the client's own words
    ("10.0.0.254", "203.0.113.5", "203.0.113.5"),
    ("10.0.0.254", "1.2.3.4, 203.0.113.5", "203.0.113.5"),          # left of the first untrusted hop: written by the client
    ("10.0.0.254", "203.0.113.5, 172.16.3.4", "203.0.113.5"),       # two trusted hops
    ("::1", "2001:db8::7", "2001:db8::7"),
    ("10.0.0.254", "", "10.0.0.254"),                               # the proxy itself (a health check)
    ("10.0.0.254", "172.16.0.9", "172.16.0.9"),                     # every hop trusted: the farthest
    ("10.0.0.254", "1.2.3.4, not-an-address", "not-an-address"),    # garbage is nobody's proxy
])
def test_the_client_is_the_first_untrusted_hop_from_the_right(peer, forwarded, client):
    assert client_address(peer, forwarded, TRUSTED) == client


def test_trusted_proxies_are_a_setting_checked_at_start(tmp_path):
    env = {"DATA_DIR": str(tmp_path)}
    assert from_env(env).trusted_proxies == ()
    assert from_env({**env, "TRUSTED_PROXIES": "10.0.0.1, 10.1.0.0/16"}).trusted_proxies == (
        ipaddress.ip_network("10.0.0.1/32"), ipaddress.ip_network("10.1.0.0/16"))
    with pytest.raises(ConfigError, match="TRUSTED_PROXIES: 'proxy.local'"):
        from_env({**env, "TRUSTED_PROXIES": "proxy.local"})


# -- through a real deployment behind a proxy ------------------------------------------------------------
def login_over_http(url: str, name: str, password: str, forwarded_for: str) -> requests.Response:
    browser, answer = console_login(url, name, password, forwarded_for=forwarded_for)
    browser.close()
    return answer


@pytest.mark.slow
def test_over_http_behind_a_proxy_a_stranger_delays_but_never_locks_out_a_colleague(start_bot):
    bot = start_bot("sqlite", TRUSTED_PROXIES="127.0.0.1")
    with bot_store(bot.store_url) as store:
        create_account(store, "staff1", "staff", PASSWORD)
    for _ in range(4):
        assert login_over_http(bot.url, "staff1", WRONG, "203.0.113.9").status_code == 401
    for n in range(6):
        assert login_over_http(bot.url, f"guess{n}", WRONG, "203.0.113.9").status_code == 401
    assert login_over_http(bot.url, "guess9", WRONG, "1.2.3.4, 203.0.113.9").status_code == 429  # the address's limit
    answer = login_over_http(bot.url, "staff1", PASSWORD, "203.0.113.2")
    if answer.status_code == 429:  # the name's wait (2 s after four failures), not a lockout
        time.sleep(int(re.search(r"请 (\d+) 秒后再试", answer.text).group(1)) + 0.5)
        answer = login_over_http(bot.url, "staff1", PASSWORD, "203.0.113.2")
    assert answer.status_code == 302
