"""try17 T5: at the checklist, an item named with how it is photographed ("…身份证正反面") is chosen for photos, as
its name alone is; asked about the same way ("…正反面要分开传吗") it stays a question and nothing is chosen."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

MARRIED_CHECKLIST = ["你好", "1", "2027-08-25", "同意", *BASIC[:4], "已婚", *BASIC[5:], "1", "0", "确认"]


@pytest.mark.parametrize("said", ["老公的身份证正反面", "爱人身份证 正面反面"])
def test_the_spouse_id_named_with_its_two_sides_is_chosen_for_photos(kb, said):
    outcome = play(kb, *MARRIED_CHECKLIST, said)
    assert outcome.state["state"] == "materials"
    assert any("请拍照发送这项材料" in reply for reply in outcome.replies)
    assert any(reply.startswith("配偶身份证(正反面)") for reply in outcome.replies)


@pytest.mark.parametrize("said", ["配偶身份证正反面是一个文件还是两个", "身份证正反面要分开传吗"])
def test_a_question_about_the_two_sides_chooses_nothing(kb, said):
    outcome = play(kb, *MARRIED_CHECKLIST, said)
    assert not any("请拍照发送这项材料" in reply for reply in outcome.replies)
