"""An answer with "what's next?" beside it ("刘德华，下一步呢", "已婚 接下来干嘛"): the answer kept and the next
question is the reply, never "公开资料里没有找到" nor an explanation of the answer's own question; and a choice of
bonuses with a go-on word beside it ("0 下一步", "1 3 继续") is the choice, never "没有找到“0”这个选项"."""
from __future__ import annotations

import pytest

from dialogs.flows.application import QUESTIONS
from tests.support.chat import play

OPENING = ("你好", "1", "2027-08-25", "同意")
APPLICANT = ("张伟", "110101199003078515", "上海星河科技有限公司", "0", "未婚", "13800138000", "a@b.com")


@pytest.mark.parametrize(("before", "said", "field", "value", "next_asked"), [
    (OPENING, "刘德华，下一步呢", "name", "刘德华", "身份证号码"),
    (OPENING, "王芳 然后呢？", "name", "王芳", "身份证号码"),
    ((*OPENING, *APPLICANT[:4]), "已婚 接下来干嘛", "marital_status", "married", "手机号码"),
    (OPENING[:3], "同意 然后要做什么", "consent", "agree", "姓名"),
    ((*OPENING, *APPLICANT[:2]), "上海星河科技有限公司 后面要做啥", "employer", "上海星河科技有限公司", "同住子女"),
])
def test_whats_next_beside_an_answer_is_answered_by_the_next_question(kb, before, said, field, value, next_asked):
    outcome = play(kb, *before, said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"][field] == value
    assert next_asked in outcome.replies[-1]
    assert "没有找到" not in reply and "不太确定" not in reply and "公开资料" not in reply


def test_a_real_question_beside_an_answer_is_still_answered(kb):
    outcome = play(kb, *OPENING, "刘德华 下一步要交什么材料")
    assert outcome.state["answers"]["name"] == "刘德华"
    assert len(outcome.replies) >= 3  # the name said back, the question's answer (or its choices), the next question


@pytest.mark.parametrize(("said", "chosen"), [
    ("0 下一步", []), ("无，下一步", []), ("没有 下一步吧", []), ("都没有，继续", []),
    ("1 3 继续", ["title", "social_insurance"]), ("社保 好了", ["social_insurance"]),
])
def test_a_go_on_word_beside_the_bonus_choice_chooses_nothing(kb, said, chosen):
    outcome = play(kb, *OPENING, *APPLICANT, said)
    assert outcome.state["answers"]["bonus_options"] == chosen
    assert "没有找到" not in "\n".join(outcome.replies)


@pytest.mark.parametrize(("said", "chosen"), [("社保 好了", ["social_insurance"]), ("1 3 完了", ["title", "social_insurance"]),
                                              ("0 下一步吧", [])])
def test_the_bonus_question_itself_leaves_the_go_on_word_out(said, chosen):
    assert QUESTIONS["bonus_options"].parse(said) == chosen
