"""try21's photo and return findings (fix74), each through the engine."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, application_in, events_after, play, returned_with

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

DRAFT = ("你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认")


# -- X1: a photo sent before an item is chosen, said wrong with whose paper it shows, is taken back -----------------
@pytest.mark.parametrize("said", ["这张拍错了，是我老婆的身份证", "这张发错了 拍成我老公的户口本了"])
def test_a_waiting_photo_said_wrong_is_taken_back_and_not_filed_later(kb, said):
    sent = events_after(kb, play(kb, *DRAFT).state, Image("a1"), Image("a2"), said, Image("a3"), "3")
    assert "删除" in "\n".join(sent[2].replies)
    assert sent[-1].state["photos"] == ["a1", "a3"]  # the wrong one (a2) is in no item


def test_a_waiting_photo_said_to_be_an_item_is_filed_there(kb):
    sent = events_after(kb, play(kb, *DRAFT).state, Image("a1"), "这张是劳动合同")
    assert sent[-1].state["photos"] == ["a1"] and sent[-1].state["material"] == "labor_contract"


# -- X11: two returned items named at once: the first chosen, the other said to come after it ------------------------
def test_two_returned_items_named_choose_the_first_and_say_the_other_comes_next(chat):
    returned_with(chat, {"labor_contract": "劳动合同缺少单位盖章页", "id_card": "缺少身份证正面或反面，正反面请扫描成一个PDF"})
    reply = chat.send("两个我都重新拍了 身份证正反面加合同盖章页")
    assert chat.state["material"] == "id_card"
    assert "一次拍一项" in reply and "第 6 项“劳动(聘用)合同”" in reply


def test_two_items_named_by_name_in_a_draft_say_the_other_comes_next(kb):
    outcome = play(kb, *DRAFT, "我先拍身份证，还有户口本")
    other = "第 3 项“持证人身份证(正反面)”" if outcome.state["material"] == "household_register" else "第 5 项“户籍证明”"
    assert outcome.state["material"] in ("id_card", "household_register")
    assert "一次拍一项" in "\n".join(outcome.replies) and other in "\n".join(outcome.replies)


# -- X46: photos shared out by order among returned items replace their whole files: asked first -----------------
def test_photos_shared_out_among_returned_items_warn_before_they_replace_the_files(chat):
    returned_with(chat, {"labor_contract": "劳动合同缺少单位盖章页", "id_card": "缺少身份证正面或反面，正反面请扫描成一个PDF"})
    chat.conversations.store.update("application", chat.application["id"], lambda a: {
        **a, "materials": {**a["materials"], "id_card": {**a["materials"]["id_card"], "sha256": "f" * 64, "pages": 1}}})
    chat.conversations.handle(chat.user, Image("w1"))
    chat.conversations.handle(chat.user, Image("w2"))
    reply = chat.send("第一张是身份证 第二张是合同")
    assert "替换" in reply and "原来的文件有 1 页" in reply and "确定" in reply
    assert chat.state["unassigned"] == ["w1", "w2"] and not chat.state.get("photo_plan")  # nothing filed yet
    reply = chat.send("确定")
    assert "已按这个顺序归入" in reply and chat.state["unassigned"] == []


def test_photos_shared_out_among_returned_items_stay_waiting_when_not_confirmed(chat):
    returned_with(chat, {"labor_contract": "劳动合同缺少单位盖章页", "id_card": "缺少身份证正面或反面，正反面请扫描成一个PDF"})
    chat.conversations.handle(chat.user, Image("w1"))
    chat.conversations.handle(chat.user, Image("w2"))
    chat.send("第一张是身份证 第二张是合同")
    chat.send("3")
    assert chat.state["material"] == "id_card" and chat.state["photos"] == []  # whether they are its photos is asked


# -- X14, X56: an answer said wrong at a return: passed on, and what still waits said (never "不用重新提交") ------------
def test_a_changed_answer_at_a_return_says_the_returned_items_still_wait(chat):
    returned_with(chat, {"labor_contract": "劳动合同缺少单位盖章页", "id_card": "缺少身份证正面或反面，正反面请扫描成一个PDF"})
    reply = chat.send("对了我结婚了 婚姻状况要改成已婚")
    assert "不用重新提交" not in reply
    assert "重新上传" in reply and "提交" in reply and "3. 持证人身份证(正反面)" in reply and "6. 劳动(聘用)合同" in reply
    assert "人工" in reply  # a change calling for other papers is a person's


def test_a_name_typed_wrong_at_a_mismatch_return_is_passed_on_for_the_resubmission(chat):
    returned_with(chat, {"id_card": "姓名或身份证号码与填写信息不一致"})
    reply = chat.send("是我填错了 名字应该是张叁")
    assert "不用重新提交" not in reply and "重新提交后" in reply and "3. 持证人身份证(正反面)" in reply
    assert [c["text"] for c in chat.application["reported_corrections"]] == ["是我填错了 名字应该是张叁"]
    reply = chat.send("修改 姓名")  # how to put it right, not only "回复“人工”"
    assert "应该是" in reply and "重新提交" in reply


# -- X26: an item chosen, then put off to another day before any photo: let go, the next photo asked about ----------
def test_an_item_put_off_to_another_day_takes_no_later_photo(kb):
    sent = events_after(kb, play(kb, *DRAFT).state, "6", "算了 合同明天再传", Image("c9"))
    assert "先不传了" in "\n".join(sent[1].replies) and sent[1].state["material"] is None
    assert sent[-1].state["material"] is None and sent[-1].state["unassigned"] == ["c9"]


# -- X47: "都是" of several photos waiting while two returned items are open: which is which asked -------------------
def test_all_of_them_said_of_photos_waiting_for_two_returned_items_asks_which_is_which(chat):
    returned_with(chat, {"labor_contract": "劳动合同缺少单位盖章页", "id_card": "缺少身份证正面或反面，正反面请扫描成一个PDF"})
    chat.conversations.handle(chat.user, Image("w1"))
    chat.conversations.handle(chat.user, Image("w2"))
    reply = chat.send("都是")
    assert "分别是哪一项" in reply and "第一张是身份证 第二张是合同" in reply
    assert chat.state["unassigned"] == ["w1", "w2"]


# -- X54: a photo to add, asked for while the application is under review: the submitted wording at once --------------
def test_a_photo_to_add_under_review_is_told_nothing_can_change_now(chat):
    application_in(chat, "submitted")
    reply = chat.send("补一张委托单的照片")
    assert "审核中" in reply and "新的会替换旧的" not in reply


# -- X44: "申办信息有误 …" while the reviewers have it is passed on, as the same report in other words is --------------
@pytest.mark.parametrize("status", ["returned", "submitted"])
def test_the_dispute_command_under_review_or_at_a_return_passes_the_report_on(chat, status):
    if status == "returned":
        returned_with(chat, {"id_card": "身份证有效期不足两个月"})
    else:
        application_in(chat, "submitted")
    reply = chat.send("申办信息有误 身份证号错了一位")
    assert "只有预审通过" not in reply and "转给审核人员" in reply
    assert [c["text"] for c in chat.application["reported_corrections"]] == ["身份证号错了一位"]
    assert ("还需重新上传" in reply) == (status == "returned")


# -- X42: everything said to be sent again at a return: the approved ones are kept, said first -------------------------
def test_everything_sent_again_at_a_return_says_the_approved_are_kept(chat):
    returned_with(chat, {"labor_contract": "劳动合同缺少单位盖章页"})
    reply = chat.send("我全部重新传一遍吧 之前拍的都不太清楚")
    assert "已审核通过的材料会保留，不用重新上传" in reply
    assert chat.state["material"] == "labor_contract"


# -- X25, X43: a question naming no paper while an item is photographed is asked of the item in hand ------------------
@pytest.mark.parametrize("item, said, expected", [("3", "要不要拍背面", "正反面都要上传"), ("6", "合同有20页 都要拍吗", "预审只传两页")])
def test_a_question_while_an_item_is_photographed_is_answered_of_that_item(kb, item, said, expected):
    reply = "\n".join(events_after(kb, play(kb, *DRAFT, item).state, Image("p1"), said)[-1].replies)
    assert expected in reply and "超出了我能回答的范围" not in reply and "社保补缴" not in reply


# -- X3: an item asked about by its bare number at the checklist: its requirement ------------------------------------
@pytest.mark.parametrize("said", ["3是什么要求", "3要什么", "6 有什么要求？"])
def test_an_item_asked_about_by_its_bare_number_gets_its_requirement(kb, said):
    outcome = play(kb, *DRAFT, said)
    reply = "\n".join(outcome.replies)
    number = said.strip()[0]
    name = {"3": "持证人身份证(正反面)", "6": "劳动(聘用)合同"}[number]
    assert reply.startswith(name + "：") and "超出了我能回答的范围" not in reply
    assert outcome.state["material"] is None  # asked about, not chosen
