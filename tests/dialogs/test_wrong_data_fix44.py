"""Three ways wrong data was still saved (fix44), each through the engine: a degree named beside another bonus
or as a time reference choosing 学历加分 for the applicant, someone else's or a future study abroad taken for the
applicant's foreign degree, and a photo being collected dropped without a word when a correction goes back."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, answer_all, play, start

OPENING = ("你好", "1", "2027-08-25", "同意")
AT_BONUS = (*OPENING, *BASIC)


# -- 1: a degree never chooses 学历加分 once the options are answered, nor beside another option -----------------
@pytest.mark.parametrize("said, years", [("硕士毕业以后社保交了三年", 3), ("我是本科 交了4年", 4), ("研究生毕业到现在交了5年", 5)])
def test_a_degree_told_at_the_years_adds_no_education_bonus(kb, said, years):
    outcome = play(kb, *AT_BONUS, "3", said)
    answers = outcome.state["answers"]
    assert answers["bonus_options"] == ["social_insurance"] and answers["social_years"] == years
    assert outcome.state["state"] == "summary" and "学历加分" not in "\n".join(outcome.replies)


@pytest.mark.parametrize("said, chosen", [("应届生 硕士 复旦大学", ["graduate"]), ("应届生 本科 同济大学", ["graduate"]),
                                          ("应届毕业 研究生 华东师大", ["graduate"])])
def test_a_degree_beside_the_graduate_option_adds_no_education_bonus(kb, said, chosen):
    outcome = play(kb, *AT_BONUS, said)
    assert outcome.state["answers"]["bonus_options"] == chosen and outcome.state["state"] == "summary"
    assert "学历加分" not in outcome.replies[-1]


@pytest.mark.parametrize("said", ["应届生 硕士 同济大学", "应届毕业的 本科 华东理工大学"])
def test_a_university_beside_a_degree_at_the_summary_is_the_school_never_the_employer(kb, said):
    """At the summary, the university of "应届生 硕士 复旦大学" replaced the employer (fix44's report; lead)."""
    employer = play(kb, *AT_BONUS, "无").state["answers"]["employer"]
    outcome = play(kb, *AT_BONUS, "无", said)
    assert outcome.state["answers"]["employer"] == employer and "所在单位" not in outcome.replies[0]


def test_a_university_one_works_at_is_still_the_employer_at_the_summary(kb):
    outcome = play(kb, *AT_BONUS, "无", "单位改成复旦大学附属中山医院")
    assert outcome.state["answers"]["employer"] == "复旦大学附属中山医院"


def test_a_degree_alone_at_the_bonus_question_still_chooses_the_education_bonus(kb):
    outcome = play(kb, *AT_BONUS, "本科 全日制")
    assert "education" in outcome.state["answers"]["bonus_options"]


def test_a_fresh_graduates_degree_at_the_summary_adds_no_education_bonus(kb):
    outcome = play(kb, *AT_BONUS, "5", "应届生 硕士 复旦大学")
    assert outcome.state["answers"]["bonus_options"] == ["graduate"] and outcome.state["state"] == "summary"


def test_a_degree_told_alone_at_the_summary_still_brings_the_education_bonus(kb):
    outcome = play(kb, *AT_BONUS, "3", "5", "全日制硕士")
    assert outcome.state["answers"]["bonus_options"] == ["education", "social_insurance"]
    assert outcome.state["state"] == "edu_foreign"


# -- 2: someone else's study abroad, or one still to come, is not the applicant's foreign degree -----------------
AT_FOREIGN = (*AT_BONUS, "2", "1")


@pytest.mark.parametrize("said", ["我女儿以后想出国读书", "儿子明年打算去英国留学", "我朋友是在澳洲读的硕士",
                                  "我打算以后去日本读研", "老婆是美国留学回来的", "孩子将来准备出国念书"])
def test_study_abroad_of_someone_else_or_to_come_is_not_recorded(kb, said):
    assert play(kb, *AT_FOREIGN).state["state"] == "edu_foreign"
    outcome = play(kb, *AT_FOREIGN, said)
    assert "edu_foreign" not in outcome.state["answers"] and outcome.state["state"] == "edu_foreign"
    assert "国（境）外学历吗" in outcome.replies[-1]


@pytest.mark.parametrize("said, foreign", [("我是英国读的硕士 我老婆是国内的", True), ("我自己是国内念的 孩子在国外", False),
                                           ("在澳洲读的本科", True), ("海归", True)])
def test_the_applicants_own_degree_beside_anothers_is_still_recorded(kb, said, foreign):
    outcome = play(kb, *AT_FOREIGN, said)
    assert outcome.state["answers"]["edu_foreign"] is foreign and outcome.state["state"] == "edu_level"


# -- 3: pages in hand when a correction goes back to the summary: kept and said so, or said not kept -----------------
def _photographing(chat, item: str) -> None:
    """A new application with one child, at its checklist, one page of item ``item`` sent."""
    start(chat, "积分新办")
    answer_all(chat, [*BASIC[:3], "1", *BASIC[4:], "0", "确认", item])
    chat.conversations.handle(chat.user, Image("page-1"))
    assert chat.state["state"] == "materials" and chat.state["photos"] == ["page-1"]


def test_a_page_in_hand_is_kept_through_a_correction_and_said_so(chat):
    _photographing(chat, "1")
    at_summary = chat.send("那子女改成0")
    assert chat.state["state"] == "summary" and "咨询服务委托单”已收到 1 页" in at_summary
    made = chat.send("确认")
    assert "咨询服务委托单”已收到 1 页，仍为您保留" in made and chat.state["photos"] == ["page-1"]
    assert "咨询服务委托单" in chat.send("完成") and chat.state["photos"] == []


def test_a_page_of_an_item_the_correction_takes_off_is_said_not_kept(chat):
    _photographing(chat, "7")
    assert chat.state["material"] == "child_birth_certificate"
    assert "子女出生医学证明及户籍证明”已收到 1 页" in chat.send("那子女改成0")
    made = chat.send("确认")
    assert "不再需要“子女出生医学证明及户籍证明”，之前为它发的 1 页照片没有保留" in made and "重新发送" in made
    assert chat.state["material"] is None and chat.state["photos"] == []
