"""try15 T56/T61: a question naming an answer was taken as an edit whose new value was the question's own words:
"学校改名了 填新名字还是旧名字" saved the NAME 还是旧名字, "我叫什么名字来着" saved it as 来着. Which of two is asked
(answered as a question), or what it was (the saved answer shown); nothing is changed."""
from __future__ import annotations

from tests.support.chat import BASIC, play

AT_SUMMARY = ["你好", "积分新办", "2027-08-25", "同意", *BASIC[:6], "无", "0"]
AT_EDU_LEVEL = ["你好", "积分新办", "2027-08-25", "同意", *BASIC[:6], "无", "2", "1", "2"]


def test_which_of_two_names_asked_changes_no_name(kb):
    outcome = play(kb, *AT_EDU_LEVEL, "我们学校合并改名了，写现在的名字还是以前的名字")
    assert outcome.state["answers"]["name"] == BASIC[0]
    assert outcome.state["state"] == "edu_level"


def test_ones_name_asked_to_be_reminded_is_shown_not_changed(kb):
    outcome = play(kb, *AT_SUMMARY, "我登记的是什么名字来着")
    assert outcome.state["answers"]["name"] == BASIC[0]
    assert BASIC[0] in "\n".join(outcome.replies)
