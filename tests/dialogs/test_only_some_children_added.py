"""try15 T58: "两个娃 但只想加一个" saved 同住子女 2: the question asks for the children to be added, and only one is.
The number added is kept ("只想加…", "老二读高中了不加": those left)."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AT_CHILDREN = ["你好", "积分新办", "2027-08-25", "同意", *BASIC[:3]]


@pytest.mark.parametrize("said, added", [("三个小孩 只打算加一个", 1), ("俩孩子，只准备报小的", 1),
                                         ("三个孩子 老大读研了不加", 2)])
def test_only_the_children_to_be_added_are_counted(kb, said, added):
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["answers"]["children"] == added
