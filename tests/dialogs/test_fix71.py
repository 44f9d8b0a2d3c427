"""fix71: review5's findings (part A) through the engine."""

from __future__ import annotations

import pytest

from tests.support.chat import Chat, application_in, returned_with

pytestmark = pytest.mark.answers_questions


def _reported(chat: Chat) -> list[str]:
    return [c["text"] for c in chat.application.get("reported_corrections") or []]


@pytest.mark.parametrize("correction", ["孩子数量填错了 应该是2个", "配偶户籍填错了 她不是上海的", "孩子的人数填错了"])
def test_a_correction_of_the_applicants_family_answers_reaches_the_reviewer(chat, correction):
    """Q1: the children count and the spouse's options are the applicant's own answers, not another person's case."""
    application_in(chat, "submitted")
    assert "已把您说的信息有误" in chat.send(correction)
    assert _reported(chat) == [correction]


@pytest.mark.parametrize("correction", ["孩子数量填错了，应该是两个", "我家孩子数量填错了"])
def test_a_correction_of_the_applicants_family_answers_disputes_an_approval(chat, correction):
    application_in(chat, "approved", confirm_by="2026-11-26T10:00:00+08:00")
    assert "已收到您反馈的申办信息问题" in chat.send(correction)
    assert chat.application["status"] == "disputed"


def test_the_childs_own_case_is_still_anothers(chat):
    application_in(chat, "submitted")
    reply = chat.send("孩子的身份证号填错了")
    assert _reported(chat) == [] and "已把您说的信息有误" not in reply


_RETURNED = {"id_card": "身份证反面不清晰", "labor_contract": "合同已过期，请上传续签合同",
             "commission_form": "委托单落款日期超过两个月"}


@pytest.mark.parametrize("said", ["委托单上的日期我看了 是超过两个月了", "合同是今年续签的 我这就传新的",
                                  "委托单日期是10月8号开的 还能用吗"])
def test_agreeing_promising_or_asking_at_a_return_files_no_objection(chat, said):
    """Q12: the contest model had filed agreement, a promise to upload and a question as objections for staff."""
    returned_with(chat, _RETURNED)
    reply = chat.send(said)
    escalations = chat.conversations.store.find("escalation", user_id=chat.user)
    assert not [e for e in escalations if e["reason"] == "return_contested"] and "意见转给工作人员复核" not in reply


def test_an_objection_at_a_return_is_still_filed(chat):
    returned_with(chat, {"labor_contract": "合同已过期，请上传续签合同"})
    chat.send("说我合同过期 明明写着到2028年 你们搞错了")
    escalations = chat.conversations.store.find("escalation", user_id=chat.user)
    assert [e for e in escalations if e["reason"] == "return_contested"]


def test_the_dispute_command_with_a_worry_still_files_the_dispute(chat):
    """Q8: the very words the approval notice asks for (申办信息有误 …) are the applicant's report, whatever follows."""
    application_in(chat, "approved", confirm_by="2026-11-26T10:00:00+08:00")
    assert "已收到您反馈的申办信息问题" in chat.send("申办信息有误 是不是手机号填错了")
    assert chat.application["status"] == "disputed"


def test_no_welcome_back_after_a_pause_while_the_reviewers_have_the_application(chat):
    """Q9: "暂停" then "进度" while submitted was welcomed back as if a form were left half done."""
    application_in(chat, "submitted")
    chat.send("暂停")
    reply = chat.send("进度")
    assert "欢迎回来" not in reply and "审核" in reply
    assert "欢迎回来" not in chat.send("进度")
