"""The tester's findings on the employer field and answers dropped (try19, fix61), each through the engine: "修改 X"
at X's own question not answered yet, an employer told with a description or a note or typed with spaces, several
answers with a question, an answer beside a word for staff, a change said right after an explanation, a spouse
question after a divorce told."""
from __future__ import annotations

import pytest

from tests.support.chat import VALID_ID, play

OPENING = ("你好", "积分新办", "2027-08-25", "同意")
AT_EMPLOYER = (*OPENING, "张三", VALID_ID)


# -- "修改 X" at X's own question, not answered yet: that question, never a business type or an answer lost (V23) -------
@pytest.mark.parametrize("said", ["修改 所在单位", "修改单位", "改一下单位"])
def test_edit_of_the_employer_at_its_own_question_asks_it_and_keeps_the_type(kb, said):
    outcome = play(kb, *AT_EMPLOYER, said)
    assert outcome.state["state"] == "employer"
    assert outcome.state["answers"]["business_type"] == "new"
    assert "所在单位的全称" in "\n".join(outcome.replies) and "业务类型" not in "\n".join(outcome.replies)
    answered = play(kb, *AT_EMPLOYER, said, "上海某某科技有限公司").state
    assert {"business_type": "new", "name": "张三", "id_number": VALID_ID,
            "employer": "上海某某科技有限公司"}.items() <= answered["answers"].items()
    assert answered["state"] == "children"


@pytest.mark.parametrize("before, said, field", [
    (OPENING, "修改 姓名", "name"),
    ((*AT_EMPLOYER, "上海某某科技有限公司"), "修改 子女人数", "children"),
    ((*AT_EMPLOYER, "上海某某科技有限公司", "0"), "修改 婚姻状况", "marital_status"),
])
def test_edit_of_any_field_at_its_own_question_asks_it(kb, before, said, field):
    outcome = play(kb, *before, said)
    assert outcome.state["state"] == field and outcome.state["answers"]["business_type"] == "new"


def test_edit_of_the_employer_with_its_value_at_its_own_question_saves_it(kb):
    outcome = play(kb, *AT_EMPLOYER, "修改 所在单位 上海某某科技有限公司")
    assert outcome.state["answers"]["employer"] == "上海某某科技有限公司" and outcome.state["state"] == "children"


def test_an_employer_told_early_and_edited_at_the_consent_skips_no_step(kb):
    """The employer kept at the consent, then edited: the consent, name and ID still asked (they had been skipped)."""
    before = ("你好", "积分新办", "2027-08-25", "我在上海某某科技有限公司上班", "修改 所在单位")
    outcome = play(kb, *before, "上海另一家科技有限公司")
    assert outcome.state["answers"]["employer"] == "上海另一家科技有限公司"
    assert outcome.state["state"] == "consent"
    later = play(kb, *before, "上海另一家科技有限公司", "同意").state
    assert later["state"] == "name"
