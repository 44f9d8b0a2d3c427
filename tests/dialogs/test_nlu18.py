"""nlu18: shapes the classifier misread, in our own words through the engine: WeChat emoji typed as their
codes, a question about why an answer is asked, feelings beside the step, who may apply, form-style answers."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

pytestmark = pytest.mark.answers_questions

OPENING = ("你好", "积分新办", "2027-08-25")
AT_NAME = (*OPENING, "同意")
AT_SUMMARY = (*AT_NAME, *BASIC, "0")


# -- an okay emoji alone where a yes is asked agrees; elsewhere it is a feeling, never an answer --------------
@pytest.mark.parametrize("said", ["[OK]", "/:ok", "👍"])
def test_an_okay_emoji_agrees_to_the_commitment(kb, said):
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"]["consent"] == "agree" and outcome.state["state"] == "name"


def test_an_okay_emoji_confirms_the_summary(kb):
    outcome = play(kb, *AT_SUMMARY, "[OK]")
    assert outcome.state["answers"]["confirmed"] == "confirm"


@pytest.mark.parametrize("said", ["[OK]", "[捂脸]"])
def test_an_emoji_alone_at_the_name_is_no_name(kb, said):
    outcome = play(kb, *AT_NAME, said)
    assert "name" not in outcome.state["answers"] and outcome.state["state"] == "name"


AT = {"id_number": (*AT_NAME, BASIC[0]), "children": (*AT_NAME, *BASIC[:3]), "mobile": (*AT_NAME, *BASIC[:5]),
      "bonus_options": (*AT_NAME, *BASIC)}


# -- why an answer is asked, at its question: what it is used for, the question again; nothing saved or refused ----
@pytest.mark.parametrize("field", sorted(AT))
@pytest.mark.parametrize("said", ["问这个干嘛", "要这个有什么用", "为啥要填这个"])
def test_why_an_answer_is_asked_is_answered_and_the_question_asked_again(kb, field, said):
    before = play(kb, *AT[field][:-1], AT[field][-1]).state
    outcome = play(kb, *AT[field], said)
    replies = "\n".join(outcome.replies)
    assert outcome.state["answers"] == before["answers"] and outcome.state["state"] == field
    assert "继续办理" in replies and "不像是" not in replies and "当前步骤" not in replies
