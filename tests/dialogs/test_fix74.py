"""try21's photo and return findings (fix74), each through the engine."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, events_after, play

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

DRAFT = ("你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认")


# -- X1: a photo sent before an item is chosen, said wrong with whose paper it shows, is taken back -----------------
@pytest.mark.parametrize("said", ["这张拍错了，是我老婆的身份证", "第二张拍错了"])
def test_a_waiting_photo_said_wrong_is_taken_back_and_not_filed_later(kb, said):
    sent = events_after(kb, play(kb, *DRAFT).state, Image("a1"), Image("a2"), said, Image("a3"), "3")
    assert "删除" in "\n".join(sent[2].replies)
    assert sent[-1].state["photos"] == ["a1", "a3"]  # the wrong one (a2) is in no item


def test_a_waiting_photo_said_to_be_an_item_is_filed_there(kb):
    sent = events_after(kb, play(kb, *DRAFT).state, Image("a1"), "这张是劳动合同")
    assert sent[-1].state["photos"] == ["a1"] and sent[-1].state["material"] == "labor_contract"
