"""try13's findings on complaints and materials, through the engine on a real store (fix41)."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, start

pytestmark = pytest.mark.answers_questions


@pytest.fixture
def photographing(chat):
    """A new application at its checklist, item 1 chosen and no photo sent yet."""
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认", "1"])
    assert chat.state["state"] == "materials" and chat.state["material"]
    return chat


def escalations(chat) -> list[dict]:
    return chat.conversations.store.find("escalation", user_id=chat.user)


# -- T46: a complaint reaches a person from any step, photo collection too ---------------------------------
def test_a_complaint_while_photos_are_collected_goes_to_a_person_with_the_status_and_the_step(photographing):
    reply = photographing.send("我要投诉 你们审核太慢了")
    [escalation] = escalations(photographing)
    assert escalation["reason"] == "complaint" and "审核太慢" in escalation["note"]
    assert "转接人工客服" in reply and "还没有提交" in reply and "咨询服务委托单" in reply
    assert photographing.state["material"]  # still at the item being photographed


def test_a_complaint_denied_is_no_complaint(photographing):
    photographing.send("我不是投诉 就是问问")
    assert escalations(photographing) == []


def _id_card_uploaded(chat, source: str) -> None:
    """A draft at its checklist with the ID card uploaded from ``source`` (the upload page or photos)."""
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    chat.conversations.store.update("application", chat.application["id"], lambda a: {**a, "materials": {
        "id_card": {"sha256": "ab" * 32, "pages": 2, "size": 1000, "status": "uploaded", "source": source}}})


# -- T43: 重新开始 with materials uploaded says they go too -------------------------------------------------------
def test_restarting_with_materials_uploaded_says_they_are_deleted_too(chat):
    _id_card_uploaded(chat, "upload")
    reply = chat.send("重新开始")
    assert "已上传的 1 项材料也会删除" in reply and "修改" in reply
    assert "回复“确定”重新开始" in reply


# -- T21: impatience about a review gets where the application stands, and a person offered ---------------------
def test_impatience_after_a_return_gets_the_return_and_a_person_offered(chat):
    from tests.support.chat import application_in
    application_in(chat, "returned", materials={"id_card": {"status": "returned", "reason": "身份证已过期"}})
    reply = chat.send("都提交两天了还没消息 你们到底有没有人在看")
    assert "身份证已过期" in reply and "回复“人工”" in reply
    assert "2 个自然日" not in reply and "确认申办信息" not in reply  # not the confirmation's two days


# -- T17: "结婚证传错了 要删掉" is about the file sent, not the item: how to replace or delete it -------------------
def test_a_wrong_file_to_delete_is_deleted_and_told_how_to_send_the_right_one(chat):
    _id_card_uploaded(chat, "photos")
    asked = chat.send("身份证传错了 要删掉")  # deleted from the chat, as the upload page's 删除 does (try17 T4)
    assert "确定删除“持证人身份证(正反面)”已上传的文件吗" in asked and "不能单独删除" not in asked  # …asking first (fix56)
    reply = chat.send("是")
    assert "已删除“持证人身份证(正反面)”已上传的文件" in reply and "网页上传" in reply
    assert "id_card" not in chat.application["materials"]


# -- T29: "这张是合同 发错项了" moves the photo to the item it names, never deletes it ---------------------------------
def test_a_photo_said_to_be_another_items_by_a_short_name_is_moved_there(photographing):
    from dialogs.events import Image
    photographing.conversations.handle(photographing.user, Image("page-1"))
    reply = photographing.send("不对不对 这张是合同 发错项了")
    assert "劳动(聘用)合同" in reply and "已删除" not in reply
    assert photographing.state["material"] == "labor_contract" and photographing.state["photos"] == ["page-1"]


# -- T28: "第5项我刚才传成劳动合同了 怎么换": that item chosen to send again, or said to hold no file ----------------------
@pytest.fixture
def at_checklist(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    return chat


def test_a_wrong_file_said_of_an_item_without_one_says_nothing_is_there(at_checklist):
    reply = at_checklist.send("第5项我刚才传成劳动合同了 怎么换")
    assert "第 5 项“户籍证明”还没有上传过文件" in reply and at_checklist.state.get("material") is None


def test_a_wrong_file_said_of_an_item_with_one_chooses_it_to_send_again(at_checklist):
    app_id = at_checklist.application["id"]
    at_checklist.conversations.store.update("application", app_id, lambda a: {**a, "materials": {
        "household_register": {"sha256": "cd" * 32, "pages": 1, "size": 900, "status": "uploaded", "source": "photos"}}})
    reply = at_checklist.send("第5项我刚才传成劳动合同了 怎么换")
    assert at_checklist.state["material"] == "household_register" and "替换原文件" in reply
