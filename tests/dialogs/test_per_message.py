"""A message's readings worked out once a text within it, and kept for it only (dialogs/per_message.py)."""
from __future__ import annotations

import threading

from dialogs.asking import asks
from dialogs.per_message import one_message, per_message
from dialogs.understanding.features import match_form


def _counted():
    calls: list[str] = []

    @per_message
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    return shout, calls


def test_within_a_message_a_text_is_read_once():
    shout, calls = _counted()
    with one_message():
        assert [shout("ok"), shout("ok"), shout("no"), shout("ok")] == ["OK", "OK", "NO", "OK"]
    assert calls == ["ok", "no"]


def test_nothing_outlives_the_message():
    shout, calls = _counted()
    with one_message():
        shout("ok")
    with one_message():  # the next message, the same text: read afresh
        shout("ok")
    shout("ok"), shout("ok")  # outside a message: every call reads
    assert calls == ["ok"] * 4


def test_a_message_in_another_thread_keeps_its_own():
    shout, calls = _counted()
    with one_message():
        shout("ok")
        other = threading.Thread(target=lambda: [shout("ok"), shout("ok")])
        other.start()
        other.join()
        shout("ok")
    assert calls == ["ok", "ok", "ok"]  # the other thread, outside any message, read each time


def test_the_marked_readings_are_the_same_within_a_message():
    texts = ["同意", "我叫张伟", "公司全称写啥", "阿拉小囡要加进积分伐", "tong yi", "这样写对吗？", "系咪要身份证"]
    outside = [(match_form(t), asks(match_form(t))) for t in texts]
    with one_message():
        assert [(match_form(t), asks(match_form(t))) for t in texts * 2] == outside * 2


def test_an_answer_of_none_is_kept_too():
    calls: list[str] = []

    @per_message
    def nothing(text: str) -> None:
        calls.append(text)

    with one_message():
        assert [nothing("ok"), nothing("ok")] == [None, None]
    assert calls == ["ok"]
