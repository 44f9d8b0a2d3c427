"""The tester's findings on the employer field and answers dropped (try19, fix61), each through the engine: "修改 X"
at X's own question not answered yet, an employer told with a description or a note or typed with spaces, several
answers with a question, an answer beside a word for staff, a change said right after an explanation, a spouse
question after a divorce told."""
from __future__ import annotations

import pytest

from tests.support.chat import VALID_ID, play

OPENING = ("你好", "积分新办", "2027-08-25", "同意")
AT_EMPLOYER = (*OPENING, "张三", VALID_ID)


# -- "修改 X" at X's own question, not answered yet: that question, never a business type or an answer lost (V23) -------
@pytest.mark.parametrize("said", ["修改 所在单位", "修改单位", "改一下单位"])
def test_edit_of_the_employer_at_its_own_question_asks_it_and_keeps_the_type(kb, said):
    outcome = play(kb, *AT_EMPLOYER, said)
    assert outcome.state["state"] == "employer"
    assert outcome.state["answers"]["business_type"] == "new"
    assert "所在单位的全称" in "\n".join(outcome.replies) and "业务类型" not in "\n".join(outcome.replies)
    answered = play(kb, *AT_EMPLOYER, said, "上海某某科技有限公司").state
    assert {"business_type": "new", "name": "张三", "id_number": VALID_ID,
            "employer": "上海某某科技有限公司"}.items() <= answered["answers"].items()
    assert answered["state"] == "children"


@pytest.mark.parametrize("before, said, field", [
    (OPENING, "修改 姓名", "name"),
    ((*AT_EMPLOYER, "上海某某科技有限公司"), "修改 子女人数", "children"),
    ((*AT_EMPLOYER, "上海某某科技有限公司", "0"), "修改 婚姻状况", "marital_status"),
])
def test_edit_of_any_field_at_its_own_question_asks_it(kb, before, said, field):
    outcome = play(kb, *before, said)
    assert outcome.state["state"] == field and outcome.state["answers"]["business_type"] == "new"


def test_edit_of_the_employer_with_its_value_at_its_own_question_saves_it(kb):
    outcome = play(kb, *AT_EMPLOYER, "修改 所在单位 上海某某科技有限公司")
    assert outcome.state["answers"]["employer"] == "上海某某科技有限公司" and outcome.state["state"] == "children"


def test_an_employer_told_early_and_edited_at_the_consent_skips_no_step(kb):
    """The employer kept at the consent, then edited: the consent, name and ID still asked (they had been skipped)."""
    before = ("你好", "积分新办", "2027-08-25", "我在上海某某科技有限公司上班", "修改 所在单位")
    outcome = play(kb, *before, "上海另一家科技有限公司")
    assert outcome.state["answers"]["employer"] == "上海另一家科技有限公司"
    assert outcome.state["state"] == "consent"
    later = play(kb, *before, "上海另一家科技有限公司", "同意").state
    assert later["state"] == "name"


# -- an employer told with a description first: the name said after it saved, never the description (V1) --------------
@pytest.mark.parametrize("before, said, name", [
    (OPENING[:3], "在浦东张江一家软件公司上班 上海某某信息技术有限公司", "上海某某信息技术有限公司"),   # at the consent
    ((*OPENING, "张三"), "在浦东张江一家软件公司上班 上海某某信息技术有限公司", "上海某某信息技术有限公司"),  # at the ID
    ((*OPENING, "张三"), "在徐汇一家小公司做会计 上海某某财务咨询有限公司", "上海某某财务咨询有限公司"),
])
def test_an_employer_told_after_a_description_is_saved_by_its_name(kb, before, said, name):
    outcome = play(kb, *before, said)
    assert outcome.state["answers"]["employer"] == name
    assert f"所在单位：{name}" in "\n".join(outcome.replies)


@pytest.mark.parametrize("said", ["上海统一家居有限公司", "上海一家人餐饮管理有限公司"])
def test_a_name_with_yijia_in_its_own_words_is_still_a_name(kb, said):
    assert play(kb, *AT_EMPLOYER, said).state["answers"]["employer"] == said


def test_a_description_alone_at_the_employer_question_is_not_saved(kb):
    outcome = play(kb, *AT_EMPLOYER, "浦东张江一家软件公司")
    assert "employer" not in outcome.state["answers"] and outcome.state["state"] == "employer"


# -- a note in brackets after the name: the name saved whole, the note left out and the name said back (V12) ---------
@pytest.mark.parametrize("said", ["上海明远贸易有限公司(公司在嘉定)", "上海明远贸易有限公司（公司注册在嘉定）",
                                  "上海明远贸易有限公司（注册地在嘉定区）", "上海某某物流有限公司（办公地址在松江）"])
def test_a_note_in_brackets_after_the_employer_is_left_out_and_said_back(kb, said):
    outcome = play(kb, *AT_EMPLOYER, said)
    name = said[:said.index("公司") + 2]
    assert outcome.state["answers"]["employer"] == name
    assert f"所在单位记录为：{name}" in "\n".join(outcome.replies)


@pytest.mark.parametrize("said", ["上海外服（集团）有限公司", "哈尔滨工业大学（威海）"])
def test_a_bracket_of_the_name_itself_stays(kb, said):
    assert play(kb, *AT_EMPLOYER, said).state["answers"]["employer"] == said


# -- a name typed with spaces between its words: joined, never its last part alone (V15) -----------------------------
@pytest.mark.parametrize("before, said, name", [
    (AT_EMPLOYER, "上海 腾飞 建筑工程有限公司", "上海腾飞建筑工程有限公司"),
    ((*OPENING, "张三"), "上海 天天 物流 有限公司", "上海天天物流有限公司"),           # told early, at the ID
    (AT_EMPLOYER, "江苏 恒远 机械制造 有限公司", "江苏恒远机械制造有限公司"),
])
def test_an_employer_typed_with_spaces_is_saved_joined_and_said_back(kb, before, said, name):
    outcome = play(kb, *before, said)
    assert outcome.state["answers"]["employer"] == name
    assert name in "\n".join(outcome.replies)


def test_latin_words_of_a_spaced_name_keep_their_spaces(kb):
    assert play(kb, *AT_EMPLOYER, "上海 Apple 电脑贸易有限公司").state["answers"]["employer"] == "上海 Apple 电脑贸易有限公司"


# -- several answers, then a question: every answer kept, the question answered on its own (V16) ---------------------
@pytest.mark.parametrize("said, kept", [
    ("没孩子 未婚 手机13800002222 没邮箱 另外问下社保断缴过半年有影响吗",
     {"children": 0, "marital_status": "unmarried", "mobile": "13800002222", "email": ""}),
    ("1个孩子 已婚 手机13800001111 邮箱没有 对了社保断缴过半年有影响吗",
     {"children": 1, "marital_status": "married", "mobile": "13800001111", "email": ""}),
    ("两个娃 离异 电话13900005555 邮箱不填 顺便问一下社保中间停过几个月要紧吗",
     {"children": 2, "marital_status": "divorced", "mobile": "13900005555", "email": ""}),
])
def test_several_answers_then_a_question_are_all_kept(kb, said, kept):
    outcome = play(kb, *AT_EMPLOYER, "上海某某科技有限公司", said)
    assert kept.items() <= outcome.state["answers"].items()
    replies = "\n".join(outcome.replies)
    assert "社保" in replies and "手机号和邮箱填谁的" not in replies


@pytest.mark.parametrize("said, school", [("国内 本科 华东理工大学", "华东理工大学"), ("上海 硕士 同济大学", "同济大学")])
def test_a_degree_between_spaces_is_no_word_of_a_spaced_name(said, school):
    from dialogs.understanding.entities import extract
    assert extract(said, "edu_level").get("edu_school") == school
