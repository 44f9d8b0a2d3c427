"""Tester try7, through the engine: after approval (T15) a northern "all fine" confirms, and wanting to see
or check the reported details, or asking whether they can still be changed, shows the applicant's own
answers with how to confirm or report an error — never a confirmation, nor "写明哪里有误" with nothing said."""
from __future__ import annotations

import pytest

from tests.support.chat import application_in, returned_with

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.fixture
def approved(chat):
    application_in(chat, "approved", confirm_by="2026-11-26T23:59:59+08:00")
    return chat


@pytest.mark.parametrize("said", ["没毛病", "都看了 没毛病"])
def test_a_northern_all_fine_confirms_as_no_problem_does(approved, said):
    approved.send(said)
    assert approved.application["status"] == "done"


@pytest.mark.parametrize("said", ["我先确认一下单位名称对不对", "先让我看下申办信息", "我要看看报上去的信息",
                                  "查看申办信息", "等下 我先看看申办信息"])
def test_wanting_to_see_the_details_shows_the_own_answers_and_confirms_nothing(approved, said):
    reply = approved.send(said)
    assert approved.application["status"] == "approved"
    assert "所在单位：上海某某科技有限公司" in reply and "申办信息有误 + 哪里有误" in reply and "确认申办信息" in reply
    assert "写明哪里有误" not in reply


@pytest.mark.parametrize("said", ["确认之前能改单位吗", "确认前学历还能改吗"])
def test_asking_whether_the_details_can_still_be_changed_says_how(approved, said):
    reply = approved.send(said)
    assert approved.application["status"] == "approved"
    assert "确认之前都可以更正" in reply and "单位信息变更" not in reply


# T16: after an answer about a returned item, one line names what is still to send again (the whole list with
# its reasons scrolled the answer away on a phone), and a question about the item is answered, not only its rules.
@pytest.fixture
def returned(chat):
    return returned_with(chat, {"commission_form": "委托单盖章日期超过两个月，请重新申请委托单",
                                "labor_contract": "缺少单位盖章本人签字页"})


@pytest.mark.parametrize("said", ["委托单啥意思 去哪弄", "委托单过期了上哪重新开", "劳动合同我传的就是全部了啊 缺哪页",
                                  "劳动合同到底少了哪一页"])
def test_an_answer_about_a_returned_item_ends_with_one_line_of_what_to_send_again(returned, said):
    reply = returned.send(said)
    assert "审核意见" in reply and "还需重新上传：1. 咨询服务委托单、6. 劳动(聘用)合同" in reply
    assert "【已审核】" not in reply and "上传方式" not in reply


@pytest.mark.parametrize("said", ["委托单啥意思 去哪弄", "委托单过期了上哪重新开"])
def test_where_a_returned_commission_form_is_got_is_answered(returned, said):
    assert "单位人事" in returned.send(said)


# T34: on a returned application, saying the returned item was sent again while nothing new came is answered
# plainly with what has not come and how to send it; disputing the review is met with its reasons and a person
# to re-check them, not "填写的信息不能再修改".
@pytest.fixture
def id_card_returned(chat):
    return returned_with(chat, {"id_card": "证件有效期不足两个月"})


@pytest.mark.parametrize("said", ["我已经重新传了", "已经补传过了", "退回的我补过了"])
def test_saying_the_returned_item_was_sent_again_when_nothing_came_says_so(id_card_returned, said):
    reply = id_card_returned.send(said)
    assert reply.startswith("还没有收到被退回的 3. 持证人身份证(正反面) 的新文件") and "网页上传" in reply
    assert "【已审核】" not in reply and id_card_returned.application["status"] == "returned"


@pytest.mark.parametrize("said", ["你们审错了", "审核员看错了吧"])
def test_disputing_the_review_offers_a_person_to_recheck_it(id_card_returned, said):
    reply = id_card_returned.send(said)
    assert "证件有效期不足两个月" in reply and "转给工作人员复核" in reply and "不能再修改" not in reply
    # try13 T34: taken to a person at once, with what was said (no second message "人工" needed)
    [escalation] = id_card_returned.conversations.store.find("escalation", user_id=id_card_returned.user)
    assert escalation["reason"] == "return_contested" and said in escalation["note"]


# T33: for 单位信息变更 the employer asked is the new one: the question says so, and "新单位还是老单位" is answered.
def _at_employer_of_a_change(chat) -> None:
    for text in ["你好", "单位变更", "2027-08-25", "同意", "王芳", "310115199112310024"]:
        chat.send(text)
    assert chat.state["state"] == "employer"


def test_the_employer_question_of_an_employer_change_asks_for_the_new_one(chat):
    for text in ["你好", "单位变更", "2027-08-25", "同意", "王芳"]:
        chat.send(text)
    assert "变更后的新单位" in chat.send("310115199112310024")


@pytest.mark.parametrize("said", ["填新单位还是老单位", "写原来的公司还是现在的", "老单位还是新单位啊"])
def test_which_employer_to_fill_for_an_employer_change_is_answered(chat, said):
    _at_employer_of_a_change(chat)
    reply = chat.send(said)
    assert "变更后的新单位" in reply and "公开资料里没有找到" not in reply and chat.state["state"] == "employer"
