"""fix75: try21's approval, first-message and staff findings, through the engine."""

from __future__ import annotations

import pytest

from tests.support.chat import Chat, application_in

pytestmark = pytest.mark.answers_questions

CONFIRM_BY = "2026-11-26T23:59:59+08:00"


def _approved(chat: Chat) -> str:
    return application_in(chat, "approved", confirm_by=CONFIRM_BY)


# -- X19: a confirm word with an error said beside it is the error's report, never the (final) confirmation ---------------

@pytest.mark.parametrize("said", ["确认 不过我的邮箱地址填错了", "确定吧 但是单位名称写错了两个字", "确认 只是手机号有一位不对"])
def test_a_confirmation_with_an_error_beside_it_reports_the_error(chat, said):
    _approved(chat)
    reply = chat.send(said)
    assert chat.application["status"] == "disputed" and "已确认申办信息" not in reply
    assert "已收到您反馈的申办信息问题" in reply


def test_a_plain_confirmation_still_confirms(chat):
    _approved(chat)
    assert "已确认申办信息" in chat.send("信息都对 确认")
    assert chat.application["status"] == "done"


# -- X58: the details found right, the confirmation put off to later: not confirmed, and by when it must be -------------

@pytest.mark.parametrize("said", ["信息都没问题 不过我想明天再确认", "核对过了 等过两天再确认吧", "内容没错 我下班以后再确认"])
def test_a_confirmation_put_off_to_later_confirms_nothing(chat, said):
    _approved(chat)
    reply = chat.send(said)
    assert chat.application["status"] == "approved" and "已确认申办信息" not in reply
    assert "先不确认" in reply and "2026-11-26 23:59" in reply


# -- X59, X20: the confirmation said in a clause of its own, with a question of another matter, or after "not yet" -------

def test_a_confirmation_with_a_question_after_it_confirms_and_answers(chat):
    _approved(chat)
    reply = chat.send("都没问题 确认 另外问一下积分通知书怎么打印")
    assert chat.application["status"] == "done" and "已确认申办信息" in reply
    assert "打印积分通知书" in reply and "还需要您确认" not in reply


def test_the_confirmation_said_after_not_yet_having_confirmed_confirms(chat):
    _approved(chat)
    chat.send("进度")
    assert "已确认申办信息" in chat.send("噢 原来我还没确认 确认")
    assert chat.application["status"] == "done"


@pytest.mark.parametrize("said", ["确认 确认以后还能改吗", "确认 等一下 先别"])
def test_a_confirmation_followed_by_its_own_doubt_is_not_run(chat, said):
    _approved(chat)
    chat.send(said)
    assert chat.application["status"] == "approved"


# -- X64: the details found right and a question after 不过: answered, nothing disputed or confirmed -----------------------

@pytest.mark.parametrize("said", ["信息全对 不过我想问问大概能打多少分", "都没错的 就是想问下分数怎么算"])
def test_right_details_and_a_question_answer_the_question(chat, said):
    _approved(chat)
    reply = chat.send(said)
    assert chat.application["status"] == "approved"
    assert "申办信息有误”后面写明" not in reply and "已收到您反馈" not in reply and "已确认申办信息" not in reply


# -- X53: an applicant of Shanghai hukou asking whether they may apply: the points are the permit holders', no spouse's
#    entry, and no business type offered as though they went on ------------------------------------------------------

@pytest.mark.parametrize("first", ["本人上海户口 可以申请积分吗", "我户口在上海的 要办这个积分吗"])
def test_an_applicant_of_shanghai_hukou_is_told_the_points_are_not_theirs(chat, first):
    chat.send("你好")
    reply = chat.send(first)
    assert "持有上海市居住证" in reply and "不用申请居住证积分" in reply
    assert "配偶" not in reply and "1. 积分新办" not in reply and "办理" in reply
    assert chat.state["state"] == "business_type" and chat.application is None


# -- X60: the confirmation refused for a trouble ("确认不了 系统登不上"): nothing confirmed, and the trouble answered -----

def test_a_confirmation_refused_for_a_login_trouble_answers_the_trouble(chat):
    _approved(chat)
    reply = chat.send("确认不了 积分系统登录不进去")
    assert chat.application["status"] == "approved" and "先不确认" in reply
    assert "63721888*3230" in reply and "2026-11-26 23:59" in reply


# -- X49: a report of 申办信息有误 taken back in words that confirm nothing: how to withdraw it and confirm is asked --------

def test_a_dispute_taken_back_without_a_confirmation_is_asked_about(chat):
    _approved(chat)
    chat.send("申办信息有误 邮箱不对")
    reply = chat.send("噢 是我看错了 不用改了")
    assert chat.application["status"] == "disputed" and "不改了 确认" in reply
    assert "已确认申办信息" in chat.send("不改了 确认")
    assert chat.application["status"] == "done"


# -- X21: "办理" once the application is done begins a new one with its business type asked, never 积分新办 again ------------

def test_the_start_word_after_a_finished_application_asks_the_business_type(chat):
    _approved(chat)
    chat.send("确认申办信息")
    reply = chat.send("办理")
    assert "请选择您要办理的业务类型" in reply and "2. 积分续办" in reply
    assert chat.state["state"] == "business_type" and "business_type" not in chat.state.get("answers", {})
    assert "居住证有效期" in chat.send("积分续办")
    assert chat.state["answers"]["business_type"] == "renew"


# -- X50: once done, what comes next and where the papers go: the formal application at the district's centre -----------

def test_what_comes_after_a_finished_pre_review_is_the_formal_application(chat):
    _approved(chat)
    chat.send("确认申办信息")
    reply = chat.send("都确认完了 那我下一步该干嘛 材料往哪交")
    assert "人才服务中心受理点" in reply and "签字盖章的申请表" in reply and "回复“进度”即可" not in reply


# -- X8: after submission a file said sent wrong is about a file, and a business type said wrong is no reviewer's fix ----

def test_a_wrong_file_after_submission_is_told_how_files_are_replaced(chat):
    application_in(chat, "submitted")
    reply = chat.send("身份证那个文件传错了 能换吗")
    assert "不能自己更换文件" in reply and "退回" in reply and "审核时会一并核对更正" not in reply
    assert [c["text"] for c in chat.application.get("reported_corrections") or []] == ["身份证那个文件传错了 能换吗"]


def test_a_wrong_business_type_after_submission_is_not_promised_a_correction(chat):
    application_in(chat, "submitted")
    reply = chat.send("其实我应该办续办的 选错了")
    assert "审核时会一并核对更正" not in reply and "人工" in reply


# -- X15: "我想重新来一遍" at the checklist, nothing chosen or in hand: starting the whole application over is asked about -----

def test_starting_over_at_the_checklist_is_asked_about_not_read_as_a_retake(chat):
    application_in(chat, "draft")
    reply = chat.send("我想整个重新来一遍")
    assert "确定要重新开始吗" in reply and "没有要删除或重拍的" not in reply
    assert "已取消重新开始" in chat.send("算了") and chat.application["status"] == "draft"
