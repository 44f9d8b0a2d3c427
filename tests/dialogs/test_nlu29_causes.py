"""Development set 18's misreadings by their causes (nlu29: slow typists of fifty, lunch-break fragments, referring
back, office English), each in other words (none of the set's texts), through the engine."""
from __future__ import annotations

from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_EMPLOYER = [*AGREED, *BASIC[:2]]
AT_BONUS = [*AGREED, *BASIC]
AT_SPOUSE = [*AGREED, *BASIC[:3], "0", "已婚", *BASIC[5:]]


# -- 1. a slow typist's space after every word ------------------------------------------------------------------------
def test_a_question_typed_word_by_word_is_asked_not_an_edit(kb):
    """"请问 单位 改 过 名 字 …": the words apart tore the pairs the model reads, and a question about the employer's
    name was taken for a request to edit an answer: it is answered, and the employer asked again."""
    outcome = play(kb, *AT_EMPLOYER, "请问 公司 名 字 换 了 写 哪 个 。")
    assert outcome.state["state"] == "employer" and "employer" not in outcome.state["answers"]
    assert not any("修改" in reply for reply in outcome.replies)


def test_thanks_typed_word_by_word_is_no_name(kb):
    """"谢谢 小伙子 你 们 …" at the name saved the word for the helper as the applicant's name."""
    outcome = play(kb, *AGREED, "谢谢 小伙子 你 们 真 辛苦 了 。")
    assert "name" not in outcome.state["answers"] and outcome.state["state"] == "name"


def test_options_typed_word_by_word_are_chosen(kb):
    outcome = play(kb, *AT_BONUS, "学历 和 社保 这 两 个 都 要")
    assert outcome.state["answers"].get("bonus_options") == ["education", "social_insurance"]
