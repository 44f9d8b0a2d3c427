"""What the tester playing applicants saw go wrong (try9, the part fix25 took): wrong data saved and
corrections refused at the form's questions, each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

FORM = ["积分新办", "2027-08-08", "同意", "韩梅梅", "410522199001013456", "上海某某教育科技有限公司", "0", "未婚",
        "13812345678", "无"]
AT_NAME = FORM[:3]


@pytest.mark.parametrize("said", ["我老婆叫李娜", "我儿子的名字是张小明", "我妈叫刘梅"])
def test_a_family_members_name_is_not_saved_as_the_applicants(kb, said):
    """T45: "我老婆叫李娜" at the name question saved 李娜 as the applicant's name; a family member's
    number is refused there, and so is a family member's name."""
    outcome = play(kb, *AT_NAME, said)
    assert "name" not in outcome.state["answers"]
    assert outcome.state["state"] == "name"
    assert any("这里需要您本人的姓名" in reply for reply in outcome.replies)


@pytest.mark.parametrize(("said", "name"), [("我帮我老公办的，他叫王强", "王强"), ("申请人是我爸，叫张建国", "张建国"),
                                           ("我妈叫刘梅，我叫张伟", "张伟")])
def test_the_name_of_the_one_applying_is_still_saved(kb, said, name):
    """The contrast: someone typing for the applicant names the applicant, and one's own name beside a
    relative's is the answer."""
    assert play(kb, *AT_NAME, said).state["answers"]["name"] == name


@pytest.mark.parametrize("said", ["姓张 名伟", "姓张，名伟", "我姓张 名字叫伟"])
def test_a_name_dictated_surname_then_given_name_is_the_whole_name(kb, said):
    """T11: "姓张 名伟" saved 名伟; people dictating a name say 姓X名Y."""
    outcome = play(kb, *AT_NAME, said)
    assert outcome.state["answers"]["name"] == "张伟"

