"""What development set 6 found misread at the summary, the bonus options, photographing, a return and the
approval (branch nlu11), each through the engine, in other words than the set's."""
from __future__ import annotations

import pytest

from tests.support.api import RETURN_TWO
from tests.support.chat import BASIC, application_in, at_question


@pytest.mark.parametrize("said", ["确认，生成材料清单", "都核对过了 无误 请生成清单", "没问题 生成清单吧"])
def test_asking_for_the_checklist_the_summary_offers_confirms(chat, said):
    at_question(chat, "summary", BASIC + ["0"])
    chat.send(said)
    assert chat.state["state"] == "materials" and chat.state["answers"]["confirmed"] == "confirm"


@pytest.mark.parametrize("said", ["俺瞅了一哈 都对着呢", "看过咧 对着呢", "好着呢 没毛病"])
def test_a_state_stressed_with_zhe_ne_asks_nothing_and_right_as_it_is_confirms(chat, said):
    at_question(chat, "summary", BASIC + ["0"])
    chat.send(said)
    assert chat.state["state"] == "materials" and chat.state["answers"]["confirmed"] == "confirm"


@pytest.mark.parametrize("said", ["啥子都莫得", "一样都莫得"])
def test_none_at_all_in_sichuan_words_chooses_no_bonus(chat, said):
    at_question(chat, "bonus_options")
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == [] and chat.state["state"] == "summary"


@pytest.mark.parametrize("said, chosen", [("职称 社保 哦不对 职称还没评下来 只有社保", ["social_insurance"]),
                                          ("职称没考出来 社保有", ["social_insurance"])])
def test_a_bonus_said_not_yet_had_is_not_chosen(chat, said, chosen):
    at_question(chat, "bonus_options")
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == chosen


@pytest.fixture
def approved(chat):
    application_in(chat, "approved", confirm_by="2026-11-26T23:59:59+08:00")
    return chat


@pytest.mark.parametrize("said", ["经本人核对，姓名、证件号码、工作单位、婚姻及子女情况与原件相符，确认申办。",
                                  "名字 身份证 单位 学历都对过了 无误 确认"])
def test_a_careful_confirmation_naming_what_was_checked_confirms(approved, said):
    approved.send(said)
    assert approved.application["status"] == "done"


@pytest.mark.parametrize("said", ["信息都没错 但是手机号我想换一下", "其它都对 就是邮箱想改个新的"])
def test_right_but_wanting_a_change_is_reported_never_confirmed(approved, said):
    reply = approved.send(said)
    assert approved.application["status"] == "disputed" and "已确认申办信息" not in reply


@pytest.mark.parametrize("said", ["图片死活发不出去 人工", "一直上传失败 转人工"])
def test_photos_failing_to_send_then_a_person_asked_for_is_handed_over(chat, said):
    application_in(chat, "draft")
    chat.send("3")
    reply = chat.send(said)
    assert "转接人工" in reply


@pytest.mark.answers_questions
def test_the_reasons_of_a_return_asked_in_taiwanese_words_are_given(chat):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    reply = chat.send("想問一下退件原因")
    assert "缺少单位盖章本人签字页" in reply and "超出了我能回答的范围" not in reply


def test_coming_back_to_send_the_returned_items_again_submits_nothing(chat):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    reply = chat.send("我回来重新传退回的材料了")
    assert chat.application["status"] == "returned" and "全部上传后才能提交" not in reply
