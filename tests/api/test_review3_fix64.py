"""review3's findings on fix59's features (fix64): the bonus options opened then the return withdrawn, through the
real app, store and the WeChat stand-in."""
from __future__ import annotations

from dialogs.events import Text
from tests.support.chat import Chat, application_in
from tests.support.desk_app import make_application


def say(runtime, user: str, text: str) -> str:
    return "\n".join(runtime.conversations.handle(user, Text(text)))


def _submitted_with_options_opened(client, runtime, staff, user: str) -> str:
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    make_application(runtime, user, application_id=app_id, checklist=runtime.applications.get(app_id)["checklist"])
    opened = client.post(f"/api/applications/{app_id}/options", json={"note": "可补选社保加分"}, headers=staff)
    assert opened.status_code == 200 and opened.json["options_open"]
    return app_id


# R1: 撤回退回 after 开放加分选项 put the application back under review with its options still open: the applicant could
# still change the bonus options, and a new material sat unuploaded in a submitted application.
def test_withdrawing_the_return_closes_the_opened_options(client, runtime, stub, as_role):
    staff, user = as_role("staff"), "oReopenOptions"
    app_id = _submitted_with_options_opened(client, runtime, staff, user)
    before = list(runtime.applications.get(app_id)["checklist"])
    reopened = client.post(f"/api/applications/{app_id}/reopen", json={"note": "误操作"}, headers=staff)
    assert reopened.status_code == 200, reopened.get_data(as_text=True)
    assert reopened.json["status"] == "submitted" and not reopened.json["options_open"]
    say(runtime, user, "修改 加分选项")
    say(runtime, user, "社保")
    say(runtime, user, "6")
    say(runtime, user, "确认")
    record = runtime.applications.get(app_id)
    assert record["status"] == "submitted" and record["checklist"] == before
    assert not record["answers"].get("bonus_options")


# R1: once the applicant has chosen again (a new material to upload), withdrawing the return would leave that material
# unuploaded under review: refused, the applicant resubmits.
def test_the_return_is_not_withdrawn_once_the_options_were_chosen_again(client, runtime, stub, as_role):
    staff, user = as_role("staff"), "oReopenOptionsChosen"
    app_id = _submitted_with_options_opened(client, runtime, staff, user)
    say(runtime, user, "修改 加分选项")
    say(runtime, user, "社保")
    say(runtime, user, "6")
    say(runtime, user, "确认")
    assert runtime.applications.get(app_id)["answers"]["bonus_options"] == ["social_insurance"]
    refused = client.post(f"/api/applications/{app_id}/reopen", json={"note": "误操作"}, headers=staff)
    assert refused.status_code == 409 and "重新提交" in refused.json["message"], refused.get_data(as_text=True)
    assert runtime.applications.get(app_id)["status"] == "returned"
