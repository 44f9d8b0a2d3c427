"""What the applicant is told about where they are agrees with what is saved (a tester's round
through `python -m bot chat`): progress at the checklist, answers changed after it, an item deleted
by name, follow-up answers given without their bonus option, a bare number at the summary, a new
employer said beside the old one, and a refused employer asked for again without doubting anyone."""
from __future__ import annotations

import pytest

from dialogs.flows import application as flow
from tests.support.chat import BASIC, VALID_ID, answer_all, at_question, start

# A married applicant with a child who adds the spouse as a companion: 结婚证 is item 7 of 9.
MARRIED = ["张三", VALID_ID, "上海某某科技有限公司", "1", "已婚", "13800138000", "zhangsan@example.com", "1", "0"]
REBUILT = "材料清单会按修改后的信息重新生成"


@pytest.fixture
def at_checklist(chat):
    start(chat, "积分新办")
    answer_all(chat, MARRIED + ["确认"])
    assert chat.state["state"] == "materials"
    return chat


def test_progress_at_the_checklist_is_the_upload_stage_with_what_is_left(at_checklist):
    for text in ("进度", "查看进度"):
        progress = at_checklist.send(text)
        assert progress.startswith("当前状态：上传材料") and "当前状态：填写基本信息" not in progress
        assert "还需上传 " in progress and "1. 咨询服务委托单" in progress and "结婚证" in progress


@pytest.mark.parametrize("text", ["清单", "材料清单", "进度", "看一下第十项", "查看第2项", "上传"])
def test_after_changing_an_answer_the_old_checklist_is_never_shown(at_checklist, text):
    at_checklist.send("修改 婚姻状况")
    at_checklist.send("未婚")
    assert at_checklist.state["state"] == "summary"
    reply = at_checklist.send(text)
    assert REBUILT in reply and "结婚证" not in reply and "请告诉我要修改哪一项" not in reply
    assert at_checklist.state["state"] == "summary"


def test_progress_and_checklist_agree_once_the_changed_answers_are_confirmed(at_checklist):
    at_checklist.send("修改 婚姻状况")
    at_checklist.send("未婚")
    at_checklist.send("确认")
    checklist, progress = at_checklist.send("清单"), at_checklist.send("进度")
    assert "结婚证" not in checklist and "结婚证" not in progress
    assert "7. 子女出生医学证明及户籍证明" in checklist and "7. 子女出生医学证明及户籍证明" in progress
    assert at_checklist.application["checklist"][-1] == "child_birth_certificate"


@pytest.mark.parametrize("text, item", [
    ("删除结婚证", "结婚证"), ("删掉劳动合同", "劳动(聘用)合同"), ("删除劳动合同这一项", "劳动(聘用)合同"),
    ("删掉配偶身份证", "配偶身份证(正反面)"), ("删除3", "持证人身份证(正反面)"),
])
@pytest.mark.parametrize("photographing", [False, True])
def test_an_item_deleted_by_name_is_explained_as_by_number(at_checklist, text, item, photographing):
    if photographing:  # a material chosen, no photo sent yet
        at_checklist.send("7")
    assert f"“{item}”是根据您填写的信息生成的，不能单独删除" in at_checklist.send(text)


def test_deleting_the_last_photo_still_drops_a_photo(at_checklist):
    at_checklist.send("7")
    assert "还没有收到照片，没有要换或删除的" in at_checklist.send("删除上一张")


@pytest.mark.parametrize("text, asked_next", [
    ("学历和社保，全日制本科，社保交了4年", "国（境）外学历"),
    ("全日制硕士", "国（境）外学历"),
    ("社保交了6年", "请核对您填写的信息"),
])
def test_follow_up_answers_at_the_summary_bring_their_bonus_option(chat, text, asked_next):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    assert chat.state["state"] == "summary"
    reply = chat.send(text)
    assert "加分选项：" in reply and asked_next in reply
    chosen = chat.state["answers"]["bonus_options"]
    assert ("social_years" in chat.state["answers"]) == ("social_insurance" in chosen)
    assert ("edu_level" in chat.state["answers"]) == ("education" in chosen)


def test_the_checklist_has_the_materials_of_follow_ups_given_at_the_summary(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "学历和社保，全日制本科，社保交了4年", "否", "复旦大学"])
    assert chat.state["state"] == "summary"
    chat.send("确认")
    assert {"diploma", "degree", "social_insurance"} <= set(chat.application["checklist"])


def test_follow_up_answers_are_not_kept_where_the_business_type_has_no_bonus(chat):
    start(chat, "单位信息变更")
    answer_all(chat, BASIC)
    assert chat.state["state"] == "summary"
    reply = chat.send("全日制本科，社保交了4年")
    assert "没有记录" in reply
    assert not {"edu_level", "social_years", "bonus_options"} & chat.state["answers"].keys()


@pytest.mark.parametrize("number", ["1", "2", "0", "1。"])
def test_a_bare_number_at_the_summary_is_no_confirmation(chat, number):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    reply = chat.send(number)
    assert "请回复“确认”生成材料清单" in reply and chat.application is None
    assert "已根据您的情况生成材料清单" in chat.send("确认")


@pytest.mark.parametrize("text", ["我是集体户口，户籍证明去哪开", "我对这一步不太懂，户口本拍哪几页", "确实还有个问题，孩子的材料要啥"])
def test_a_statement_beside_a_question_at_the_summary_is_no_confirmation(chat, text):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send(text)
    assert chat.state["state"] == "summary" and chat.application is None
    assert "已根据您的情况生成材料清单" in chat.send("对滴")  # a short reply, in dialect, still confirms


def test_a_yes_with_a_remark_confirms_the_summary(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    assert "已根据您的情况生成材料清单" in chat.send("总算填完了，确认吧")  # 总算…吧 asks nothing


@pytest.mark.parametrize("text", [
    "新公司是上海新新科技有限公司，以前在上海旧旧公司",
    "现在在上海新新科技有限公司，原来是上海旧旧公司",
    "原单位上海旧旧公司，新单位是上海新新科技有限公司",
    "我从上海旧旧公司离职了，现在在上海新新科技有限公司上班",
])
def test_the_new_employer_is_kept_when_the_old_one_is_named_too(chat, text):
    at_question(chat, "employer", ["张三", VALID_ID])
    chat.send(text)
    assert chat.state["answers"]["employer"] == "上海新新科技有限公司"


def test_an_employer_that_is_not_taken_is_asked_for_in_full_without_doubting_the_applicant(chat):
    at_question(chat, "employer", ["张三", VALID_ID])
    reply = chat.send("上海 马氏 贸易")
    assert "劳动合同" in reply and "不是有效的" not in reply and "如实" not in reply


def test_bonus_answers_before_a_business_type_is_chosen_are_kept_with_their_options():
    fields = {"edu_level": "bachelor", "social_years": 4, "mobile": "13912345678"}
    kept = flow.with_bonus_options({}, fields)
    assert kept["edu_level"] == "bachelor" and kept["social_years"] == 4 and kept["bonus_options"]


@pytest.mark.parametrize("text, kept", [("离异", "divorced"), ("已婚", "married"), ("丧偶", "widowed"), ("未婚", "unmarried")])
def test_an_answer_to_a_question_certainly_ahead_is_kept_for_it_and_this_one_asked_again(chat, text, kept):
    at_question(chat, "children")
    reply = chat.send(text)
    assert chat.state["answers"]["marital_status"] == kept and chat.state["state"] == "children"
    assert "婚姻状况" in reply and "子女" in reply
    chat.send("0")
    assert chat.state["state"] == "mobile"  # not asked again


@pytest.mark.parametrize("text", ["2", "离婚要交什么", "张三"])
def test_a_number_or_a_question_is_never_taken_for_a_later_question(chat, text):
    at_question(chat, "children")
    chat.send(text)
    assert "marital_status" not in chat.state["answers"]
