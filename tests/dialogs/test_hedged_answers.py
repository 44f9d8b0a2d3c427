"""An answer with a hedge is an answer ("那就填1吧 不确定"): recorded and said back, with the usual way to change
it. It was refused as no number (try8 T42); "不确定" alone is still no answer."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said, count", [("那就填1吧 不确定", 1), ("那就填1吧", 1), ("算两个吧 拿不太准", 2)])
def test_a_hedged_count_of_children_is_recorded(chat, said, count):
    start(chat, "积分新办")
    for answer in BASIC[:3]:
        chat.send(answer)
    chat.send(said)
    assert chat.state["answers"]["children"] == count


def test_not_sure_alone_records_nothing(chat):
    start(chat, "积分新办")
    for answer in BASIC[:3]:
        chat.send(answer)
    chat.send("不确定")
    assert "children" not in chat.state["answers"]
