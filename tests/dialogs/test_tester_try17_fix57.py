"""The tester's round try17 (fix57): the middle findings left open — a name beside the consent, an edit beside the
spouse question, the checklist's questions about submitting part, skipping an item, naming a photo, how long review
takes after a return. Each through the engine, in our own wordings of the findings."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, application_in, play, returned_with

AT_CONSENT = ["你好", "积分新办", "2027-08-25"]
AGREED = [*AT_CONSENT, "同意"]


# -- T2: a name sent with the agreement is kept, as an ID number or a mobile sent there is ------------------------
@pytest.mark.parametrize("said, name", [("同意 李晓红", "李晓红"), ("我同意，王建军", "王建军"), ("好的 欧阳娜娜", "欧阳娜娜")])
def test_a_name_after_the_agreement_is_kept(kb, said, name):
    """"同意 张伟" agreed and asked for the name again."""
    outcome = play(kb, *AT_CONSENT, said)
    assert outcome.state["answers"]["name"] == name
    assert outcome.state["state"] == "id_number"


@pytest.mark.parametrize("said", ["同意 开始", "同意 下一步", "同意 马上填", "好的 谢谢", "同意 继续", "同意 麻利点", "同意 利索点"])
def test_words_after_the_agreement_are_no_name(kb, said):
    outcome = play(kb, *AT_CONSENT, said)
    assert "name" not in outcome.state["answers"]


# -- T14: while the spouse question waits, a bonus option taken off (or put on) is an edit of the bonuses -----------
WITH_SCHOOL = [*AGREED, *BASIC, "学历加分", "本科", "是", "复旦大学", "否"]
MARRIED_AT_SUMMARY = [*WITH_SCHOOL, "婚姻状况改成已婚"]  # the spouse question asked, the bonuses kept


@pytest.mark.parametrize("said", ["学历的加分我不需要了", "不要学历加分了"])
def test_a_bonus_taken_off_while_the_spouse_is_asked_is_changed(kb, said):
    """"学历加分不要了" there was "没有找到这个选项" (or, worded "不要…", none of the spouse options chosen)."""
    outcome = play(kb, *MARRIED_AT_SUMMARY, said)
    assert outcome.state["answers"]["bonus_options"] == []
    assert "spouse_options" not in outcome.state["answers"]
    assert outcome.state["state"] == "spouse_options"
    assert "配偶" in outcome.replies[-1]


def test_a_bonus_put_on_while_the_spouse_is_asked_is_changed(kb):
    outcome = play(kb, *MARRIED_AT_SUMMARY, "加分再加上职称")
    assert outcome.state["answers"]["bonus_options"] == ["title", "education"]
    assert outcome.state["state"] == "spouse_options"


def test_the_spouse_answered_then_a_bonus_taken_off_are_both_kept(kb):
    outcome = play(kb, *MARRIED_AT_SUMMARY, "2 学历加分也去掉")
    assert outcome.state["answers"]["spouse_options"] == ["spouse_hukou"]
    assert outcome.state["answers"]["bonus_options"] == []
    assert outcome.state["state"] == "summary"


# -- T27: at the checklist, submitting part now and the rest later is asked about, and answered ------------------
AT_CHECKLIST = [*AGREED, *BASIC, "0", "确认"]


@pytest.mark.parametrize("said", ["我能不能先交一部分", "没传完的以后再补 先提交已经传的可以吗"])
def test_submitting_part_first_is_answered_from_the_chats_own_rule(kb, said):
    """"我先交一部分行不行" was out of scope; the chat itself refuses a submission with items missing."""
    outcome = play(kb, *AT_CHECKLIST, said)
    assert "超出了我能回答的范围" not in "\n".join(outcome.replies)
    assert "每一项都上传后才能提交审核" in outcome.replies[0]
    assert outcome.state["state"] == "materials"


# -- T37: at a return, how long the review takes is a question, never a contest of the return ------------------
@pytest.mark.answers_questions
@pytest.mark.parametrize("said", ["还要等多久啊", "补传完了几天能审好", "重新提交后审核要几个工作日"])
def test_how_long_the_review_takes_after_a_return_is_answered_not_contested(chat, said):
    """"还要等多久" at 退回 was filed as a contest of the return: the reasons again and a person asked to re-check."""
    returned_with(chat, {"id_card": "身份证反面不清晰"})
    reply = chat.send(said)
    assert "复核" not in reply
    assert chat.conversations.store.count("escalation") == 0
    assert "预审" in reply and chat.application["status"] == "returned"


# -- T28: "先跳过" while photographing an item skips that item, never the application ------------------------------
@pytest.mark.parametrize("said", ["先跳过", "这一项我先跳过", "跳过"])
def test_skipping_the_item_being_photographed_goes_on_to_the_next_not_sent(chat, said):
    """"这个先跳过" stopped the item (or paused the whole application) and left the applicant to choose again."""
    application_in(chat, "draft")
    chat.send("1")
    reply = chat.send(said)
    assert chat.state.get("material") == "commitment_letter"  # the next item not sent, taken up
    assert "咨询服务委托单" in reply and "跳过" in reply and "承诺书" in reply
    assert not chat.state.get("paused") and chat.application["materials"].get("commission_form") is None


def test_skipping_an_item_with_photos_sent_says_they_were_not_kept(chat):
    application_in(chat, "draft")
    chat.send("2")
    chat.conversations.handle(chat.user, Image("page-1"))
    reply = chat.send("这个先跳过吧")
    assert "1 张照片没有保存" in reply and chat.state.get("material") == "id_card"
    assert not chat.state.get("photos")


# -- T33: right after a photo, what it is named ("这是户口本首页") files it there -----------------------------------
@pytest.mark.parametrize("said", ["这是户口本首页", "这个是户口簿本人页"])
def test_a_photo_waiting_for_its_item_is_filed_under_the_paper_named(chat, said):
    """A photo sent with no item chosen, then "这是户口本首页": the household register's requirement was answered and
    the photo still waited."""
    application_in(chat, "draft")
    chat.conversations.handle(chat.user, Image("page-1"))
    chat.send(said)
    assert chat.state.get("material") == "household_register"
    assert chat.state.get("photos") == ["page-1"] and not chat.state.get("unassigned")


def test_a_photo_filed_under_the_item_in_hand_moves_to_the_paper_named(chat):
    application_in(chat, "draft")
    chat.send("3")
    chat.conversations.handle(chat.user, Image("page-1"))
    reply = chat.send("这是户口本首页")
    assert chat.state.get("material") == "household_register" and chat.state.get("photos") == ["page-1"]
    assert "户籍证明" in reply
