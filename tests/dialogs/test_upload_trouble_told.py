"""A problem with the upload link or with sending photos, told in words at the checklist or while
photographing (try7 T14, T27), is answered with what to do, not the same link sent again."""
from __future__ import annotations

import pytest

from tests.support.chat import at_married_checklist

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said", ["上传链接打开是空白的", "给我的那个网页打不开啊"])
def test_a_link_that_does_not_open_is_answered_with_what_to_do(chat, said):
    at_married_checklist(chat)
    reply = chat.send(said)
    assert "在浏览器打开" in reply and "人工" in reply and "http" not in reply


@pytest.mark.parametrize("said", ["照片一直发不出去", "正反面拍了两张 要分两次传吗"])
def test_trouble_sending_photos_is_answered_while_photographing(chat, said):
    at_married_checklist(chat)
    chat.send("3")
    reply = chat.send(said)
    assert "完成" in reply and ("合成一个 PDF" in reply or "同一份材料" in reply)  # the entry or the item's rule


def test_asking_what_becomes_of_several_photos_finishes_nothing(chat):
    at_married_checklist(chat)
    chat.send("3")
    reply = chat.send("拍好几张的话 最后是合成一个吗？")
    assert chat.state["material"] and "PDF" in reply  # still photographing item 3, and answered
