"""review3's findings on fix59's features (fix64): the bonus options opened then the return withdrawn, through the
real app, store and the WeChat stand-in."""
from __future__ import annotations

import pytest

from dialogs.events import Image, Text
from tests.support.chat import Chat, application_in
from tests.support.desk_app import make_application, resubmit
from tests.support.files import photo


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


def _asked_to_add_or_replace(runtime, stub, user: str) -> tuple[str, int]:
    """A draft whose 劳动合同 is saved, one more photo sent for it and 完成: "A. 追加 … B. 替换 …" asked."""
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    record = make_application(runtime, user, status="draft", application_id=app_id,
                              checklist=runtime.applications.get(app_id)["checklist"])
    saved = record["materials"]["labor_contract"]["pages"]
    say(runtime, user, str(record["checklist"].index("labor_contract") + 1))
    media_id = stub.control("media", data=photo(label="last page"), headers={"Content-Type": "image/jpeg"})["media_id"]
    runtime.conversations.handle(user, Image(media_id))
    assert "B. 替换" in say(runtime, user, "完成")
    return app_id, saved


def _pages(runtime, app_id: str) -> int:
    return runtime.applications.get(app_id)["materials"]["labor_contract"]["pages"]


# R13: replies to the 追加/替换 question outside its exact words cancelled the upload ("替换掉吧"), deleted the new page
# ("原来的不要了"), or were answered as something else ("要追加", "加在后面吧").
@pytest.mark.parametrize("reply, added", [("要追加", True), ("加在后面吧", True), ("a吧", True), ("第一个", True),
                                          ("不要替换原来的", True), ("替换掉吧", False), ("原来的不要了", False),
                                          ("B 替换", False)])
def test_the_add_or_replace_reply_is_read_by_its_words(runtime, stub, reply, added):
    user = "oAddOrReplace"
    app_id, saved = _asked_to_add_or_replace(runtime, stub, user)
    say(runtime, user, reply)
    assert _pages(runtime, app_id) == (saved + 1 if added else 1), say(runtime, user, "进度")


# R13: an unclear reply that would drop the photo in hand is asked about, the photo kept; said again, it is done.
def test_an_unclear_reply_never_drops_the_photos_unasked(runtime, stub):
    user = "oAddOrReplaceUnclear"
    app_id, saved = _asked_to_add_or_replace(runtime, stub, user)
    again = say(runtime, user, "不要了")
    assert "照片还在" in again and "B. 替换" in again and _pages(runtime, app_id) == saved
    assert "追加" in say(runtime, user, "A") and _pages(runtime, app_id) == saved + 1


# R8: a photo sent twice was subtracted twice from the pages added: "已保存：N 页", read as a replacement.
def test_the_pages_added_are_counted_once_when_a_photo_is_sent_twice(runtime, stub):
    user = "oAddedTwice"
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    record = make_application(runtime, user, status="draft", application_id=app_id,
                              checklist=runtime.applications.get(app_id)["checklist"])
    saved = record["materials"]["labor_contract"]["pages"]
    say(runtime, user, str(record["checklist"].index("labor_contract") + 1))
    page = photo(label="last page")
    for _ in range(2):
        media_id = stub.control("media", data=page, headers={"Content-Type": "image/jpeg"})["media_id"]
        runtime.conversations.handle(user, Image(media_id))
    say(runtime, user, "完成")
    say(runtime, user, "A")
    assert _pages(runtime, app_id) == saved + 1
    assert f"已追加 1 页，共{saved + 1} 页" in stub.texts_to(user)[-1], stub.texts_to(user)[-1]


# R6: a reported wrong answer, once a review corrected it, kept the application correctable (and the console's warning
# up) through every later review.
def test_a_reported_correction_acted_on_is_handled_for_later_reviews(client, runtime, stub, as_role):
    staff, user = as_role("staff"), "oCorrectionHandled"
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    codes = make_application(runtime, user, application_id=app_id,
                             checklist=runtime.applications.get(app_id)["checklist"])["checklist"]
    say(runtime, user, "我的单位名称填错了 应该是上海新名字有限公司")
    assert client.get(f"/api/applications/{app_id}", headers=staff).json["correctable"]
    returned = {"materials": {c: {"status": "returned", "reason": "不清楚"} if c == codes[0] else {"status": "approved"}
                              for c in codes},
                "decision": "returned", "reason": "请重传", "corrections": {"employer": "上海新名字有限公司"}}
    assert client.post(f"/api/applications/{app_id}/review", json=returned, headers=staff).status_code == 200
    resubmit(client, runtime, app_id, codes[0])
    detail = client.get(f"/api/applications/{app_id}", headers=staff).json
    assert detail["status"] == "submitted" and not detail["correctable"]
    assert all(c.get("handled_at") for c in detail["reported_corrections"])
    again = dict(returned, corrections={"employer": "上海另一家科技有限公司"})
    refused = client.post(f"/api/applications/{app_id}/review", json=again, headers=staff)
    assert refused.status_code == 409 and "更正" in refused.json["message"], refused.json
