"""The tester's round try16 (fix50), T8: an HR clerk typing for an employee names the employee after its word ("员工叫
马丽"); that name is the applicant's, never words of the clerk's own sentence ("帮员工填")."""
from __future__ import annotations

import pytest

from tests.support.chat import play

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]


# -- T8: the employee's name after 员工叫 ---------------------------------------------------------------------
@pytest.mark.parametrize("said, name", [
    ("我是HR 帮员工填的 员工叫马丽", "马丽"),
    ("我是人事 替员工办的 员工叫王小红", "王小红"),
    ("帮员工填的 员工名字叫李强", "李强"),
    ("人事代填 同事叫周敏", "周敏"),
])
def test_an_employees_name_after_its_word_is_the_name(kb, said, name):
    """"我是HR 帮员工填的 员工叫马丽" saved the name 帮员工填."""
    outcome = play(kb, *AGREED, said)
    assert outcome.state["answers"]["name"] == name
