"""What the tester playing applicants saw saved wrong (try10, the part fix29 took), each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

FORM = ["积分新办", "2027-08-08", "同意", "韩梅梅", "410522199001013456", "上海某某教育科技有限公司", "0", "未婚",
        "13812345678", "无"]


@pytest.mark.parametrize("said", ["我是会计师，大专", "我是项目经理，硕士学历", "我是公务员，本科", "我是主管护师，本科"])
def test_an_occupation_after_wo_shi_never_replaces_the_name(kb, said):
    """T8: "我是工程师，本科" at the bonus question saved 工程师 as the name over the one given. What one does
    is not who one is."""
    outcome = play(kb, *FORM, said)
    assert outcome.state["answers"]["name"] == "韩梅梅"
    assert not any("“姓名”您之前回复的是" in reply for reply in outcome.replies)


def test_a_name_in_passing_does_not_replace_the_one_saved(kb):
    """A name already saved is changed only where the message says it is the name (名/叫)."""
    outcome = play(kb, *FORM, "我是李丽，大专")
    assert outcome.state["answers"]["name"] == "韩梅梅"
    assert outcome.state["answers"]["edu_level"] == "college"


AT_SUMMARY = [*FORM, "2 3", "是", "否", "本科", "某某大学", "12"]


@pytest.mark.parametrize("said", ["社保年限改为9", "把社保年数改成9年", "社保其实是9年", "社保应该是9年"])
def test_the_social_insurance_years_changed_at_the_summary_keep_the_bonus(kb, said):
    """T21/T20: "社保年数改成11" took off 社保加分 (its 社保 read as the option); "社保其实是11年" was not read as
    an edit. An edit naming the years changes the years only."""
    outcome = play(kb, *AT_SUMMARY, said)
    assert outcome.state["state"] == "summary"
    assert outcome.state["answers"]["social_years"] == 9
    assert outcome.state["answers"]["bonus_options"] == ["education", "social_insurance"]


def test_the_social_insurance_option_is_still_taken_off_by_name(kb):
    outcome = play(kb, *AT_SUMMARY, "社保加分去掉")
    assert outcome.state["answers"]["bonus_options"] == ["education"]


def test_several_edits_in_one_summary_message_are_all_made(kb):
    """T19: three edits in one message, only the mobile's made and the others dropped without a word."""
    outcome = play(kb, *AT_SUMMARY, "名字改为韩美美，手机号改成13998765432，社保应该是10年")
    answers = outcome.state["answers"]
    assert (answers["name"], answers["mobile"], answers["social_years"]) == ("韩美美", "13998765432", 10)
    assert any("· 姓名：韩美美" in reply for reply in outcome.replies)


def test_an_edit_that_could_not_be_made_beside_others_is_said(kb):
    """An edit beside those made that cannot be read is named as not made, never dropped silently."""
    outcome = play(kb, *AT_SUMMARY, "单位改成上海某某某信息技术有限公司，邮箱改成没有at的地址")
    assert outcome.state["answers"]["employer"] == "上海某某某信息技术有限公司"
    assert any("没能按您说的修改：邮箱地址" in reply for reply in outcome.replies)


AT_FULLTIME = [*FORM, "2"]


@pytest.mark.parametrize(("said", "level", "fulltime"), [
    ("大专是全日制的，本科是自考的", "bachelor", False),
    ("统招本科，后面在职读了个研究生", "master", False),
    ("非全日制大专，全日制本科", "bachelor", True),
])
def test_the_highest_of_two_degrees_is_saved_and_said(kb, said, level, fulltime):
    """T13: "专升本，专科全日制，本科是成人的" saved 全日制 是 silently; "全日制本科，在职读的非全日制硕士" saved 本科
    and 是. The highest degree's level and its own study mode are what is asked."""
    outcome = play(kb, *AT_FULLTIME, said)
    answers = outcome.state["answers"]
    assert (answers["edu_level"], answers["edu_fulltime"]) == (level, fulltime)
    assert any("已为您记录" in reply for reply in outcome.replies)


@pytest.mark.parametrize(("said", "shown"), [("估计是吧", "是"), ("大概是的吧", "是")])
def test_a_hedged_yes_is_said_back(kb, said, shown):
    """T33: "应该是吧" saved 是 with nothing shown; a hedged answer is exactly when the applicant should see it."""
    outcome = play(kb, *AT_FULLTIME, said)
    assert any(f"是否全日制学历按 {shown} 记录" in reply for reply in outcome.replies)


@pytest.mark.parametrize("said", ["其实没有小孩，我看错了", "一个都没有，刚刚写错了", "0个，之前填错了"])
def test_no_children_put_right_at_the_next_question_sets_the_count_to_nought(kb, said):
    """T15: "没孩子，是我看错了" after children "1" was refused and the wrong count kept; the value comes
    before what says it was wrong."""
    outcome = play(kb, *FORM[:6], "1", said)
    assert outcome.state["answers"]["children"] == 0
    assert outcome.state["state"] == "marital_status"
    assert any("已将同住子女人数改为：0" in reply for reply in outcome.replies)


def test_no_children_put_right_at_the_children_question_asked_again(kb):
    outcome = play(kb, *FORM[:6], "1", "未婚", "13812345678", "无", "0", "修改 同住子女人数", "没有小孩，刚才看错了")
    assert outcome.state["answers"]["children"] == 0
    assert outcome.state["state"] == "summary"


@pytest.mark.parametrize(("at", "said", "field", "value"), [
    (4, "号码是 410522 1990 0101 3456，是吧", "id_number", "410522199001013456"),
    (8, "手机就是13987654321对不对", "mobile", "13987654321"),
    (8, "我的号码13987654321没错吧", "mobile", "13987654321"),
])
def test_a_number_with_a_confirming_tail_is_saved(kb, at, said, field, value):
    """T30: a valid ID number or mobile followed by "对吧" was taken for a question and not saved."""
    outcome = play(kb, *FORM[:at], said)
    assert outcome.state["answers"][field] == value


MARRIED_SUMMARY = [*FORM[:7], "已婚", "13812345678", "无", "1", "0"]


@pytest.mark.parametrize("said", ["配偶这一项要改下", "配偶那栏重新选一下", "婚姻状况那个改一下"])
def test_an_item_pointed_at_to_change_asks_its_question_again(kb, said):
    """T31: "配偶那项改一下" opened the spouse question and read "那项改" as an option not found. Pointing
    at the item asks its question again with the answer saved, as "修改 配偶情况" does."""
    outcome = play(kb, *MARRIED_SUMMARY, said)
    assert "没有找到" not in "\n".join(outcome.replies)
    assert any("当前填写" in reply for reply in outcome.replies)
