"""The JSON API's bearer tokens and roles, over HTTP."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine

from bot.desk.accounts import account_for_token, rotate_token, set_disabled
from bot.routes.auth import require_role


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_valid_token_reaches_the_view_with_its_account(client, tokens):
    response = client.get("/api/probe/staff", headers=bearer(tokens["staff1"]))
    assert response.status_code == 200
    assert response.json == {"name": "staff1", "role": "staff"}


def test_no_authorization_header_is_401_naming_the_scheme(client, tokens):
    response = client.get("/api/probe/staff")
    assert response.status_code == 401
    assert response.json["error"] == "unauthorized" and response.json["message"]
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="jifen"'


@pytest.mark.parametrize("header", ["Bearer not-a-real-token", "Bearer ", "Basic c3RhZmYxOnB3", "token-without-scheme"])
def test_a_wrong_or_malformed_token_is_401(client, tokens, header):
    response = client.get("/api/probe/staff", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json["error"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_the_scheme_name_is_case_insensitive(client, tokens):
    assert client.get("/api/probe/staff", headers={"Authorization": f"bearer {tokens['staff1']}"}).status_code == 200


def test_a_role_without_permission_is_403(client, tokens):
    response = client.get("/api/probe/support", headers=bearer(tokens["staff1"]))
    assert response.status_code == 403
    assert response.json["error"] == "forbidden" and "客服" in response.json["message"]


@pytest.mark.parametrize("path", ["/api/probe/staff", "/api/probe/support", "/api/probe/admin", "/api/probe/anyone"])
def test_admin_is_allowed_everywhere(client, tokens, path):
    assert client.get(path, headers=bearer(tokens["admin1"])).status_code == 200


def test_only_admin_reaches_admin_views(client, tokens):
    assert client.get("/api/probe/admin", headers=bearer(tokens["support1"])).status_code == 403


def test_a_disabled_account_is_401(client, tokens, app_store):
    set_disabled(app_store, "staff1", True)
    response = client.get("/api/probe/staff", headers=bearer(tokens["staff1"]))
    assert response.status_code == 401
    assert response.json["message"] == "账号已停用"
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_every_answer_to_a_token_names_its_expiry(client, tokens, app_store):
    response = client.get("/api/probe/staff", headers=bearer(tokens["staff1"]))
    assert response.headers["X-Token-Expires-At"] == account_for_token(app_store, tokens["staff1"]).token_expires_at


def test_an_expired_token_is_401_saying_how_to_get_a_new_one(client, tokens, app_store):
    expires = datetime.fromisoformat(account_for_token(app_store, tokens["staff1"]).token_expires_at)
    with time_machine.travel(expires - timedelta(minutes=1), tick=False):
        assert client.get("/api/probe/staff", headers=bearer(tokens["staff1"])).status_code == 200
    with time_machine.travel(expires + timedelta(minutes=1), tick=False):
        response = client.get("/api/probe/staff", headers=bearer(tokens["staff1"]))
        assert response.status_code == 401
        assert "过期" in response.json["message"] and "python -m bot user token staff1" in response.json["message"]
        assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
        _, renewed = rotate_token(app_store, "staff1")
        assert client.get("/api/probe/staff", headers=bearer(renewed)).status_code == 200


def test_a_rotated_token_stops_working_at_once(client, tokens, app_store):
    _, new = rotate_token(app_store, "staff1")
    assert client.get("/api/probe/staff", headers=bearer(tokens["staff1"])).status_code == 401
    assert client.get("/api/probe/staff", headers=bearer(new)).status_code == 200


def test_a_console_session_does_not_open_the_api(client, log_in):
    log_in(client, "admin1")
    assert client.get("/api/probe/anyone").status_code == 401


def test_an_unknown_role_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown roles"):
        require_role("reviewer")
