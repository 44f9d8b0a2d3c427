"""Tester try20, through the engine: what a returned applicant says of the return. An objection in any words (the
material was right, the reason mistaken) goes to a person to re-check, as "你们看错了吧" does (W11); a question is
answered, never filed as an objection (W18); an item chosen in the chat and uploaded on the web page is seen (W33)."""
from __future__ import annotations

import pytest

from dialogs import lifecycle, render
from tests.support.chat import TODAY, returned_with

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.fixture
def three_returned(chat):
    return returned_with(chat, {"id_card": "身份证反面不清晰", "labor_contract": "合同已过期，请上传续签合同",
                                "commission_form": "委托单落款日期超过两个月"})


def _contests(chat) -> list[dict]:
    return [e for e in chat.conversations.store.find("escalation", user_id=chat.user) if e["reason"] == "return_contested"]


# W11: the contract renewed, the stamp dated last month, the form's date well inside two months (today 2026-11-24):
# each said against the reason, in words holding none of 看错/搞错/复核; they were answered with the item's rules or
# the progress list, and the applicant left to re-upload an item that may have been right.
@pytest.mark.parametrize(("said", "reason"), [("合同是今年续签过的", "合同已过期"),
                                              ("凭什么退回 上个月才盖的章", "委托单落款日期超过两个月"),
                                              ("委托单上的日期是10月8号", "委托单落款日期超过两个月")])
def test_an_objection_in_other_words_goes_to_a_person(three_returned, said, reason):
    reply = three_returned.send(said)
    assert reason in reply and render.RETURN_CONTEST_TAKEN in reply
    [contest] = _contests(three_returned)
    assert said in contest["note"]


@pytest.mark.parametrize("said", ["为什么被退回了", "合同要传哪几页", "委托单过期了上哪重新开"])
def test_asking_about_the_return_is_no_objection(three_returned, said):
    reply = three_returned.send(said)
    assert render.RETURN_CONTEST_TAKEN not in reply and not _contests(three_returned)


@pytest.fixture
def permit_returned(chat):
    return returned_with(chat, {"residence_permit": "居住证有效期不足两个月",
                                "id_card": "身份证有效期不足四个月，需调档，请换新证后上传"})


# W18, W18b: a question at a return is answered, never filed as an objection, whether the knowledge base has an entry on
# it (the reviewers' phone, what 调档 means) or is unsure of it (a choice of entries): staff got a re-check to do and the
# applicant was told they had objected.
@pytest.mark.parametrize(("said", "answer"), [("审核的人电话多少", "审核人员没有公布对外的电话"),
                                              ("能给个审核老师的电话吗", "回复“人工”"),
                                              ("什么叫调档 看不懂", "调阅您的人事档案"),
                                              ("退回以后原来传的文件还在吗", "A.")])
def test_a_question_at_a_return_is_answered_not_filed_as_an_objection(permit_returned, said, answer):
    reply = permit_returned.send(said)
    assert answer in reply and "还需重新上传：3. 持证人身份证(正反面)、4. 上海市居住证" in reply
    assert "复核" not in reply and not _contests(permit_returned)


def _uploaded_on_the_web(chat, code: str) -> None:
    """The upload page saving a file for ``code``, as bot/routes/upload.py does: the chat's item in hand untouched."""
    file = {"sha256": "e" * 64, "pages": 2, "size": 1000, "source": "upload"}
    chat.conversations.store.update("application", chat.application["id"],
                                    lambda a: lifecycle.with_material(a, code, file, TODAY))


# W33: the returned item chosen in the chat ("3"), then uploaded on the web page; what the applicant says next was told
# "还没有收到照片" of a file that is there, and the way to resubmit never said.
@pytest.mark.parametrize("said", ["我重新传了 你看下", "好了"])
def test_an_item_in_hand_uploaded_on_the_web_is_seen_and_resubmitting_said(chat, said):
    returned = returned_with(chat, {"id_card": "身份证反面不清晰"})
    returned.send("3")
    _uploaded_on_the_web(returned, "id_card")
    reply = returned.send(said)
    assert "第 3 项“持证人身份证(正反面)”已在网页上传（2 页）" in reply and "回复“提交”再次提交预审" in reply
    assert "还没有收到" not in reply and returned.state["material"] is None


def test_submitting_after_the_item_in_hand_came_on_the_web_submits(chat):
    returned = returned_with(chat, {"id_card": "身份证反面不清晰"})
    returned.send("3")
    _uploaded_on_the_web(returned, "id_card")
    returned.send("提交")
    assert returned.application["status"] == "submitted"


# W19: a returned applicant changing the mobile was told "您的申请已提交": where it stands is said as it is.
def test_a_new_mobile_after_a_return_says_the_application_needs_materials(permit_returned):
    asked = permit_returned.send("手机号换了")
    reply = permit_returned.send("13987654321")
    for said in (asked, reply):
        assert said.startswith("您的申请已进入审核流程，目前需补充材料") and "已提交" not in said
    assert "139****4321 已转给工作人员" in reply


# W34: a month to wait for the new ID card before the re-upload: whether that is fine is what is asked; the item's
# requirements were said, and never the notice's warning on long waits.
def test_a_wait_before_re_uploading_a_returned_item_gets_the_warning_on_long_waits(permit_returned):
    reply = permit_returned.send("身份证下个月才换得了 能等等吗")
    assert "身份证有效期不足四个月" in reply and "长时间未补充材料" in reply and not _contests(permit_returned)


def test_a_question_of_the_returned_items_own_requirements_still_gets_them(permit_returned):
    reply = permit_returned.send("身份证要传正反面吗")
    assert "正反面都要上传" in reply and "长时间未补充材料" not in reply


def test_done_said_again_with_nothing_left_to_upload_says_what_is_next(chat):
    returned = returned_with(chat, {"id_card": "身份证反面不清晰"})
    returned.send("3")
    _uploaded_on_the_web(returned, "id_card")
    returned.send("我重新传了 你看下")
    reply = returned.send("好了")
    assert "回复“提交”再次提交预审" in reply and "还没有收到" not in reply
