"""review4's findings on fix19's code (fix22), taken through the engine: a range of counts is asked again,
never saved as one number nor raised out of the turn; another person's number is not the applicant's; children
living elsewhere are not counted as living with the applicant."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, at_question

TO_SOCIAL_YEARS = [*BASIC, "社保"]


# R8: a range of neighbouring numerals in a sentence ("社保交了五六年") raised out of the turn (no reply); it is
# said back as a range and asked as one count.
@pytest.mark.parametrize("said, first, second", [("社保交了五六年", 5, 6), ("交了十五六年", 15, 16)])
def test_a_range_in_a_sentence_is_asked_as_one_count(chat, said, first, second):
    at_question(chat, "social_years", TO_SOCIAL_YEARS)
    reply = chat.send(said)
    assert f"您说的是{first}到{second}" in reply
    assert chat.state["state"] == "social_years" and "social_years" not in chat.state["answers"]
