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


# T2: an employer pointed at first ("张江那个公司") and then named ("叫…有限公司") is saved by its name; a place
# pointed at with 那个/这家 is never a name on a licence, so alone it is asked for again.
@pytest.mark.parametrize("told, name", [
    ("在张江那个公司 叫上海张江高科技园区开发股份有限公司", "上海张江高科技园区开发股份有限公司"),
    ("徐汇这家医院，名字是上海市第八人民医院", "上海市第八人民医院"),
    ("就漕河泾那家 叫上海漕河泾新兴技术开发区发展总公司", "上海漕河泾新兴技术开发区发展总公司"),
])
def test_the_name_said_after_a_place_pointed_at_is_the_employer(chat, told, name):
    at_question(chat, "employer")
    reply = chat.send(told)
    assert chat.state["answers"]["employer"] == name, reply


def test_a_place_pointed_at_alone_is_asked_for_by_its_full_name(chat):
    at_question(chat, "employer")
    reply = chat.send("就是漕河泾那家公司")
    assert "employer" not in chat.state["answers"] and chat.state["state"] == "employer"
    assert "全称" in reply
