"""Staff reading and reviewing applications through the API; what the applicant then receives."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.desk import review
from bot.desk.accounts import audit_trail, create_account, rotate_token
from dialogs import clock, lifecycle
from dialogs.return_reasons import return_reasons
from tests.support.desk_app import CHECKLIST, make_application, name_of, resubmit
from tests.support.accounts import PASSWORD, last_decision
from tests.support.api import RETURN_TWO
from tests.support.chat import BASIC, Chat, answer_all, start

APPROVE_ALL = {"materials": {code: {"status": "approved"} for code in CHECKLIST}, "decision": "approved"}



# -- listing --------------------------------------------------------------------------------------------
def test_the_list_masks_id_numbers_and_mobiles(client, runtime, as_role):
    make_application(runtime, "oList")
    [row] = client.get("/api/applications", headers=as_role("staff")).json["applications"]
    assert row["id_number"] == "110105********002X" and row["mobile"] == "138****8000"
    assert row["status"] == "submitted" and row["materials"]["uploaded"] == len(CHECKLIST)
    body = client.get("/api/applications", headers=as_role("staff")).get_data(as_text=True)
    assert "11010519491231002X" not in body and "13800138000" not in body


def test_the_list_filters_by_status_type_and_submission_date(client, runtime, as_role):
    make_application(runtime, "oSubmitted")
    make_application(runtime, "oDraft", status="draft")
    staff = as_role("staff")
    ids = lambda query: [r["id"] for r in client.get(f"/api/applications?{query}", headers=staff).json["applications"]]
    assert ids("status=submitted") == ["app-oSubmitted"]
    assert ids("status=draft") == ["app-oDraft"]
    assert ids("type=renew") == [] and len(ids("type=new")) == 2
    today = runtime.applications.get("app-oSubmitted")["submitted_at"][:10]
    assert ids(f"from={today}&to={today}") == ["app-oSubmitted"]  # a draft was never submitted
    assert ids("to=2000-01-01") == []


def test_the_list_comes_in_pages_oldest_first(client, runtime, as_role):
    for hour in range(5):
        make_application(runtime, f"oPage{hour}", now=datetime(2026, 11, 2, 9) + timedelta(hours=hour))
    staff = as_role("staff")
    first = client.get("/api/applications?limit=2", headers=staff).json
    assert [r["id"] for r in first["applications"]] == ["app-oPage0", "app-oPage1"]
    assert (first["total"], first["offset"], first["limit"], first["next_offset"]) == (5, 0, 2, 2)
    last = client.get("/api/applications?limit=2&offset=4", headers=staff).json
    assert [r["id"] for r in last["applications"]] == ["app-oPage4"] and last["next_offset"] is None
    beyond = client.get("/api/applications?offset=10", headers=staff).json
    assert beyond["applications"] == [] and beyond["total"] == 5
    whole = client.get("/api/applications", headers=staff).json  # the default page holds 50
    assert len(whole["applications"]) == 5 and whole["limit"] == 50 and whole["next_offset"] is None


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "limit=ten", "offset=-1", "offset=１", "limit=2.5"])
def test_a_bad_page_is_a_400_naming_the_parameter(client, as_role, query):
    answer = client.get(f"/api/applications?{query}", headers=as_role("staff"))
    assert answer.status_code == 400 and query.split("=")[0] in answer.json["message"]


@pytest.mark.parametrize("query", ["status=bogus", "type=bogus", "from=yesterday", "to=2026-13-01"])
def test_a_bad_filter_is_a_400(client, as_role, query):
    answer = client.get(f"/api/applications?{query}", headers=as_role("staff"))
    assert answer.status_code == 400 and answer.json["error"] == "bad_request" and answer.json["message"]


# -- one application and its files ----------------------------------------------------------------------
def test_an_application_shows_answers_in_full_audits_the_view_and_lists_its_materials(client, runtime, as_role):
    record = make_application(runtime, "oOne")
    body = client.get(f"/api/applications/{record['id']}", headers=as_role("staff")).json
    answers = {row["field"]: row["value"] for row in body["answers"]}
    assert answers["id_number"] == "11010519491231002X" and answers["name"] == "张三"
    assert body["id_number"] == "11010519491231002X" and body["mobile"] == "13800138000"
    [view] = [e for e in audit_trail(runtime.store) if e["action"] == "application.view_personal"]
    assert view["actor"] == "staff1" and view["target"] == f"application:{record['id']}"
    [first, *_] = body["materials"]
    assert first == {**first, "code": "commission_form", "name": name_of("commission_form"), "status": "uploaded",
                     "status_label": "已上传", "pages": 1, "reason": None,
                     "download_url": f"/api/applications/{record['id']}/materials/commission_form"}
    assert [entry["status"] for entry in body["history"]] == ["draft", "submitted"]


def test_a_material_is_served_as_its_pdf(client, runtime, as_role):
    record = make_application(runtime, "oPdf")
    answer = client.get(f"/api/applications/{record['id']}/materials/labor_contract", headers=as_role("staff"))
    sha = record["materials"]["labor_contract"]["sha256"]
    assert answer.status_code == 200 and answer.mimetype == "application/pdf"
    assert answer.data == runtime.files.read(sha) and answer.data.startswith(b"%PDF")
    assert "inline" in answer.headers["Content-Disposition"]
    download = client.get(f"/api/applications/{record['id']}/materials/labor_contract?download=1", headers=as_role("staff"))
    assert "attachment" in download.headers["Content-Disposition"]


@pytest.mark.parametrize("url", ["/api/applications/nope", "/api/applications/nope/materials/id_card",
                                 "/api/applications/app-oMissing/materials/not_a_material"])
def test_unknown_ids_are_404(client, runtime, as_role, url):
    make_application(runtime, "oMissing")
    answer = client.get(url, headers=as_role("staff"))
    assert answer.status_code == 404 and answer.json["error"] == "not_found"


def test_the_preset_return_reasons_of_a_material_come_before_the_general_ones(client, runtime, as_role):
    presets, staff = return_reasons(), as_role("staff")
    offered = client.get("/api/return-reasons?material=labor_contract", headers=staff).json["reasons"]
    assert presets.own["labor_contract"] and offered == [*presets.own["labor_contract"], *presets.general]
    every = client.get("/api/return-reasons", headers=staff).json
    assert every["reasons"] == list(presets.general) and every["materials"]["id_card"] == list(presets.own["id_card"])
    assert client.get("/api/return-reasons?material=nope", headers=staff).status_code == 404
    record = make_application(runtime, "oPresets")
    [id_card] = [m for m in client.get(f"/api/applications/{record['id']}", headers=staff).json["materials"]
                 if m["code"] == "id_card"]
    assert id_card["return_reasons"] == [*presets.own["id_card"], *presets.general]


# -- reviewing -----------------------------------------------------------------------------------------
def test_returning_two_materials_tells_the_applicant_both_reasons(client, runtime, stub, as_role):
    record = make_application(runtime, "oReturn")
    answer = client.post(f"/api/applications/{record['id']}/review", json=RETURN_TWO, headers=as_role("staff"))
    assert answer.status_code == 200 and answer.json["status"] == "returned"
    returned = {m["code"]: m["reason"] for m in answer.json["materials"] if m["status"] == "returned"}
    assert returned == {code: v["reason"] for code, v in RETURN_TWO["materials"].items() if v["status"] == "returned"}
    [message] = stub.texts_to("oReturn")
    assert "委托单盖章日期超过两个月" in message and "缺少单位盖章本人签字页" in message
    assert name_of("commission_form") in message and name_of("labor_contract") in message
    assert "1. " + name_of("commission_form") in message  # numbered as in the checklist, to reply with


def test_a_review_is_audited_with_its_reasons(client, runtime, as_role):
    record = make_application(runtime, "oAudit")
    client.post(f"/api/applications/{record['id']}/review", json=RETURN_TWO, headers=as_role("staff"))
    assert audit_trail(runtime.store)[-1]["action"] == "application.view_personal"  # the detail it answers with
    entry = last_decision(runtime.store)
    assert (entry["actor"], entry["action"], entry["target"]) == ("staff1", "review.returned", f"application:{record['id']}")
    assert entry["detail"]["materials"]["labor_contract"]["reason"] == "缺少单位盖章本人签字页"


def test_approving_sets_the_deadline_and_the_applicant_is_told_it(client, runtime, stub, as_role):
    record = make_application(runtime, "oApprove")
    body = client.post(f"/api/applications/{record['id']}/review", json=APPROVE_ALL, headers=as_role("admin")).json
    assert body["status"] == "approved" and body["confirm_by"].endswith("23:59:59+08:00")
    [message] = stub.texts_to("oApprove")
    assert "预审通过" in message and body["confirm_by"][:10] in message and "确认申办信息" in message


def test_a_disputed_application_is_approved_again_only_with_its_correction_or_finding(client, runtime, stub, as_role):
    record = make_application(runtime, "oDispute")
    client.post(f"/api/applications/{record['id']}/review", json=APPROVE_ALL, headers=as_role("staff"))
    runtime.applications.change(record["id"], lambda r: lifecycle.disputed(r, "手机号填错了 应该是13900139000", clock.now()))
    url = f"/api/applications/{record['id']}/review"
    bare = client.post(url, json={"decision": "approved"}, headers=as_role("staff"))
    assert bare.status_code == 409 and bare.json["error"] == "conflict" and "核实结果" in bare.json["message"]
    wrong = client.post(url, json={"decision": "approved", "corrections": {"mobile": "1390013900"}}, headers=as_role("staff"))
    assert wrong.status_code == 400 and wrong.json["message"].startswith("手机号码：")
    more_papers = client.post(url, json={"decision": "approved", "corrections": {"children": "1"}}, headers=as_role("staff"))
    assert more_papers.status_code == 409 and "材料清单" in more_papers.json["message"]  # a return, not an edit
    fixed = client.post(url, json={"decision": "approved", "corrections": {"mobile": "13900139000"}},
                        headers=as_role("staff"))
    assert fixed.status_code == 200 and fixed.json["mobile"] == "13900139000"
    assert fixed.json["dispute_outcome"]["corrected"] == ["手机号码"]
    assert "手机号码已更正为“139****9000”" in stub.texts_to("oDispute")[-1]
    assert last_decision(runtime.store)["detail"]["corrected"] == ["手机号码"]
    undisputed = make_application(runtime, "oPlain")
    assert client.post(f"/api/applications/{undisputed['id']}/review", json={**APPROVE_ALL, "finding": "无"},
                       headers=as_role("staff")).status_code == 409


def test_reviewing_an_application_that_is_not_awaiting_review_is_a_409(client, runtime, as_role):
    record = make_application(runtime, "oTwice")
    staff = as_role("staff")
    assert client.post(f"/api/applications/{record['id']}/review", json=RETURN_TWO, headers=staff).status_code == 200
    again = client.post(f"/api/applications/{record['id']}/review", json=APPROVE_ALL, headers=staff)
    assert again.status_code == 409 and again.json["error"] == "conflict" and "外服退材料" in again.json["message"]
    draft = make_application(runtime, "oDraft409", status="draft")
    assert client.post(f"/api/applications/{draft['id']}/review", json=RETURN_TWO, headers=staff).status_code == 409


def test_approving_with_a_material_not_approved_is_a_409_and_changes_nothing(client, runtime, stub, as_role):
    record = make_application(runtime, "oPartial")
    body = {"materials": {"id_card": {"status": "approved"}}, "decision": "approved"}
    answer = client.post(f"/api/applications/{record['id']}/review", json=body, headers=as_role("staff"))
    assert answer.status_code == 409 and "未审核通过" in answer.json["message"]
    assert runtime.applications.get(record["id"])["status"] == "submitted" and stub.texts_to("oPartial") == []


@pytest.mark.parametrize("body", [
    None, [], {"decision": "maybe"}, {"materials": [], "decision": "returned"},
    {"materials": {"id_card": {"status": "lost"}}, "decision": "returned"},
    {"materials": {"id_card": "returned"}, "decision": "returned"},
    {"decision": "returned", "reason": 42},
    {"decision": "returned", "reason": "很长" * 200},
])
def test_a_malformed_review_is_a_400(client, runtime, as_role, body):
    record = make_application(runtime, "oBad")
    answer = client.post(f"/api/applications/{record['id']}/review", json=body, headers=as_role("staff"))
    assert answer.status_code == 400 and answer.json["error"] == "bad_request"
    assert runtime.applications.get(record["id"])["status"] == "submitted"


def test_reviewing_an_unknown_application_is_a_404(client, as_role):
    answer = client.post("/api/applications/nope/review", json=RETURN_TWO, headers=as_role("staff"))
    assert answer.status_code == 404


# -- flagging for support ---------------------------------------------------------------------------------
def test_staff_flag_an_application_for_support(client, runtime, as_role):
    record = make_application(runtime, "oFlag")
    answer = client.post(f"/api/applications/{record['id']}/flag", json={"note": "请电话核对单位名称"},
                         headers=as_role("staff"))
    assert answer.status_code == 201
    escalation = runtime.store.get("escalation", answer.json["escalation_id"])
    assert escalation["reason"] == "staff_flag" and escalation["application_id"] == record["id"]
    assert escalation["flagged_by"] == "staff1" and escalation["status"] == "open"
    assert audit_trail(runtime.store)[-1]["action"] == "application.flag"


@pytest.mark.parametrize("body", [{}, {"note": ""}, {"note": 7}])
def test_a_flag_needs_a_note(client, runtime, as_role, body):
    record = make_application(runtime, "oFlagBad")
    assert client.post(f"/api/applications/{record['id']}/flag", json=body, headers=as_role("staff")).status_code == 400


@pytest.mark.parametrize("query", ["张三", "138001", "19491231002x", "oFound"])
def test_the_list_finds_an_application_by_name_mobile_id_number_or_openid(client, runtime, as_role, query):
    make_application(runtime, "oFound")
    found = client.get("/api/applications", query_string={"q": query}, headers=as_role("staff")).json
    assert [r["id"] for r in found["applications"]] == ["app-oFound"]
    assert client.get("/api/applications?q=王五", headers=as_role("staff")).json["total"] == 0


def test_the_queue_and_decisions_export_as_csv_with_a_bom(client, runtime, as_role):
    record = make_application(runtime, "oCsv")
    client.post(f"/api/applications/{record['id']}/review", json=RETURN_TWO, headers=as_role("staff"))
    queue = client.get("/api/applications.csv?status=", headers=as_role("staff"))
    assert queue.mimetype == "text/csv" and queue.data.startswith(b"\xef\xbb\xbf")
    assert "app-oCsv" in queue.data.decode("utf-8-sig") and "11010519491231002X" not in queue.data.decode("utf-8-sig")
    decisions = client.get("/api/decisions.csv", headers=as_role("staff")).data.decode("utf-8-sig").splitlines()
    assert decisions[0].startswith("审核时间,申请编号") and "退回" in decisions[1]
    assert name_of("commission_form") in decisions[1] and name_of("labor_contract") in decisions[1]


def test_next_claims_the_oldest_and_a_second_reviewer_gets_another(client, runtime, as_role):
    older = make_application(runtime, "oOlder", now=datetime(2026, 11, 2, 9))
    newer = make_application(runtime, "oNewer", now=datetime(2026, 11, 2, 10))
    create_account(runtime.store, "staff2", "staff", PASSWORD)
    mine = client.get("/api/applications/next", headers=as_role("staff")).json
    assert mine["application"]["id"] == older["id"] and mine["claim"]["by"] == "staff1"
    theirs = client.get("/api/applications/next", headers={"Authorization": f"Bearer {rotate_token(runtime.store, 'staff2')[1]}"}).json
    assert theirs["application"]["id"] == newer["id"]
    taken = client.post(f"/api/applications/{older['id']}/claim", json={}, headers={
        "Authorization": f"Bearer {rotate_token(runtime.store, 'staff2')[1]}"}).json
    assert taken == {**taken, "yours": False} and taken["claim"]["by"] == "staff1"
    assigned = client.post(f"/api/applications/{older['id']}/claim", json={"to": "staff2"}, headers=as_role("staff")).json
    assert assigned["claim"]["by"] == "staff2"
    assert client.post(f"/api/applications/{older['id']}/claim", json={"to": "support1"},
                       headers=as_role("staff")).status_code == 400
    staff2 = {"Authorization": f"Bearer {rotate_token(runtime.store, 'staff2')[1]}"}
    client.post(f"/api/applications/{older['id']}/review", json=APPROVE_ALL, headers=staff2)
    assert runtime.store.get("claim", older["id"]) is None  # a decision ends the claim


def test_a_reviewer_cannot_decide_an_application_another_one_holds(client, runtime, as_role):
    record = make_application(runtime, "oHeld")
    create_account(runtime.store, "staff2", "staff", PASSWORD)
    staff2 = {"Authorization": f"Bearer {rotate_token(runtime.store, 'staff2')[1]}"}
    assert client.get("/api/applications/next", headers=staff2).json["claim"]["by"] == "staff2"
    refused = client.post(f"/api/applications/{record['id']}/review", json=APPROVE_ALL, headers=as_role("staff"))
    assert refused.status_code == 409 and refused.json["error"] == "claimed"
    assert refused.json["claim"]["by"] == "staff2" and "staff2 审核" in refused.json["message"]
    assert runtime.applications.get(record["id"])["status"] == "submitted"
    # taking it over is explicit: assign it to oneself, then decide
    client.post(f"/api/applications/{record['id']}/claim", json={"to": "staff1"}, headers=as_role("staff"))
    assert client.post(f"/api/applications/{record['id']}/review", json=APPROVE_ALL,
                       headers=as_role("staff")).status_code == 200


def test_the_live_counts(client, runtime, as_role):
    make_application(runtime, "oCounted")
    counts = client.get("/api/counts", headers=as_role("support")).json["counts"]
    assert counts == {"new_submissions": 1, "disputes": 0, "open_escalations": 0}


def test_an_id_number_whose_region_code_is_younger_than_its_holder_is_noted_for_staff(client, runtime, as_role):
    record = make_application(runtime, "oChongqing")
    chongqing = "50010119900101123X"  # Chongqing's codes date from 1997: genuine, accepted, worth a look
    runtime.applications.change(record["id"], lambda r: {**r, "answers": {**r["answers"], "id_number": chongqing}})
    body = client.get(f"/api/applications/{record['id']}", headers=as_role("staff")).json
    rows = {row["field"]: row for row in body["answers"]}
    [note] = rows["id_number"]["notes"]
    assert "500101" in note and "重庆" in note and rows["id_number"]["value"] == chongqing
    assert rows["name"]["notes"] == []


def test_an_applicant_uploading_after_confirming_is_listed_at_the_upload_stage(client, runtime, as_role):
    """Staff read the stage the applicant reads in 进度: confirmed with the checklist made is uploading,
    not still filling in the form (the record's status stays draft until submission)."""
    chat = Chat(runtime.conversations, "oUploading")
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("确认")
    assert "上传材料" in chat.send("进度")
    [row] = client.get("/api/applications", headers=as_role("staff")).json["applications"]
    assert row["status"] == "draft" and row["status_label"] == "上传材料"
    detail = client.get(f"/api/applications/{row['id']}", headers=as_role("staff")).json
    assert detail["status_label"] == "上传材料"


def test_a_resubmitted_material_shows_what_its_last_return_asked_for_and_who_returned_it(client, runtime, as_role):
    record = make_application(runtime, "oAgain")
    client.post(f"/api/applications/{record['id']}/review", json=RETURN_TWO, headers=as_role("staff"))
    returned_at = runtime.applications.get(record["id"])["materials"]["labor_contract"]["reviewed_at"]
    resubmit(client, runtime, record["id"], "commission_form", "labor_contract")
    body = client.get(f"/api/applications/{record['id']}", headers=as_role("staff")).json
    materials = {m["code"]: m for m in body["materials"]}
    assert materials["labor_contract"]["status"] == "uploaded" and materials["labor_contract"]["previous_returns"] == [
        {"reason": "缺少单位盖章本人签字页", "by": "staff1", "at": returned_at}]
    assert materials["commission_form"]["previous_returns"][0]["reason"] == RETURN_TWO["materials"]["commission_form"]["reason"]
    assert materials["id_card"]["status"] == "approved" and materials["id_card"]["previous_returns"] == []
    assert body["status"] == "submitted" and body["last_return"] == {
        "reason": RETURN_TWO["reason"], "by": "staff1", "at": body["history"][-2]["at"]}
    [row] = client.get("/api/applications", headers=as_role("staff")).json["applications"]
    assert row["resubmitted"] is True


def test_a_material_returned_twice_keeps_both_returns_newest_first(client, runtime, as_role):
    record = make_application(runtime, "oTwiceBack")
    first = {"materials": {"id_card": {"status": "returned", "reason": "反面缺失"}}, "decision": "returned"}
    second = {"materials": {"id_card": {"status": "returned", "reason": "反面仍不清晰"}}, "decision": "returned"}
    for decision in (first, second):
        client.post(f"/api/applications/{record['id']}/review", json=decision, headers=as_role("staff"))
        resubmit(client, runtime, record["id"], "id_card")
    body = client.get(f"/api/applications/{record['id']}", headers=as_role("staff")).json
    [id_card] = [m for m in body["materials"] if m["code"] == "id_card"]
    assert [r["reason"] for r in id_card["previous_returns"]] == ["反面仍不清晰", "反面缺失"]


@pytest.mark.parametrize("days, note", [(40, "距今已不足2个月"), (100, "距今不足4个月"), (200, None)])
def test_the_residence_permit_expiry_is_noted_when_it_is_short_on_the_day_of_the_review(client, runtime, as_role,
                                                                                         days, note):
    record = make_application(runtime, "oPermit")
    expiry = (clock.today() + timedelta(days=days)).isoformat()  # answered long enough, reviewed weeks later
    runtime.applications.change(record["id"], lambda r: {**r, "answers": {**r["answers"], "permit_expiry": expiry}})
    body = client.get(f"/api/applications/{record['id']}", headers=as_role("staff")).json
    [permit] = [row for row in body["answers"] if row["field"] == "permit_expiry"]
    assert permit["value"] == expiry and (note in permit["notes"][0] if note else permit["notes"] == [])


def test_each_material_lists_the_answers_its_document_must_match(client, runtime, as_role):
    record = make_application(runtime, "oChecks")
    body = client.get(f"/api/applications/{record['id']}", headers=as_role("staff")).json
    checks = {m["code"]: [(c["field"], c["value"]) for c in m["checks"]] for m in body["materials"]}
    assert checks["labor_contract"] == [("name", "张三"), ("employer", "上海某某科技有限公司")]
    assert checks["id_card"] == [("name", "张三"), ("id_number", "11010519491231002X")]


def test_an_approved_material_with_a_return_reason_is_refused(client, runtime, as_role):
    record = make_application(runtime, "oMixed")
    body = {"materials": {code: {"status": "approved"} for code in CHECKLIST}, "decision": "approved"}
    body["materials"]["id_card"]["reason"] = "反面不清晰"
    answer = client.post(f"/api/applications/{record['id']}/review", json=body, headers=as_role("staff"))
    assert answer.status_code == 409 and name_of("id_card") in answer.json["message"]
    assert runtime.applications.get(record["id"])["status"] == "submitted"


def _running_out(runtime, application_id: str) -> None:
    """The claim taken when the review began has a minute left (the reviewer has been at it 19 minutes)."""
    runtime.store.update("claim", application_id, lambda c: {**c, "until": clock.stamp(clock.now() + timedelta(minutes=1))})


def test_a_long_review_keeps_its_claim_while_the_reviewer_previews_and_decides(client, runtime, as_role):
    record = make_application(runtime, "oLongReview")
    staff = as_role("staff")
    client.post(f"/api/applications/{record['id']}/claim", json={}, headers=staff)
    later = clock.now() + timedelta(minutes=review.CLAIM_MINUTES - 2)  # past the first claim's end
    _running_out(runtime, record["id"])
    assert client.get(f"/api/applications/{record['id']}/materials/id_card", headers=staff).status_code == 200
    assert review.claim_of(runtime.store, record["id"], later).by == "staff1"
    _running_out(runtime, record["id"])
    refused = client.post(f"/api/applications/{record['id']}/review", json={"decision": "approved"}, headers=staff)
    assert refused.status_code == 409  # not every material approved: the reviewer is still at it
    assert review.claim_of(runtime.store, record["id"], later).by == "staff1"


def test_renewing_never_takes_another_reviewers_claim_nor_makes_one(client, runtime, as_role):
    record, free = make_application(runtime, "oTheirs"), make_application(runtime, "oNobodys")
    create_account(runtime.store, "staff2", "staff", PASSWORD)
    client.post(f"/api/applications/{record['id']}/claim", json={"to": "staff2"}, headers=as_role("staff"))
    held = runtime.store.get("claim", record["id"])
    client.get(f"/api/applications/{record['id']}/materials/id_card", headers=as_role("staff"))
    assert runtime.store.get("claim", record["id"]) == held
    client.get(f"/api/applications/{free['id']}/materials/id_card", headers=as_role("staff"))
    assert runtime.store.get("claim", free["id"]) is None  # previewing is no claim: opening or claiming is


def test_the_reports_of_wrong_answers_come_oldest_report_first_in_the_list_and_in_next(client, runtime, as_role):
    day = datetime(2026, 11, 2, 9)
    for user, submitted, reported in (("oFirstIn", day, day + timedelta(days=3)),
                                      ("oSecondIn", day + timedelta(days=1), day + timedelta(days=2))):
        record = make_application(runtime, user, now=submitted)
        runtime.applications.change(record["id"], lambda r: lifecycle.reviewed(
            r, materials={code: {"status": "approved"} for code in CHECKLIST}, decision="approved", reason="",
            reviewer="staff1", now=submitted))
        runtime.applications.change(record["id"], lambda r, at=reported: lifecycle.disputed(r, "手机号不对", at))
    listed = client.get("/api/applications?status=disputed", headers=as_role("staff")).json["applications"]
    assert [row["id"] for row in listed] == ["app-oSecondIn", "app-oFirstIn"]
    assert listed[0]["waiting_minutes"] > listed[1]["waiting_minutes"]  # waiting since the report
    first = client.get("/api/applications/next?status=disputed", headers=as_role("staff")).json
    assert first["application"]["id"] == "app-oSecondIn"
    assert client.get("/api/applications/next?status=approved", headers=as_role("staff")).status_code == 400


@pytest.mark.parametrize("finished", ["approved", "done"])
def test_the_permit_note_is_for_the_decision_pending_not_for_a_finished_application(client, runtime, as_role, finished):
    record = make_application(runtime, "oPermitDone")
    expiry = (clock.today() + timedelta(days=40)).isoformat()
    runtime.applications.change(record["id"], lambda r: {**r, "answers": {**r["answers"], "permit_expiry": expiry}})
    client.post(f"/api/applications/{record['id']}/review", json=APPROVE_ALL, headers=as_role("staff"))
    if finished == "done":  # confirmed by the applicant
        runtime.applications.change(record["id"], lambda r: lifecycle.confirmed(r, clock.now()))
    body = client.get(f"/api/applications/{record['id']}", headers=as_role("staff")).json
    assert body["status"] == finished
    [permit] = [row for row in body["answers"] if row["field"] == "permit_expiry"]
    assert permit["value"] == expiry and permit["notes"] == []
    [material] = [m for m in body["materials"] if m["code"] == "residence_permit"]
    assert {check["field"]: check["notes"] for check in material["checks"]}["permit_expiry"] == []
