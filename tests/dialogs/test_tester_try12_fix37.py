"""Tester try12, through the engine (fix37): the conversation findings of the middle of a dialogue."""
from __future__ import annotations

import pytest

from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.fixture
def returned(chat):
    app_id = application_in(chat, "returned")
    reasons = {"commission_form": {"status": "returned", "reason": "委托单未盖单位公章"},
               "id_card": {"status": "returned", "reason": "身份证反面拍得不清晰"}}
    materials = {code: reasons.get(code, {"status": "approved"}) for code in chat.application["checklist"]}
    chat.conversations.store.update("application", app_id, lambda a: {**a, "materials": materials})
    return chat


# T7: why one returned item came back is that item's reason and what to do, as for any question naming it; the
# whole progress (every item, every status) buried it.
@pytest.mark.parametrize("said", ["身份证咋被退了", "为什么把我身份证退回了"])
def test_why_one_returned_item_came_back_is_its_own_reason(returned, said):
    reply = returned.send(said)
    assert reply.startswith("“持证人身份证(正反面)”被退回，审核意见：身份证反面拍得不清晰")
    assert "请工作人员复核" in reply and "【已审核】" not in reply


# T24: contesting a return in words the knowledge base has nothing for is met with the reasons and a person to
# re-check them (as the pointed answer offers), never "超出了我能回答的范围".
@pytest.fixture
def name_returned(chat):
    app_id = application_in(chat, "returned")
    materials = {code: {"status": "returned", "reason": "姓名或身份证号码与填写信息不一致"} if code == "id_card"
                 else {"status": "approved"} for code in chat.application["checklist"]}
    chat.conversations.store.update("application", app_id, lambda a: {**a, "materials": materials})
    return chat


@pytest.mark.parametrize("said", ["我的名字明明没错 你们是不是看错了", "我名字没错啊 审的人搞错了吧"])
def test_contesting_a_return_gives_its_reasons_and_a_person_to_recheck(name_returned, said):
    reply = name_returned.send(said)
    assert "姓名或身份证号码与填写信息不一致" in reply and "请工作人员复核" in reply
    assert "超出了我能回答的范围" not in reply
