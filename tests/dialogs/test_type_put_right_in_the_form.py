"""The business type put right in the middle of the form in words of what should be done ("我想了想 其实我积分早就
过期了 应该办续办"): changed, its notice agreed to again, and the form goes on where it was, the answers kept. The
number was asked for again, a dead end for anyone who cannot guess "修改 业务类型" (try8 T26)."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said, business_type", [("我想了想 其实我积分早就过期了 应该办续办", "renew"),
                                                 ("不对 我应该办续办才对", "renew"),
                                                 ("哦 我积分还没到期 应该办单位变更", "employer_change")])
def test_the_type_put_right_in_words_is_changed_and_the_form_goes_on(chat, said, business_type):
    start(chat, "积分新办")
    for answer in BASIC[:5]:
        chat.send(answer)
    assert chat.state["state"] == "mobile"
    reply = chat.send(said)
    assert chat.state["answers"]["business_type"] == business_type
    assert "已将业务类型改为" in reply
    chat.send("同意")
    # 单位信息变更 asks the employer again, as the new one (try10 T26); the other answers are kept
    assert chat.state["state"] == ("employer" if business_type == "employer_change" else "mobile")
    assert chat.state["answers"]["name"] == BASIC[0]


@pytest.mark.parametrize("said", ["应该办续办的人要准备什么", "我同事应该办续办 我是第一次"])
def test_a_question_about_a_type_or_anothers_type_changes_nothing(chat, said):
    """review4 R18."""
    start(chat, "积分新办")
    for answer in BASIC[:5]:
        chat.send(answer)
    chat.send(said)
    assert chat.state["answers"]["business_type"] == "new"
