"""try18's leftovers on the life of an application after submission (fix59), through the real app, store and the
WeChat stand-in."""
from __future__ import annotations

import io

from bot.desk.accounts import audit_trail
from dialogs.events import Image, Text
from tests.support.chat import Chat, application_in
from tests.support.desk_app import make_application, resubmit
from tests.support.files import photo


def say(runtime, user: str, text: str) -> str:
    return "\n".join(runtime.conversations.handle(user, Text(text)))


def _approved_then_disputed(client, runtime, staff, user: str) -> dict:
    """The applicant's own application (walked in chat, no bonus chosen), its files uploaded, every material approved,
    then reported wrong: a bonus was missed."""
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    record = make_application(runtime, user, application_id=app_id, checklist=runtime.applications.get(app_id)["checklist"])
    approved = {"materials": {code: {"status": "approved"} for code in record["checklist"]}, "decision": "approved"}
    assert client.post(f"/api/applications/{app_id}/review", json=approved, headers=staff).status_code == 200
    say(runtime, user, "申办信息有误 我漏选了社保加分")
    assert runtime.applications.get(app_id)["status"] == "disputed"
    return runtime.applications.get(app_id)


# U8: a bonus option missed after submission could be added by no one (the correction's 409 said to return it, and a
# return only takes options off). Staff open the bonus options; the applicant chooses again in chat; the checklist
# grows by the new option's paper only, the approved materials stay approved.
def test_staff_open_the_bonus_options_and_the_applicant_adds_one_in_chat(client, runtime, stub, as_role):
    staff, user = as_role("staff"), "oOpenOptions"
    record = _approved_then_disputed(client, runtime, staff, user)
    app_id, before = record["id"], list(record["checklist"])
    refused = client.post(f"/api/applications/{app_id}/review", headers=staff, json={
        "decision": "approved", "corrections": {"bonus_options": "社保"},
        "materials": {code: {"status": "approved"} for code in before}})
    assert refused.status_code == 409 and "开放加分选项" in refused.json["message"]

    answer = client.post(f"/api/applications/{app_id}/options", json={"note": "可补选社保加分"}, headers=staff)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    assert answer.json["status"] == "returned" and answer.json["options_open"]["note"] == "可补选社保加分"
    told = stub.texts_to(user)[-1]
    assert "重新开放了加分选项" in told and "可补选社保加分" in told and "修改 加分选项" in told
    assert any(e.get("action") == "review.options_opened" for e in audit_trail(runtime.store))

    assert "修改 加分选项" in say(runtime, user, "社保")  # the next step said under an answer (was: nothing to upload)
    assert "加分" in say(runtime, user, "修改 加分选项")
    say(runtime, user, "社保")
    say(runtime, user, "6")
    shown = say(runtime, user, "确认")
    record = runtime.applications.get(app_id)
    added = [code for code in record["checklist"] if code not in before]
    assert record["answers"]["bonus_options"] == ["social_insurance"] and record["answers"]["social_years"] == 6
    assert len(added) == 1 and record["status"] == "returned" and "社保缴费记录" in shown, shown
    assert all(record["materials"][code]["status"] == "approved" for code in before)
    progress = say(runtime, user, "进度")
    assert "需补充材料" in progress

    resubmitted = resubmit(client, runtime, app_id, *added)
    assert resubmitted["status"] == "submitted" and not resubmitted.get("options_open")
    detail = client.get(f"/api/applications/{app_id}", headers=staff).json
    [change] = detail["answer_changes"]
    assert change["before"] == "无" and "社保" in change["after"] and len(change["added"]) == 1


def test_only_the_bonus_options_open_and_the_console_offers_the_button(client, runtime, stub, as_role, logged_in):
    staff, user = as_role("staff"), "oOpenOptionsConsole"
    record = _approved_then_disputed(client, runtime, staff, user)
    csrf = logged_in("staff")
    page = client.get(f"/console/applications/{record['id']}").get_data(as_text=True)
    assert "开放加分选项" in page
    client.post(f"/console/applications/{record['id']}/options", data={"note": "可补选社保加分", "csrf_token": csrf})
    assert runtime.applications.get(record["id"])["status"] == "returned"
    assert "等待申请人补选" in client.get(f"/console/applications/{record['id']}").get_data(as_text=True)
    assert "已提交审核" in say(runtime, user, "修改 姓名") or runtime.applications.get(record["id"])["answers"]["name"] == "张三"
    assert client.post(f"/api/applications/{record['id']}/options", json={"note": ""}, headers=staff).status_code == 400


# U33: an answer said wrong while the application is under review reached no reviewer ("如有错误请回复人工"). It is
# kept on the application for the reviewer, who sees it (API, console) and may correct the answer with the decision.
def test_a_correction_sent_in_review_reaches_the_reviewer(client, runtime, stub, as_role, logged_in):
    staff, user = as_role("staff"), "oCorrectionInReview"
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    make_application(runtime, user, application_id=app_id, checklist=runtime.applications.get(app_id)["checklist"])
    reply = say(runtime, user, "我身份证号填错了 应该是110105194912310038")
    assert "转给审核人员" in reply and "110105194912310038" not in reply
    say(runtime, user, "单位名称也写错了")
    record = runtime.applications.get(app_id)
    assert [c["text"] for c in record["reported_corrections"]] == ["我身份证号填错了 应该是110105194912310038", "单位名称也写错了"]
    assert record["answers"]["id_number"] != "110105194912310038"

    detail = client.get(f"/api/applications/{app_id}", headers=staff).json
    assert "110105194912310038" in detail["reported_corrections"][0]["text"] and detail["correctable"]
    logged_in("staff")
    page = client.get(f"/console/applications/{app_id}").get_data(as_text=True)
    assert "单位名称也写错了" in page and 'name="answer-id_number"' in page

    decided = client.post(f"/api/applications/{app_id}/review", headers=staff, json={
        "decision": "approved", "corrections": {"id_number": "110105194912310038"},
        "materials": {code: {"status": "approved"} for code in record["checklist"]}})
    assert decided.status_code == 200, decided.get_data(as_text=True)
    assert runtime.applications.get(app_id)["answers"]["id_number"] == "110105194912310038"
    assert "身份证号码已更正为" in stub.texts_to(user)[-1]


def test_a_correction_said_at_a_return_is_kept_and_an_edit_naming_nothing_says_how(runtime):
    chat = Chat(runtime.conversations, "oCorrectionReturned")
    app_id = application_in(chat, "submitted")
    assert "请直接说明哪里有误" in say(runtime, chat.user, "修改 姓名")
    runtime.store.update("application", app_id, lambda a: {**a, "status": "returned"})
    assert "转给审核人员" in say(runtime, chat.user, "单位名称写错了")
    assert runtime.applications.get(app_id)["reported_corrections"][0]["text"] == "单位名称写错了"


# U19/U40: a page sent later for a material saved already replaced its file. The chat asks whether the photos are
# added after its pages (追加) or replace it; the upload page offers 追加 beside its 上传并替换.
def _draft_with_the_contract_saved(runtime, user: str) -> tuple[str, int]:
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    record = make_application(runtime, user, status="draft", application_id=app_id,
                              checklist=runtime.applications.get(app_id)["checklist"])
    return app_id, record["materials"]["labor_contract"]["pages"]


def _a_page_sent_for_the_saved_contract(runtime, stub, user: str, label: str) -> tuple[str, int, str]:
    """A draft with the contract saved, the contract chosen again in chat, a photo sent and 完成: the application,
    the saved pages and the reply to 完成."""
    app_id, pages = _draft_with_the_contract_saved(runtime, user)
    number = runtime.applications.get(app_id)["checklist"].index("labor_contract") + 1
    say(runtime, user, str(number))
    media_id = stub.control("media", data=photo(label=label), headers={"Content-Type": "image/jpeg"})["media_id"]
    runtime.conversations.handle(user, Image(media_id))
    return app_id, pages, say(runtime, user, "完成")


def test_a_page_sent_later_in_chat_is_added_after_the_saved_pages_when_asked(runtime, stub):
    user = "oPageLater"
    app_id, pages, asked = _a_page_sent_for_the_saved_contract(runtime, stub, user, "last page")
    assert f"已经上传过 {pages} 页" in asked and "A. 追加" in asked and "B. 替换" in asked
    assert runtime.applications.get(app_id)["materials"]["labor_contract"]["pages"] == pages  # nothing built yet
    assert "追加到" in say(runtime, user, "A")
    assert runtime.applications.get(app_id)["materials"]["labor_contract"]["pages"] == pages + 1
    assert f"已追加 1 页，共{pages + 1} 页" in stub.texts_to(user)[-1]


def test_b_replaces_the_saved_file_as_before(runtime, stub):
    user = "oPageReplaces"
    app_id, pages, _ = _a_page_sent_for_the_saved_contract(runtime, stub, user, "whole")
    say(runtime, user, "替换")
    assert runtime.applications.get(app_id)["materials"]["labor_contract"]["pages"] == 1 != pages


def test_the_upload_page_adds_a_page_when_append_is_ticked(client, runtime):
    app_id, pages = _draft_with_the_contract_saved(runtime, "oPageOnTheWeb")
    link = f"/upload/{runtime.upload_links.token_for(app_id)}"
    page = client.get(link).get_data(as_text=True)
    assert "追加到原文件后面" in page
    csrf = client.get(link, headers={"Accept": "application/json"}).get_json()["csrf_token"]
    answer = client.post(f"{link}/labor_contract", content_type="multipart/form-data",
                         data={"csrf_token": csrf, "append": "1", "file": (io.BytesIO(photo()), "page.jpg")})
    assert answer.status_code == 303, answer.get_data(as_text=True)
    assert runtime.applications.get(app_id)["materials"]["labor_contract"]["pages"] == pages + 1


def test_an_answer_staff_corrected_meanwhile_stays_when_the_options_are_chosen_again(client, runtime, stub, as_role):
    staff, user = as_role("staff"), "oOpenAfterCorrection"
    record = _approved_then_disputed(client, runtime, staff, user)
    runtime.applications.change(record["id"], lambda r: {**r, "answers": {**r["answers"], "employer": "上海更正后有限公司"}})
    client.post(f"/api/applications/{record['id']}/options", json={"note": "可补选社保加分"}, headers=staff)
    say(runtime, user, "修改 加分选项")
    say(runtime, user, "社保")
    assert "上海更正后有限公司" in say(runtime, user, "6")
    say(runtime, user, "确认")
    saved = runtime.applications.get(record["id"])
    assert saved["answers"]["employer"] == "上海更正后有限公司" and saved["answers"]["bonus_options"] == ["social_insurance"]
