"""What the review of the session's change found: in the children's count (R7) 男 is a son only beside a
daughter counted ("一男一女"), never a man or a boyfriend; a job change at the checklist (R14) is the applicant's new
employer only when it is their own and done."""
from __future__ import annotations

import pytest

from dialogs.materials_stage import pages_added
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


@pytest.mark.parametrize("said", ["我上个月跳槽了 现在在上海甲乙有限公司", "我从其他公司跳槽了 现在在上海甲乙有限公司"])
def test_the_applicants_own_job_change_is_still_taken(kb, said):
    assert play(kb, *AT_CHECKLIST, said).state["answers"]["employer"] == "上海甲乙有限公司"


@pytest.mark.parametrize("said", ["我叫王芳 打错了 是王方 手机号13800138000", "我叫王芳 打错了 王方 身份证110101199003078515"])
def test_a_name_put_right_beside_another_answer_is_the_one_kept(kb, said):
    # review4 S4: the other answer named after the correction made the whole correction lost (王芳 kept)
    assert play(kb, "你好", "1", "2027-08-25", "同意", said).state["answers"]["name"] == "王方"


@pytest.mark.parametrize("said, added", [("不追加", None), ("不要保留原来的", None), ("第一个不要", None),
                                         ("要追加", True), ("不要替换", True), ("原来的不要了", False)])
def test_adding_pages_denied_is_asked_again_never_read_as_adding(said, added):
    # review4 S1: "不追加", "第一个不要" added the pages to the saved file
    assert pages_added(said) is added
