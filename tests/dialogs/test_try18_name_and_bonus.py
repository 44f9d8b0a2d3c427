"""The tester's try18 findings on the name and the bonus options, through the engine: words read as another answer
are never also the name (U1), a family member's name is not the applicant's (U39), a name spelled out by voice is
read and confirmed (U11), a bonus told in passing adds to the choice and the choice is still asked (U3)."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, VALID_ID, play

AT_NAME = ["你好", "积分新办", "2027-08-25", "同意"]


@pytest.mark.parametrize("said, status", [("结婚了", "married"), ("离婚了", "divorced"), ("没结婚", "unmarried")])
def test_a_marital_status_said_at_the_name_is_recorded_and_the_name_asked_again(kb, said, status):
    outcome = play(kb, *AT_NAME, said)
    assert outcome.state["answers"]["marital_status"] == status
    assert "name" not in outcome.state["answers"]
    assert outcome.state["state"] == "name"
    reply = "\n".join(outcome.replies)
    assert "婚姻状况" in reply and "请输入您的姓名" in reply and said not in reply


def test_a_marital_status_said_where_the_name_is_changed_leaves_the_name(kb):
    outcome = play(kb, *AT_NAME, BASIC[0], VALID_ID, "修改 姓名", "没结婚")
    assert outcome.state["answers"]["name"] == BASIC[0]
    assert outcome.state["answers"]["marital_status"] == "unmarried"


@pytest.mark.parametrize("before", [[], [BASIC[0], VALID_ID, "修改 姓名"]], ids=["asked", "changed"])
def test_a_family_members_name_is_not_saved_as_the_applicants(kb, before):
    """U39: "我老公叫李强" replaced the applicant's name; a relative's ID number is refused, so is the name: not
    saved, and whether the applicant is that relative asked (someone typing for them names them so)."""
    outcome = play(kb, *AT_NAME, *before, "我老公叫李强")
    assert outcome.state["answers"].get("name") == (BASIC[0] if before else None)
    assert outcome.state["state"] == "name"
    assert "还没有记录" in "\n".join(outcome.replies)


def test_a_family_members_name_is_saved_when_the_applicant_is_that_relative(kb):
    outcome = play(kb, *AT_NAME, "我老公叫李强", "是")
    assert outcome.state["answers"]["name"] == "李强"


def test_the_applicants_own_name_after_a_family_members_is_saved(kb):
    outcome = play(kb, *AT_NAME, "我老公叫李强", "韩梅梅")
    assert outcome.state["answers"]["name"] == "韩梅梅"


@pytest.mark.parametrize("said, name", [("我叫李娜木子李娜是女字旁一个那字", "李娜"), ("我叫张伟弓长张伟是伟大的伟", "张伟"),
                                        ("陈静耳东陈", "陈静"), ("吴敏口天吴敏是敏捷的敏", "吴敏")])
def test_a_name_spelled_out_by_voice_is_read_and_asked_about(kb, said, name):
    """U11: a voice-typed name with its spelling-out run on after it was saved whole as the name."""
    outcome = play(kb, *AT_NAME, said)
    assert "name" not in outcome.state["answers"]
    assert f"“{name}”吗" in "\n".join(outcome.replies)
    assert play(kb, *AT_NAME, said, "是").state["answers"]["name"] == name


def test_a_name_spelled_out_and_put_right_is_the_name_put_right(kb):
    outcome = play(kb, *AT_NAME, "我叫李娜木子李娜是女字旁一个那字", "不对，是李纳")
    assert outcome.state["answers"]["name"] == "李纳"


AT_EMAIL = [*AT_NAME, *BASIC[:6]]


def test_a_bonus_told_in_passing_is_chosen_and_the_bonus_question_still_asked(kb):
    """U3: "本科，有学位" at the e-mail chose 学历加分 and the five options were never shown: 职称, 社保 were lost."""
    outcome = play(kb, *AT_EMAIL, "本科，有学位", BASIC[6])
    assert outcome.state["state"] == "bonus_options"
    assert outcome.state["answers"]["bonus_options"] == ["education"]
    reply = "\n".join(outcome.replies)
    assert "请选择您本次申请的加分项" in reply and "您前面提到：学历加分" in reply


def test_bonus_options_named_together_at_another_question_are_kept(kb):
    outcome = play(kb, *AT_EMAIL, "有中级职称和社保")
    assert outcome.state["answers"]["bonus_options"] == ["title", "social_insurance"]


def test_bonus_options_named_at_a_follow_up_are_added_to_those_chosen(kb):
    outcome = play(kb, *AT_EMAIL, BASIC[6], "2", "本科", "是", "否", "有中级职称和社保")
    assert outcome.state["answers"]["bonus_options"] == ["title", "education", "social_insurance"]
    assert outcome.state["state"] == "edu_school"
