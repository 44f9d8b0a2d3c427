"""Sending materials (fix52): what an applicant asks or says at the checklist and while photographing, answered from
where they are. Each through the engine, in our own words of each finding."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AT_CHECKLIST = ["你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认"]


# -- several item numbers in one message: the first chosen, the others said to come after it ------------------
@pytest.mark.parametrize("said, first, after", [
    ("2 4 5", "commitment_letter", ["第 4 项", "第 5 项"]),
    ("3、6", "id_card", ["第 6 项"]),
    ("1和4", "commission_form", ["第 4 项"]),
])
def test_several_numbers_choose_the_first_and_name_the_rest(kb, said, first, after):
    """"1 2 3" chose item 1 and said nothing of 2 and 3."""
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.state["material"] == first
    reply = "\n".join(outcome.replies)
    assert all(item in reply for item in after)


# -- a photo to change, taken again, or a cancel, with nothing under way: said so, where they are ----------------
@pytest.mark.parametrize("said", ["换张照片吧", "我要重新拍", "刚才那张删掉", "把照片换掉"])
def test_a_photo_changed_before_any_was_sent_is_said_to_be_none(kb, said):
    """"换一张" with nothing sent got the hint on choosing an item; "重拍" spoke of PDFs already made."""
    reply = "\n".join(play(kb, *AT_CHECKLIST, said).replies)
    assert "还没有发过材料照片" in reply
    assert "已生成" not in reply


@pytest.mark.parametrize("said", ["换张照片吧", "我要重新拍", "刚才那张删掉"])
def test_a_photo_changed_while_its_item_waits_for_the_first_says_to_send_it(kb, said):
    outcome = play(kb, *AT_CHECKLIST, "2", said)
    assert outcome.state["material"] == "commitment_letter"
    assert "“承诺书”还没有收到照片" in "\n".join(outcome.replies)


@pytest.mark.parametrize("said", ["那就不传了吧", "先不传了", "不拍了"])
def test_a_cancel_with_nothing_under_way_cancels_nothing(kb, said):
    """"不传了" at the checklist answered "已取消。": cancelled what?"""
    reply = "\n".join(play(kb, *AT_CHECKLIST, said).replies)
    assert "没有要取消的" in reply and "暂存" in reply
    assert "已取消" not in reply


def test_a_cancel_while_photographing_names_the_item_stopped(kb):
    outcome = play(kb, *AT_CHECKLIST, "4", "先不传了")
    assert outcome.state["material"] is None
    assert "已取消“上海市居住证”的上传" in "\n".join(outcome.replies)
