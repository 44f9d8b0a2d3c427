"""Support answering escalations through the API: the queue with the conversation, replies that
reach the applicant's WeChat, and closing."""
from __future__ import annotations

import pytest

from bot.desk.accounts import audit_trail
from dialogs.events import Text
from tests.support.chat import Chat, application_in


def escalate(runtime, user: str, *messages: str) -> str:
    """The applicant says ``messages`` and then 人工; the id of their escalation."""
    for text in (*messages, "人工"):
        runtime.conversations.handle(user, Text(text))
    [escalation] = runtime.store.find("escalation", user_id=user, status="open")
    return escalation["id"]



def test_the_queue_shows_each_escalation_with_its_recent_conversation_masked(client, runtime, as_role):
    escalate(runtime, "oHelp", "你好", "我的手机是13812345678")
    [item] = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert item["reason"] == "requested" and item["status"] == "open" and item["user_id"] == "oHelp"
    said = [line["text"] for line in item["conversation"] if line["who"] == "applicant"]
    assert said == ["你好", "我的手机是138****5678", "人工"]
    assert any("转接人工客服" in line["text"] for line in item["conversation"] if line["who"] == "bot")
    assert "13812345678" not in client.get("/api/escalations", headers=as_role("support")).get_data(as_text=True)


def test_the_queue_filters_by_status(client, runtime, as_role):
    first = escalate(runtime, "oOne")
    escalate(runtime, "oTwo")
    client.post(f"/api/escalations/{first}/close", headers=as_role("support"))
    ids = lambda status: [e["id"] for e in client.get(f"/api/escalations?status={status}",
                                                      headers=as_role("support")).json["escalations"]]
    assert first in ids("closed") and first not in ids("open") and len(ids("")) == 2
    assert client.get("/api/escalations?status=lost", headers=as_role("support")).status_code == 400


def test_the_queue_comes_in_pages_oldest_first(client, runtime, as_role):
    opened = [escalate(runtime, f"oQueue{n}") for n in range(3)]
    support = as_role("support")
    pages = [client.get(f"/api/escalations?limit=2&offset={offset}", headers=support).json for offset in (0, 2)]
    assert [e["id"] for page in pages for e in page["escalations"]] == opened
    assert [page["next_offset"] for page in pages] == [2, None] and pages[0]["total"] == 3
    assert client.get("/api/escalations?limit=500", headers=support).status_code == 400


def test_a_reply_reaches_the_applicant_as_a_customer_service_message(client, runtime, stub, as_role):
    escalation = escalate(runtime, "oReply")
    answer = client.post(f"/api/escalations/{escalation}/reply", json={"text": "您好，闵行区的材料可以邮寄。"},
                         headers=as_role("support"))
    assert answer.status_code == 200 and answer.json["replies"][0]["by"] == "support1"
    assert stub.texts_to("oReply") == ["【人工客服】您好，闵行区的材料可以邮寄。"]
    assert answer.json["conversation"][-1]["who"] == "support"
    entry = audit_trail(runtime.store)[-1]
    assert (entry["actor"], entry["action"], entry["target"]) == ("support1", "escalation.reply", f"escalation:{escalation}")


def test_after_supports_reply_the_applicants_remark_goes_to_that_person_a_question_with_an_answer_is_answered(
        client, runtime, as_role):
    # try13 T11/T36: a question the knowledge base answers waited on the person; answered, said they read it too.
    escalation = escalate(runtime, "oTalking", "你好")
    client.post(f"/api/escalations/{escalation}/reply", json={"text": "您好，我是客服小李，请问有什么可以帮您？"},
                headers=as_role("support"))
    [reply] = runtime.conversations.handle("oTalking", Text("我老婆那边的情况比较复杂 等下跟你细说"))
    assert reply.startswith("收到，您的消息已转给正在为您服务的人工客服")
    *answer, seen = runtime.conversations.handle("oTalking", Text("我想问下我老婆能不能作为随员加进来 她是外地户口"))
    assert "同住人" in "".join(answer) and "人工客服也能看到" in seen
    [item] = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert any(line["who"] == "applicant" and line["text"].startswith("我想问下我老婆")
               for line in item["conversation"])  # support reads it there
    assert runtime.conversations.handle("oTalking", Text("积分新办"))[0] != reply  # the bot's own business
    client.post(f"/api/escalations/{escalation}/close", headers=as_role("support"))
    assert not runtime.conversations.handle("oTalking", Text("闵行的材料寄到哪"))[0].startswith("收到，您的消息已转给")


def test_each_reply_is_its_own_message(client, runtime, stub, as_role):
    escalation = escalate(runtime, "oTwice")
    for text in ("第一条", "第二条"):
        client.post(f"/api/escalations/{escalation}/reply", json={"text": text}, headers=as_role("support"))
    assert stub.texts_to("oTwice") == ["【人工客服】第一条", "【人工客服】第二条"]


def test_closing_tells_the_applicant_and_their_place_is_kept(client, runtime, stub, as_role):
    runtime.conversations.handle("oClose", Text("你好"))
    runtime.conversations.handle("oClose", Text("积分新办"))
    before = runtime.store.get("conversation", "oClose")
    escalation = escalate(runtime, "oClose")
    answer = client.post(f"/api/escalations/{escalation}/close", headers=as_role("support"))
    assert answer.status_code == 200 and answer.json["status"] == "closed" and answer.json["closed_by"] == "support1"
    [message] = stub.texts_to("oClose")
    assert "人工服务已结束" in message and "继续" in message
    assert runtime.store.get("conversation", "oClose")["state"] == before["state"] == "permit_expiry"
    assert "真实性承诺" in "\n".join(runtime.conversations.handle("oClose", Text("2027-08-25")))
    assert audit_trail(runtime.store)[-1]["action"] == "escalation.close"


def test_a_closed_escalation_takes_no_reply_and_no_second_close(client, runtime, as_role):
    escalation = escalate(runtime, "oDone")
    support = as_role("support")
    client.post(f"/api/escalations/{escalation}/close", headers=support)
    assert client.post(f"/api/escalations/{escalation}/close", headers=support).status_code == 409
    late = client.post(f"/api/escalations/{escalation}/reply", json={"text": "还在吗"}, headers=support)
    assert late.status_code == 409 and late.json["error"] == "conflict"


@pytest.mark.parametrize("body", [None, {}, {"text": ""}, {"text": "   "}, {"text": 5}, {"text": "长" * 601}])
def test_a_reply_needs_text(client, runtime, as_role, body):
    escalation = escalate(runtime, "oEmpty")
    answer = client.post(f"/api/escalations/{escalation}/reply", json=body, headers=as_role("support"))
    assert answer.status_code == 400 and answer.json["error"] == "bad_request"


@pytest.mark.parametrize("action", ["reply", "close"])
def test_an_unknown_escalation_is_a_404(client, as_role, action):
    answer = client.post(f"/api/escalations/999/{action}", json={"text": "hi"}, headers=as_role("support"))
    assert answer.status_code == 404 and answer.json["error"] == "not_found"


def test_while_a_person_has_the_request_the_conversation_goes_on_without_a_banner(client, runtime, as_role):
    # The hand-off is announced once, when made (issue 15): later messages do not repeat it.
    escalation = escalate(runtime, "oWaiting", "你好")
    reply = runtime.conversations.handle("oWaiting", Text("积分新办"))
    assert not any("人工客服正在处理" in r for r in reply) and any("居住证有效期" in r for r in reply)
    assert not any("人工客服正在处理" in r for r in runtime.conversations.handle("oWaiting", Text("进度")))
    client.post(f"/api/escalations/{escalation}/close", headers=as_role("support"))
    after = runtime.conversations.handle("oWaiting", Text("2027-08-25"))
    assert not any("人工客服正在处理" in r for r in after) and any("真实性承诺" in r for r in after)


def test_the_queue_honours_limit(client, runtime, as_role):
    escalate(runtime, "oFirstInLine")
    escalate(runtime, "oSecondInLine")
    page = client.get("/api/escalations?limit=1", headers=as_role("support")).json
    assert [e["user_id"] for e in page["escalations"]] == ["oFirstInLine"] and page["next_offset"] == 1


def test_after_support_asks_on_a_reviewers_flag_the_applicants_answer_goes_to_that_person(client, runtime, as_role):
    # try19 V11: support asked on a reviewer's flag, and "到2027年3月" went to the bot, which told the submitted
    # applicant to choose materials to upload
    chat = Chat(runtime.conversations, "oFlagTalk")
    application_in(chat, "submitted")
    flagged = client.post(f"/api/applications/{chat.application['id']}/flag", json={"note": "请向申请人核对上一次积分通知书的有效期"},
                          headers=as_role("staff")).json
    client.post(f"/api/escalations/{flagged['escalation_id']}/reply",
                json={"text": "您好，请问您上一次的积分通知书有效期到什么时候？"}, headers=as_role("support"))
    for said in ("到2027年3月", "2027年3月"):
        replies = runtime.conversations.handle("oFlagTalk", Text(said))
        assert replies[-1].startswith("收到，您的消息已转给正在为您服务的人工客服"), replies
