"""The last tester round's leftovers on the staff's side, through the real app, store and the WeChat stand-in (fix42)."""
from __future__ import annotations

from bot.desk.accounts import audit_trail, create_account, rotate_token
from dialogs.events import Text
from tests.support.accounts import PASSWORD, last_decision
from tests.support.chat import Chat, application_in


def say(runtime, user: str, text: str) -> str:
    return "\n".join(runtime.conversations.handle(user, Text(text)))


# -- T24: a mobile or e-mail changed after submission waits for staff, who see it in full and apply or decline it --
def test_a_new_mobile_after_submission_waits_on_the_application_encrypted_and_staff_apply_it(client, runtime, stub, as_role):
    chat = Chat(runtime.conversations, "oNewMobile")
    app_id = application_in(chat, "submitted")
    reply = say(runtime, chat.user, "手机号换了 现在用的是18600001235")
    assert "139" not in reply and "186****1235" in reply and "通知您" in reply
    raw = runtime.store.inner.get("application", app_id)["pending_contact"]
    assert isinstance(raw, str) and "18600001235" not in raw and "13800138000" not in raw  # encrypted at rest
    assert runtime.store.find("escalation", user_id=chat.user) == []  # staff's to apply, not support's
    staff = as_role("staff")
    shown = client.get(f"/api/applications/{app_id}", headers=staff).json
    assert shown["pending_contact"] == [{"field": "mobile", "label": "手机号码", "old": "13800138000",
                                         "new": "18600001235", "at": shown["pending_contact"][0]["at"]}]
    viewed = audit_trail(runtime.store)[-1]
    assert viewed["action"] == "application.view_personal" and "新手机号码（待处理）" in viewed["detail"]["fields"]
    done = client.post(f"/api/applications/{app_id}/contact-change", json={"field": "mobile", "decision": "apply"},
                       headers=staff)
    assert done.status_code == 200 and done.json["mobile"] == "18600001235" and done.json["pending_contact"] == []
    assert runtime.applications.get(app_id)["answers"]["mobile"] == "18600001235"
    entry = last_decision(runtime.store)
    assert (entry["action"], entry["detail"]) == ("application.contact_applied", {"field": "手机号码"})
    told = stub.texts_to("oNewMobile")[-1]
    assert "已由工作人员更新" in told and "186****1235" in told
    again = client.post(f"/api/applications/{app_id}/contact-change", json={"field": "mobile", "decision": "apply"},
                        headers=staff)
    assert again.status_code == 409  # nothing waits any more


def test_a_new_email_after_submission_declined_keeps_the_old_one_and_the_applicant_is_told_why(client, runtime, stub, as_role):
    chat = Chat(runtime.conversations, "oNewEmail")
    app_id = application_in(chat, "returned", return_reason="请重新上传身份证")
    assert "已转给工作人员" in say(runtime, chat.user, "我的邮箱换了 现在是wang.new@example.com")
    staff = as_role("staff")
    bad = client.post(f"/api/applications/{app_id}/contact-change", json={"field": "name", "decision": "apply"}, headers=staff)
    assert bad.status_code == 400
    done = client.post(f"/api/applications/{app_id}/contact-change",
                       json={"field": "email", "decision": "decline", "note": "新邮箱地址无法接收邮件"}, headers=staff)
    assert done.status_code == 200 and done.json["pending_contact"] == []
    assert runtime.applications.get(app_id)["answers"]["email"] == "zhangsan@example.com"
    assert last_decision(runtime.store)["action"] == "application.contact_declined"
    told = stub.texts_to("oNewEmail")[-1]
    assert "未予更新" in told and "新邮箱地址无法接收邮件" in told


def test_the_console_shows_a_pending_contact_change_in_full_and_applies_it(client, runtime, stub, logged_in):
    chat = Chat(runtime.conversations, "oConsoleMobile")
    app_id = application_in(chat, "submitted")
    say(runtime, chat.user, "手机号码改成13912345678")
    csrf = logged_in("staff")
    page = client.get(f"/console/applications/{app_id}").get_data(as_text=True)
    assert "13800138000" in page and "13912345678" in page and "采用新的手机号码" in page
    client.post(f"/console/applications/{app_id}/contact-change",
                data={"field": "mobile", "decision": "apply", "csrf_token": csrf})
    assert runtime.applications.get(app_id)["answers"]["mobile"] == "13912345678"
    assert "已由工作人员更新" in stub.texts_to("oConsoleMobile")[-1]
    assert "采用新的手机号码" not in client.get(f"/console/applications/{app_id}").get_data(as_text=True)


def test_the_notice_of_a_new_email_waits_in_the_outbox_masked(client, runtime, stub, as_role):
    """The notice is kept in the outbox until WeChat takes it: the new address is shown as its owner recognises it."""
    chat = Chat(runtime.conversations, "oMaskedEmail")
    app_id = application_in(chat, "submitted")
    say(runtime, chat.user, "邮箱换了 新的是wang.new@example.com")
    client.post(f"/api/applications/{app_id}/contact-change", json={"field": "email", "decision": "apply"},
                headers=as_role("staff"))
    told = stub.texts_to("oMaskedEmail")[-1]
    assert "wa***@example.com" in told and "wang.new" not in told


def test_a_contact_change_waits_for_the_reviewer_holding_the_application(client, runtime, as_role):
    """Another reviewer's claim holds every decision on the file, as it holds a review (409, nothing changed)."""
    chat = Chat(runtime.conversations, "oHeldContact")
    app_id = application_in(chat, "submitted")
    say(runtime, chat.user, "手机号码改成13912345678")
    create_account(runtime.store, "staff2", "staff", PASSWORD)
    staff2 = {"Authorization": f"Bearer {rotate_token(runtime.store, 'staff2')[1]}"}
    assert client.post(f"/api/applications/{app_id}/claim", json={}, headers=staff2).json["claim"]["by"] == "staff2"
    refused = client.post(f"/api/applications/{app_id}/contact-change", json={"field": "mobile", "decision": "apply"},
                          headers=as_role("staff"))
    assert refused.status_code == 409 and refused.json["error"] == "claimed"
    assert runtime.applications.get(app_id)["answers"]["mobile"] == "13800138000"
