"""nlu18: shapes the classifier misread, in our own words through the engine: WeChat emoji typed as their
codes, a question about why an answer is asked, feelings beside the step, who may apply, form-style answers."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

pytestmark = pytest.mark.answers_questions

OPENING = ("你好", "积分新办", "2027-08-25")
AT_NAME = (*OPENING, "同意")
AT_SUMMARY = (*AT_NAME, *BASIC, "0")


# -- WeChat's OK code alone confirms the summary; at the commitment (given in words) and elsewhere it is a feeling ----
@pytest.mark.parametrize("said", ["[OK][OK]", "/:ok"])
def test_the_ok_code_alone_at_the_commitment_is_acknowledged_not_consent(kb, said):
    outcome = play(kb, *OPENING, said)
    assert "consent" not in outcome.state["answers"] and outcome.state["state"] == "consent"


@pytest.mark.parametrize("said", ["[OK][OK]", "/:ok"])
def test_the_ok_code_alone_confirms_the_summary(kb, said):
    outcome = play(kb, *AT_SUMMARY, said)
    assert outcome.state["answers"]["confirmed"] == "confirm"


@pytest.mark.parametrize("said", ["[OK][OK]", "[流泪]"])
def test_an_emoji_alone_at_the_name_is_no_name(kb, said):
    outcome = play(kb, *AT_NAME, said)
    assert "name" not in outcome.state["answers"] and outcome.state["state"] == "name"


AT = {"id_number": (*AT_NAME, BASIC[0]), "children": (*AT_NAME, *BASIC[:3]), "mobile": (*AT_NAME, *BASIC[:5]),
      "bonus_options": (*AT_NAME, *BASIC)}


# -- why an answer is asked, at its question: what it is used for, the question again; nothing saved or refused ----
@pytest.mark.parametrize("field", sorted(AT))
@pytest.mark.parametrize("said", ["问这干嘛啊", "要这个有什么用", "为啥要填这个"])
def test_why_an_answer_is_asked_is_answered_and_the_question_asked_again(kb, field, said):
    before = play(kb, *AT[field][:-1], AT[field][-1]).state
    outcome = play(kb, *AT[field], said)
    replies = "\n".join(outcome.replies)
    assert outcome.state["answers"] == before["answers"] and outcome.state["state"] == field
    assert "继续办理" in replies and "不像是" not in replies and "当前步骤" not in replies


# -- a form's lines copied into the chat: each value saved to the field its label names, all said back -----------
def test_a_form_of_four_lines_at_the_name_saves_every_field_it_names(kb):
    form = "姓名：吴敏\n身份证号码：11010519491231002X\n单位名称：上海青禾文化传播有限公司\n【手机】13611112222"
    outcome = play(kb, *AT_NAME, form)
    answers, replies = outcome.state["answers"], "\n".join(outcome.replies)
    assert (answers["name"], answers["id_number"], answers["mobile"]) == ("吴敏", "11010519491231002X", "13611112222")
    assert answers["employer"] == "上海青禾文化传播有限公司" and "上海青禾文化传播有限公司" in replies


@pytest.mark.parametrize("field, said, value", [("name", "单位名称:上海云杉咨询有限公司", ("employer", "上海云杉咨询有限公司")),
                                                ("name", "【工作单位】上海蓝鲸网络科技有限公司", ("employer", "上海蓝鲸网络科技有限公司")),
                                                ("id_number", "【姓名】周明", ("name", "周明"))])
def test_a_form_line_for_another_question_is_saved_to_its_field(kb, field, said, value):
    at = {"name": AT_NAME, "id_number": (*AT_NAME, "李华")}[field]
    outcome = play(kb, *at, said)
    assert outcome.state["answers"][value[0]] == value[1] and value[1] in "\n".join(outcome.replies)


def test_a_school_labelled_in_a_form_is_the_school_not_the_employer(kb):
    outcome = play(kb, *AT[("bonus_options")], "学历：本科\n毕业学校：东华大学\n社保年限：4")
    answers = outcome.state["answers"]
    assert answers["edu_school"] == "东华大学" and answers["employer"] == BASIC[2] and answers["social_years"] == 4


# -- whether someone from Hong Kong, Macao, Taiwan or abroad may apply: the seeds are silent, said so; no name ----
@pytest.mark.parametrize("at, said", [("name", "我是香港人 可以办积分吗"), ("name", "外籍"), ("name", "我是澳门居民，能在这里预审吗"),
                                      ("children", "外国人能不能办"), ("bonus_options", "台湾同胞能申请吗")])
def test_who_may_apply_from_outside_the_mainland_is_said_to_be_unknown(kb, at, said):
    before = play(kb, *AT.get(at, AT_NAME)).state if at != "name" else play(kb, *AT_NAME).state
    outcome = play(kb, *(AT.get(at, AT_NAME)), said)
    replies = "\n".join(outcome.replies)
    assert outcome.state["answers"] == before["answers"] and outcome.state["state"] == at
    assert "没有说明" in replies and "63721888*3230" in replies and "人才服务中心" in replies


# -- what the assistant is, asked by who runs it: what it does and is not, then the question waiting -------------
@pytest.mark.parametrize("at", ["name", "mobile", "bonus_options"])
def test_whether_the_assistant_is_the_governments_is_answered(kb, at):
    outcome = play(kb, *AT.get(at, AT_NAME), "这个助手归政府管还是公司的")
    replies = "\n".join(outcome.replies)
    assert "不是政府部门" in replies and "继续办理" in replies and outcome.state["state"] == at


# A married applicant with two children and three bonus options: a checklist of sixteen items.
AT_LONG_CHECKLIST = (*AT_NAME, *BASIC[:3], "2", "已婚", *BASIC[5:], "1 2", "1 2 3", "是", "否", "硕士", "复旦大学", "5", "确认")


# -- a sigh at the checklist's length naming its count opens no item; an item asked for by number still does ---------
@pytest.mark.parametrize("said", ["我滴妈 15项 要哭了", "15项 太多了吧"])
def test_a_sigh_at_the_count_of_items_opens_none(kb, said):
    outcome = play(kb, *AT_LONG_CHECKLIST, said)
    assert outcome.state["state"] == "materials" and outcome.state.get("material") is None


def test_an_item_asked_for_by_its_number_still_opens(kb):
    assert play(kb, *AT_LONG_CHECKLIST, "15项").state.get("material") is not None


AT_EDUCATION = (*AT_NAME, *BASIC, "2")
AT_FOREIGN, AT_LEVEL = (*AT_EDUCATION, "是"), (*AT_EDUCATION, "是", "否")


# -- a remark beside the education questions: neither saved nor refused, the question asked again ---------------
def test_a_remark_on_studying_abroad_asks_the_question_again(kb):
    outcome = play(kb, *AT_FOREIGN, "出国留学那会儿花了不少钱")
    replies = "\n".join(outcome.replies)
    assert "edu_foreign" not in outcome.state["answers"] and outcome.state["state"] == "edu_foreign"
    assert "国（境）外学历吗" in replies and "超出" not in replies


def test_a_degree_apologised_for_without_its_level_is_asked_again_kindly(kb):
    outcome = play(kb, *AT_LEVEL, "学历低 说出来怪不好意思")
    replies = "\n".join(outcome.replies)
    assert "edu_level" not in outcome.state["answers"] and "没有找到" not in replies and "大专以下" in replies


AT_EMAIL = (*AT_NAME, *BASIC[:6])


# -- an earlier answer put right with "其实" (actually) at a later question: saved to its own field, said back --------
@pytest.mark.parametrize("said, field, value", [("哦对了 我其实离异", "marital_status", "divorced"),
                                                ("其实我有一个孩子", "children", 1),
                                                ("实际上我已婚", "marital_status", "married")])
def test_an_answer_put_right_with_actually_is_saved_to_its_field(kb, said, field, value):
    outcome = play(kb, *AT_EMAIL, said)
    assert outcome.state["answers"][field] == value and outcome.state["state"] == "email"
    assert "已将" in "\n".join(outcome.replies)


def test_bracketed_form_labels_run_together_are_each_read(kb):
    answers = play(kb, *AT["bonus_options"], "【学历】硕士【学校】同济大学【社保】7年").state["answers"]
    assert (answers["edu_level"], answers["edu_school"], answers["social_years"]) == ("master", "同济大学", 7)


def test_relief_at_a_short_checklist_opens_no_item(kb):
    outcome = play(kb, *AT_SUMMARY, "确认", "才6项 还好还好")
    assert outcome.state["state"] == "materials" and outcome.state.get("material") is None


def test_a_bachelor_taken_after_college_is_the_level(kb):
    assert play(kb, *AT_LEVEL, "我读的专升本").state["answers"]["edu_level"] == "bachelor"
