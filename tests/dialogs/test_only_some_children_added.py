"""The children asked for are those to be entered as 同住人: how many there are, then only some of them to add
("3个，但是只加老三", "两个孩子 只有小的跟我"), counts those added, said back. It saved 3, silently, and 3 sets of
a child's papers went on the checklist (try8 T16)."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said, count", [("3个，但是只加老三", 1), ("三个 只加一个", 1), ("两个孩子 只有小的跟我", 1),
                                         ("4个，只报两个", 2), ("两个 都加", 2),
                                         # review4 R2: two named are two; one left behind is no one added
                                         ("两个 只加大的和小的", 2), ("3个 只加老大和老二", 2), ("三个孩子 只有一个在老家", 3)])
def test_only_the_children_to_be_added_are_counted_and_said_back(chat, said, count):
    start(chat, "增加同住人")
    for answer in BASIC[:3]:
        chat.send(answer)
    assert chat.state["state"] == "children"
    reply = chat.send(said)
    assert chat.state["answers"]["children"] == count
    assert count > 1 or f"同住子女人数按 {count} 记录" in reply
