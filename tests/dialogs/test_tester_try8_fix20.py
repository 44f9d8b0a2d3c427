"""try8 findings taken through the engine (fix20): what an applicant really writes, answered as meant."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, VALID_ID, answer_all, at_question, start


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


# T2d: at the summary, fewer children said with why ("老大户口不在这") changes the count; a child's hukou said to
# be elsewhere is the child's, so the spouse's Shanghai hukou shown stays.
def test_fewer_children_told_at_the_summary_leave_the_spouse_options(chat):
    start(chat, "积分新办", "2027-08-01")
    answer_all(chat, ["李娜", VALID_ID, "上海某某有限公司", "2", "已婚", "13812345678", "无", "我老婆是上海户口", "社保", "5"])
    assert chat.state["state"] == "summary"
    spouse = chat.state["answers"]["spouse_options"]
    assert spouse
    reply = chat.send("孩子其实只有一个 老大户口不在这")
    assert chat.state["answers"]["children"] == 1 and chat.state["answers"]["spouse_options"] == spouse
    assert "同住子女人数：1" in reply


# The spouse's hukou said to be elsewhere at the summary still takes the hukou option off.
def test_the_spouse_hukou_said_elsewhere_at_the_summary_is_taken_off(chat):
    start(chat, "积分新办", "2027-08-01")
    answer_all(chat, ["李娜", VALID_ID, "上海某某有限公司", "1", "已婚", "13812345678", "无", "我老婆是上海户口", "社保", "5"])
    chat.send("老婆户口其实在安徽 填错了")
    assert chat.state["answers"]["spouse_options"] == [] and chat.state["answers"]["children"] == 1


# T5: at the checklist of a draft, "孩子只要加一个 另一个…" changes the count of children added, and the
# summary comes again (the checklist is made from it); it was answered as a question about hukou.
def test_only_one_child_to_add_said_at_the_checklist_changes_the_count(chat):
    start(chat, "增加同住人", "2028-01-01")
    answer_all(chat, ["赵磊", VALID_ID, "上海市第一人民医院", "2", "已婚", "13612345678", "无", "1"])
    chat.send("确认")
    assert chat.state["state"] == "materials"
    reply = chat.send("孩子只要加一个 另一个户口在上海")
    assert chat.state["answers"]["children"] == 1 and "同住子女人数改为：1" in reply
    assert chat.state["state"] == "summary"


# T2c: years said not yet full ("快六年了", "将近5年") count the full years, one fewer, said back with why;
# "快六年" was saved as 6.
@pytest.mark.parametrize("said, years", [("快六年了", 5), ("将近5年", 4), ("差不多快3年了", 2)])
def test_years_almost_reached_count_the_full_years_said_back(chat, said, years):
    at_question(chat, "bonus_options", BASIC + ["0"])
    chat.send("社保")
    assert chat.state["state"] == "social_years"
    reply = chat.send(said)
    assert chat.state["answers"]["social_years"] == years
    assert f"按整年计：{years} 年（不足一年的部分不计）" in reply


# T3b: the permit's year and month said in a sentence ("上月刚签过 到2027年11月") are understood: the day is asked
# for, not "没看懂这个日期".
@pytest.mark.parametrize("said", ["居住证上月刚签过 到2027年11月", "刚续签的，有效期到2028年3月"])
def test_a_year_and_month_in_a_sentence_asks_for_the_day(chat, said):
    chat.send("你好")
    chat.send("积分续办")
    assert chat.state["state"] == "permit_expiry"
    reply = chat.send(said)
    assert "请写到具体哪一天" in reply and "没看懂这个日期" not in reply
    assert chat.state["state"] == "permit_expiry"
