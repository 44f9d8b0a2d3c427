"""try18 U24: withdrawing one contested return withdrew them all (the reopen was application-wide), and the applicant
was told nothing needed uploading again, though another material's return was right. A return is withdrawn per
material when staff name them. Through the real app, store and the WeChat stand-in."""
from __future__ import annotations

from dialogs.events import Text
from tests.support.chat import Chat, application_in
from tests.support.desk_app import make_application


def _returned_on_two(client, runtime, staff, user: str) -> tuple[dict, str]:
    """The applicant's own application (walked in chat), its files uploaded and submitted, then two materials returned."""
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    record = make_application(runtime, user, application_id=app_id, checklist=runtime.applications.get(app_id)["checklist"])
    other = next(code for code in record["checklist"] if code != "id_card")
    returned = {"materials": {"id_card": {"status": "returned", "reason": "身份证已过期"},
                              other: {"status": "returned", "reason": "缴费单位与合同单位不一致"}},
                "decision": "returned"}
    assert client.post(f"/api/applications/{record['id']}/review", json=returned, headers=staff).status_code == 200
    return record, other


def test_withdrawing_one_return_keeps_the_others_returned_and_says_which(client, runtime, stub, as_role):
    staff = as_role("staff")
    record, other = _returned_on_two(client, runtime, staff, "oPartialReopen")
    answer = client.post(f"/api/applications/{record['id']}/reopen",
                         json={"note": "复核后身份证在有效期内", "materials": ["id_card"]}, headers=staff)
    assert answer.status_code == 200 and answer.json["status"] == "returned"
    status = {m["code"]: m["status"] for m in answer.json["materials"]}
    assert status["id_card"] == "uploaded" and status[other] == "returned"
    told = stub.texts_to("oPartialReopen")[-1]
    assert "撤回对“持证人身份证" in told and "复核后身份证在有效期内" in told and "仍需重新上传" in told
    assert "缴费单位与合同单位不一致" in told and "身份证已过期" not in told
    progress = "\n".join(runtime.conversations.handle("oPartialReopen", Text("进度")))
    assert "缴费单位与合同单位不一致" in progress and "身份证已过期" not in progress


def test_naming_every_returned_material_is_the_whole_reopen(client, runtime, stub, as_role):
    staff = as_role("staff")
    record, other = _returned_on_two(client, runtime, staff, "oAllNamed")
    answer = client.post(f"/api/applications/{record['id']}/reopen",
                         json={"note": "复核无误", "materials": ["id_card", other]}, headers=staff)
    assert answer.json["status"] == "submitted" and "不需要重新上传" in stub.texts_to("oAllNamed")[-1]


def test_a_material_not_returned_or_not_a_list_is_refused_and_nothing_changes(client, runtime, stub, as_role):
    staff = as_role("staff")
    record, _ = _returned_on_two(client, runtime, staff, "oBadReopen")
    url = f"/api/applications/{record['id']}/reopen"
    approved = next(m["code"] for m in client.get(f"/api/applications/{record['id']}", headers=staff).json["materials"]
                    if m["status"] != "returned")
    assert client.post(url, json={"note": "x", "materials": [approved]}, headers=staff).status_code == 409
    assert client.post(url, json={"note": "x", "materials": "id_card"}, headers=staff).status_code == 400
    assert runtime.applications.get(record["id"])["materials"]["id_card"]["status"] == "returned"


def test_the_console_withdraws_the_return_of_the_materials_ticked(client, runtime, stub, as_role, logged_in):
    record, other = _returned_on_two(client, runtime, as_role("staff"), "oConsolePartial")
    csrf = logged_in("staff")
    page = client.get(f"/console/applications/{record['id']}").get_data(as_text=True)
    assert 'name="materials" value="id_card"' in page
    client.post(f"/console/applications/{record['id']}/reopen",
                data={"note": "复核无误", "materials": ["id_card"], "csrf_token": csrf})
    materials = runtime.applications.get(record["id"])["materials"]
    assert materials["id_card"]["status"] == "uploaded" and materials[other]["status"] == "returned"
