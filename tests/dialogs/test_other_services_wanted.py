"""Another of the city's services wanted in a first message ("我想办居转户", try7 T25) is out of scope,
said so, and no business type is chosen for it; our own type said beside such a service ("续办积分 以后
想落户") is still that choice."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.mark.parametrize("said", ["我想办居转户", "帮我办一下居转户吧", "我要落户上海", "准备申请人才引进落户"])
def test_another_service_wanted_first_is_declined_and_no_type_is_chosen(chat, said):
    reply = chat.send(said)
    assert "超出了我能回答的范围" in reply and "请选择您要办理的业务类型" in reply
    assert "business_type" not in chat.state["answers"]


@pytest.mark.parametrize("said, chosen", [("我积分快到期了要续办 以后还想居转户", "renew"),
                                          ("第一次办积分 为了以后孩子落户", "new")])
def test_our_own_type_said_beside_another_service_is_chosen(chat, said, chosen):
    chat.send(said)
    assert chat.state["answers"].get("business_type") == chosen


@pytest.mark.parametrize("said, chosen", [("积分新办", "new"), ("续办", "renew")])
def test_a_type_named_alone_right_after_a_type_picked_from_a_story_changes_it(chat, said, chosen):
    chat.send("我跳槽了 新公司要换积分单位")
    assert chat.state["answers"]["business_type"] == "employer_change"
    chat.send(said)
    assert chat.state["answers"]["business_type"] == chosen and chat.state["state"] == "permit_expiry"
