"""Bare acknowledgements and feelings (nlu23), by the convention of dialogs/understanding/corpus/README.md: an
acknowledgement where no yes is asked ("好的", "收到", "了解") is small talk, and after the checklist it gets the
step waiting in a line — never an error, never the knowledge base's answer to words that ask nothing, never how to
choose a material while the application is with the reviewers. A feeling of the applicant's own gets a kind word and
the question waiting, once."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import BASIC, application_in, at_question, play, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base: a bare okay must not reach it

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
AT_THE_CHECKLIST = [*AGREED, *BASIC, "0", "确认"]
SORRY_WORDS = ("抱歉", "没有找到", "不能确定", "不太确定", "无法")


@pytest.mark.parametrize("said", ["好的", "收到", "了解"])
def test_a_bare_okay_at_the_checklist_says_how_to_go_on(kb, said):
    outcome = play(kb, *AT_THE_CHECKLIST, said)
    replies = "\n".join(outcome.replies)
    assert render.CHOOSE_MATERIAL in replies
    assert not any(word in replies for word in SORRY_WORDS)


@pytest.mark.parametrize("said", ["好的", "收到"])
def test_a_bare_okay_once_submitted_is_told_where_the_application_stands(chat, said):
    """"收到" after submitting got "回复材料序号选择要上传的材料" (the hint to choose a material, under review)."""
    application_in(chat, "submitted")
    reply = chat.send(said)
    assert "当前状态" in reply
    assert render.CHOOSE_MATERIAL not in reply


def test_a_bare_okay_after_a_return_gets_no_answer_it_never_asked_for(chat):
    """"好的" after a return got the knowledge base's entry on returns: an answer to a question nobody asked."""
    application_in(chat, "returned")
    reply = chat.send("好的")
    assert "被退回时可以看到退回原因" not in reply
    assert reply.count("\n") <= 1  # the step waiting, in a line


@pytest.mark.parametrize("said", ["累得腰都直不起来", "好紧张 手心都出汗了"])
def test_a_feeling_at_a_question_gets_a_kind_word_and_the_question_once(chat, said):
    start(chat, "积分新办")
    at_question(chat, "employer")
    reply = chat.send(said)
    assert reply.startswith(render.TAKE_YOUR_TIME)
    assert reply.count("单位的全称") == 1
    assert "employer" not in chat.state.get("answers", {})


def test_a_feeling_at_the_checklist_gets_the_next_step_not_the_whole_list(kb):
    outcome = play(kb, *AT_THE_CHECKLIST, "心好累")
    assert outcome.replies[0] == render.TAKE_YOUR_TIME
    said = "\n".join(outcome.replies)
    assert "下一项建议上传" in said and "【未上传】" not in said
