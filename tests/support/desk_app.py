"""The staff desk's app in tests: wired as in production (API, console, outbox listener) against a real
SQLite store and the WeChat stand-in on a free port; one account per role; applications made through
the lifecycle with real PDFs. Jobs run inline, so a notification is delivered before the request that
caused it returns and tests can look at the stand-in right away.

The fixtures here are imported by the folders that use this app (tests/api, tests/console, and the
desk's security tests), so each says which app it tests."""
from __future__ import annotations

import io
from datetime import datetime
from typing import Any

import pytest
from flask.testing import FlaskClient

from bot.desk.accounts import create_account
from bot.app import runtime_of
from bot.config import Config
from bot.background.tasks import run
from bot.runtime import Runtime
from dialogs import clock, lifecycle
from dialogs.checklist import catalogue
from dialogs.events import Text
from tests.support.accounts import PASSWORD
from tests.support.chat import Chat, application_in
from tests.support.console_http import csrf_of
from tests.support.files import text_pdf

CHECKLIST = ["commission_form", "commitment_letter", "id_card", "residence_permit", "household_register",
             "labor_contract"]
ANSWERS = {"business_type": "new", "permit_expiry": "2027-08-25", "name": "张三", "id_number": "11010519491231002X",
           "employer": "上海某某科技有限公司", "children": 0, "marital_status": "unmarried", "mobile": "13800138000",
           "email": "zhangsan@example.com", "bonus_options": []}


class InlineJobs:
    """Runs each job at once, in the caller's thread."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime

    def enqueue(self, name: str, **kwargs: Any) -> None:
        run(self.runtime, name, kwargs)

    def close(self) -> None:
        pass


@pytest.fixture
def config(tmp_path, stub) -> Config:
    return Config(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'bot.db'}", wechat_api_base_url=stub.api_base)


@pytest.fixture
def app(make_app, stub):
    app = make_app(wechat_api_base_url=stub.api_base)
    runtime_of(app).__dict__["jobs"] = InlineJobs(runtime_of(app))
    return app


@pytest.fixture
def runtime(app) -> Runtime:
    return runtime_of(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def tokens(runtime) -> dict[str, str]:
    """role -> API token of the account "<role>1" (console password PASSWORD)."""
    return {role: create_account(runtime.store, f"{role}1", role, PASSWORD)[1] for role in ("staff", "support", "admin")}


@pytest.fixture
def as_role(tokens):
    """``as_role("staff")`` -> the Authorization header of that role's token."""
    return lambda role: {"Authorization": f"Bearer {tokens[role]}"}


def make_application(runtime: Runtime, user_id: str, *, status: str = "submitted", application_id: str | None = None,
                     now: datetime | None = None, checklist: list[str] = CHECKLIST) -> dict[str, Any]:
    """An application with every material uploaded (real PDFs), brought to ``status`` (draft or submitted)."""
    now = now or clock.now()
    application_id = application_id or f"app-{user_id}"
    runtime.store.update("application", application_id, lambda current: lifecycle.saved_application(
        current, application_id=application_id, user_id=user_id, business_type="new", answers=dict(ANSWERS),
        checklist=checklist, now=now))
    for pages, code in enumerate(checklist, 1):
        data = text_pdf(pages)
        file = {"sha256": runtime.files.put(data), "pages": pages, "size": len(data), "source": "upload"}
        runtime.applications.change(application_id, lambda r, code=code, file=file: lifecycle.with_material(r, code, file, now))
    if status == "submitted":
        runtime.applications.change(application_id, lambda r: lifecycle.submitted(r, now))
    return runtime.applications.get(application_id)


def resubmit(client: FlaskClient, runtime: Runtime, application_id: str, *codes: str) -> dict[str, Any]:
    """The applicant of a returned application uploads new PDFs for ``codes`` on their upload page and submits again."""
    link = f"/upload/{runtime.upload_links.token_for(application_id)}"

    def csrf() -> str:  # the link's CSRF value, as the page's JSON gives it to its script
        return client.get(link, headers={"Accept": "application/json"}).get_json()["csrf_token"]

    for code in codes:
        answer = client.post(f"{link}/{code}", content_type="multipart/form-data",
                             data={"csrf_token": csrf(), "file": (io.BytesIO(text_pdf(2)), f"{code}.pdf")})
        assert answer.status_code == 303, answer.get_data(as_text=True)
    assert client.post(f"{link}/submit", data={"csrf_token": csrf()}).status_code == 303
    return runtime.applications.get(application_id)


def name_of(code: str) -> str:
    return catalogue().materials[code].name


@pytest.fixture
def logged_in(client, tokens):
    """``logged_in("staff")`` logs the test client in as that role's account and returns a CSRF token."""
    def log_in(role: str) -> str:
        page = client.get("/console/login").get_data(as_text=True)
        client.post("/console/login", data={"name": f"{role}1", "password": PASSWORD, "csrf_token": csrf_of(page)})
        return csrf_of(client.get("/console/").get_data(as_text=True))

    return log_in


def say(runtime: Runtime, user: str, text: str) -> str:
    """``user``'s text through the running app's conversations; the replies joined."""
    return "\n".join(runtime.conversations.handle(user, Text(text)))


def disputed_by_applicant(runtime: Runtime, user: str, *before: str) -> str:
    """An approved application (materials approved) whose applicant said ``before`` and then reported a wrong
    unit; its id."""
    app_id = application_in(Chat(runtime.conversations, user), "approved", confirm_by="2026-12-26T23:59:59+08:00")
    runtime.store.update("application", app_id, lambda a: {
        **a, "materials": {code: {"status": "approved"} for code in a["checklist"]}})
    for text in before:
        say(runtime, user, text)
    say(runtime, user, "申办信息有误 单位的名字写错了")
    assert runtime.applications.get(app_id)["status"] == "disputed"
    return app_id
