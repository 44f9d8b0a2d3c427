"""Capital numerals (大写数字: 壹贰叁…) are numbers, as formal writing and cheques write them; 伍, 陆 and 拾
that are a surname or a word's character are not."""
from __future__ import annotations

import pytest

from dialogs.text import capital_numerals
from dialogs.understanding import interpret


@pytest.mark.parametrize("point, text, value", [
    ("bonus_options", "贰 叁", ["education", "social_insurance"]),
    ("edu_level", "肆", "master"),
    ("social_years", "拾贰", 12),
    ("permit_expiry", "贰零贰捌年伍月拾日", "2028-05-10"),
])
def test_a_capital_numeral_answers_as_its_number(point, text, value):
    best = interpret(point, text)[0]
    assert (best.kind, best.value) == ("answer", value)


@pytest.mark.parametrize("point, text, item", [("materials", "第拾贰项", 12), ("returned", "柒", 7)])
def test_a_capital_numeral_on_the_checklist_is_its_item(point, text, item):
    best = interpret(point, text)[0]
    assert (best.kind, best.command, best.item) == ("command", "view_item", item)


@pytest.mark.parametrize("text", ["陆家嘴那边的公司", "伍佳", "收拾好了", "陆陆续续传"])
def test_a_surname_or_a_word_keeps_its_character(text):
    assert capital_numerals(text) == text


def test_a_name_typed_keeps_its_capital_numeral():
    assert interpret("employer", "上海壹号院餐饮管理有限公司")[0].value == "上海壹号院餐饮管理有限公司"
