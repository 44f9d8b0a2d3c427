"""try8 findings taken through the engine (fix20): what an applicant really writes, answered as meant."""
from __future__ import annotations

import pytest

from tests.support.chat import at_question


# T13: a legal form printed in brackets after the name on the business licence (个体工商户, 有限合伙,
# 普通合伙) is part of the employer's name: saved whole, never refused as "not an employer".
@pytest.mark.parametrize("name", ["上海阿依餐饮店（个体工商户）", "上海青禾投资管理中心(有限合伙)",
                                  "杭州小马汽修厂（普通合伙）", "上海明理会计师事务所（特殊普通合伙）"])
def test_a_legal_form_in_brackets_is_part_of_the_employer_name(chat, name):
    at_question(chat, "employer")
    reply = chat.send(name)
    assert "不像是单位名称" not in reply
    assert chat.state["answers"]["employer"] == name and chat.state["state"] != "employer"


# A bracket that is no legal form is still read as words, not waved through as a name.
def test_a_remark_in_brackets_is_not_a_legal_form(chat):
    at_question(chat, "employer")
    reply = chat.send("一个小店（个人开的）")
    assert "employer" not in chat.state["answers"] and chat.state["state"] == "employer", reply
