"""Small talk, questions and subjects beside the service where the corpus is mostly commands (fix55), each through the
engine in other words (none of the development sets' texts): a question about how the review works is no progress
wanted; a remark once submitted is no look at the progress, nor one while choosing materials a step of them; the first
time using the assistant is no first application; a job, a course or a dispute asked about is outside the service;
one letter typed over and over says nothing."""
from __future__ import annotations

import pytest

from dialogs import render
from dialogs.understanding import interpret
from dialogs.understanding.classifier import trained
from tests.support.chat import application_in, play

pytestmark = pytest.mark.answers_questions
SHOWN = ["咨询服务委托单", "承诺书", "持证人身份证(正反面)", "上海市居住证", "劳动(聘用)合同", "社保缴费记录"]


def _read(point: str, said: str, kb) -> tuple[str, str | None]:
    best = interpret(point, said, kb=kb, classifier=trained(), checklist=SHOWN)[0]
    return best.kind, best.command


# -- 1. how the review works, asked once submitted: the knowledge base's, not the progress ------------------------
@pytest.mark.parametrize("said", ["礼拜六有人审核伐", "审核的是哪个单位的人"])
def test_a_question_on_how_the_review_works_is_no_progress_asked_for(chat, kb, said):
    """"礼拜六礼拜天有人审伐" and "审核的人是那个部门的" once submitted listed the whole status: 审 is a word of
    the progress, and most of the corpus at this point is commands."""
    application_in(chat, "submitted")
    asked = chat.send(said)
    assert asked != chat.send("进度")
    assert _read("submitted", said, kb)[0] == "question"


# -- 2. a remark after the form is small talk, not the command its words brush ------------------------------------
@pytest.mark.parametrize("said", ["递上去了 踏实多了 晚上去跳广场舞", "交了交了 去超市买菜咯"])
def test_a_remark_once_submitted_is_no_progress_asked_for(chat, kb, said):
    """"交上去了 心里踏实 …" once submitted was read as the progress wanted, and the whole status listed."""
    application_in(chat, "submitted")
    remarked = chat.send(said)
    assert remarked != chat.send("进度")
    assert _read("submitted", said, kb)[0] == "smalltalk"


def test_encouragement_while_choosing_materials_is_small_talk(kb):
    """"加油加油 今天搞定它💪" at the materials was read as an edit, "哇 终于到这一步了 感动" as the progress."""
    assert _read("materials", "一鼓作气 今天必须拿下💪", kb)[0] == "smalltalk"


# -- 3. the first time using the assistant is a feeling about it, not a first application -------------------------
@pytest.mark.parametrize("said", ["头回使这玩意儿 手忙脚乱的", "第一次在手机上弄这个 好慌", "头一次用这种东西 不太会"])
def test_the_first_time_using_the_assistant_chooses_no_business_type(kb, said):
    """"第一次用这个 有点懵" and "侬好呀 阿拉 七十岁了 第一趟 用 这个" started 积分新办: the first time was read as
    the first application."""
    outcome = play(kb, said)
    assert "business_type" not in outcome.state["answers"]
    assert outcome.state["state"] == "business_type"


def test_the_first_application_said_with_a_feeling_is_still_new(kb):
    assert play(kb, "第一次办积分 好慌").state["answers"]["business_type"] == "new"


# -- 4. a subject beside the service is out of scope, not a question an entry's words half match --------------------
def test_a_job_asked_about_once_submitted_is_out_of_scope_not_a_person(chat):
    """"你们招人吗 我也想干这个" once submitted called a person: 人 and 干 read as the human wanted."""
    application_in(chat, "submitted")
    assert chat.send("你们单位缺人不 我想应聘").startswith(render.OUT_OF_SCOPE)


@pytest.mark.parametrize("point, said", [("materials", "单位不给开证明 我能去仲裁吗"),
                                         ("edu_fulltime", "自考本科哪家培训班好")])
def test_a_dispute_or_a_course_asked_about_is_out_of_scope(kb, point, said):
    """"学历提升有推荐的机构吗" and "公司要我交押金才给开证明 合法吗" were answered from an entry their words half match."""
    assert _read(point, said, kb)[0] == "out_of_scope"


# -- 5. one letter typed over and over says nothing, wherever it is sent -------------------------------------------
def test_letters_mashed_once_submitted_call_no_person(chat):
    """"hhhh" once submitted called a person, "hhhhhh" while photographing finished the photos, "lllll" at the
    materials asked for help: where most of the corpus is commands, the model read the likeliest of them."""
    application_in(chat, "submitted")
    assert render.HANDED_TO_SUPPORT not in chat.send("hhhh")


@pytest.mark.parametrize("point, said", [("photographing", "hhhh"), ("materials", "kkkkk"), ("submitted", "HHHH!!")])
def test_letters_mashed_are_no_answer(kb, point, said):
    assert _read(point, said, kb)[0] == "non_answer"
