"""review8's findings on the late merges (fix77), each through the engine."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, application_in, events_after, play, returned_with

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

DRAFT = ("你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认")


# -- R8-2: a worry or a question after 信息有误 (or a change word) is no correction kept for the reviewer ----------------
@pytest.mark.parametrize("said", ["信息有误 是不是手机号填错了", "信息有误 我担心身份证号填错了",
                                  "信息有误 我也不知道哪里错了", "申办信息有误 请问在哪看"])
def test_a_worry_or_question_under_review_is_not_kept_as_a_correction(chat, said):
    application_in(chat, "submitted")
    chat.send(said)
    assert not chat.application.get("reported_corrections")


def test_a_correction_said_under_review_is_still_kept(chat):
    application_in(chat, "submitted")
    chat.send("信息有误 身份证号错了一位 应该是最后一位X")
    assert chat.application.get("reported_corrections")


@pytest.mark.parametrize("said", ["修改 名字写错了怎么改", "更正 单位名称 应该怎么弄"])
def test_a_question_with_a_change_word_at_a_return_is_not_kept_as_a_correction(chat, said):
    returned_with(chat, {"labor_contract": "劳动合同缺少单位盖章页"})
    chat.send(said)
    assert not chat.application.get("reported_corrections")
