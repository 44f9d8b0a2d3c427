"""Development set 19's misreadings by their causes (nlu30: delivery riders, young mothers typing one-handed,
programmers, Fujian/Zhejiang/Jiangsu speakers, pasted group advice, angry applicants after a return, pinyin
slips), each in other words (none of the set's texts), through the engine: what a wrong reading saved, changed
or stopped."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import BASIC, play, returned_with

pytestmark = pytest.mark.answers_questions

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
AT_SCHOOL = [*AGREED, *BASIC, "2", "是", "否", "本科"]


# -- 1. one's own school referred to ("我们学校") is no school named -----------------------------------------------------
@pytest.mark.parametrize("said", ["我们学校后面跟另一所大学合并了 写合并后的名字吗", "咱学校改过名 填哪个"])
def test_ones_own_school_referred_to_before_a_question_is_no_answer(kb, said):
    """"我们学校…并到别的大学了 填…吗": the clause's 学校 and 大学 read as a school named, and the sentence was saved
    as the school with the question beside it. A school referred to names none: the question is answered and the
    school asked again."""
    outcome = play(kb, *AT_SCHOOL, said)
    assert "edu_school" not in outcome.state["answers"] and outcome.state["state"] == "edu_school"


# -- 2. a moment to think is no pause; a wait with its reason is ---------------------------------------------------------
@pytest.mark.parametrize("before, said", [
    ([*AGREED, *BASIC], "让我再掂量一下"),
    ([*AGREED, *BASIC, "0", "确认"], "嗯…稍等 我翻翻"),
])
def test_a_moment_to_think_asks_again_and_keeps_nothing_for_later(kb, before, said):
    """"容我琢磨一下", "嗯…等一下 我找找": the applicant thinking was told the form was kept for later, as though gone."""
    outcome = play(kb, *before, said)
    assert render.SAVED_FOR_LATER not in "\n".join(outcome.replies)
    assert outcome.state["state"] == play(kb, *before).state["state"]


@pytest.mark.parametrize("before, said", [
    ([*AGREED, *BASIC[:3]], "宝宝又吐了 稍等会"),
    (["你好", "积分新办", "2027-08-25"], "在开车 等下看"),
])
def test_a_wait_with_its_reason_is_kept_for_later(kb, before, said):
    """"娃又吐奶了 稍等", "等下看 在开车": a wait with its reason was small talk or a murmur, and the question
    asked again of someone who had gone."""
    assert render.SAVED_FOR_LATER in "\n".join(play(kb, *before, said).replies)


# -- 3. an item by its place with what it needs asked: that item, never the knowledge base's general entries ----------
@pytest.mark.parametrize("said", ["第6项说看不清 点开我瞧瞧", "第六项说不清楚 打开"])
def test_a_returned_item_opened_by_its_place_is_that_item(chat, said):
    """"第十三项说不清晰 打开": read as a question, it was answered from the knowledge base's general entries; the
    applicant asked to open that item."""
    returned_with(chat, {"labor_contract": "合同签字页模糊，请重新拍摄"})
    assert chat.send(said).startswith("劳动(聘用)合同")


def test_what_an_item_needs_asked_between_orders_tells_that_items_requirements(kb):
    """"刚送完一单 看下第4项要啥": that item's own requirements, the checklist kept (nothing chosen for upload)."""
    outcome = play(kb, *AGREED, *BASIC, "0", "确认", "红灯 第4项要些啥")
    assert "居住证" in outcome.replies[0] and outcome.state["state"] == "materials"


# -- 4. the spouse options by their short words (同住, 户籍) or through the spouse's hukou book -------------------------
AT_SPOUSE = [*AGREED, *BASIC[:3], "0", "已婚", *BASIC[5:]]


@pytest.mark.parametrize("said, value", [
    ("同住那个 他人也在上海", ["spouse_companion"]),
    ("勾同住的", ["spouse_companion"]),
    ("户籍跟同住 都要", ["spouse_companion", "spouse_hukou"]),
    ("老公户口簿上是上海的", ["spouse_hukou"]),
    # what nlu29 kept: 同住 of the children, or denied, chooses nothing
    ("孩子是同住人 配偶都不是", []),
    ("她不和我同住 是上海户口", ["spouse_hukou"]),
])
def test_the_spouse_options_by_their_short_words_are_chosen(kb, said, value):
    """"同住 她也在上海", "同住和户籍 俩都勾", "媳妇户口本是上海的": the option's short word or the hukou book was no
    option found, and the applicant told "没有找到…这个选项"."""
    assert play(kb, *AT_SPOUSE, said).state["answers"].get("spouse_options") == value


# -- 5. a permit's end said with what the card says around it ----------------------------------------------------------
@pytest.mark.parametrize("said, value", [
    ("明年3月5号就到了", "2027-03-05"),
    ("二七年的9月3号", "2027-09-03"),
    ("证上写的有效期至2027年11月30日", "2027-11-30"),
    ("2027年6月1号截止", "2027-06-01"),
])
def test_a_permits_end_said_with_the_cards_words_is_saved(kb, said, value):
    """"下个月20号就到了", "二七年的10月20号": no date was read, and the date asked again; "卡上写的有效期至…" saved the
    card's words as a name beside the date."""
    outcome = play(kb, "你好", "积分续办", said)
    assert outcome.state["answers"].get("permit_expiry") == value and "name" not in outcome.state["answers"]
