"""The tester's try20 checklist and photo findings (fix69), each through the engine, for a married applicant whose
spouse is a Shanghai resident, with one child and the degree bonus: a checklist of 13 items."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import answer_all, events_after, play

FAMILY = ("你好", "积分新办", "2027-08-25", "同意", "李娜", "11010519491231002X", "上海某某科技有限公司", "1", "已婚",
          "13800138000", "lina@example.com", "2", "2", "是", "否", "本科", "复旦大学", "确认")
CHILDREN_ITEM = "子女出生医学证明及户籍证明"


# -- W32, W30, W31: an ordinal before a person picks out a child: no item's place and no count of children ----------
@pytest.mark.parametrize("said", ["删掉第二个孩子的照片", "第2个娃的出生证明不用传了吧", "把第二个儿子的删了"])
def test_a_child_picked_out_by_its_place_changes_no_answer(kb, said):
    outcome = play(kb, *FAMILY, said)
    assert outcome.state["answers"]["children"] == 1 and outcome.state["state"] == "materials"
    assert "同住子女人数：2" not in "\n".join(outcome.replies)


@pytest.mark.answers_questions
@pytest.mark.parametrize("said", ["第二个孩子的也传这里吗", "第一个孩子的出生证明找不到了", "第二个娃的户口本传哪项"])
def test_a_child_picked_out_by_its_place_is_about_the_childrens_item(kb, said):
    answer = "\n".join(play(kb, *FAMILY, said).replies).split("继续办理")[0]  # (the next item suggested follows)
    assert CHILDREN_ITEM in answer
    assert "咨询服务委托单" not in answer and "承诺书" not in answer


@pytest.mark.answers_questions
def test_the_second_childs_papers_asked_about_while_photographing_the_first_go_in_the_same_item(kb):
    outcomes = events_after(kb, play(kb, *FAMILY).state, "13", Image("k1"), Image("k2"), "第二个孩子的也传这里吗")
    reply = "\n".join(outcomes[-1].replies)
    assert "几个孩子的都放在清单里同一项" in reply
    assert outcomes[-1].state["photos"] == ["k1", "k2"]


# -- W21: of photos sent before their item was said, one said unwanted is dropped, the rest filed as said ----------
def _photos_sent(kb, *photos: str):
    return events_after(kb, play(kb, *FAMILY).state, *(Image(p) for p in photos))[-1].state


@pytest.mark.parametrize("said", ["第二张不要了 第一张是承诺书", "删掉第二张，第一张是承诺书"])
def test_a_photo_said_unwanted_is_dropped_and_the_other_filed(kb, said):
    outcome = events_after(kb, _photos_sent(kb, "a1", "a2"), said)[-1]
    reply = "\n".join(outcome.replies)
    assert "第 2 张" in reply and "已删除" in reply and "1 张照片已归入" in reply
    assert outcome.state["material"] == "commitment_letter" and outcome.state["photos"] == ["a1"]
    assert outcome.state["unassigned"] == []


def test_a_photo_waiting_for_its_item_is_dropped_by_its_place(kb):
    outcome = events_after(kb, _photos_sent(kb, "a1", "a2", "a3"), "第一张不要了")[-1]
    assert "第 1 张" in "\n".join(outcome.replies)
    assert outcome.state["unassigned"] == ["a2", "a3"]


# -- W4, W5: an item said not to be had is asked about, never chosen, and two items of the list said together are no
# third item off it --------------------------------------------------------------------------------------------------
@pytest.mark.answers_questions
@pytest.mark.parametrize("said", ["我没有学位证 只有毕业证", "我没有学位证", "没拿到学位证书"])
def test_a_degree_certificate_not_had_gets_what_to_do_without_it(kb, said):
    outcome = play(kb, *FAMILY, said)
    reply = "\n".join(outcome.replies)
    assert "没有学位就没有这两样可交" in reply
    assert "清单里没有" not in reply and "修改 加分选项" not in reply
    assert outcome.state["material"] is None


@pytest.mark.answers_questions
def test_two_items_of_the_list_said_together_are_not_the_foreign_degree_off_it(kb):
    reply = "\n".join(play(kb, *FAMILY, "拍学位证和毕业证").replies)
    assert "国(境)外" not in reply


# -- W3: a place taken back for another ("选5 不对 是6") opens the one meant ---------------------------------------
@pytest.mark.parametrize("said", ["选5 不对 是6", "不是第5项 是第6项", "5号 说错了 6号"])
def test_an_item_taken_back_for_another_opens_the_one_meant(kb, said):
    outcome = play(kb, *FAMILY, said)
    assert outcome.state["material"] == "labor_contract"
    assert "再回复序号拍第 6 项" not in "\n".join(outcome.replies)


# -- W13: which item a paper goes in, asked, is answered with the item's place ----------------------------------------
@pytest.mark.answers_questions
@pytest.mark.parametrize(("said", "number"), [("我老婆的户口本传哪项", 12), ("孩子的出生证明放哪一项", 13)])
def test_which_item_a_paper_goes_in_is_said(kb, said, number):
    outcome = play(kb, *FAMILY, said)
    assert f"传到第 {number} 项" in "\n".join(outcome.replies)
    assert outcome.state["material"] is None


# -- W14: a file taken back ("撤回刚才传的合同") before submitting is asked to be deleted, as "把合同删了" is ------------
@pytest.mark.parametrize("said", ["撤回刚才传的合同", "把合同撤回"])
def test_a_file_taken_back_before_submitting_is_asked_to_be_deleted(chat, said):
    answer_all(chat, list(FAMILY))
    chat.conversations.store.update("application", chat.application["id"], lambda a: {
        **a, "materials": {"labor_contract": {"status": "uploaded", "sha256": "x" * 64, "pages": 2}}})
    assert "确定删除“劳动(聘用)合同”" in chat.send(said)
    chat.send("是")
    assert "labor_contract" not in chat.application["materials"]


# -- W20: photos already sent, then given out to items by their order, are said filed, not asked for again ----------
def test_photos_sent_then_given_out_by_order_are_said_filed(kb):
    outcome = events_after(kb, _photos_sent(kb, "a1", "a2", "a3"), "前两张是身份证 第三张是居住证")[-1]
    reply = "\n".join(outcome.replies)
    assert "已按这个顺序归入" in reply and "请按这个顺序发送照片" not in reply


def test_photos_given_out_before_they_are_sent_are_still_asked_for(kb):
    reply = "\n".join(play(kb, *FAMILY, "前两张是身份证 第三张是居住证").replies)
    assert "请按这个顺序发送照片" in reply
