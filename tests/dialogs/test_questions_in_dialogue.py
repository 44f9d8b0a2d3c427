"""Questions asked in the middle of the dialogue are answered from the knowledge base, and the
dialogue resumes where it was (issue: knowledge base, item 3)."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, application_in, start


pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


def test_a_question_in_the_middle_of_the_form_is_answered_and_the_question_repeated(chat):
    start(chat, "积分新办")
    chat.send("张三")
    reply = chat.send("闵行的材料寄到哪里？")
    assert "闵行" in reply and "徐汇" not in reply
    assert reply.rstrip().endswith("请输入您的18位身份证号码。")
    assert chat.state["state"] == "id_number"
    assert "所在单位" in chat.send(BASIC[1])


def test_a_question_during_a_choice_is_answered_not_taken_for_a_wrong_option(chat):
    chat.send("你好")
    reply = chat.send("续办和新办有什么区别？")
    assert "没有找到" not in reply and "请选择您要办理的业务类型" in reply
    assert chat.state["state"] == "business_type"


def test_asking_which_bonus_options_there_are_at_the_bonus_question_is_answered(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    assert chat.state["state"] == "bonus_options"
    reply = chat.send("加分有哪些")
    assert "职称加分、学历加分、社保加分、紧缺专业加分、应届生加分" in reply and "超出" not in reply
    assert chat.state["state"] == "bonus_options" and "继续办理" in reply


def test_an_answer_about_a_material_points_to_the_checklist_item(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("确认")
    reply = chat.send("委托单有什么要求？")
    assert "对应您材料清单第 1 项：咨询服务委托单" in reply


def test_after_a_question_at_the_summary_or_the_checklist_one_line_says_what_is_next(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    reply = chat.send("提交以后多久出结果？")
    assert "核对无误请回复“确认”" in reply and "请核对您填写的信息" not in reply  # the summary was just shown
    assert "请核对您填写的信息" in chat.send("进度")  # and is one command away
    chat.send("确认")
    reply = chat.send("闵行的材料寄到哪里？")
    resume = reply.split("继续办理：\n")[1]
    assert resume == "下一项建议上传：1. 咨询服务委托单。回复“清单”查看全部材料和状态。"
    assert "6. 劳动(聘用)合同【未上传】" in chat.send("清单")


def test_a_question_on_a_returned_application_is_followed_by_its_own_return_reasons(chat):
    application_in(chat, "returned", materials={"id_card": {"status": "returned", "reason": "身份证反面不清晰"}})
    # a rule of returns asked (a bare "为什么被退回" is the progress since fix28: test_blind_set_fix28.py)
    reply = chat.send("被退回以后要重新排队吗？")
    # the reasons first; then, in a line, what is still to send again (not the whole list once more)
    assert "3. 持证人身份证(正反面)：身份证反面不清晰" in reply
    assert reply.endswith("继续办理：\n还需重新上传：3. 持证人身份证(正反面)（回复序号选择该项；回复“进度”查看退回原因）。")


def test_an_unclear_question_offers_numbered_choices_and_a_letter_opens_one(chat):
    start(chat, "积分新办")
    reply = chat.send("材料怎么办？")
    assert "我不太确定" in reply and "A." in reply and "C." in reply and "人工" in reply
    answered = chat.send("A")
    assert "材料" in answered and "继续办理" in answered and chat.state["state"] == "name"


def test_an_out_of_domain_question_is_declined_politely_and_the_form_goes_on(chat):
    start(chat, "积分新办")
    reply = chat.send("明天上海会下雨吗？")
    assert "超出了我能回答的范围" in reply and "人工" in reply
    assert reply.rstrip().endswith("请输入您的姓名（与身份证一致）。")


def test_greetings_thanks_and_emoji_are_answered_kindly_and_never_count_against_the_applicant(chat):
    start(chat, "积分新办")
    replies = [chat.send(text) for text in ("你好", "谢谢", "在吗", "谢谢！", "您好", "thanks", "[微笑]", "/::)", "👍🏻")]
    assert all("超出" not in r and "遇到了困难" not in r and "不像是" not in r for r in replies)
    assert replies[0].startswith("您好，我在。") and replies[0].rstrip().endswith("请输入您的姓名（与身份证一致）。")
    assert replies[1].startswith("不客气")
    assert all(r.startswith("当前步骤") and "请输入您的姓名" in r for r in replies[6:])  # emoji alone: acknowledged
    assert chat.state["state"] == "name" and chat.state.get("failures", 0) == 0 and "name" not in chat.state["answers"]
    assert chat.conversations.store.find("escalation") == []
    assert chat.send("嗯嗯").startswith("当前步骤")  # an "okay" is small talk, not a name nor a failure
    assert "name" not in chat.state["answers"] and chat.state["failures"] == 0
    chat.send("张三")
    assert chat.state["answers"]["name"] == "张三"


def test_two_unanswered_questions_in_a_row_reach_support(chat):
    start(chat, "积分新办")
    # questions in our domain the knowledge base cannot answer (stocks or weather would be declined as out of scope)
    chat.send("积分系统里的红色感叹号是什么意思？")
    reply = chat.send("材料审核的老师有几个人？")
    assert "人工客服查看您的问题" in reply
    escalations = chat.conversations.store.find("escalation", user_id=chat.user)
    assert escalations and escalations[0]["reason"] == "low_confidence"


def test_subjects_outside_the_service_never_reach_support_unasked(chat):
    application_in(chat, "draft")  # at the checklist, where such messages are asked of the knowledge base
    chat.send("今天天气不错")
    reply = chat.send("股票怎么买")
    assert "人工客服查看您的问题" not in reply
    assert not chat.conversations.store.find("escalation", user_id=chat.user)


# -- questions about the applicant's own application ------------------------------------------------
def test_asking_why_it_was_returned_gets_this_applications_own_reasons(chat):
    application_in(chat, "returned", return_reason="委托单需重开", materials={
        "commission_form": {"status": "returned", "reason": "盖章日期超过两个月"}, "id_card": {"status": "approved"}})
    reply = chat.send("为什么被退回")  # the progress (fix28): the application's reason, then each item's
    assert reply.index("退回原因：委托单需重开") < reply.index("1. 咨询服务委托单【已退回】\n   退回原因：盖章日期超过两个月")


def test_asking_why_it_was_returned_with_nothing_begun_here_gets_the_entry_alone(chat):
    reply = chat.send("为什么被退回")  # it may have come back on another platform
    assert "被退回时可以看到退回原因" in reply and "您的申请" not in reply


@pytest.mark.parametrize("status, says", [(None, "还没有提交"), ("submitted", "当前状态：线上材料待审核")])
def test_asking_why_it_was_returned_when_it_was_not_says_so(chat, status, says):
    if status:
        application_in(chat, status)
    else:
        start(chat, "积分新办")
    assert says in chat.send("为什么被退回")
