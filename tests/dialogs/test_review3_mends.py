"""What the review of the session's change found in the children's count (review3 R7): 男 is a son only beside a
daughter counted ("一男一女"), never a man or a boyfriend."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AT_CHILDREN = ("你好", "1", "2027-08-25", "同意", *BASIC[:3])


@pytest.mark.parametrize("said, count", [("一男一女", 2), ("一个男的一个女的", 2), ("两男一女", 3),
                                         ("我一个男人带一个女儿", 1)])
def test_a_son_said_as_male_counts_only_beside_a_daughter(kb, said, count):
    assert play(kb, *AT_CHILDREN, said).state["answers"].get("children") == count
