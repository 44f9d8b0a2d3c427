"""The tester's round try17 (fix54): the form read wrong — a child's school taken for the employer, a question
recorded as answers, edits at the summary dropped beside a question or beside each other. Each through the engine,
in our own wordings of the findings."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
AT_CHILDREN = [*AGREED, *BASIC[:3]]


# -- T44: a child's school is never the employer; a count with where the children are keeps the count open ------
@pytest.mark.parametrize("said", [
    "1个 在闵行区华漕实验小学",
    "两个 一个在上海读初中",
    "1个 在徐汇区某某幼儿园",
    "有2个 都在浦东某某中学",
])
def test_a_childs_school_beside_the_count_leaves_the_employer_alone(kb, said):
    """"1个 在上海浦东新区实验小学" replaced the employer with the school, and said so as if told."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["answers"]["employer"] == BASIC[2]
    assert not any("所在单位" in reply for reply in outcome.replies)


@pytest.mark.parametrize("said, total, here", [
    ("2个 一个在上海读幼儿园", 2, 1),
    ("三个 老大老二在老家 小的在上海上小学", 3, 1),
    ("4个 两个在上海", 4, 2),
])
def test_a_count_with_only_where_some_children_are_asks_which_count(kb, said, total, here):
    """"2个 一个在上海上幼儿园" recorded 1: the 2 said was dropped, and whether the other is entered was never said."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert "children" not in outcome.state["answers"]
    assert outcome.state["state"] == "children"
    assert f"请回复 {here}" in outcome.replies[0] and f"请回复 {total}" in outcome.replies[0]


# -- T30: a question how to fill in records nothing ----------------------------------------------------------------
ADDING_AT_CHILDREN = ["你好", "增加同住人", "2027-08-25", "同意", *BASIC[:3]]


@pytest.mark.parametrize("said", [
    "同住人 老婆 儿子 两个都要加 该怎么选",
    "配偶 孩子 都想加进来 怎么填",
    "老公 女儿 都加 选哪个",
])
def test_the_people_to_add_before_how_to_choose_are_asked_about_not_recorded(kb, said):
    """"同住人 配偶 孩子 都要加 怎么选" recorded 婚姻状况：已婚 (and the type) from a question."""
    outcome = play(kb, *ADDING_AT_CHILDREN, said)
    assert "marital_status" not in outcome.state["answers"]
    assert "children" not in outcome.state["answers"]
    assert not any("已为您记录" in reply for reply in outcome.replies)


# -- T20, T1: edits at the summary, then a question: both done ----------------------------------------------------
AT_SUMMARY = [*AGREED, *BASIC, "0"]
AT_SUMMARY_WITH_SCHOOL = [*AGREED, *BASIC, "学历加分", "本科", "是", "复旦大学", "否"]


def test_two_edits_then_a_question_are_recorded_and_it_is_answered(kb):
    """"修改手机号… 邮箱… 再问下硕士加多少分" showed the old number and changed nothing; the question went unanswered."""
    outcome = play(kb, *AT_SUMMARY, "改一下手机号13922224444 邮箱ab@126.com 顺便问下本科能加几分")
    assert outcome.state["answers"]["mobile"] == "13922224444"
    assert outcome.state["answers"]["email"] == "ab@126.com"
    assert outcome.state["state"] == "summary"
    assert any("加分" in reply for reply in outcome.replies[1:-1])  # the question answered between the record and the summary
    assert "13922224444" in outcome.replies[-1]  # the summary, as changed, last and once
    assert sum("请核对您填写的信息" in reply for reply in outcome.replies) == 1


def test_a_school_edit_then_a_question_is_recorded(kb):
    outcome = play(kb, *AT_SUMMARY_WITH_SCHOOL, "学校改成华东理工大学 还有社保要交几年才算")
    assert outcome.state["answers"]["edu_school"] == "华东理工大学"
    assert any("社保" in reply for reply in outcome.replies)


def test_a_school_named_with_no_school_answered_is_not_the_applicants_name(kb):
    """"学校名字改成…" where no school was asked set the 姓名 to the school's name."""
    outcome = play(kb, *AT_SUMMARY, "学校名字改成华东理工大学")
    assert outcome.state["answers"]["name"] == BASIC[0]


def test_an_edit_put_to_agree_is_made_without_an_out_of_scope_reply(kb):
    outcome = play(kb, *AT_SUMMARY, "手机号改成13922224444 可以吗")
    assert outcome.state["answers"]["mobile"] == "13922224444"
    assert not any("超出了我能回答的范围" in reply for reply in outcome.replies)


# -- T38, T39: two edits in one message at the summary: both made, or the one not made asked for ----------------
def test_a_number_edited_beside_another_edit_is_made_too(kb):
    """"婚姻状况 离异 手机 138…" recorded 离异 and dropped the new number without a word."""
    outcome = play(kb, *AT_SUMMARY, "婚姻 离异 手机号 13922224444")
    assert outcome.state["answers"]["marital_status"] == "divorced"
    assert outcome.state["answers"]["mobile"] == "13922224444"


def test_a_relatives_number_beside_an_edit_is_not_the_applicants(kb):
    outcome = play(kb, *AT_SUMMARY, "婚姻 已婚 我老婆手机 13922224444")
    assert outcome.state["answers"]["mobile"] == BASIC[5]


@pytest.mark.parametrize("said", [
    "居住证有效期改成2028年3月1日，单位加上（集团）两个字",
    "有效期改为2028年3月1日 公司名称后面少了个分公司",
])
def test_an_edit_described_beside_another_asks_for_the_whole_value(kb, said):
    """"修改居住证有效期为…，单位加上（集团）两个字" recorded the date; the 单位 edit was dropped without a word."""
    outcome = play(kb, *AT_SUMMARY, said)
    assert outcome.state["answers"]["permit_expiry"] == "2028-03-01"
    assert outcome.state["answers"]["employer"] == BASIC[2]
    assert any("所在单位全称" in reply for reply in outcome.replies)


# -- T13: an item not reached yet, named as if to change it ------------------------------------------------------
@pytest.mark.parametrize("said", ["学历加分", "修改 加分选项"])
def test_an_item_still_to_come_is_said_to_come_later(kb, said):
    """"学历加分" at the ID number was answered "请告诉我要修改哪一项…可修改：业务类型、居住证有效期、姓名"."""
    outcome = play(kb, *AGREED, BASIC[0], said)
    assert outcome.state["state"] == "id_number"
    assert "加分选项后面会单独问您" in outcome.replies[0]


def test_a_bonus_option_named_at_the_summary_is_still_an_edit_of_the_options(kb):
    outcome = play(kb, *AT_SUMMARY_WITH_SCHOOL, "修改 学历加分")
    assert not any("后面会单独问您" in reply for reply in outcome.replies)
    assert not any("请告诉我要修改哪一项" in reply for reply in outcome.replies)


def test_an_item_off_the_applicants_path_is_never_said_to_come_later(kb):
    """The read before stopping: someone unmarried at the e-mail question was told the spouse options "后面会单独问您"."""
    outcome = play(kb, *AGREED, *BASIC[:5], "修改 配偶选项")
    assert not any("后面会单独问您" in reply for reply in outcome.replies)


def test_an_edit_in_words_naming_no_change_then_a_question_has_the_question_answered(kb):
    """"身份证号码有误 正确的是… 另外社保要交几年": no word of a change ("改", "换"), yet read as an edit giving its value,
    the question after it is answered at the summary, never taken for an enquiry about the answer saved."""
    outcome = play(kb, *AT_SUMMARY, "身份证号码有误 正确的是110101199003078515 另外社保要交几年")
    assert outcome.state["state"] == "summary"
    assert any("社保" in reply for reply in outcome.replies)
