"""try18's smaller findings the lead fixed: an ID number ending in the multiplication sign a phone keyboard offers
for X (U38), and a returned applicant's status said in their words, with what is theirs to do (U37)."""
from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import clock, lifecycle

from tests.support.chat import application_in, play

_AT_ID_NUMBER = ("你好", "1", "2027-08-25", "同意", "韩梅梅")


@pytest.mark.parametrize("said", ["32050219910909123×", "320502 19910909 123✕", "身份证号32050219910909123×"])
def test_an_id_number_ending_in_a_times_sign_is_read_with_its_x(said):
    outcome = play(None, *_AT_ID_NUMBER, said)
    assert outcome.state["answers"]["id_number"] == "32050219910909123X"


def test_a_times_sign_elsewhere_is_left_alone():
    outcome = play(None, *_AT_ID_NUMBER, "3×4")
    assert "id_number" not in outcome.state["answers"]


@pytest.mark.answers_questions
def test_a_returned_applicants_complaint_says_what_is_still_to_upload_never_the_platforms_word(chat):
    application_in(chat, "draft")
    codes = chat.application["checklist"]
    chat.conversations.store.update("application", chat.application["id"], lambda a: {
        **a, "status": "returned", "history": [{"status": "returned", "at": "2026-11-24T10:00:00+08:00"}],
        "materials": {c: ({"status": "returned", "reason": "毕业证与学位证混淆"} if c == "labor_contract"
                          else {"status": "approved", "sha256": "a" * 64}) for c in codes}})
    reply = chat.send("你们审核的人是不是眼瞎 毕业证和学位证都分不清 我要投诉")
    assert "外服退材料" not in reply and "需补充材料" in reply and "劳动(聘用)合同" in reply
    assert "审核结果会通过微信通知您" not in reply


# -- U12: a new mobile or e-mail sent at approval holds the automatic confirmation until staff decide -------------------
@pytest.mark.parametrize("said, field", [("手机号填错了 应该是13912345679", "mobile"),
                                         ("邮箱写错了 应该是lintao@alibaba.com", "email")])
def test_a_contact_put_right_at_approval_holds_the_confirmation_until_staff_decide(chat, said, field):
    application_in(chat, "approved", confirm_by="2026-11-26T23:59:59+08:00")
    reply = chat.send(said)
    record = chat.application
    assert record["status"] == "approved" and field in record["pending_contact"] and "不会自动确认" in reply
    assert not lifecycle.due_for_auto_confirmation(record, datetime(2026, 12, 1, tzinfo=clock.SHANGHAI))
    refused = chat.send("确认申办信息")
    assert chat.application["status"] == "approved" and "还在等工作人员更新" in refused


def test_the_decision_on_the_contact_starts_the_two_days_again():
    record = {"status": "approved", "answers": {"mobile": "13800138000"}, "confirm_by": "2026-11-26T23:59:59+08:00",
              "pending_contact": {"mobile": {"old": "13800138000", "new": "13912345679", "at": "2026-11-25T10:00:00+08:00"}}}
    now = datetime(2026, 12, 1, 9, 0, tzinfo=clock.SHANGHAI)
    decided = lifecycle.contact_change_decided(record, "mobile", "apply", reviewer="r", now=now)
    assert decided["confirm_by"].startswith("2026-12-03T23:59:59") and decided["answers"]["mobile"] == "13912345679"
    assert lifecycle.due_for_auto_confirmation(decided, datetime(2026, 12, 4, tzinfo=clock.SHANGHAI))
