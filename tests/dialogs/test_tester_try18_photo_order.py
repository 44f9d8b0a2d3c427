"""try18 U29: asking for the photos of an item in another order ("顺序反了 第三张应该放第一") deleted the last photo,
and the item was saved without the page the applicant wanted first. A reorder moves photos, never deletes one.
Through the engine on a real store."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, answer_all, start

pytestmark = pytest.mark.answers_questions


@pytest.fixture
def three_pages(chat):
    """Item 6 (劳动(聘用)合同) chosen at the checklist and three photos of it sent: a, b, c."""
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    chat.send("6")
    for media_id in ("a", "b", "c"):
        chat.conversations.handle(chat.user, Image(media_id))
    return chat


@pytest.mark.parametrize("said, order", [
    ("顺序反了 第三张应该放第一", ["c", "a", "b"]),
    ("把第3张放到最前面", ["c", "a", "b"]),
    ("第一张挪到最后", ["b", "c", "a"]),
    ("第1张和第2张换一下", ["b", "a", "c"]),
    ("顺序反了", ["c", "b", "a"]),
    ("第２张应该放在第３张", ["a", "c", "b"]),
])
def test_photos_said_out_of_order_are_reordered_and_none_deleted(three_pages, said, order):
    reply = three_pages.send(said)
    assert three_pages.state["photos"] == order
    assert "没有删除" in reply and "删除“" not in reply and "共 3 页" in reply


def test_a_place_past_the_photos_changes_nothing_and_says_so(three_pages):
    reply = three_pages.send("把第5张放到最前面")
    assert three_pages.state["photos"] == ["a", "b", "c"] and "只有 3 页" in reply


def test_a_delete_is_still_a_delete(three_pages):
    three_pages.send("删除上一张")
    assert three_pages.state["photos"] == ["a", "b"]


# -- U35: one photo for an item whose requirement names two pages (正反面, 两页) is asked about once -------------------
@pytest.fixture
def id_card_front(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    chat.send("3")  # 持证人身份证(正反面)
    chat.conversations.handle(chat.user, Image("front"))
    return chat


def test_finishing_with_fewer_pages_than_the_requirement_names_is_asked_once(id_card_front):
    reply = id_card_front.send("完成")
    assert "正反面" in reply and "一般有 2 页" in reply and id_card_front.state["photos"] == ["front"]
    id_card_front.send("完成")
    assert id_card_front.state["material"] is None and id_card_front.state["photos"] == []  # made into its PDF


def test_the_missing_page_sent_after_the_question_makes_the_pdf_of_both(id_card_front):
    id_card_front.send("完成")
    id_card_front.conversations.handle(id_card_front.user, Image("back"))
    assert id_card_front.state["photos"] == ["front", "back"]
    reply = id_card_front.send("完成")
    assert "一般有 2 页" not in reply and id_card_front.state["material"] is None


@pytest.mark.parametrize("said", ["正反面在一张上", "就这一张", "正反面都在这一张上了", "复印件正反面在同一页"])
def test_saying_the_one_photo_holds_it_all_makes_the_pdf(id_card_front, said):
    id_card_front.send("完成")
    id_card_front.send(said)
    assert id_card_front.state["material"] is None
