"""Small talk, questions and subjects beside the service where the corpus is mostly commands (fix55), each through the
engine in other words (none of the development sets' texts): a question about how the review works is no progress
wanted; a remark once submitted is no look at the progress, nor one while choosing materials a step of them."""
from __future__ import annotations

import pytest

from dialogs.understanding import interpret
from dialogs.understanding.classifier import trained
from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions
SHOWN = ["咨询服务委托单", "承诺书", "持证人身份证(正反面)", "上海市居住证", "劳动(聘用)合同", "社保缴费记录"]


def _read(point: str, said: str, kb) -> tuple[str, str | None]:
    best = interpret(point, said, kb=kb, classifier=trained(), checklist=SHOWN)[0]
    return best.kind, best.command


# -- 1. how the review works, asked once submitted: the knowledge base's, not the progress ------------------------
@pytest.mark.parametrize("said", ["礼拜六有人审核伐", "审核的是哪个单位的人"])
def test_a_question_on_how_the_review_works_is_no_progress_asked_for(chat, kb, said):
    """"礼拜六礼拜天有人审伐" and "审核的人是那个部门的" once submitted listed the whole status: 审 is a word of
    the progress, and most of the corpus at this point is commands."""
    application_in(chat, "submitted")
    asked = chat.send(said)
    assert asked != chat.send("进度")
    assert _read("submitted", said, kb)[0] == "question"
