"""Who may call what: no token → 401, the wrong role → 403, for every /api endpoint; and
applicants' data is not reachable with a token of a role that does not need it."""
from __future__ import annotations

import pytest

from dialogs.events import Text
from tests.support.desk_app import make_application
from tests.support.api import served_operations

# (method, path, roles allowed besides admin); {app}, {esc} and {code} are filled in per test.
ENDPOINTS = [
    ("get", "/api/applications", "staff"),
    ("get", "/api/applications/{app}", "staff"),
    ("get", "/api/applications/{app}/materials/{code}", "staff"),
    ("post", "/api/applications/{app}/review", "staff"),
    ("post", "/api/applications/{app}/flag", "staff"),
    ("post", "/api/applications/{app}/reopen", "staff"),
    ("post", "/api/applications/{app}/options", "staff"),
    ("post", "/api/applications/{app}/contact-change", "staff"),
    ("post", "/api/applications/{app}/claim", "staff"),
    ("get", "/api/applications/next", "staff"),
    ("get", "/api/applications.csv", "staff"),
    ("get", "/api/decisions.csv", "staff"),
    ("get", "/api/counts", "staff support"),
    ("get", "/api/return-reasons", "staff"),
    ("get", "/api/outbox", "staff"),
    ("post", "/api/outbox/{note}/resend", "staff"),
    ("get", "/api/escalations", "support"),
    ("post", "/api/escalations/{esc}/reply", "support"),
    ("post", "/api/escalations/{esc}/close", "support"),
    ("get", "/api/openapi.json", "staff support"),
]
OTHER_ROLE = {"staff": "support", "support": "staff"}


def _url(path: str) -> str:
    return path.format(app="app-oX", esc="1", code="id_card", note="app-oX:2")


def test_the_table_covers_every_api_endpoint(app):
    generic = {(path.replace("{app}", "{application_id}").replace("{esc}", "{escalation_id}")
                .replace("{note}", "{notification_id}"), method)
               for method, path, _ in ENDPOINTS}
    assert generic == served_operations(app)


@pytest.mark.parametrize("method, path, roles", ENDPOINTS)
def test_without_a_token_every_endpoint_answers_401(client, method, path, roles):
    answer = client.open(_url(path), method=method.upper(), json={})
    assert answer.status_code == 401 and answer.json["error"] == "unauthorized"
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("method, path, roles", ENDPOINTS)
def test_a_wrong_token_answers_401(client, method, path, roles):
    answer = client.open(_url(path), method=method.upper(), json={}, headers={"Authorization": "Bearer nope"})
    assert answer.status_code == 401


@pytest.mark.parametrize("method, path, roles", [e for e in ENDPOINTS if " " not in e[2]])
def test_the_other_role_is_refused_with_403(client, as_role, method, path, roles):
    answer = client.open(_url(path), method=method.upper(), json={}, headers=as_role(OTHER_ROLE[roles]))
    assert answer.status_code == 403 and answer.json["error"] == "forbidden" and answer.json["message"]


@pytest.mark.parametrize("method, path, roles", ENDPOINTS)
def test_the_right_role_and_admin_get_past_the_door(client, as_role, method, path, roles):
    for role in (*roles.split(), "admin"):
        answer = client.open(_url(path), method=method.upper(), json={}, headers=as_role(role))
        assert answer.status_code not in (401, 403), (role, answer.json)


def test_support_cannot_read_an_applicants_application_or_files(client, runtime, as_role):
    record = make_application(runtime, "oPrivate")
    for url in (f"/api/applications/{record['id']}", f"/api/applications/{record['id']}/materials/id_card",
                "/api/applications", "/api/outbox"):
        answer = client.get(url, headers=as_role("support"))
        assert answer.status_code == 403 and "张三" not in answer.get_data(as_text=True)


def test_staff_cannot_read_support_conversations(client, runtime, as_role):
    runtime.conversations.handle("oTalk", Text("人工"))
    answer = client.get("/api/escalations", headers=as_role("staff"))
    assert answer.status_code == 403 and "escalations" not in answer.json
