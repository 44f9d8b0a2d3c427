"""fix66: the last session's known leftovers, each through the engine as an applicant meets it."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, events_after, play

AT_NAME = ["你好", "积分新办", "2027-08-25", "同意"]


# -- 1: which materials come later, asked beside an answer: the answer kept, the materials answered -------------------
@pytest.mark.parametrize(("before", "said", "field", "saved"), [
    (AT_NAME + ["张三"], "110101199003078515 那后面要交啥材料", "id_number", "110101199003078515"),
    (AT_NAME + BASIC[:2], "上海某某科技有限公司 后面还要准备哪些材料", "employer", "上海某某科技有限公司"),
    (AT_NAME + BASIC[:3], "0，那后边还得交什么材料", "children", 0),
    (AT_NAME + BASIC[:4], "未婚 后面要交啥材料", "marital_status", "unmarried"),
])
def test_materials_asked_about_beside_an_answer_are_answered_and_the_answer_kept(kb, before, said, field, saved):
    """"后面" (later, next) read as handing in the rest later: "不能只交一部分…" answered a question about which materials
    come; the answer's own digits or words beside it sank the entry on the materials."""
    outcome = play(kb, *before, said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"][field] == saved
    assert "不能只交一部分" not in reply and "材料清单按您的情况生成" in reply


# -- 3: a blurred photo told, then another promised: the blurred one dropped, said; a page promised alone keeps all ---
@pytest.mark.parametrize(("said", "kept"), [("这张拍糊了 我再拍一张", ["p1"]), ("我再拍一张", ["p1", "p2"]),
                                            ("我再拍一张上传", ["p1", "p2"])])
def test_a_blurred_photo_told_with_another_promised_is_dropped(kb, said, kept):
    """review3 R15: "这张拍糊了 我再拍一张" kept the blurred page (small talk, as a page promised is: fix60)."""
    state = play(kb, *AT_NAME, *BASIC, "0", "确认", "6").state
    outcome = events_after(kb, state, Image("p1"), Image("p2"), said)[-1]
    assert outcome.state["photos"] == kept
    assert ("已删除" in "\n".join(outcome.replies)) == (len(kept) == 1)


# -- 4: a partner counted at the children question is no child ------------------------------------------------------
@pytest.mark.parametrize(("said", "children"), [("有一个男朋友", None), ("有个女朋友", None), ("有对象了", None),
                                                ("有俩同事也在办", None), ("有一个", 1), ("有一个男朋友 还没孩子", 0)])
def test_a_partner_counted_at_the_children_question_is_no_child(kb, said, children):
    """"有一个男朋友" saved 1 child: the bare 一个 read as the count, whoever it counted."""
    outcome = play(kb, *AT_NAME, *BASIC[:3], said)
    assert outcome.state["answers"].get("children") == children


# -- 9: the person addressed only to start a question the knowledge base answers: answered, no person opened ---------
@pytest.mark.parametrize("said", ["人工 是想问下社保断过能办吗", "人工，我想问一下居住证快过期了还能办吗"])
def test_a_question_put_to_the_person_is_answered_without_opening_one(kb, said):
    """"…人工 是想问下…" as a clause of its own opened a person (beside an answer it was fixed: try19 V8)."""
    outcome = play(kb, *AT_NAME, "张三", said)
    reply = "\n".join(outcome.replies)
    assert "已为您转接" not in reply and "继续办理" in reply
    assert not outcome.effects and outcome.state["state"] == "id_number"


def test_a_person_asked_for_alone_is_still_a_person(kb):
    assert "已为您转接" in "\n".join(play(kb, *AT_NAME, "张三", "人工").replies)
