"""The last reviews' small leftovers in the dialogue (fix67: review3 R5, R9), through the engine as an applicant meets
them."""
from __future__ import annotations

import pytest

from tests.support.chat import Chat, application_in, play

pytestmark = pytest.mark.answers_questions


def _reported(chat: Chat) -> list[str]:
    return [c["text"] for c in chat.application.get("reported_corrections") or []]


@pytest.mark.parametrize("worry", ["我怕手机号填错了", "会不会身份证号填错了", "好担心单位名称写错了", "我手机号没填错吧"])
def test_a_worry_in_review_is_no_correction_for_the_reviewer(chat, worry):
    """R5: a worry said in a correction's words was kept for the reviewer as the applicant's correction."""
    application_in(chat, "submitted")
    reply = chat.send(worry)
    assert _reported(chat) == [] and "转给审核人员核对更正" in reply and "已把您说的信息有误" not in reply
    if "手机" in worry:
        assert "您填写的手机号码是：138****8000" in reply  # the answer worried about, masked, to check


@pytest.mark.parametrize("case", ["我同事的手机号填错了", "我朋友单位名称写错了 被退回了"])
def test_another_persons_case_in_review_is_answered_not_reported(chat, case):
    application_in(chat, "submitted")
    reply = chat.send(case)
    assert _reported(chat) == [] and "已把您说的信息有误" not in reply and "提交审核前都可以改" in reply


@pytest.mark.parametrize("said", ["我怕身份证号填错了", "我同事的身份证号填错了"])
def test_a_worry_or_anothers_case_at_an_approval_opens_no_dispute(chat, said):
    """The same once approved had reported the approval's information wrong (a dispute: no confirmation until checked)."""
    application_in(chat, "approved")
    reply = chat.send(said)
    assert chat.application["status"] == "approved" and not chat.application.get("disputes")
    assert "已收到您反馈" not in reply and ("转给工作人员核对更正" in reply or "提交审核前都可以改" in reply)


@pytest.mark.parametrize("correction", ["单位名称写错了",
                                        "我怕身份证号填错了 应该是110105194912310038", "我老婆说我单位名称写错了"])
def test_a_real_correction_in_review_still_reaches_the_reviewer(chat, correction):
    application_in(chat, "submitted")
    assert "已把您说的信息有误" in chat.send(correction)
    assert _reported(chat) == [correction]


OPENING = ("你好", "积分新办", "2027-08-25", "同意")


@pytest.mark.parametrize("said", ["王 芳 李 四", "王芳 李四", "我叫王芳 李四", "王 小 明 李 四"])
def test_two_names_typed_apart_at_the_name_are_asked_about_not_joined(kb, said):
    """R9: "王 芳 李 四" (two people, typed apart) was joined into one name and saved: 王芳李四."""
    outcome = play(kb, *OPENING, said)
    assert "name" not in outcome.state["answers"] and outcome.state["state"] == "name"
    assert "像是两个人的姓名" in "\n".join(outcome.replies) and "李四" in "\n".join(outcome.replies)


@pytest.mark.parametrize(("said", "saved"), [("王 芳", "王芳"), ("王 芳芳", "王芳芳"), ("欧阳 娜娜", "欧阳娜娜"),
                                             ("司 马 相 如", "司马相如"), ("张 三 丰", "张三丰"), ("张伟 谢谢", "张伟"),
                                             ("王芳 江苏人", "王芳")])
def test_one_name_typed_apart_is_still_joined(kb, said, saved):
    assert play(kb, *OPENING, said).state["answers"]["name"] == saved
