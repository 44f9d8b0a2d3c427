"""The last tester round's leftovers (try14), through the engine on a real store or with ``play`` (fix42)."""
from __future__ import annotations

import pytest

from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions


# -- T24: a new mobile or e-mail after submission is kept on the application, old and new, for staff ----------------
@pytest.mark.parametrize("text, field, new, said", [
    ("手机号不用了 换成15912345678", "mobile", "15912345678", "159****5678"),
    ("邮箱改一下 新的是li.na@example.org", "email", "li.na@example.org", "li.na@example.org"),
])
def test_a_new_contact_after_submission_waits_on_the_application_for_staff(chat, text, field, new, said):
    application_in(chat, "submitted")
    reply = chat.send(text)
    assert said in reply and "已转给工作人员" in reply and "通知您" in reply
    pending = chat.application["pending_contact"][field]
    assert pending["new"] == new and pending["old"] == chat.application["answers"][field] != new


# -- T14: the points said to have expired, at the marital status of another business: answered, asked again -------
@pytest.mark.parametrize("business_type", ["增加同住人", "单位信息变更"])
@pytest.mark.parametrize("said", ["我积分其实已经过期了", "积分证书已经过期了"])
def test_points_said_expired_at_the_marital_status_are_answered_not_taken_for_married(chat, business_type, said):
    from tests.support.chat import BASIC, answer_all, start
    start(chat, business_type)
    answer_all(chat, [*BASIC[:3], "1"])
    assert chat.state["state"] == "marital_status"
    reply = chat.send(said)
    assert "marital_status" not in chat.state["answers"] and chat.state["state"] == "marital_status"
    assert "续办" in reply and "婚姻状况" in reply and "已婚" not in reply.split("婚姻状况")[0]


# -- T19: how long the permit still runs, said instead of its date: what that comes to, and the card's date asked --
@pytest.mark.parametrize("said, month", [("居住证还有两年到期", "2028年11月"), ("还剩3个月", "2027年2月"),
                                         ("有效期还有一年半左右", "2028年5月")])
def test_a_time_left_at_the_permit_expiry_is_worked_out_and_the_exact_date_asked(kb, said, month):
    from tests.support.chat import play
    outcome = play(kb, "你好", "积分新办", said)
    reply = "\n".join(outcome.replies)
    assert f"大约是{month}前后到期" in reply and "确切截止日期" in reply and "没看懂" not in reply
    assert outcome.state["state"] == "permit_expiry" and "permit_expiry" not in outcome.state["answers"]


# -- T40: one's own saved answer asked for: shown (numbers masked), how to change it, the step again ---------------
@pytest.mark.parametrize("asked, shown", [("我填的手机号是多少", "138****8000"), ("我的邮箱现在是什么", "zhangsan@example.com")])
def test_ones_own_answer_asked_at_the_checklist_is_shown_masked_with_how_to_change_it(chat, asked, shown):
    from tests.support.chat import BASIC, answer_all, start
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    reply = chat.send(asked)
    assert shown in reply and "13800138000" not in reply and "回复“修改 " in reply and "A." not in reply
    assert chat.state["state"] == "materials"


def test_ones_own_mobile_asked_after_submission_says_a_new_one_goes_to_staff(chat):
    application_in(chat, "submitted")
    reply = chat.send("我填的手机号是多少")
    assert "138****8000" in reply and "直接发来新的手机号码" in reply and "修改 手机号码" not in reply
    chat.send("手机号换成13912345678")
    assert "139****5678" in chat.send("我填的手机号是多少") and "等待处理" in chat.last[0]


# -- fix39's leftovers -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("before, wrong, reason", [
    (("张三",), "123456", "身份证号码应为18位，您输入了6位"),
    (("张三", "11010519491231002X", "上海某某科技有限公司", "0", "未婚"), "1380013800", "手机号码应为11位数字"),
])
def test_why_alone_right_after_an_answer_was_refused_explains_that_refusal(kb, before, wrong, reason):
    from tests.support.chat import play
    opening = ("你好", "积分新办", "2027-08-25", "同意", *before, wrong)
    outcome = play(kb, *opening, "为什么")
    reply = "\n".join(outcome.replies)
    assert "没有保存" in reply and reason in reply and outcome.state["state"] == play(kb, *opening).state["state"]
    assert "请核对后重新输入。" not in reply.split("\n")[0]


def test_why_alone_after_an_answer_taken_is_no_refusal_explained(kb):
    from tests.support.chat import play
    reply = "\n".join(play(kb, "你好", "积分新办", "2027-08-25", "同意", "张三", "为什么").replies)
    assert "没有保存" not in reply


@pytest.mark.parametrize("said", ["我坚决不同意", "我绝对不同意"])
def test_a_firm_refusal_at_the_consent_is_a_refusal(said):
    from dialogs.understanding import interpret
    assert (interpret("consent", said)[0].kind, interpret("consent", said)[0].value) == ("answer", "disagree")


def test_the_school_put_right_at_the_summary_lists_only_the_school_as_recorded(chat):
    from tests.support.chat import BASIC, answer_all, start
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["2", "1", "2", "本科", "复旦大学"])
    assert chat.state["state"] == "summary"
    recorded = chat.send("对了 学校其实是同济大学").split("请核对")[0]
    assert "毕业院校全称：同济大学" in recorded and "加分选项" not in recorded
    assert chat.state["answers"]["bonus_options"] == ["education"]


# -- fix38's leftover: a mobile said to be the ID number, at the mobile question: one clear reply -----------------
def test_a_mobile_said_to_be_the_id_number_at_the_mobile_question_gets_one_reply(kb):
    from tests.support.chat import play
    opening = ("你好", "积分新办", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司", "0", "未婚")
    outcome = play(kb, *opening, "身份证号是13912345678")
    reply = "\n".join(outcome.replies)
    assert "看起来像手机号码" in reply and "手机号码应为11位数字" not in reply
    assert outcome.state["state"] == "mobile" and "mobile" not in outcome.state["answers"]
    assert reply.endswith(play(kb, *opening).replies[-1].split("\n")[-1])  # the question again
