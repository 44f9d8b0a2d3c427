"""A message of punctuation alone at a return (a sigh typed as dots, a row of question marks) is read as
nothing said, never a crash: the return's check for "which items failed" read the message's last clause,
and punctuation alone has none."""
from __future__ import annotations

import pytest

from tests.support.api import RETURN_TWO
from tests.support.chat import application_in


@pytest.mark.parametrize("said", ["……", "？？？", "!!"])
def test_punctuation_alone_at_a_return_is_answered_not_a_crash(chat, said):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    reply = chat.send(said)
    assert "退回原因" in reply or "回复“进度”" in reply  # the step's own guidance again
