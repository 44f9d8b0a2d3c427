"""review5's findings on the word rules at the checklist and the photos (fix72), each through the engine."""
from __future__ import annotations

import pytest

from dialogs import lifecycle
from dialogs.events import Image
from dialogs.understanding.features import match_form
from dialogs.understanding.items import places
from tests.support.chat import BASIC, TODAY, events_after, play, returned_with

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

DRAFT = ("你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认")


# -- Q13: a photo's place with 要不要/不要紧, or any question, deletes no photo ------------------------------------------
@pytest.mark.parametrize("said", ["第二张有点反光要不要紧", "第三张是不是不要了", "第2张不要紧吧", "第2张要不要重拍"])
def test_a_question_about_a_photo_by_its_place_keeps_every_photo(kb, said):
    outcome = events_after(kb, play(kb, *DRAFT).state, "6", Image("p1"), Image("p2"), Image("p3"), said)[-1]
    assert outcome.state["photos"] == ["p1", "p2", "p3"]
    assert "已删除" not in "\n".join(outcome.replies)


# -- Q3: the spouse options' short words (同住, 户籍) denied after them choose none ----------------------------------------
AT_SPOUSE = ("你好", "积分新办", "2027-08-25", "同意", *BASIC[:3], "0", "已婚", *BASIC[5:])


@pytest.mark.parametrize("said", ["同住 不加", "同住 户籍都不是", "户籍和同住都不是", "同住那个不用选", "户口跟同住 都没有"])
def test_the_spouse_options_short_words_denied_choose_none(kb, said):
    assert not play(kb, *AT_SPOUSE, said).state["answers"].get("spouse_options")


# -- Q5: 错了/不对 said of one item, then 也 of another, takes no number back ------------------------------------------
@pytest.mark.parametrize("said, named", [
    ("第5项错了 第6项也错了", [5, 6]), ("第2项拍错了 第3项也拍错了 怎么重新传", [2, 3]), ("第3项不对 第4项也不对", [3, 4]),
    ("第3项说错了的话 第4项呢", [3, 4]), ("不是第5项吗 第6项是啥", [5, 6]),
    # a number taken back for the one meant still is
    ("不是第5项 是第6项", [6]), ("5号 说错了 6号", [6]),
])
def test_an_item_said_wrong_and_another_too_names_both(said, named):
    assert places(match_form(said)) == named


def test_two_items_said_sent_wrong_open_the_first_not_the_second(kb):
    outcome = play(kb, *DRAFT, "第3项传错了 第4项也传错了")
    assert outcome.state["material"] == play(kb, *DRAFT, "3").state["material"]


# -- Q6: 撤销申请 beside an item returned withdraws the application, never deletes the item ---------------------------
def test_withdrawing_the_application_beside_a_returned_item_deletes_no_item(chat):
    returned_with(chat, {"labor_contract": "合同已过期，请上传续签合同"})
    chat.conversations.store.update("application", chat.application["id"], lambda a: {
        **a, "materials": {**a["materials"], "labor_contract": {"status": "returned", "reason": "合同已过期",
                                                                   "sha256": "x" * 64, "pages": 2}}})
    reply = chat.send("第6项退回了 我想撤销申请")
    assert "不能单独删除" not in reply and "确定删除" not in reply
    assert "撤回" in reply
    assert chat.application["materials"]["labor_contract"]["sha256"] == "x" * 64


# -- Q10: 没 before a verb of sending (没拍清楚, 没传完, 没传过) is a paper had and being sent, not lacked -------------------
@pytest.mark.parametrize("said", ["没拍清楚身份证 我重新拍", "刚才没传完劳动合同 继续传", "没传过户口本 现在传",
                                  "上次没传劳动合同 现在补上"])
def test_an_item_not_sent_yet_is_opened_for_its_photos(kb, said):
    outcome = play(kb, *DRAFT, said)
    assert outcome.state["material"] is not None
    assert "拿到后再上传" not in "\n".join(outcome.replies)


# -- Q11: where a paper is handed in (交到哪个窗口, 交到哪里) is no checklist item asked ------------------------------------
@pytest.mark.parametrize("said", ["身份证复印件交到哪个窗口", "户口本原件交到哪里", "劳动合同原件最后交到哪儿"])
def test_where_a_paper_is_handed_in_is_not_answered_with_its_item(kb, said):
    outcome = play(kb, *DRAFT, said)
    assert "传到第" not in "\n".join(outcome.replies)
    assert outcome.state["material"] is None


# -- Q2: after the item in hand came on the web page, a message that is no "done" is still handled ----------------------
def _id_card_uploaded_on_the_web(chat):
    returned_with(chat, {"id_card": "身份证反面不清晰", "labor_contract": "合同已过期"})
    chat.send("3")
    file = {"sha256": "e" * 64, "pages": 2, "size": 1000, "source": "upload"}
    chat.conversations.store.update("application", chat.application["id"],
                                    lambda a: lifecycle.with_material(a, "id_card", file, TODAY))


def test_an_items_number_after_the_one_in_hand_came_on_the_web_opens_it(chat):
    _id_card_uploaded_on_the_web(chat)
    reply = chat.send("6")
    assert "已在网页上传" in reply and chat.state["material"] == "labor_contract"


def test_a_question_after_the_item_in_hand_came_on_the_web_is_answered(chat):
    _id_card_uploaded_on_the_web(chat)
    reply = chat.send("审核要多久")
    assert "已在网页上传" in reply and "预审要多长时间" in reply
