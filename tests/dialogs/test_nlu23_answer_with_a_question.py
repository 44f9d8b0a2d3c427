"""An answer and a question about it in one message (nlu23): both halves handled through the engine. The answer
is saved and said back, and the question is answered (from the knowledge base, or said to be beyond it), whether it
follows as a tag wanting a yes (…也算本科吧, …不算吧, …没关系吧) or as a question of what follows from the answer
(<date> 现在能办吗, <years> 断了一个月 有影响吗), and however the answer's number is typed. Never recorded: a
relative's number put to check, or a question about what a word means."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
AT_MOBILE = [*AGREED, *BASIC[:5]]
AT_CHILDREN = [*AGREED, *BASIC[:3]]
AT_LEVEL = [*AGREED, *BASIC, "2", "是", "否"]
AT_YEARS = [*AGREED, *BASIC, "3"]
# What the engine says when the knowledge base has nothing on what was asked: the question was heard, not dropped.
NOT_IN_THE_KB = "公开资料里没有找到说明"


def _said(outcome) -> str:
    return "\n".join(outcome.replies)


def test_a_date_then_whether_one_can_apply_now_saves_the_date_and_answers(kb):
    outcome = play(kb, "你好", "积分新办", "2028年5月20日 现在能办吗")
    assert outcome.state["answers"]["permit_expiry"] == "2028-05-20"
    said = _said(outcome)
    assert "2028-05-20" in said and "签注" in said  # said back, and what the knowledge base says of a permit's validity
    assert outcome.state["state"] == "consent"


@pytest.mark.parametrize("said, level", [("函授本科 也算本科吧", "bachelor"), ("专升本的 算本科吧", "bachelor")])
def test_a_degree_with_a_guess_that_it_counts_is_saved_and_the_guess_answered(kb, said, level):
    outcome = play(kb, *AT_LEVEL, said)
    assert outcome.state["answers"]["edu_level"] == level
    assert outcome.state["state"] == "edu_school"
    assert len(outcome.replies) >= 3  # said back, the question's answer, the next question


def test_a_count_with_a_tag_question_keeps_the_question(kb):
    """"两个 小的还没上户口也要填吧" was saved as 2 and its question dropped: the tag was not seen as asking."""
    outcome = play(kb, *AT_CHILDREN, "两个 小的还没上户口也要填吧")
    assert outcome.state["answers"]["children"] == 2
    assert "户口" in outcome.replies[1]  # the knowledge base's answer on children's hukou, before the next question


@pytest.mark.parametrize("said, years", [("6年 有三个月是补缴的 有影响吗", 6), ("五年 断过俩月 影响不", 5)])
def test_years_then_a_gap_asked_about_saves_the_years_and_hears_the_question(kb, said, years):
    """A later clause of months ("有三个月…") is a part of the years answered, not a second answer to weigh; the
    question after it asks about the gap, not whether the years count."""
    outcome = play(kb, *AT_YEARS, said)
    assert outcome.state["answers"]["social_years"] == years
    assert any(NOT_IN_THE_KB in r or "社保" in r for r in outcome.replies[1:-1])


def test_a_mobile_typed_in_groups_with_a_question_is_saved(kb):
    outcome = play(kb, *AT_MOBILE, "139 1622 7580 中间空格没事吧")
    assert outcome.state["answers"]["mobile"] == "13916227580"
    assert "13916227580" in outcome.replies[0]


def test_a_relatives_mobile_put_to_check_is_never_saved(kb):
    """Whether a spouse's number will do is asked: the rule (one's own number) is the answer, nothing is saved."""
    outcome = play(kb, *AT_MOBILE, "13816273390 这是我爱人的号 可以不")
    assert "mobile" not in outcome.state["answers"]
    assert "本人" in _said(outcome)


# -- a guess about what to bring or fill in after the answer ("…要交X吧", "…不用填吧") ---------------------------------
def test_full_time_with_a_guess_about_the_report_is_saved_and_the_report_explained(kb):
    outcome = play(kb, *AGREED, *BASIC, "2", "是的 要交学历认证报告吧")
    assert outcome.state["answers"]["edu_fulltime"] is True
    assert "学信网" in outcome.replies[1]  # what the knowledge base says of the report, before the next question


def test_no_email_with_a_guess_that_it_need_not_be_filled_is_saved_and_answered(kb):
    outcome = play(kb, *AGREED, *BASIC[:6], "无 以后也不用填吧")
    assert outcome.state["answers"]["email"] == ""
    assert "邮箱" in outcome.replies[1] and outcome.state["state"] == "bonus_options"
