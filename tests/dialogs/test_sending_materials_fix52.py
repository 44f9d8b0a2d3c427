"""Sending materials (fix52): what an applicant asks or says at the checklist and while photographing, answered from
where they are. Each through the engine, in our own words of each finding."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, application_in, play

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
    assert "没有要删除或重拍的" in reply and "回复它的序号后拍照发送" in reply


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


# -- how something sent is deleted, asked at the checklist: this stage's own commands, from where they are ---------
ASKED_HOW_TO_DELETE = ["照片传错了怎么删除", "发错的材料能删掉吗", "上传错的图片咋撤回"]


@pytest.mark.parametrize("asked", ASKED_HOW_TO_DELETE)
def test_how_to_delete_with_nothing_sent_says_nothing_is_there(kb, asked):
    """"材料发错了怎么删" got a choice of three entries on other things."""
    reply = "\n".join(play(kb, *AT_CHECKLIST, asked).replies)
    assert "没有要删除或重拍的" in reply
    assert "我不太确定您想问的是哪一个" not in reply


@pytest.mark.answers_questions
@pytest.mark.parametrize("asked", ASKED_HOW_TO_DELETE)
def test_how_to_delete_while_photographing_tells_the_photo_commands_and_deletes_nothing(chat, asked):
    application_in(chat, "draft")
    chat.send("5")
    for media_id in ("p1", "p2"):
        chat.conversations.handle(chat.user, Image(media_id))
    reply = chat.send(asked)
    assert "“户籍证明”已收到 2 张照片" in reply and "删除上一张" in reply
    assert chat.state["photos"] == ["p1", "p2"]


@pytest.mark.answers_questions
@pytest.mark.parametrize("asked", ASKED_HOW_TO_DELETE)
def test_how_to_delete_with_files_made_names_them_and_how_each_is_replaced(chat, asked):
    app_id = application_in(chat, "draft")
    made = {code: {"status": "uploaded", "sha256": "b" * 64} for code in ("commission_form", "id_card")}
    chat.conversations.store.update("application", app_id, lambda a: {**a, "materials": made})
    reply = chat.send(asked)
    assert "第 1 项“咨询服务委托单”" in reply and "第 3 项“持证人身份证(正反面)”" in reply
    assert "网页上传" in reply and "第 2 项" not in reply


# -- a paper said lost: one list of the words for it, read alike by the checklist and the materials stage ----------
@pytest.mark.parametrize("said", ["第5项我丢失了", "第1项丢掉了", "第3项给我弄丢失了"])
def test_an_item_said_lost_in_any_of_the_words_gets_the_lost_papers_answer_not_photographing(kb, said):
    """The stage's lost words (丢, 不见了) and the checklist's (丢了 only) had drifted: "第5项丢失了" chose item 5 for photos."""
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.state["material"] is None
    assert "丢失后怎么补办" in "\n".join(outcome.replies)


# -- photographing asked about at the checklist or while photographing: the knowledge base's entries on it ---------
AT_ITEM_ONE = [*AT_CHECKLIST, "1"]


@pytest.mark.parametrize("before", [AT_CHECKLIST, AT_ITEM_ONE])
@pytest.mark.parametrize("asked", ["照片拍得看不清楚咋办", "材料拍不清楚咋整"])
def test_unclear_photos_get_how_to_photograph(kb, before, asked):
    """"拍不清楚怎么办" was out of scope (不清楚 read as "don't know", leaving 拍 alone)."""
    reply = "\n".join(play(kb, *before, asked).replies)
    assert "平放" in reply and "一页拍一张" in reply and "网页上传" in reply


@pytest.mark.parametrize("before", [AT_CHECKLIST, AT_ITEM_ONE])
@pytest.mark.parametrize("asked", ["能一下子发好多张照片吗", "多张图一起发行吗"])
def test_several_photos_asked_about_are_allowed_with_done_after(kb, before, asked):
    """"可以一次发多张吗" was out of scope."""
    reply = "\n".join(play(kb, *before, asked).replies)
    assert reply.startswith("可以。") and "每张一页" in reply and "“完成”" in reply


@pytest.mark.parametrize("before", [AT_CHECKLIST, AT_ITEM_ONE])
@pytest.mark.parametrize("asked", ["原件拍照上传可以吗", "拿原件拍了发你行不行"])
def test_a_photo_of_the_original_asked_about_gets_what_the_papers_say_of_originals(kb, before, asked):
    """"能不能发原件照片" got the answer about photos failing to send."""
    reply = "\n".join(play(kb, *before, asked).replies)
    assert "最好直接拍原件" in reply and "复印件行不行" in reply and "人工" in reply
    assert "发不出去" not in reply
