"""Issue 14, item 8 (the desk's part): a password change left that account's console sessions open,
so whoever knew the old password stayed logged in; and ten concurrent "flag" requests for one
applicant made two open escalations."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest
import requests

from bot.desk.accounts import create_account, set_disabled, set_password
from bot.applicant.effects import open_escalation
from dialogs.events import Escalate
from tests.support.desk_app import make_application
from tests.support.desk_app import app, client, config, runtime, tokens  # noqa: F401 - fixtures
from tests.support.console_http import csrf_of
from tests.support.accounts import PASSWORD
from tests.e2e.servers import bot_store
from tests.support.console_http import console_login

FLAGS = 10


def logged_in_browser(app, name: str):
    browser = app.test_client()
    page = browser.get("/console/login").get_data(as_text=True)
    assert browser.post("/console/login", data={"name": name, "password": PASSWORD,
                                                "csrf_token": csrf_of(page)}).status_code == 302
    assert browser.get("/console/").status_code == 200
    return browser


def test_a_password_change_ends_every_console_session_of_that_account(app, runtime, tokens):
    office, stolen, colleague = (logged_in_browser(app, name) for name in ("staff1", "staff1", "support1"))
    set_password(runtime.store, "staff1", "a brand new password")
    for browser in (office, stolen):
        assert browser.get("/console/").status_code == 302  # to the login page
    assert colleague.get("/console/").status_code == 200  # other accounts keep theirs


def test_disabling_ends_the_sessions_for_good(app, runtime, tokens):
    browser = logged_in_browser(app, "staff1")
    set_disabled(runtime.store, "staff1", True)
    set_disabled(runtime.store, "staff1", False)
    assert browser.get("/console/").status_code == 302  # re-enabling does not bring old sessions back
    assert logged_in_browser(app, "staff1").get("/console/").status_code == 200


@pytest.mark.slow
def test_over_http_a_copied_session_cookie_stops_working_when_the_password_changes(start_bot):
    bot = start_bot("sqlite")
    with bot_store(bot.store_url) as store:
        create_account(store, "staff1", "staff", PASSWORD)
    browser, answer = console_login(bot.url, "staff1", PASSWORD)
    assert answer.status_code == 302
    copied = requests.Session()
    copied.cookies.update(browser.cookies)  # the attacker's copy of the cookie
    assert copied.get(f"{bot.url}/console/", allow_redirects=False, timeout=5).status_code == 200
    with bot_store(bot.store_url) as store:
        set_password(store, "staff1", "a brand new password")
    for session in (browser, copied):
        assert session.get(f"{bot.url}/console/", allow_redirects=False, timeout=5).status_code == 302


# -- one open escalation, on every backend -----------------------------------------------------------
def test_concurrent_requests_for_a_person_make_one_open_escalation(store):
    start = threading.Barrier(FLAGS)

    def flag(n: int) -> str:
        start.wait()
        return open_escalation(store, "oTogether", Escalate("staff_flag", note=f"第{n}次"), datetime.now())

    with ThreadPoolExecutor(FLAGS) as pool:
        ids = set(pool.map(flag, range(FLAGS)))
    [escalation] = store.find("escalation", user_id="oTogether")
    assert ids == {escalation["id"]} and escalation["status"] == "open"
    assert len(escalation["requests"]) == FLAGS  # every request kept, none lost to a race


def test_after_closing_a_new_request_opens_a_new_escalation(client, runtime, tokens):
    record = make_application(runtime, "oAgain")
    staff, support = ({"Authorization": f"Bearer {tokens[role]}"} for role in ("staff", "support"))
    first = client.post(f"/api/applications/{record['id']}/flag", json={"note": "请电话联系"}, headers=staff).json
    assert client.post(f"/api/escalations/{first['escalation_id']}/close", headers=support).status_code == 200
    second = client.post(f"/api/applications/{record['id']}/flag", json={"note": "再次联系"}, headers=staff).json
    assert second["escalation_id"] != first["escalation_id"]
    assert len(runtime.store.find("escalation", user_id="oAgain", status="open")) == 1


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_ten_concurrent_flags_over_http_make_one_open_escalation(start_bot, backend):
    bot = start_bot(backend)
    with bot_store(bot.store_url) as store:
        token = create_account(store, "staff1", "staff")[1]
        store.put("application", "app-1", {"id": "app-1", "user_id": "oFlagged", "status": "submitted",
                                           "answers": {}, "checklist": [], "materials": {}, "history": []})
    start = threading.Barrier(FLAGS)

    def flag(n: int) -> int:
        start.wait()
        return requests.post(f"{bot.url}/api/applications/app-1/flag", json={"note": f"第{n}次：请联系申请人"},
                             headers={"Authorization": f"Bearer {token}"}, timeout=10).status_code

    with ThreadPoolExecutor(FLAGS) as pool:
        assert set(pool.map(flag, range(FLAGS))) == {201}
    with bot_store(bot.store_url) as store:
        [escalation] = store.find("escalation", user_id="oFlagged", status="open")
        assert len(escalation["requests"]) == FLAGS
