"""What the tester playing applicants saw saved wrong (try10, the part fix29 took), each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

FORM = ["积分新办", "2027-08-08", "同意", "韩梅梅", "410522199001013456", "上海某某教育科技有限公司", "0", "未婚",
        "13812345678", "无"]


@pytest.mark.parametrize("said", ["我是会计师，大专", "我是项目经理，硕士学历", "我是公务员，本科", "我是主管护师，本科"])
def test_an_occupation_after_wo_shi_never_replaces_the_name(kb, said):
    """T8: "我是工程师，本科" at the bonus question saved 工程师 as the name over the one given. What one does
    is not who one is."""
    outcome = play(kb, *FORM, said)
    assert outcome.state["answers"]["name"] == "韩梅梅"
    assert not any("“姓名”您之前回复的是" in reply for reply in outcome.replies)


def test_a_name_in_passing_does_not_replace_the_one_saved(kb):
    """A name already saved is changed only where the message says it is the name (名/叫)."""
    outcome = play(kb, *FORM, "我是李丽，大专")
    assert outcome.state["answers"]["name"] == "韩梅梅"
    assert outcome.state["answers"]["edu_level"] == "college"
