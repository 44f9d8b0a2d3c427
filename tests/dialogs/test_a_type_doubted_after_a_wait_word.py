"""A wait word before a fact that suggests another business type, once one is chosen (try20 W7 in other words,
fix68's leftover): the type is put in doubt or changed, said; never "已为您暂存" as if the applicant had left."""
from __future__ import annotations

import pytest

from tests.support.chat import play

CHOSEN = ["你好", "积分新办", "2027-08-25"]


@pytest.mark.parametrize("said", ["稍等 实际上我已经换了单位", "等会儿 我其实是换了工作 积分没过期"])
def test_a_job_change_told_after_a_wait_word_is_no_pause(kb, said):
    outcome = play(kb, *CHOSEN, said)
    replies = "\n".join(outcome.replies)
    assert "暂存" not in replies
    assert "单位信息变更" in replies


def test_a_wait_with_its_reason_is_still_a_pause(kb):
    assert "暂存" in "\n".join(play(kb, *CHOSEN, "等下 我去拿下身份证").replies)
