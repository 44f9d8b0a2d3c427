"""Tester try12, through the engine (fix38): the misreadings left known after the round."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


# 1. A permit date given in part ("居住证到27年底", "2028年3月") asks which day; the day then sent without the year
# ("12月31号"), or without the month where the month was given too ("31号", "月底"), is in that year and month. A
# two-digit year lost its year ("请把年份也写上"), and 月底/号 were "没看懂这个日期".
@pytest.mark.parametrize("first, then, saved", [
    ("居住证到27年底", "12月31号", "2027-12-31"), ("29年年底到期", "31号", "2029-12-31"),
    ("2028年底", "月底", "2028-12-31"), ("2028年6月", "就是18号", "2028-06-18"), ("2028年6月", "那个月最后一天", "2028-06-30"),
    ("明年5月份", "9号", "2027-05-09")])
def test_the_day_sent_after_a_date_in_part_keeps_its_year_and_month(kb, first, then, saved):
    outcome = play(kb, "你好", "新办", first, then)
    assert outcome.state["answers"].get("permit_expiry") == saved and outcome.state["state"] == "consent"


_AT_SUMMARY = ("你好", "新办", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司", "0", "未婚",
               "13800138000", "zhangsan@example.com", "0")


# 6. At the summary, a change asked in words first, then its value after 换成/改成/改为 ("要改一下公司，换成…"): the
# value is what follows; "要改一下公司" was saved as the employer, "改一下" as the name.
@pytest.mark.parametrize("said, field, saved", [
    ("要改一下公司，换成上海宏达贸易有限公司", "employer", "上海宏达贸易有限公司"),
    ("帮我改下单位 改为上海远景物流有限公司", "employer", "上海远景物流有限公司"),
    ("名字要改一下，改成李四", "name", "李四"), ("姓名得改下 改为王五", "name", "王五")])
def test_the_value_after_the_words_turning_it_is_the_value(kb, said, field, saved):
    outcome = play(kb, *_AT_SUMMARY, said)
    assert outcome.state["answers"].get(field) == saved


# 8. At the summary, an option said to be wrong and the right one named after it ("应届生不对，是社保"): the one taken
# off, the other put on (only the first was done); the options not named stay.
@pytest.mark.parametrize("said, chosen", [
    ("应届生不对，是社保", ["education", "social_insurance"]), ("不是应届生 应该是职称", ["title", "education"]),
    ("应届生选错了 其实是紧缺专业", ["education", "shortage_major"])])
def test_an_option_put_right_with_the_right_one_named_changes_both(kb, said, chosen):
    outcome = play(kb, *_AT_SUMMARY[:-1], "学历和应届生", "本科", "是", "否", "复旦大学", said)
    assert sorted(outcome.state["answers"].get("bonus_options")) == sorted(chosen)


# 4. An option's thing denied with its grade between ("没有本科学历", "没评上中级职称", "我没有硕士学位"): never chosen;
# the grade hid the denial, and 学历加分 was recorded.
_AT_BONUS = _AT_SUMMARY[:-1]


@pytest.mark.parametrize("said", ["没有本科学历", "没评上中级职称", "我没有硕士学位", "没本科学历"])
def test_an_option_denied_with_its_grade_is_not_chosen(kb, said):
    outcome = play(kb, *_AT_BONUS, said)
    assert outcome.state["answers"].get("bonus_options") == []


def test_an_option_denied_beside_another_chosen_leaves_only_that_one(kb):
    answers = play(kb, *_AT_BONUS, "我没有本科学历 社保交了6年").state["answers"]
    assert answers.get("bonus_options") == ["social_insurance"] and answers.get("social_years") == 6


# 7. Children counted, then how many of them do not come along ("两个孩子 一个不随迁", "4个 老大不来上海"): the count
# is those who do, said back; the first clause's count was recorded (2).
@pytest.mark.parametrize("said, count", [("两个孩子 一个不随迁", 1), ("三个娃 其中一个在老家不来上海", 2),
                                         ("4个 老大不跟我住", 3), ("俩孩子，有一个在外婆家不跟我住", 1)])
def test_the_children_counted_are_those_left_after_the_ones_not_coming(kb, said, count):
    outcome = play(kb, *_AT_SUMMARY[:7], said)
    assert outcome.state["answers"].get("children") == count and outcome.state["state"] == "marital_status"
    assert f"同住子女人数按 {count} 记录" in "\n".join(outcome.replies)


# 5. A number called one kind and shaped as another ("身份证13800138000" at the permit's date, "手机号 1101…X"): never saved
# as the kind its shape says (the mobile was), and refused as the kind named, with why (its digits) in friendly words.
@pytest.mark.parametrize("said, named, shaped", [("身份证13800138000", "id_number", "mobile"),
                                                ("我的身份证号是13912345678", "id_number", "mobile"),
                                                ("手机号 11010519491231002X", "mobile", "id_number")])
def test_a_number_called_one_kind_is_never_saved_as_another(kb, said, named, shaped):
    outcome = play(kb, "你好", "新办", said)
    answers, reply = outcome.state["answers"], "\n".join(outcome.replies)
    assert shaped not in answers and named not in answers and outcome.state["state"] == "permit_expiry"
    assert "您说的是" in reply and "位" in reply


def test_an_eleven_digit_number_called_the_id_is_refused_at_the_id_question(kb):
    outcome = play(kb, *_AT_SUMMARY[:5], "身份证 13900001111")
    assert outcome.state["state"] == "id_number" and "id_number" not in outcome.state["answers"]
    assert "18位" in "\n".join(outcome.replies)


# 3. Not knowing what an e-mail address is, at the e-mail question ("不知道邮箱是啥"): what it is, briefly, and that 无
# will do — never the centres' mailboxes nor a menu, nothing saved, the question again.
@pytest.mark.parametrize("said", ["不知道邮箱是啥", "邮箱是什么东西啊", "啥叫邮箱 不懂"])
def test_what_an_email_is_asked_at_the_email_question(kb, said):
    outcome = play(kb, *_AT_SUMMARY[:10], said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["state"] == "email" and "email" not in outcome.state["answers"]
    assert "电子邮件" in reply and "回复“无”" in reply and "人才服务中心" not in reply and "想问的是哪一个" not in reply


# 9. A question at the name naming the name ("勒个名字要写全称吗", "这名字得写全的吗"): about the applicant's name (as on
# the ID card), never the employer's full name, whose entry owns the word 全称.
@pytest.mark.parametrize("said", ["勒个名字要写全称吗", "这名字得写全的吗", "名字需要写全称不"])
def test_a_question_naming_the_name_at_the_name_is_about_the_applicants_name(kb, said):
    outcome = play(kb, *_AT_SUMMARY[:4], said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["state"] == "name" and "身份证上的姓名" in reply and "劳动（聘用）合同" not in reply


# 10. How many digits the ID number has, asked before it is asked or at it ("等下 身份证要填18位吗"): the one answer
# (18, the last may be X) and the question again, never a menu of three entries.
@pytest.mark.parametrize("at", [4, 5])
@pytest.mark.parametrize("said", ["等下 身份证要填18位吗", "身份证号码要写几位", "稍等 身份证尾号x要大写吗"])
def test_how_many_digits_the_id_number_has_is_one_answer(kb, at, said):
    outcome = play(kb, *_AT_SUMMARY[:at], said)
    reply = "\n".join(outcome.replies)
    assert "18位" in reply and "X" in reply and "想问的是哪一个" not in reply
    assert outcome.state["state"] == ("name" if at == 4 else "id_number")
