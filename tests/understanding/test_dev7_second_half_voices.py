"""The second half of dev7's untuned misreadings (bonus options … approved), in wordings of their voices
that neither the corpus nor dev7 holds: why/which returned is 进度, an item named with 重新签 is that item,
an errand asked of the staff is out of scope, a feeling in slang or 颜文字 is small talk, a person asked for
with a subject is 人工, where to get a material asks, Minnan 毋是 says no, an option then a question."""
from __future__ import annotations

import pytest

from dialogs.understanding import interpret


@pytest.mark.parametrize("point, text, command", [
    ("returned", "为甚给退回来咧", "progress"),
    ("returned", "俺为甚被退了", "progress"),
    ("returned", "退了哪些项呀", "progress"),
    ("returned", "委托单重签", "view_item"),
    ("submitted", "有真人客服吗 想问审核", "human"),
    ("submitted", "在不 找个工作人员问问审核", "human"),
])
def test_the_command_meant(point, text, command):
    best = interpret(point, text)[0]
    assert (best.kind, best.command) == ("command", command)


@pytest.mark.parametrize("point, text, kind", [
    ("returned", "你们可以派人帮我跑一趟吗", "out_of_scope"),
    ("returned", "能帮我去派出所开证明吗", "out_of_scope"),
    ("returned", "(╯°Д°)╯ 又退", "smalltalk"),
    ("materials", "材料咋这么多 我要哭了", "smalltalk"),
    ("approved", "yyds 过啦", "smalltalk"),
    ("bonus_options", "u1s1 这个挺省事", "smalltalk"),
    ("materials", "委托单去哪下载", "question"),
    ("materials", "学信网报告从哪弄", "question"),
    ("materials", "嗯哒哒", "non_answer"),
])
def test_the_kind_meant(point, text, kind):
    assert interpret(point, text)[0].kind == kind


@pytest.mark.parametrize("point, text", [("edu_foreign", "毋是 国内的"), ("edu_fulltime", "毋是 夜校")])
def test_minnan_no_is_no(point, text):
    best = interpret(point, text)[0]
    assert (best.kind, best.value) == ("answer", False)


@pytest.mark.parametrize("text, option", [("学历 本科有分吗", "education"), ("职称 中级给几分", "title")])
def test_an_option_then_a_question_on_it_is_kept_and_answered(text, option):
    best = interpret("bonus_options", text)[0]
    assert (best.kind, best.value) == ("answer_and_question", [option])


@pytest.mark.parametrize("point, text", [("materials", "好哦"), ("returned", "好吧")])
def test_a_bare_acknowledgement_on_the_checklist_answers_nothing(point, text):
    assert interpret(point, text)[0].kind == "non_answer"
