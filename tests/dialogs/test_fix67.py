"""The last reviews' small leftovers in the dialogue (fix67: review3 R5, R9), through the engine as an applicant meets
them."""
from __future__ import annotations

from datetime import timedelta

import pytest

from bot.applicant.conversation import Conversations
from dialogs import clock
from dialogs.events import Image
from tests.support.chat import TODAY, Chat, application_in, at_question, play

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


# -- V7: "欢迎回来" first, once, only after a real pause -----------------------------------------------------
def test_after_a_pause_the_first_message_of_any_kind_is_welcomed_first(chat):
    """A command ("进度") or a photo after 暂停 was not welcomed; the welcome came on a later answer, mid-dialogue."""
    at_question(chat, "employer")
    chat.send("暂停")
    assert chat.send("进度").startswith("欢迎回来！我们从上次暂存的地方继续")
    assert "欢迎回来" not in chat.send("上海某某科技有限公司")
    chat.send("暂停")
    assert chat.conversations.handle(chat.user, Image("m1"))[0].startswith("欢迎回来")
    assert "欢迎回来" not in chat.send("0")


def test_an_answer_after_a_week_away_is_said_back_under_the_welcome(sqlite_store):
    """After more than a week, the answer was taken silently under the long welcome (the pause's said it back)."""
    now = [TODAY]
    chat = Chat(Conversations(sqlite_store, now=lambda: now[0]))
    at_question(chat, "employer")
    now[0] += timedelta(days=9)
    reply = chat.send("上海某某科技有限公司")
    assert reply.startswith("欢迎回来！距离上次已经过去 9 天") and reply.count("欢迎回来") == 1
    assert "上海某某科技有限公司" in chat.last[1]


def test_no_welcome_back_while_the_reviewers_have_the_application(sqlite_store):
    """Ten days after submitting, "进度" was told "欢迎回来…填写的信息都还在，我们接着办": the applicant was waiting."""
    now = [TODAY]
    chat = Chat(Conversations(sqlite_store, now=lambda: now[0]))
    application_in(chat, "submitted")
    now[0] += timedelta(days=10)
    assert "欢迎回来" not in chat.send("进度")


def test_a_reply_to_a_return_notice_is_no_return_from_a_pause(sqlite_store):
    """Returned ten days after the last turn: the applicant answering the notice was not away."""
    now = [TODAY]
    chat = Chat(Conversations(sqlite_store, now=lambda: now[0]))
    app_id = application_in(chat, "submitted")
    now[0] += timedelta(days=10)
    returned = {"seq": 1, "status": "returned", "at": clock.stamp(now[0]), "reason": "合同不清晰"}
    sqlite_store.update("application", app_id, lambda a: {**a, "status": "returned", "history": [returned]})
    assert "欢迎回来" not in chat.send("哪里不对")
    now[0] += timedelta(days=9)  # nine days after the return, with nothing done: a pause
    assert chat.send("进度").startswith("欢迎回来！距离上次已经过去 9 天")
