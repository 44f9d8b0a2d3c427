"""Every option wanted, said as their count ("五个都要" of the five bonus options), is all of them, not
the option numbered 5."""
from __future__ import annotations

import pytest

from dialogs.understanding import interpret

_ALL_FIVE = ["title", "education", "social_insurance", "shortage_major", "graduate"]


@pytest.mark.parametrize("text", ["5个全要", "五样都有", "都选上 五项都要"])
def test_the_count_of_all_options_chooses_them_all(text):
    best = interpret("bonus_options", text)[0]
    assert (best.kind, best.value) == ("answer", _ALL_FIVE)


def test_a_count_short_of_all_is_no_count_of_them_all():
    assert interpret("bonus_options", "四个都要")[0].value != _ALL_FIVE
