"""What the review of the session's change found: in the children's count (R7) 男 is a son only beside a
daughter counted ("一男一女"), never a man or a boyfriend; a job change at the checklist (R14) is the applicant's new
employer only when it is their own and done."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AT_CHILDREN = ("你好", "1", "2027-08-25", "同意", *BASIC[:3])


@pytest.mark.parametrize("said, count", [("一男一女", 2), ("一个男的一个女的", 2), ("两男一女", 3),
                                         ("我一个男人带一个女儿", 1)])
def test_a_son_said_as_male_counts_only_beside_a_daughter(kb, said, count):
    assert play(kb, *AT_CHILDREN, said).state["answers"].get("children") == count


AT_CHECKLIST = ("你好", "1", "2027-08-25", "同意", *BASIC, "0", "确认")


@pytest.mark.parametrize("said", ["我朋友跳槽了 现在在上海甲乙有限公司", "我打算跳槽 去上海甲乙有限公司",
                                  "老公准备换工作 现在在谈上海甲乙有限公司"])
def test_a_job_change_someone_elses_or_planned_is_not_the_new_employer(kb, said):
    # review3 R14: the friend's employer, and "去上海甲乙有限公司", were saved as the applicant's
    assert play(kb, *AT_CHECKLIST, said).state["answers"]["employer"] == BASIC[2]


def test_the_applicants_own_job_change_is_still_taken(kb):
    assert play(kb, *AT_CHECKLIST, "我上个月跳槽了 现在在上海甲乙有限公司").state["answers"]["employer"] == "上海甲乙有限公司"
