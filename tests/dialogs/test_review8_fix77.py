"""review8's findings on the late merges (fix77), each through the engine."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, application_in, events_after, play, returned_with

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

DRAFT = ("你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认")


# -- R8-1: a waiting photo said to show a spouse's paper, with no fault said, is not deleted ---------------------------
@pytest.mark.parametrize("said", ["这张是我老公的身份证", "这张是我老婆的身份证 没拍错吧"])
def test_a_waiting_photo_named_as_a_spouses_paper_is_kept(kb, said):
    sent = events_after(kb, play(kb, *DRAFT).state, Image("a1"), Image("a2"), said)
    assert "删除" not in "\n".join(sent[-1].replies)
    assert sent[-1].state["unassigned"] == ["a1", "a2"]


def test_a_page_said_right_while_photographing_is_kept(kb):
    sent = events_after(kb, play(kb, *DRAFT, "5").state, Image("p1"), Image("p2"), "这张是我本人的 没错")
    assert "删除" not in "\n".join(sent[-1].replies)
    assert sent[-1].state["photos"] == ["p1", "p2"]


# -- R8-2: a worry or a question after 信息有误 (or a change word) is no correction kept for the reviewer ----------------
@pytest.mark.parametrize("said", ["信息有误 是不是手机号填错了", "信息有误 我担心身份证号填错了",
                                  "信息有误 我也不知道哪里错了", "申办信息有误 请问在哪看"])
def test_a_worry_or_question_under_review_is_not_kept_as_a_correction(chat, said):
    application_in(chat, "submitted")
    chat.send(said)
    assert not chat.application.get("reported_corrections")


def test_a_correction_said_under_review_is_still_kept(chat):
    application_in(chat, "submitted")
    chat.send("信息有误 身份证号错了一位 应该是最后一位X")
    assert chat.application.get("reported_corrections")


@pytest.mark.parametrize("said", ["修改 名字写错了怎么改", "更正 单位名称 应该怎么弄"])
def test_a_question_with_a_change_word_at_a_return_is_not_kept_as_a_correction(chat, said):
    returned_with(chat, {"labor_contract": "劳动合同缺少单位盖章页"})
    chat.send(said)
    assert not chat.application.get("reported_corrections")


# -- R8-3: at a return saying name/ID disagree, only an edit of the name or ID number gets the name/ID advice ---------
_MISMATCH = {"id_card": "姓名或身份证号码与填写信息不一致"}


@pytest.mark.parametrize("said", ["修改 婚姻状况", "修改 学历"])
def test_another_answer_edited_at_an_id_mismatch_return_gets_the_locked_reply(chat, said):
    returned_with(chat, _MISMATCH)
    assert "姓名填错了" not in chat.send(said)


def test_the_name_edited_at_an_id_mismatch_return_keeps_the_advice(chat):
    returned_with(chat, _MISMATCH)
    assert "姓名填错了" in chat.send("修改 姓名")


# -- R8-4: a number beside "那张 …" that speaks of a photo's fault chooses no item --------------------------------------
@pytest.mark.parametrize("said", ["2 那张糊了"])
def test_a_number_beside_a_photos_fault_opens_no_switch(kb, said):
    before = events_after(kb, play(kb, *DRAFT, "6").state, Image("p1"), Image("p2"), Image("p3"))[-1].state
    after = events_after(kb, before, said)[-1]
    assert after.state["material"] == "labor_contract"
    assert not after.state.get("pending") and "承诺书" not in "\n".join(after.replies)


# -- R8-8: a put-off naming another paper keeps the item in hand ---------------------------------------------------
@pytest.mark.parametrize("said", ["算了 合同明天再传", "合同明天再拍"])
def test_a_put_off_of_another_paper_keeps_the_item_in_hand(kb, said):
    assert play(kb, *DRAFT, "3", said).state["material"] == "id_card"


def test_a_put_off_of_the_item_in_hand_still_lets_it_go(kb):
    assert play(kb, *DRAFT, "3", "算了 身份证明天再传").state["material"] is None


# -- R8-5: at the business type, an edit of the employer's details is no change of employer ---------------------------
@pytest.mark.parametrize("said", ["改一下公司的电话", "想改下单位的地址", "改下公司的地址"])
def test_an_employers_detail_edited_at_the_type_is_no_change_of_employer(kb, said):
    outcome = play(kb, "你好", said)
    assert outcome.state["answers"].get("business_type") != "employer_change"


# -- R8-6: a question about something else while an item is photographed is not answered with the item's entry -------
@pytest.mark.parametrize("said", ["孩子的要不要拍", "能不能快点审"])
def test_a_question_of_another_subject_while_photographing_keeps_its_own_answer(kb, said):
    assert "对应您材料清单第 3 项" not in "\n".join(play(kb, *DRAFT, "3", said).replies)


def test_a_question_of_the_item_in_hand_still_gets_its_entry(kb):
    assert "对应您材料清单第 3 项" in "\n".join(play(kb, *DRAFT, "3", "背面也要吗").replies)
