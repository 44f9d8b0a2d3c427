"""A name saved in simplified characters is said back with "与证件不一致请回复“修改 姓名”"; given again in the
same traditional form, it is kept as typed (try7 T38), or following our own advice would loop."""
from __future__ import annotations

from tests.support.chat import at_question


def test_a_name_given_again_in_its_traditional_form_is_kept_as_typed(chat):
    at_question(chat, "name")
    assert "按简体字记录：刘强" in chat.send("身份证上是刘強")
    chat.send("修改 姓名")
    assert "按您输入的字形记录：刘強" in chat.send("刘強")
    assert chat.state["answers"]["name"] == "刘強"


def test_a_first_traditional_name_is_still_saved_in_simplified_characters(chat):
    at_question(chat, "name")
    assert "按简体字记录：张伟" in chat.send("張偉")
    assert chat.state["answers"]["name"] == "张伟"


def test_another_name_in_traditional_form_after_a_simplified_one_is_not_kept_as_typed(chat):
    at_question(chat, "name")
    chat.send("刘强")
    chat.send("修改 姓名")
    chat.send("陳大文")
    assert chat.state["answers"]["name"] == "陈大文"
