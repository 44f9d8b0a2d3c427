"""try10's findings through the engine, each said in other words than the tester's: what the applicant
meant at the step they were at is what is recorded or answered."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


def at_summary(chat, business_type: str = "积分新办", answers: list[str] = BASIC) -> None:
    start(chat, business_type)
    answer_all(chat, [*answers, "0"])
    assert chat.state["state"] == "summary"


# -- T26: a switch to 单位信息变更 asks for the new employer -------------------------------------------
@pytest.mark.parametrize("said", ["我要改成办单位信息变更", "业务类型选错了，应该是单位信息变更"])
def test_switching_to_an_employer_change_asks_for_the_new_employer(chat, said):
    at_summary(chat, "积分续办")
    chat.send(said)
    asked = chat.send("同意")
    assert chat.state["state"] == "employer" and "变更后的新单位" in asked
    chat.send("上海新东家信息技术有限公司")
    assert chat.state["answers"]["employer"] == "上海新东家信息技术有限公司"
    assert chat.state["state"] == "summary"


# -- T27: a two-digit year without 年 is recorded and said back; a year alone asks for the day ----------
@pytest.mark.parametrize("said, meant", [("28.3.9", "2028-03-09"), ("31/12/1", "2031-12-01")])
def test_a_permit_date_with_a_two_digit_year_is_recorded_and_said_back(chat, said, meant):
    chat.send("你好")
    chat.send("积分新办")
    reply = chat.send(said)
    assert chat.state["answers"]["permit_expiry"] == meant and meant in reply and "年份写全" not in reply


@pytest.mark.parametrize("said", ["有效期到2030年", "2028年到期"])
def test_a_permit_year_alone_asks_for_the_day(chat, said):
    chat.send("你好")
    chat.send("积分新办")
    reply = chat.send(said)
    assert "permit_expiry" not in chat.state["answers"] and "具体哪一天" in reply
