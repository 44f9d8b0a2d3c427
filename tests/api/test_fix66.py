"""fix66: the last session's known leftovers met through the real app, store and the WeChat stand-in."""
from __future__ import annotations

import pytest

from tests.support.chat import Chat, application_in
from tests.support.desk_app import disputed_by_applicant, make_application, say



# review4 S2: staff withdraw the return while the applicant is choosing the options they had opened again: the chat's
# answers ran ahead of the record, and the summary's 确认 said both "清单已生成" and "已提交，不能修改".
def test_the_options_withdrawn_while_chosen_again_are_said_so_at_the_confirmation(client, runtime, stub, as_role):
    staff, user = as_role("staff"), "oOptionsWithdrawnMidway"
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    make_application(runtime, user, application_id=app_id, checklist=runtime.applications.get(app_id)["checklist"])
    assert client.post(f"/api/applications/{app_id}/options", json={"note": "可补选社保加分"}, headers=staff).status_code == 200
    before = runtime.applications.get(app_id)
    say(runtime, user, "修改 加分选项")
    say(runtime, user, "社保")
    say(runtime, user, "6")
    reopened = client.post(f"/api/applications/{app_id}/reopen", json={"note": "误操作"}, headers=staff)
    assert reopened.status_code == 200, reopened.get_data(as_text=True)
    reply = say(runtime, user, "确认")
    record = runtime.applications.get(app_id)
    assert record["status"] == "submitted" and record["checklist"] == before["checklist"]
    assert not record["answers"].get("bonus_options")
    assert "清单已生成" not in reply and "撤回" in reply
    conversation = runtime.conversations.store.get("conversation", user)
    assert conversation["state"] == "materials" and "social_years" not in conversation["answers"]
    assert conversation["answers"].get("bonus_options") == record["answers"].get("bonus_options")


# "加上社保加分" while staff have the bonus options open was answered as out of scope: the option is put on, as
# "修改 加分选项" with it would, its years asked, the checklist made again with its material at the confirmation.
def test_an_option_put_on_in_words_while_the_options_are_open_is_chosen(client, runtime, stub, as_role):
    staff, user = as_role("staff"), "oOptionPutOnInWords"
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    make_application(runtime, user, application_id=app_id, checklist=runtime.applications.get(app_id)["checklist"])
    assert client.post(f"/api/applications/{app_id}/options", json={"note": "可补选社保加分"}, headers=staff).status_code == 200
    assert "社保加分" in say(runtime, user, "加上社保加分")
    say(runtime, user, "6")
    shown = say(runtime, user, "确认")
    record = runtime.applications.get(app_id)
    assert record["answers"]["bonus_options"] == ["social_insurance"] and record["answers"]["social_years"] == 6
    assert "社保缴费记录" in shown and record["status"] == "returned"


# desk10: a dispute the applicant took back, the approval confirmed, left its escalation open for support: the system
# closes one that held only the dispute (as when staff decide it), and keeps one holding a request for a person.
@pytest.mark.parametrize("before, closed", [((), True), (("我要找人工客服",), False)])
def test_a_dispute_taken_back_and_confirmed_closes_an_escalation_that_held_only_it(client, runtime, stub, as_role,
                                                                                     before, closed):
    user = "oDisputeTakenBack" + str(len(before))
    app_id = disputed_by_applicant(runtime, user, *before)
    assert "撤回" in say(runtime, user, "算了 不改了 确认吧")
    assert runtime.applications.get(app_id)["status"] == "done"
    still_open = client.get("/api/escalations?status=open", headers=as_role("support")).json["escalations"]
    assert (still_open == []) == closed
    [escalation] = runtime.store.find("escalation", user_id=user)
    if closed:
        assert escalation["closed_by"] == "system" and "撤回" in escalation["closed_note"]
