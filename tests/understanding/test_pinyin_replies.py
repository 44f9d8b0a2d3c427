"""Replies typed in pinyin are read as their characters only when the message is Latin letters alone."""
from __future__ import annotations

import pytest

from dialogs.understanding import interpret
from dialogs.understanding.features import match_form


@pytest.mark.parametrize("text, form", [
    ("bu tongyi", "不同意"), ("Tong Yi", "同意"), ("mei wen ti", "没问题"), ("queren", "确认"),
])
def test_a_reply_in_pinyin_reads_as_its_characters(text, form):
    assert match_form(text) == form


@pytest.mark.parametrize("text", ["tongyi@163.com", "我tongyi", "zhang wei", "Bu Tong Yi Ltd."])
def test_pinyin_inside_an_address_a_mixed_message_or_a_name_is_kept(text):
    assert match_form(text) == text.lower()


def test_a_pinyin_refusal_is_never_taken_for_consent():
    assert interpret("consent", "bu tongyi")[0].value == "disagree"
    assert interpret("email", "tongyi@163.com")[0].value == "tongyi@163.com"


@pytest.mark.parametrize("point, text, item", [
    ("materials", "di san xiang", 3), ("returned", "diwuge", 5), ("photographing", "di qi hao", 7),
])
def test_a_checklist_place_in_pinyin_is_its_item(point, text, item):
    best = interpret(point, text)[0]
    assert (best.kind, best.command, best.item) == ("command", "view_item", item)
