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
