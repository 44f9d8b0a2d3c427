"""Asked at the checklist whether the photos of several items may be sent together ("我全部拍好了 一起发可以吗"):
yes, and how they are filed (by the order told after them), never "还有 6 项材料没有上传…" as if asked to submit."""
from __future__ import annotations

import pytest

from dialogs import engine, render
from dialogs.events import BuildMaterial, Context, Image, Text
from tests.support.chat import TODAY, play

AT_CHECKLIST = ("你好", "1", "2027-08-25", "同意", "张伟", "110101199003078515", "上海星河科技有限公司", "0", "未婚",
                "13800138000", "a@b.com", "0", "确认")


@pytest.mark.parametrize("said", ["我全部拍好了 一起发可以吗", "能不能一次性全传了", "照片都拍好了可以一块发给你吗"])
def test_sending_together_asked_is_told_how(kb, said):
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.replies == [render.SEND_TOGETHER]
    assert outcome.state["material"] is None


def test_what_the_answer_says_is_what_happens(kb):
    state = play(kb, *AT_CHECKLIST, "我全部拍好了 一起发可以吗").state
    built = []
    for event in (Image("p1"), Image("p2"), Image("p3"), Text("前两张是劳动合同，第三张是身份证")):
        outcome = engine.handle(state, event, Context(today=TODAY.date(), kb=kb))
        state = outcome.state
        built += [(e.code, e.media_ids) for e in outcome.effects if isinstance(e, BuildMaterial)]
    assert built == [("labor_contract", ("p1", "p2"))] and state["material"] == "id_card" and state["photos"] == ["p3"]


@pytest.mark.parametrize("said", ["我全部传完了", "可以提交了吗", "全部上传完了 可以提交了吗", "都传好了吗", "我都发了 你收到了吗",
                                  "全部上传了 还要做什么吗"])
def test_asked_whether_ready_is_still_what_is_missing(kb, said):
    reply = "\n".join(play(kb, *AT_CHECKLIST, said).replies)
    assert render.SEND_TOGETHER not in reply


@pytest.mark.parametrize("said", ["多张图一起发行吗", "能一下子发好多张照片吗"])
def test_several_pages_asked_about_are_not_several_items(kb, said):
    assert render.SEND_TOGETHER not in "\n".join(play(kb, *AT_CHECKLIST, said).replies)
