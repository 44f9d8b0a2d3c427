"""try17's findings on support's side of a contested return, through the real app, store and the WeChat stand-in."""
from __future__ import annotations

from datetime import timedelta

from dialogs import clock
from dialogs.events import Text
from tests.support.chat import Chat, application_in
from tests.support.desk_app import make_application


def say(runtime, user: str, text: str) -> str:
    return "\n".join(runtime.conversations.handle(user, Text(text)))


def _submitted_with_files(runtime, chat: Chat) -> str:
    """The applicant's own application (walked in chat), its materials uploaded as PDFs and submitted."""
    app_id = application_in(chat, "draft")
    make_application(runtime, chat.user, application_id=app_id, checklist=runtime.applications.get(app_id)["checklist"])
    return app_id


def _a_minute_ago(runtime, app_id: str) -> None:
    """The application's moves so far made a minute earlier: a test runs within one second, and stamps are to the
    second, so a reply after a review would otherwise share its stamp."""
    def earlier(record: dict) -> dict:
        return {**record, "history": [{**entry, "at": clock.stamp(clock.parse(entry["at"]) - timedelta(minutes=1))}
                                      for entry in record["history"]]}
    runtime.applications.change(app_id, earlier)


def _returning_the_first_item(runtime, app_id: str) -> dict:
    first, *rest = runtime.applications.get(app_id)["checklist"]
    return {"materials": {first: {"status": "returned", "reason": "委托单盖章不清晰"}, **{c: {"status": "approved"} for c in rest}},
            "decision": "returned"}


# -- T22: a contested return is answered by the approval; "收到" to the review's notice is not for support ----------
def test_approving_a_contested_return_ends_the_contest_and_the_applicant_answers_the_notice(client, runtime, stub, as_role):
    chat = Chat(runtime.conversations, "oContestApproved")
    app_id = _submitted_with_files(runtime, chat)
    staff, support = as_role("staff"), as_role("support")
    returned = _returning_the_first_item(runtime, app_id)
    assert client.post(f"/api/applications/{app_id}/review", json=returned, headers=staff).status_code == 200
    _a_minute_ago(runtime, app_id)
    assert "工作人员复核" in say(runtime, chat.user, "我不同意这个退回 委托单的章很清楚 你们再看看")
    [escalation] = runtime.store.find("escalation", user_id=chat.user, status="open")
    assert escalation["reason"] == "return_contested"
    client.post(f"/api/escalations/{escalation['id']}/reply", json={"text": "您好，已请审核人员复核。"}, headers=support)
    assert say(runtime, chat.user, "好的 谢谢").startswith("收到，您的消息已转给")  # talking to that person: theirs
    assert client.post(f"/api/applications/{app_id}/reopen", json={"note": "复核后身份证清晰"}, headers=staff).status_code == 200
    checklist = runtime.applications.get(app_id)["checklist"]
    approve = {"materials": {code: {"status": "approved"} for code in checklist}, "decision": "approved"}
    assert client.post(f"/api/applications/{app_id}/review", json=approve, headers=staff).json["status"] == "approved"
    closed = runtime.store.get("escalation", escalation["id"])
    # the return withdrawn answered the contest already (try21 X32): closed then, with the reviewer's note
    assert closed["status"] == "closed" and "复核后身份证清晰" in closed["closed_note"]
    assert runtime.store.find("escalation", user_id=chat.user, status="open") == []
    assert not say(runtime, chat.user, "收到").startswith("收到，您的消息已转给")


def test_a_contest_still_open_after_another_return_stays_with_support(client, runtime, stub, as_role):
    chat = Chat(runtime.conversations, "oContestReturnedAgain")
    app_id = _submitted_with_files(runtime, chat)
    staff = as_role("staff")
    returned = _returning_the_first_item(runtime, app_id)
    client.post(f"/api/applications/{app_id}/review", json=returned, headers=staff)
    say(runtime, chat.user, "我不同意这个退回 委托单的章很清楚 你们再看看")
    client.post(f"/api/applications/{app_id}/reopen", json={"note": "再看一次"}, headers=staff)
    assert client.post(f"/api/applications/{app_id}/review", json=returned, headers=staff).json["status"] == "returned"
    # the withdrawal answered the first contest (try21 X32); the new return is contested anew
    assert runtime.store.find("escalation", user_id=chat.user, status="open") == []
    say(runtime, chat.user, "我不同意这个退回 委托单的章很清楚 你们再看看")
    assert [e["reason"] for e in runtime.store.find("escalation", user_id=chat.user, status="open")] == ["return_contested"]


def test_after_a_review_notice_the_applicant_answers_the_notice_not_the_person_who_wrote_before(client, runtime, stub, as_role):
    chat = Chat(runtime.conversations, "oNoticeAfterSupport")
    app_id = _submitted_with_files(runtime, chat)
    say(runtime, chat.user, "人工")
    [escalation] = runtime.store.find("escalation", user_id=chat.user, status="open")
    client.post(f"/api/escalations/{escalation['id']}/reply", json={"text": "您好，请耐心等待审核。"}, headers=as_role("support"))
    client.post(f"/api/applications/{app_id}/review", json=_returning_the_first_item(runtime, app_id), headers=as_role("staff"))
    reply = say(runtime, chat.user, "收到")
    assert not reply.startswith("收到，您的消息已转给")
    assert len(runtime.store.get("escalation", escalation["id"])["requests"]) == 1  # nothing more for support to read
