"""review4's findings on fix19's code (fix22), taken through the engine: a range of counts is asked again,
never saved as one number nor raised out of the turn; another person's number is not the applicant's; children
living elsewhere are not counted as living with the applicant."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, VALID_ID, at_question

TO_SOCIAL_YEARS = [*BASIC, "社保"]


# R8: a range of neighbouring numerals in a sentence ("社保交了五六年") raised out of the turn (no reply); it is
# said back as a range and asked as one count.
@pytest.mark.parametrize("said, first, second", [("社保交了五六年", 5, 6), ("交了十五六年", 15, 16)])
def test_a_range_in_a_sentence_is_asked_as_one_count(chat, said, first, second):
    at_question(chat, "social_years", TO_SOCIAL_YEARS)
    reply = chat.send(said)
    assert f"您说的是{first}到{second}" in reply
    assert chat.state["state"] == "social_years" and "social_years" not in chat.state["answers"]


# R9: "差不多两三年" saved 23 years and "三五年" 35: numerals run together are a range wherever a count is read
# (the years and the children), and a year said in two digits ("二三年才开始交": since 2023) is no count either.
@pytest.mark.parametrize("said, first, second", [("差不多两三年", 2, 3), ("社保大概交了两三年吧", 2, 3), ("三五年吧", 3, 5)])
def test_numerals_run_together_are_a_range_of_years(chat, said, first, second):
    at_question(chat, "social_years", TO_SOCIAL_YEARS)
    reply = chat.send(said)
    assert f"您说的是{first}到{second}年" in reply
    assert chat.state["state"] == "social_years" and "social_years" not in chat.state["answers"]


@pytest.mark.parametrize("said", ["二三年才开始交", "从一二年开始交的"])
def test_a_year_in_two_digits_is_not_a_count_of_years(chat, said):
    at_question(chat, "social_years", TO_SOCIAL_YEARS)
    reply = chat.send(said)
    assert "您说的是" not in reply
    assert chat.state["state"] == "social_years" and "social_years" not in chat.state["answers"]


@pytest.mark.parametrize("said, first, second", [("两三个", 2, 3), ("有两三个吧", 2, 3), ("三五个", 3, 5)])
def test_a_range_of_children_is_not_saved_as_one_number(chat, said, first, second):
    at_question(chat, "children", BASIC[:3])
    reply = chat.send(said)
    assert f"您说的是{first}到{second}" in reply
    assert chat.state["state"] == "children" and "children" not in chat.state["answers"]


# R10: a family member's number asked about and said yes to ("我老婆身份证号是…吗？是的") was saved as the
# applicant's own; it is answered (the form wants the applicant's own) and nothing is saved. The applicant's own,
# asked and confirmed, is still saved.
@pytest.mark.answers_questions
@pytest.mark.parametrize("said, field", [(f"我老婆身份证号是{VALID_ID}吗？是的", "id_number"),
                                         ("我老公手机是13912345678吧？对", "mobile")])
def test_another_persons_number_confirmed_is_not_saved(chat, said, field):
    at_question(chat, "name")
    reply = chat.send(said)
    assert "本人" in reply and "已为您记录" not in reply
    assert field not in chat.state["answers"] and chat.state["state"] == "name"


def test_the_applicants_own_number_confirmed_is_saved(chat):
    at_question(chat, "name")
    chat.send(f"身份证号是{VALID_ID}吗？是的")
    assert chat.state["answers"]["id_number"] == VALID_ID


# R17: the count after "孩子" was taken whatever the next clause said: children living with the ex-wife or in the
# hometown became 同住子女 over the 0 given before. Only those said to come along count; a count with where they
# live and no number of those living along is no answer (the 0 stays).
@pytest.mark.parametrize("said, status, children", [("离异 孩子 两个 都跟前妻", "divorced", 0),
                                                    ("已婚 孩子 两个 只有一个跟我", "married", 1),
                                                    ("离婚了 孩子 一个 在老家读书", "divorced", 0),
                                                    ("离异 孩子 两个 社保5年", "divorced", 2)])
def test_children_living_elsewhere_are_not_counted(chat, said, status, children):
    at_question(chat, "marital_status")
    chat.send(said)
    assert chat.state["answers"]["marital_status"] == status and chat.state["answers"]["children"] == children


# R7: at the school, a question about the school renamed since the diploma ("毕业证上写的学校名称改过了") was read
# as an edit with no item ("请告诉我要修改哪一项"); it is answered (the entry on full names, renamed ones
# included) and the school is asked again. What the diploma prints is still the school's name.
@pytest.mark.answers_questions
def test_a_renamed_school_on_the_diploma_is_a_question(chat):
    at_question(chat, "edu_school", [*BASIC, "学历", "是", "否", "本科"])
    reply = chat.send("毕业证上写的学校名称改过了")
    assert "后来改过名的" in reply and "要修改哪一项" not in reply
    assert chat.state["state"] == "edu_school" and "edu_school" not in chat.state["answers"]
    chat.send("毕业证书上印着华东理工大学")
    assert chat.state["answers"]["edu_school"] == "华东理工大学"


# R14: a traditional name converted beside another answer ("王志強 1101…") was not said converted nor recorded so,
# and the applicant insisting had to type it a third time. The conversion is said in the listing, and the name
# typed again after "修改 姓名" is kept as typed.
def test_a_name_converted_beside_another_answer_is_said_and_insisted_on_once(chat):
    at_question(chat, "name", [])
    reply = chat.send(f"王志強 {VALID_ID}")
    assert "姓名已按简体字记录：王志强" in reply and chat.state["answers"]["name"] == "王志强"
    chat.send("修改 姓名")
    reply = chat.send("王志強")
    assert chat.state["answers"]["name"] == "王志強" and "按您输入的字形记录" in reply


# R15: a question naming a later item but not about filling it ("邮箱收不到通知怎么办") was told "邮箱地址后面会单独
# 问您，到时再填", as if the applicant had tried to type it; only a question whether or how to fill it is.
@pytest.mark.answers_questions
def test_a_question_about_a_later_item_not_about_filling_it_is_not_told_it_comes_later(chat):
    at_question(chat, "name", [])
    reply = chat.send("邮箱收不到通知怎么办")
    assert "后面会单独问您" not in reply and chat.state["state"] == "name"


@pytest.mark.answers_questions
def test_a_question_whether_to_fill_a_later_item_is_told_it_comes_later(chat):
    at_question(chat, "name", [])
    reply = chat.send("邮箱必须要填吗")
    assert "邮箱地址后面会单独问您" in reply and chat.state["state"] == "name"
