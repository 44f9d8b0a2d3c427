"""What a tester playing applicants found mishandled (2026-12-03, round five), each through the engine:
a name told for someone else, an employer's name corrected at the checklist, and questions at the
checklist about being returned or leaving an item out."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, at_question, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said, name", [
    ("我儿子叫孙浩然 我是他妈妈", "孙浩然"),  # a mother filling in for her son: not 他妈妈
    ("员工叫李娜，我是HR王芳", "李娜"),  # HR for an employee: not 员工叫李娜
    ("我老公叫刘强", "刘强"),  # asked whether the applicant is him first (try9 T45, try18 U39)
])
def test_a_name_told_for_someone_else_is_theirs(chat, said, name):
    at_question(chat, "name")
    if "还没有记录" in chat.send(said):
        chat.send("是")
    assert chat.state["answers"]["name"] == name


def at_checklist(chat) -> None:
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    assert chat.state["state"] == "materials"


@pytest.mark.parametrize("said", ["单位名字改成上海联影医疗科技股份有限公司", "公司名称不对 是上海联影医疗科技股份有限公司"])
def test_the_employers_name_corrected_at_the_checklist_is_the_employer_not_the_applicants_name(chat, said):
    at_checklist(chat)
    chat.send(said)
    assert chat.state["answers"]["employer"] == "上海联影医疗科技股份有限公司"
    assert chat.state["answers"]["name"] == "张三"


def test_a_name_changed_back_is_the_name_without_the_words_asking_it(chat):
    at_checklist(chat)
    chat.send("名字不对了 改回孙浩然")
    assert chat.state["answers"]["name"] == "孙浩然"


@pytest.mark.parametrize("said", ["退回了以后怎么重新传", "万一被退回了咋整"])
def test_a_question_about_being_returned_is_answered_at_the_checklist(chat, said):
    at_checklist(chat)
    reply = chat.send(said)
    assert chat.state["state"] == "materials" and "退回" in reply and "请核对您填写的信息" not in reply


@pytest.mark.parametrize("said", ["孩子在老家不跟我住 第5项可以不交吧", "第3项不交行不行"])
def test_asking_whether_an_item_can_be_left_out_does_not_start_photographing_it(chat, said):
    at_checklist(chat)
    chat.send(said)
    assert chat.state["material"] is None


def test_an_organisation_described_then_named_is_saved_by_its_name(chat):
    at_question(chat, "employer")
    reply = chat.send("在上海的一个软件公司 叫上海卓越软件有限公司 没小孩")
    assert chat.state["answers"]["employer"] == "上海卓越软件有限公司" and "上海的一个软件公司" not in reply
    assert chat.state["answers"]["children"] == 0


def test_an_organisation_only_described_is_asked_for_by_its_full_name(chat):
    at_question(chat, "employer")
    assert "不像是单位名称" in chat.send("在一家外企")
    assert "employer" not in chat.state["answers"]


def test_a_mobile_after_the_id_number_is_kept_too(chat):
    at_question(chat, "id_number")
    reply = chat.send("510107199202285413 13700002222")
    assert chat.state["answers"]["mobile"] == "13700002222" and "手机号码：13700002222" in reply


def test_no_email_said_with_a_space_among_other_answers_is_no_email(chat):
    at_question(chat, "employer")
    chat.send("上海携程商务有限公司 已婚 一个孩子 手机13312345678 邮箱 无")
    assert chat.state["answers"]["email"] == "" and chat.state["state"] != "email"


@pytest.mark.parametrize("said", ["学位证丢了", "我没有结婚证"])
def test_a_material_lacking_or_lost_is_answered_not_chosen(chat, said):
    at_checklist(chat)
    chat.send(said)
    assert chat.state["material"] is None and chat.state["state"] == "materials"


def test_a_photo_of_the_wrong_document_is_not_a_switch_to_that_document(chat):
    at_checklist(chat)
    chat.send("拍合同")
    assert chat.state["material"] == "labor_contract"
    chat.send("我把合同拍成身份证了")
    assert chat.state["material"] == "labor_contract"


@pytest.mark.parametrize("name", ["上海统一家居有限公司", "上海一家人餐饮管理有限公司", "北京一间设计有限公司"])
def test_an_organisation_whose_name_holds_yi_jia_is_a_name_not_a_description(chat, name):
    at_question(chat, "employer")
    chat.send(name)
    assert chat.state["answers"]["employer"] == name


@pytest.mark.parametrize("said", ["补传一份", "重传一个"])
def test_a_count_after_a_verb_names_no_item_while_photographing(chat, said):
    at_checklist(chat)
    chat.send("3")
    chat.send(said)
    assert chat.state["material"] == "id_card"



def test_an_email_after_its_label_in_traditional_script_leaves_the_name_alone(chat):
    at_question(chat, "email")
    chat.send("電郵 chen.zm@gmail.com")
    assert chat.state["answers"]["email"] == "chen.zm@gmail.com" and chat.state["answers"]["name"] == "张三"


@pytest.mark.parametrize("said, field, value", [
    ("公司名称写错了，应该是上海华硕科技有限公司", "employer", "上海华硕科技有限公司"),
    ("公司名稱寫錯了，應該是上海華碩科技有限公司", "employer", "上海华硕科技有限公司"),
    ("姓名錯了，應該是陳志明", "name", "陈志明"),
])
def test_a_correction_at_the_summary_in_either_script_saves_the_value_without_its_words(chat, said, field, value):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    assert chat.state["state"] == "summary"
    chat.send(said)
    assert chat.state["answers"][field] == value
