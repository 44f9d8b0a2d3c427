"""try9's findings on the materials (fix26): statuses shown as saved when a photo comes with no item chosen
(T48), uploads kept when a changed answer takes their item off the checklist (T44), a photo said to be another
item's moved there (T27), the permit's expiry checked again at the confirmation (T49), a photo labelled at the
summary not read as an edit (T26)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.applicant.conversation import Conversations
from dialogs import render
from dialogs.events import Image
from tests.support.chat import Chat, application_in, at_married_checklist, at_married_summary

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


def uploaded(chat, *codes: str, status: str = "uploaded") -> None:
    """``codes`` saved as the build_material job saves them (a PDF made of the photos)."""
    app_id = chat.application["id"]
    chat.conversations.store.update("application", app_id, lambda a: {
        **a, "materials": {**(a.get("materials") or {}),
                           **{code: {"status": status, "sha256": "a" * 64, "pages": 1} for code in codes}}})


def photo(chat, media_id: str = "m1") -> str:
    chat.last = chat.conversations.handle(chat.user, Image(media_id))
    return "\n".join(chat.last)


# -- T48: the "这是哪一项材料？" list shows what is saved --------------------------------------------------
def test_a_photo_with_no_item_chosen_lists_an_uploaded_item_as_uploaded(chat):
    application_in(chat, "draft")
    uploaded(chat, "commission_form")
    reply = photo(chat)
    assert "这是哪一项材料" in reply
    assert "1. 咨询服务委托单【已上传】" in reply and "2. 承诺书【未上传】" in reply


def test_finishing_photos_with_no_item_chosen_lists_the_statuses_as_saved(chat):
    application_in(chat, "draft")
    uploaded(chat, "commission_form")
    photo(chat)
    chat.send("好的")  # another message: the photo stays unassigned
    reply = chat.send("完成")
    assert "还不知道是哪一项材料" in reply and "1. 咨询服务委托单【已上传】" in reply


def test_after_a_return_a_photo_lists_the_returned_item_as_returned_and_offers_it(chat):
    application_in(chat, "draft")
    codes = chat.application["checklist"]
    uploaded(chat, *codes)
    app_id = chat.application["id"]
    chat.conversations.store.update("application", app_id, lambda a: {
        **a, "status": "returned", "materials": {**a["materials"], "id_card": {"status": "returned", "reason": "模糊"}}})
    reply = photo(chat)
    assert "【未上传】" not in reply
    assert "1. 咨询服务委托单" not in reply and "3. 持证人身份证(正反面)【已退回】" in reply  # the returned item alone (try17 T10)
    assert "回复 3" in reply  # the one item still to send is offered
    chat.send("3")
    assert chat.state["material"] == "id_card" and chat.state["photos"] == ["m1"]


# -- T44: an upload is never dropped by a changed answer ------------------------------------------------
def test_a_change_that_takes_an_uploaded_item_off_says_so_before_it_is_confirmed_and_keeps_it(chat):
    at_married_checklist(chat)
    uploaded(chat, "commission_form", "spouse_companion")
    chat.send("修改 婚姻状况")
    summary = chat.send("未婚")
    assert "已上传的“配偶身份证(正反面)”不再需要" in summary and "无误请回复“确认”" in summary
    assert "spouse_companion" in chat.application["materials"]  # nothing changes before the confirmation
    reply = chat.send("确认")
    assert "“配偶身份证(正反面)”现在不需要了，文件已为您保留" in reply
    assert set(chat.application["materials"]) == {"commission_form"}
    assert "spouse_companion" in chat.application["set_aside"]


def test_changing_the_answer_back_restores_the_upload_set_aside(chat):
    at_married_checklist(chat)
    uploaded(chat, "commission_form", "spouse_companion")
    for text in ["修改 婚姻状况", "未婚", "确认", "修改 婚姻状况", "已婚", "1"]:
        chat.send(text)
    reply = chat.send("确认")
    assert "配偶身份证(正反面)※【已上传】" in reply and "之前上传的“配偶身份证(正反面)”已恢复" in reply
    assert chat.application["materials"]["spouse_companion"]["sha256"] == "a" * 64
    assert not chat.application["set_aside"]
    assert "配偶身份证(正反面)※【已上传】" in chat.send("清单")


def test_a_change_that_takes_off_nothing_uploaded_says_nothing_of_uploads(chat):
    at_married_checklist(chat)
    uploaded(chat, "commission_form")
    chat.send("修改 婚姻状况")
    assert "注意：" not in chat.send("未婚")


# -- T27: a photo said to be another item's is moved there, not deleted -------------------------------------
@pytest.mark.parametrize("said", ["哎呀发错了，这张是居住证", "这张发错了，应该是上海市居住证的"])
def test_the_only_photo_said_to_be_another_items_moves_there(chat, said):
    application_in(chat, "draft")
    chat.send("3")
    photo(chat)
    reply = chat.send(said)
    assert "已删除" not in reply and "已把这 1 页改放到“上海市居住证”" in reply
    assert chat.state["material"] == "residence_permit" and chat.state["photos"] == ["m1"]


def test_one_of_several_photos_said_to_be_another_items_is_kept_for_it(chat):
    application_in(chat, "draft")
    chat.send("3")
    photo(chat, "m1")
    photo(chat, "m2")
    reply = chat.send("发错了，这张是劳动合同")
    assert "已把第 2 张从“持证人身份证(正反面)”移出" in reply and "回复 6" in reply
    assert chat.state["material"] == "id_card" and chat.state["photos"] == ["m1"] and chat.state["unassigned"] == ["m2"]
    chat.send("完成")
    chat.send("完成")  # one page of a two-sided card: asked once, "完成" again makes it
    chat.send("6")
    chat.send("是")
    assert chat.state["material"] == "labor_contract" and chat.state["photos"] == ["m2"]


@pytest.mark.parametrize("said", ["这张不是居住证 删掉", "删掉这张，是身份证的重复"])
def test_a_photo_said_to_be_deleted_or_not_an_item_is_deleted_not_moved(chat, said):
    """review6 R9: the first 是 anywhere in a delete moved the photo ("这张不是居住证 删掉" filed it under 居住证)."""
    application_in(chat, "draft")
    chat.send("3")
    photo(chat)
    photo(chat, "m2")
    reply = chat.send(said)
    assert "移出" not in reply and "改放到" not in reply and chat.state["unassigned"] == []
    assert chat.state["material"] == "id_card" and len(chat.state["photos"]) == 1


def test_a_wrong_photo_said_with_no_item_is_still_deleted(chat):
    application_in(chat, "draft")
    chat.send("3")
    photo(chat)
    assert "已删除" in chat.send("删除上一张") and chat.state["photos"] == []


# -- T49: the permit's days left checked again at the confirmation -----------------------------------------
def test_a_summary_confirmed_after_the_permit_expired_is_held_with_the_message_of_the_question(chat, kb):
    at_married_summary(chat)  # permit 2027-08-25, typed on 2026-11-24
    later = Chat(Conversations(chat.conversations.store, kb=kb, now=lambda: datetime(2027, 12, 29, 10, 0)), chat.user)
    later.send("你好")
    reply = later.send("确认")
    assert reply.startswith(render.permit_too_short_prompt("2027-08-25", date(2027, 12, 29)))
    assert later.state["state"] == "permit_too_short" and later.application is None  # no checklist made
    summary = later.send("2029-01-01")
    assert later.state["state"] == "summary" and "居住证有效期：2029-01-01" in summary
    assert "已根据您的情况生成材料清单" in later.send("确认")


def test_a_summary_confirmed_with_under_two_months_left_is_held_too(chat, kb):
    at_married_summary(chat)
    later = Chat(Conversations(chat.conversations.store, kb=kb, now=lambda: datetime(2027, 7, 1, 10, 0)), chat.user)
    assert "剩余不足2个月" in later.send("确认") and later.state["state"] == "permit_too_short"


def test_a_summary_confirmed_in_time_makes_the_checklist(chat):
    at_married_summary(chat)
    assert "已根据您的情况生成材料清单" in chat.send("确认")


# -- T26: photos kept from before the checklist, labelled at the summary -------------------------------------
def test_photos_kept_before_the_checklist_said_to_be_the_id_card_at_the_summary_open_no_edit(chat):
    at_married_summary(chat)
    photo(chat, "m1")
    photo(chat, "m2")
    reply = chat.send("这是身份证")
    assert chat.state["state"] == "summary" and "请输入您的18位身份证号码" not in reply
    assert "这 2 张照片（身份证）先为您保存着" in reply and chat.state["unassigned"] == ["m1", "m2"]
    assert "您之前发送的 2 张照片还为您保存着" in chat.send("确认")
    chat.send("3")  # the item's number files them, as the checklist message said
    assert chat.state["material"] == "id_card" and chat.state["photos"] == ["m1", "m2"]


def test_a_yes_that_names_the_item_files_the_photos_sent_earlier(chat):
    at_married_summary(chat)
    photo(chat, "m1")
    chat.send("确认")
    chat.send("好的")  # another message first: choosing the item asks whether they are its
    assert "它们是“持证人身份证(正反面)”的吗" in chat.send("3")
    chat.send("是身份证正反面")
    assert chat.state["photos"] == ["m1"] and chat.state["unassigned"] == []
