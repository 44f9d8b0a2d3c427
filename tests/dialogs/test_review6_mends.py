"""The short review of the late merges (review6): another person's job change retyped the application, a fresh start
after "都删了" asked to erase one's data, a hukou denied after 同住 refused the companion option, a number taken
back was kept when 也/还有 came later in the message."""
from __future__ import annotations

import pytest

from dialogs.events import Escalate
from dialogs.understanding.features import match_form
from dialogs.understanding.items import places
from tests.support.chat import BASIC, application_in, play

pytestmark = pytest.mark.answers_questions

CHOSEN = ["你好", "积分新办", "2027-08-25"]
AT_SPOUSE = [*CHOSEN, "同意", *BASIC[:3], "0", "已婚", *BASIC[5:]]


@pytest.mark.parametrize("said", ["我老公换过单位的", "我同事是换过单位的"])
def test_another_persons_job_change_never_retypes_the_application(kb, said):
    assert play(kb, *CHOSEN, said).state["answers"]["business_type"] == "new"


@pytest.mark.parametrize("said", ["不弄了 都删了重新来", "这个不做了 全删了重拍"])
def test_a_fresh_start_after_everything_deleted_is_no_erase_request(kb, said):
    outcome = play(kb, *CHOSEN, "同意", said)
    assert not any(isinstance(e, Escalate) for e in outcome.effects)
    assert "个人信息" not in "\n".join(outcome.replies)


def test_giving_up_with_everything_deleted_is_still_the_erase_request(kb):
    outcome = play(kb, *CHOSEN, "同意", "不想办了 全部删掉")
    assert any(isinstance(e, Escalate) for e in outcome.effects) and "个人信息" in "\n".join(outcome.replies)


@pytest.mark.parametrize("said", ["同住 她没有上海户口", "同住 她不是上海户口"])
def test_the_hukou_denied_after_the_companion_option_is_its_reason(kb, said):
    assert play(kb, *AT_SPOUSE, said).state["answers"]["spouse_options"] == ["spouse_companion"]


def test_a_denial_after_the_companion_option_still_chooses_none(kb):
    assert play(kb, *AT_SPOUSE, "同住 不加").state["answers"]["spouse_options"] == []


@pytest.mark.parametrize(("said", "meant"), [("5号 说错了 6号 还有照片要传", [6]), ("第3项 不对 是第4项 我也不知道怎么拍", [4]),
                                             ("第5项错了 第6项也错了", [5, 6]), ("第3项说错了的话 第4项呢", [3, 4])])
def test_a_place_is_taken_back_unless_the_next_one_is_added_to_it(said, meant):
    assert places(match_form(said)) == meant


@pytest.mark.parametrize("said", ["我姐姐的户籍填错了", "我爸的手机号填错了"])
def test_a_relatives_own_case_once_submitted_is_no_correction_for_the_reviewer(chat, said):
    application_in(chat, "submitted")
    chat.send(said)
    assert not chat.application.get("reported_corrections")


def test_the_applicants_family_answer_once_submitted_is_still_reported(chat):
    application_in(chat, "submitted")
    chat.send("孩子数量填错了 应该是2个")
    assert chat.application.get("reported_corrections")


@pytest.mark.parametrize("said", ["申办信息有误是什么意思", "信息有误吗", "申办信息有误 要怎么操作"])
def test_the_dispute_command_asked_about_once_approved_reports_nothing(chat, said):
    application_in(chat, "approved")
    assert "后面写明哪里有误" in chat.send(said)
    assert chat.application["status"] == "approved"


def test_the_dispute_command_with_what_is_wrong_is_still_reported(chat):
    application_in(chat, "approved")
    chat.send("申办信息有误 单位名称不对")
    assert chat.application["status"] == "disputed"
