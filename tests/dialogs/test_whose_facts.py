"""try15 T63/T62: another person's facts told as the subject of a clause ("我媳妇是博士", "我妈有职称",
"我哥单位是…", "我爸妈离婚了") were saved as the applicant's degree, bonus option, employer or marriage. Only the
applicant's own facts are saved; the spouse told of still tells the marriage, and a question passed over while it
did not apply (the spouse's, once married) is asked before the summary."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

START = ["你好", "积分新办", "2027-08-25", "同意"]
AT_EMPLOYER = [*START, *BASIC[:2]]
AT_MARITAL = [*START, *BASIC[:4]]
AT_EMAIL = [*START, *BASIC[:6]]
AT_BONUS = [*START, *BASIC]


def test_a_spouses_degree_beside_ones_own_is_not_the_applicants(kb):
    outcome = play(kb, *AT_BONUS, "我媳妇是博士 我自己是本科")
    answers = outcome.state["answers"]
    assert answers["edu_level"] == "bachelor"  # her own, as "我是本科" alone is read there
    assert answers["marital_status"] == "married"  # her husband is still married


@pytest.mark.parametrize("said", ["我妈有中级职称 我没有", "我哥有职称，我自己没有"])
def test_a_relatives_title_is_no_bonus_of_the_applicants(kb, said):
    outcome = play(kb, *AT_BONUS, said)
    assert "title" not in outcome.state["answers"].get("bonus_options", [])


def test_a_relatives_employer_beside_ones_own_words_is_not_saved_and_the_own_is_asked(kb):
    outcome = play(kb, *AT_EMPLOYER, "我哥单位是上海鼎盛贸易有限公司 我自己的合同还没签")
    assert "employer" not in outcome.state["answers"]
    assert "您本人的所在单位" in "\n".join(outcome.replies)


def test_a_relatives_answer_alone_at_its_question_is_typed_for_them(kb):
    """Alone, at its own question, it is most often typed for the relative who applies (as an ID number is)."""
    outcome = play(kb, *AT_EMPLOYER, "我老公在上海鼎盛贸易有限公司上班")
    assert outcome.state["answers"]["employer"] == "上海鼎盛贸易有限公司"


def test_the_parents_divorce_is_not_the_applicants_marriage(kb):
    outcome = play(kb, *AT_MARITAL, "我爸妈早就离婚了，我还没结婚")
    assert outcome.state["answers"]["marital_status"] == "unmarried"


def test_a_wifes_address_is_not_saved_when_the_applicant_has_none(kb):
    outcome = play(kb, *AT_EMAIL, "我老婆邮箱是wang@example.com 我自己没有")
    assert outcome.state["answers"].get("email") == ""


def test_a_wifes_title_told_says_married_and_the_spouse_question_is_asked(kb):
    """T62: "我老婆叫… 她有职称" recorded the title as the applicant's bonus and, married now, skipped the spouse
    question straight to the summary."""
    told = play(kb, *AT_BONUS, "我爱人叫王芳 她有高级职称")
    assert told.state["answers"]["marital_status"] == "married"
    assert "bonus_options" not in told.state["answers"]
    outcome = play(kb, *AT_BONUS, "我爱人叫王芳 她有高级职称", "0")
    assert outcome.state["state"] == "spouse_options"


def test_ones_own_facts_typed_for_a_relative_are_theirs(kb):
    """Someone typing for the relative who applies: the relative's facts are the answers."""
    outcome = play(kb, *AT_BONUS, "我帮我老公填的 他有职称")
    assert outcome.state["answers"]["bonus_options"] == ["title"]


def test_the_spouses_hukou_is_still_kept(kb):
    outcome = play(kb, *AT_EMPLOYER, "上海某某科技有限公司 我老公是上海户口")
    assert outcome.state["answers"]["spouse_options"] == ["spouse_hukou"]
