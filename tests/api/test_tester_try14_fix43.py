"""try14's findings on a returned application and the staff's view, through the real app and store (fix43)."""
from __future__ import annotations

from bot.desk.accounts import audit_trail
from dialogs import lifecycle
from dialogs.events import Image, Text
from tests.support.chat import Chat, application_in
from tests.support.desk_app import ANSWERS, make_application

_GRADUATE = ["commission_form", "commitment_letter", "id_card", "residence_permit", "household_register",
             "labor_contract", "graduate"]


def say(runtime, user: str, text: str) -> str:
    return "\n".join(runtime.conversations.handle(user, Text(text)))


def _returned_for_the_graduate_bonus(client, runtime, as_role, user: str) -> str:
    """A submission with the 应届生 bonus whose proof a reviewer returns saying the bonus does not apply."""
    runtime.store.update("application", f"app-{user}", lambda _: None)
    record = make_application(runtime, user, checklist=_GRADUATE)
    runtime.applications.change(record["id"], lambda r: {**r, "answers": {**ANSWERS, "bonus_options": ["graduate"]}})
    runtime.store.update("conversation", user, lambda c: {**(c or {}), "state": "materials", "application_id": record["id"],
                                                          "answers": {**ANSWERS, "bonus_options": ["graduate"]}})
    verdicts = {code: {"status": "approved"} for code in _GRADUATE}
    verdicts["graduate"] = {"status": "returned", "reason": "毕业已超过一年，不属于应届生，请确认是否取消应届生加分"}
    answer = client.post(f"/api/applications/{record['id']}/review", json={"materials": verdicts, "decision": "returned"},
                         headers=as_role("staff"))
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return record["id"]


# T34: a return saying a bonus does not apply: the applicant takes the bonus off (only off), the checklist made
# again without its paper (the return closed with it), told what changed; the reviewer sees the change.
def test_the_applicant_drops_a_bonus_a_return_says_does_not_apply(client, runtime, as_role):
    app_id = _returned_for_the_graduate_bonus(client, runtime, as_role, "oDropBonus")
    reply = say(runtime, "oDropBonus", "那我不要应届生加分了")
    assert "已将加分选项改为：无" in reply and "不再需要：应届毕业生证明" in reply and "回复“提交”" in reply
    record = runtime.applications.get(app_id)
    assert record["answers"]["bonus_options"] == [] and "graduate" not in record["checklist"]
    assert lifecycle.missing_materials(record) == []
    assert "已提交" in say(runtime, "oDropBonus", "提交") or runtime.applications.get(app_id)["status"] == "submitted"
    detail = client.get(f"/api/applications/{app_id}", headers=as_role("staff")).json
    [change] = detail["answer_changes"]
    assert change["label"] == "加分选项" and change["before"] == "应届生加分" and change["after"] == "无"
    assert change["dropped"] == ["应届毕业生证明"] and change["by"] == "applicant"
    assert "graduate" not in [row["code"] for row in detail["materials"]]


def test_after_a_return_an_answer_is_still_not_changed_otherwise(client, runtime, as_role):
    app_id = _returned_for_the_graduate_bonus(client, runtime, as_role, "oNoOtherEdit")
    reply = say(runtime, "oNoOtherEdit", "修改 加分选项")
    assert "只能去掉不再申请的加分项" in reply
    say(runtime, "oNoOtherEdit", "单位改成上海某某贸易有限公司")
    record = runtime.applications.get(app_id)
    assert record["answers"]["employer"] == ANSWERS["employer"] and record["answers"]["bonus_options"] == ["graduate"]


# T9/T15: a report of 申办信息有误 reaches the staff who correct it in full (an ID number, as the corrections need it),
# the view audited as the answers' is; support's list and the escalation keep it masked.
def test_a_dispute_is_shown_in_full_to_staff_and_masked_to_support(client, runtime, as_role):
    chat = Chat(runtime.conversations, "oDisputeFull")
    app_id = application_in(chat, "approved")
    say(runtime, chat.user, "申办信息有误 身份证号码填错了，应该是110105194912310038")
    assert runtime.applications.get(app_id)["status"] == "disputed"
    detail = client.get(f"/api/applications/{app_id}", headers=as_role("staff")).json
    assert "110105194912310038" in detail["disputes"][0]["text"]
    viewed = [e for e in audit_trail(runtime.store) if e.get("action") == "application.view_personal"]
    assert "申办信息有误反馈" in viewed[-1]["detail"]["fields"]
    [escalation] = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert "110105194912310038" not in str(escalation) and "110105********0038" in str(escalation)


def test_the_dispute_is_shown_in_full_on_the_console_page(client, runtime, logged_in):
    chat = Chat(runtime.conversations, "oDisputePage")
    app_id = application_in(chat, "approved")
    say(runtime, chat.user, "申办信息有误 身份证号码应该是110105194912310038")
    assert runtime.applications.get(app_id)["status"] == "disputed"
    logged_in("staff")
    assert "110105194912310038" in client.get(f"/console/applications/{app_id}").get_data(as_text=True)


def test_pages_of_the_proof_being_sent_go_with_a_bonus_dropped_after_a_return(client, runtime, as_role):
    """The pages in hand for the proof stayed when the bonus was dropped: '完成' then built a PDF for an item no longer
    asked for, named by its code (the lead's read before stopping)."""
    _returned_for_the_graduate_bonus(client, runtime, as_role, "oDropPages")
    say(runtime, "oDropPages", "应届毕业生证明")
    runtime.conversations.handle("oDropPages", Image("page-1"))
    reply = say(runtime, "oDropPages", "不要应届生加分了")
    assert "已将加分选项改为：无" in reply
    finished = say(runtime, "oDropPages", "完成")
    assert "graduate" not in finished and "合成" not in finished


def test_a_refusal_kept_for_the_next_message_holds_no_full_number(runtime):
    """The refusal kept until the next message ('为什么' explains it) is stored with the conversation, outside the
    encrypted answers: a mobile named in it was kept in full (the lead's read before stopping)."""
    for text in ("你好", "积分新办", "2027-08-25", "同意", "张三"):
        say(runtime, "oRefusedKept", text)
    say(runtime, "oRefusedKept", "身份证13800138000")
    kept = runtime.store.get("conversation", "oRefusedKept").get("refused") or ""
    assert kept and "13800138000" not in kept
