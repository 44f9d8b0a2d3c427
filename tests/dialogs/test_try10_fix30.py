"""try10's findings through the engine, each said in other words than the tester's: what the applicant
meant at the step they were at is what is recorded or answered."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, application_in, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


def at_summary(chat, business_type: str = "积分新办", answers: list[str] = BASIC) -> None:
    start(chat, business_type)
    answer_all(chat, [*answers, "0"])
    assert chat.state["state"] == "summary"


# -- T26: a switch to 单位信息变更 asks for the new employer -------------------------------------------
@pytest.mark.parametrize("said", ["我要改成办单位信息变更", "业务类型选错了，应该是单位信息变更"])
def test_switching_to_an_employer_change_asks_for_the_new_employer(chat, said):
    at_summary(chat, "积分续办")
    chat.send(said)
    asked = chat.send("同意")
    assert chat.state["state"] == "employer" and "变更后的新单位" in asked
    chat.send("上海新东家信息技术有限公司")
    assert chat.state["answers"]["employer"] == "上海新东家信息技术有限公司"
    assert chat.state["state"] == "summary"


# -- T27: a two-digit year without 年 is recorded and said back; a year alone asks for the day ----------
@pytest.mark.parametrize("said, meant", [("28.3.9", "2028-03-09"), ("31/12/1", "2031-12-01")])
def test_a_permit_date_with_a_two_digit_year_is_recorded_and_said_back(chat, said, meant):
    chat.send("你好")
    chat.send("积分新办")
    reply = chat.send(said)
    assert chat.state["answers"]["permit_expiry"] == meant and meant in reply and "年份写全" not in reply


@pytest.mark.parametrize("said", ["有效期到2030年", "2028年到期"])
def test_a_permit_year_alone_asks_for_the_day(chat, said):
    chat.send("你好")
    chat.send("积分新办")
    reply = chat.send(said)
    assert "permit_expiry" not in chat.state["answers"] and "具体哪一天" in reply


# -- T14: a permit not yet endorsed, said at its date, gets what to do, not a date-format error --------
@pytest.mark.parametrize("said", ["今年的签注我还没去办", "下周才去签注，现在没有新日期"])
def test_a_permit_not_yet_endorsed_gets_the_endorsement_guidance(chat, said):
    chat.send("你好")
    chat.send("积分续办")
    reply = chat.send(said)
    assert "签注后把新的有效期日期发给我" in reply and "没看懂这个日期" not in reply
    assert "permit_expiry" not in chat.state["answers"]


def at_children(chat) -> None:
    start(chat, "积分新办")
    answer_all(chat, BASIC[:3])
    assert chat.state["state"] == "children"


# -- T1: "not married, so where would children come from" answers the count: none --------------------
@pytest.mark.parametrize("said", ["我连婚都还没结，哪里来的娃", "光棍一个，哪有小孩"])
def test_no_children_asked_back_rhetorically_is_recorded_as_none(chat, said):
    at_children(chat)
    chat.send(said)
    assert chat.state["answers"]["children"] == 0 and chat.state["state"] != "children"


# -- T2: a wait before a question answers the question, nothing paused ----------------------------------
@pytest.mark.parametrize("said", ["等一会儿，我想先问问续办一般要几天", "稍等哈，先问一下审核要多长时间"])
def test_a_wait_before_a_question_answers_it_without_pausing(chat, said):
    at_children(chat)
    reply = chat.send(said)
    assert "暂存" not in reply and not chat.state.get("paused")
    assert chat.state["state"] == "children"


# -- T11: an ID number of someone under 18 is said back to be checked --------------------------------------
def test_an_id_number_of_a_minor_is_said_back_to_be_checked(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC[:1])
    reply = chat.send("4403 0520 1001 1500 29")  # born 2010-01-15: sixteen on the day of the test
    assert chat.state["answers"]["id_number"] == "440305201001150029"
    assert "未满18周岁" in reply and "修改 身份证号码" in reply


def test_an_adults_id_number_is_taken_without_that_check(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC[:1])
    assert "周岁" not in chat.send(BASIC[1])



# -- T3: the permit date said anew at the summary, from today too, is an edit said back -----------------
@pytest.mark.parametrize("said, meant", [("居住证的有效期应该是明年4月底", "2027-04-30"),
                                         ("居住证有效期实际上是2029年3月2日", "2029-03-02")])
def test_the_permit_date_said_anew_at_the_summary_is_changed(chat, said, meant):
    at_summary(chat, "积分续办")
    reply = chat.send(said)
    assert chat.state["answers"]["permit_expiry"] == meant and meant in reply


# -- T32: asked how to hand in the materials at the checklist: how to upload, nothing submitted -----------
@pytest.mark.parametrize("said", ["资料都弄齐了，咋交给你们呢", "材料我全备好了 该怎么提交"])
def test_how_to_hand_the_materials_in_is_answered_with_how_to_upload(chat, said):
    at_summary(chat)
    chat.send("确认")
    reply = chat.send(said)
    assert "拍照发送" in reply and "网页上传" in reply
    assert chat.application["status"] == "draft"


# -- T28: a new mobile sent after submission is passed to staff with the number (fix42: kept on the application
# for staff to apply, said back masked) -------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["我手机号码换了，新的是13911112222", "电话改成 139 1111 2222 了"])
def test_a_new_mobile_after_submission_is_passed_to_staff(chat, said):
    application_in(chat, "submitted")
    reply = chat.send(said)
    assert "139****2222" in reply and "人工" not in reply.replace("不用再另外联系人工", "")
    assert chat.application["pending_contact"]["mobile"]["new"] == "13911112222"


# -- T5: the spouse said not to be added after all, at the summary: taken off, said back, no spouse papers ---
@pytest.mark.parametrize("said", ["哎 爱人这回先不加了，就加孩子", "不加我老婆了"])
def test_the_spouse_dropped_at_the_summary_is_taken_off_the_options(chat, said):
    start(chat, "增加同住人")
    answer_all(chat, [*BASIC[:3], "1", "已婚", *BASIC[5:], "1"])
    assert chat.state["state"] == "summary" and chat.state["answers"]["spouse_options"] == ["spouse_companion"]
    reply = chat.send(said)
    assert chat.state["answers"]["spouse_options"] == [] and "配偶情况改为：无" in reply
    checklist = chat.send("确认")
    assert "结婚证" not in checklist and "配偶身份证" not in checklist
