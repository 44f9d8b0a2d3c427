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
