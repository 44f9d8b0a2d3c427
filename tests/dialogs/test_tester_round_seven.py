"""What the tester found after the checklist (try5, 2026-12-03), each through the engine: a photo named
by its place, photos kept when another item is chosen, a photo sent before any item, submitting and
confirming in one's own words, and a dispute taken back."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


def photograph(chat, item: str, *media: str) -> None:
    chat.send(item)
    for media_id in media:
        chat.conversations.handle(chat.user, Image(media_id))


@pytest.fixture
def draft(chat):
    application_in(chat, "draft")
    return chat


@pytest.mark.parametrize("said, kept, place", [("诶 第一张好像糊了 删掉第一张", ["b", "c"], "第 1 张"),
                                               ("第2张不要了", ["a", "c"], "第 2 张"),
                                               ("把第二页去掉", ["a", "c"], "第 2 张"),
                                               ("最后一张删了", ["a", "b"], "最后一张"),
                                               ("倒数第三张删掉", ["b", "c"], "第 1 张")])
def test_a_photo_named_by_its_place_is_the_one_deleted_and_the_pages_left_are_said(draft, said, kept, place):
    photograph(draft, "5", "a", "b", "c")
    reply = draft.send(said)
    assert draft.state["photos"] == kept and place in reply and "共 2 页" in reply


def test_a_place_past_the_last_photo_deletes_nothing_and_says_how_many_there_are(draft):
    photograph(draft, "5", "a", "b", "c")
    reply = draft.send("删掉第5张")
    assert draft.state["photos"] == ["a", "b", "c"] and "3 页" in reply
