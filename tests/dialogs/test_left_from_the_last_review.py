"""Misreadings left open by the last review (brief fix13, 2026-12-04), each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import at_question

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


# -- R5: a bonus option denied in a guess ("…没有吧？") is never chosen -------------------------------
@pytest.mark.parametrize("said, chosen", [("学历加分我应该没有吧？社保有的", ["social_insurance"]),
                                          ("学历我没有吧？社保有的", ["social_insurance"]),
                                          ("职称应该没有的吧 社保有", ["social_insurance"]),
                                          ("学历加分我应该没有吧？职称有", ["title"])])
def test_a_bonus_option_denied_in_a_guess_is_not_chosen(chat, said, chosen):
    at_question(chat, "bonus_options")
    reply = chat.send(said)
    assert chat.state["answers"]["bonus_options"] == chosen
    assert "学历加分" not in reply.split("加分选项：")[1].split("\n")[0]
