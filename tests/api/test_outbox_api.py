"""The outbox as staff see it through the API: every notification and its delivery state."""
from __future__ import annotations

from tests.support.desk_app import make_application
from tests.support.api import RETURN_TWO


def test_notifications_are_listed_with_their_state_and_masked_text(client, runtime, as_role):
    record = make_application(runtime, "oOutbox")
    client.post(f"/api/applications/{record['id']}/review", json=RETURN_TWO, headers=as_role("staff"))
    [notification] = client.get("/api/outbox", headers=as_role("staff")).json["notifications"]
    assert notification["id"] == f"{record['id']}:3" and notification["event"] == "returned"
    assert notification["status"] == "sent" and notification["channel"] == "text" and notification["attempts"] == 1
    assert [step["what"] for step in notification["log"]] == ["claimed", "written", "sent"]
    assert "lease" not in notification


def test_the_list_filters_by_state(client, runtime, stub, as_role):
    stub.control("fail", {"errcode": -1, "path": "/cgi-bin/message/custom/send"})
    record = make_application(runtime, "oRetry")
    client.post(f"/api/applications/{record['id']}/review", json=RETURN_TWO, headers=as_role("staff"))
    staff = as_role("staff")
    [retrying] = client.get("/api/outbox?status=retrying", headers=staff).json["notifications"]
    assert retrying["error"].startswith("send_text: errcode=-1") and retrying["next_attempt_at"] > retrying["created_at"]
    assert client.get("/api/outbox?status=sent", headers=staff).json["notifications"] == []
    assert client.get("/api/outbox?status=lost", headers=staff).status_code == 400


def test_the_outbox_honours_limit_and_offset(client, runtime, as_role):
    for user in ("oPageA", "oPageB"):
        record = make_application(runtime, user)
        client.post(f"/api/applications/{record['id']}/review", json=RETURN_TWO, headers=as_role("staff"))
    staff = as_role("staff")
    first = client.get("/api/outbox?limit=1", headers=staff).json
    assert len(first["notifications"]) == 1 and (first["total"], first["next_offset"]) == (2, 1)
    second = client.get("/api/outbox?limit=1&offset=1", headers=staff).json
    assert second["notifications"][0]["id"] != first["notifications"][0]["id"] and second["next_offset"] is None
    assert client.get("/api/outbox?limit=0", headers=staff).status_code == 400
