"""Development set 17's misreadings by their causes (nlu27: voice transcripts, parents and HR clerks typing for
another), each in other words (none of the set's texts), through the engine."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_PERMIT = ["你好", "积分续办"]


# -- 1. the hesitation a dictated reply opens with hides nothing --------------------------------------------------------
@pytest.mark.parametrize("before, field, said, value", [
    (AGREED, "name", "嗯那个 我叫那个祁雨桐", "祁雨桐"),  # a murmur, 那个, and 那个 again before the name
    ([*AGREED, *BASIC[:2]], "employer", "呃那个上海禾岚物流有限公司", "上海禾岚物流有限公司"),
    (AT_PERMIT, "permit_expiry", "就是说那个 到二零二八年三月十号", "2028-03-10"),
    ([*AGREED, *BASIC[:6]], "email", "那个就是说 邮箱是 qiyutong88@163.com", "qiyutong88@163.com"),
])
def test_an_answer_after_a_spoken_hesitation_is_kept(kb, before, field, said, value):
    """"嗯那个…", "那个就是说…", "就是说…" before the answer (voice input writes the speaker's hesitation down) left
    the reply read as a murmur, or kept 那个 in the name: the answer is kept, without the hesitation."""
    outcome = play(kb, *before, said)
    assert outcome.state["answers"].get(field) == value


@pytest.mark.parametrize("before, said", [
    (AGREED, "嗯那个"),  # a murmur alone is still one
    (AGREED, "那个学期的事就不说了"),  # 那个 before a word is "that", not a hesitation
])
def test_a_hesitation_alone_or_that_is_no_answer(kb, before, said):
    outcome = play(kb, *before, said)
    assert "name" not in outcome.state["answers"]


# -- 2. a parent typing for a grown child: a message about the child alone is the applicant's answer --------------------
AT_MARITAL = [*AGREED, *BASIC[:4]]
AT_BONUS = [*AGREED, *BASIC]


@pytest.mark.parametrize("before, field, said, value", [
    (AT_MARITAL, "marital_status", "我儿子去年离的婚 这会儿单着", "divorced"),
    (AT_MARITAL, "marital_status", "我闺女还没嫁人 一直单身", "unmarried"),
])
def test_a_message_about_the_child_alone_answers_for_the_applicant(kb, before, field, said, value):
    """"我女儿…离婚了 现在一个人" opened with the child's clause and went on about them: the clause was taken out as
    another person's fact and nothing was kept. Said alone (no word of the writer's own beside it), the child is the
    applicant the parent types for, as "我儿子叫…" at the name already was."""
    outcome = play(kb, *before, said)
    assert outcome.state["answers"].get(field) == value


def test_the_writers_own_fact_beside_a_relatives_is_still_the_one_kept(kb):
    outcome = play(kb, *AT_MARITAL, "我爸妈早离了 我自己没结过婚")
    assert outcome.state["answers"].get("marital_status") == "unmarried"


# -- 3. asked outside the points' business by a parent or a clerk: declined, the question asked again ------------------
@pytest.mark.parametrize("before, field, said", [
    (AT_MARITAL, "marital_status", "你说女孩子晚点嫁人是不是更好"),  # the assistant's opinion wanted
    (AT_BONUS, "bonus_options", "天津的积分落户也按这几样加分吗"),  # another city's points
    ([*AGREED, "祁雨桐"], "id_number", "身份证丢了 你们这能挂失补办吗"),  # another office's service, "here"
])
def test_a_question_outside_the_points_business_is_declined(kb, before, field, said):
    """"你觉得…好不好", another city's points, another office's service asked "here" were read as questions about the
    points (the knowledge base's nearest entry said instead) or as small talk: each is declined as out of scope."""
    outcome = play(kb, *before, said)
    assert render.OUT_OF_SCOPE in "\n".join(outcome.replies) and outcome.state["state"] == field


# -- 4. a puzzled reply, and going back in free words -----------------------------------------------------------------
def test_a_puzzled_reply_is_a_murmur_not_a_question(kb):
    """"啥意思看不懂", "这是要我干嘛" asked nothing of the knowledge base: the question is asked again."""
    outcome = play(kb, *AT_MARITAL, "啥玩意儿 没看懂")
    assert outcome.state["state"] == "marital_status" and render.OUT_OF_SCOPE not in "\n".join(outcome.replies)
    assert "marital_status" not in outcome.state["answers"]


def test_going_back_to_the_question_before_in_free_words(kb):
    outcome = play(kb, *AT_MARITAL, "我想返回前边那一题再核对一下")
    assert outcome.state["state"] == "children"


# -- 5. how long paid, said after the paying ("交了有…年") and after the option named by what it adds -----------------------
@pytest.mark.parametrize("said", ["社保 缴了有八年了", "社保这项加分 交了将近八年"])
def test_social_insurance_years_said_after_the_paying_are_kept(kb, said):
    """"社保 交了有七年了", "社宝那个加分 交了有七年了": the option was chosen and its years lost (有 between the paying and
    the years, and the option named by 那个加分): both kept."""
    answers = play(kb, *AT_BONUS, said).state["answers"]
    assert answers.get("bonus_options") == ["social_insurance"] and answers.get("social_years") == 8


# -- 6. the writer's part when typing for someone is never the applicant's name --------------------------------------------
@pytest.mark.parametrize("said", ["我是行政 替我们职工点个同意", "我是家长 帮孩子点同意"])
def test_the_writers_part_is_not_saved_as_the_name(kb, said):
    """"我是人事 代我们员工点同意" saved 人事 as the applicant's name beside the consent: the consent only."""
    answers = play(kb, *OPENING, said).state["answers"]
    assert answers.get("consent") == "agree" and "name" not in answers


# -- 7. an address dictated with its digits said in words ------------------------------------------------------------------
def test_an_address_dictated_with_digits_in_words_is_offered(kb):
    """"y t t 一九九六 at qq点com": the digits voice input wrote in words kept the address from being read, and the
    reply was told its format was wrong; it is offered to confirm, as a dictated address is."""
    outcome = play(kb, *AGREED, *BASIC[:6], "邮箱是 l q 二零一幺 at 126点com")
    assert "lq2011@126.com" in "\\n".join(outcome.replies) and outcome.state["state"] == "email"


# -- 8. an item's number read aloud digit by digit (幺 for 1) ---------------------------------------------------------------
AT_CHECKLIST = [*AT_BONUS, "0", "确认"]


@pytest.mark.parametrize("said, material", [("第幺项", "commission_form"), ("看下第幺幺项", None)])
def test_an_item_numbered_with_yao_is_that_item(kb, said, material):
    """"第幺幺项": voice input writes 1 as 幺 when digits are read one by one; the item was not read at all."""
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.state["material"] == material
    assert material or "没有第 11 项" in outcome.replies[0]


# -- 9. numerals alone are no name ------------------------------------------------------------------------------------------
def test_numerals_counted_at_the_name_are_no_name(kb):
    """"一 二 三 四 五" (counting, or trying the voice keyboard) was saved as the name."""
    outcome = play(kb, *AGREED, "三 四 五 六")
    assert "name" not in outcome.state["answers"] and outcome.state["state"] == "name"


# -- 10. what happened to the employee, typed by the HR clerk, names no employer ---------------------------------------------
def test_the_employee_changing_company_is_no_employers_name(kb):
    """"我们员工换了公司 要办单位变更" saved "员工换了公司" as the employer beside the type."""
    answers = play(kb, "你好", "我们同事换了公司 要办个单位变更").state["answers"]
    assert answers.get("business_type") == "employer_change" and "employer" not in answers
