"""The last session's known-left list (fix31), each through the engine in other words than the finder's:
what the applicant meant at the step they were at is what is recorded, asked or answered."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

FORM = ["积分新办", "2027-08-08", "同意", "韩梅梅", "410522199001013456", "上海某某教育科技有限公司"]


# -- 1: the spouse and a child named to be added, at the children count --------------------------------
@pytest.mark.parametrize("said", ["这次要加上老婆和女儿", "把爱人跟儿子都加进来", "老公和闺女都加上"])
def test_the_spouse_and_a_child_to_be_added_at_the_count_record_one_child_and_the_spouse(kb, said):
    """"要加老公和儿子" at the children count recorded the spouse only and asked the count again: a child named
    singly beside the spouse is one child, and the spouse goes to the spouse options."""
    outcome = play(kb, *FORM, said)
    answers = outcome.state["answers"]
    assert answers["children"] == 1
    assert answers["spouse_options"] == ["spouse_companion"] and answers["marital_status"] == "married"
    assert outcome.state["state"] == "mobile"


# -- 2: an option said negated is never suggested nor chosen --------------------------------------------
MARRIED = [*FORM, "0", "已婚", "13812345678", "无"]
UNMARRIED = [*FORM, "0", "未婚", "13812345678", "无"]


@pytest.mark.parametrize("said", ["她不是上海的，也不加", "他不是上海人，也不随迁", "老婆不是本地的 这次也不加她"])
def test_the_spouse_said_neither_from_shanghai_nor_added_is_no_spouse_option(kb, said):
    """"她不是上海的，也不加" at the spouse options was offered 配偶为本市户籍: both options are denied, none is chosen."""
    outcome = play(kb, *MARRIED, said)
    assert outcome.state["answers"]["spouse_options"] == []
    assert not any("配偶为本市户籍" in reply and "可能是" in reply for reply in outcome.replies)


def test_an_option_named_only_after_a_denial_is_never_offered(kb):
    outcome = play(kb, *MARRIED, "她不是上海的")
    assert "spouse_options" not in outcome.state["answers"]
    assert not any("可能是" in reply and "配偶为本市户籍" in reply for reply in outcome.replies)


@pytest.mark.parametrize("said", ["没有职称 也没有社保基数高", "没职称，社保也不高", "职称没评上，社保基数也不够",
                                  "没评上职称 社保交的基数也不达标"])
def test_bonus_options_each_denied_choose_none(kb, said):
    outcome = play(kb, *UNMARRIED, said)
    assert outcome.state["answers"]["bonus_options"] == []


# -- 3: a yes to the one option offered chooses it; a bonus said later keeps what was accepted ------------
@pytest.mark.parametrize("yes", ["对", "是的", "嗯"])
def test_a_yes_to_the_one_option_offered_chooses_it(kb, yes):
    """"…可能是：2.配偶为本市户籍" and then "对" was met with the options again."""
    offered = play(kb, *MARRIED, "她是上海滴")
    assert any("可能是：2.配偶为本市户籍" in reply for reply in offered.replies)
    outcome = play(kb, *MARRIED, "她是上海滴", yes)
    assert outcome.state["answers"]["spouse_options"] == ["spouse_hukou"]
    assert any("配偶为本市户籍" in reply for reply in outcome.replies)


@pytest.mark.parametrize("yes", ["嗯", "对的"])
def test_a_yes_to_adding_the_spouse_offered_adds_the_spouse(kb, yes):
    outcome = play(kb, *MARRIED, "老公是上海人 但户口在外地", yes)
    assert outcome.state["answers"]["spouse_options"] == ["spouse_companion"]


def test_a_number_after_the_one_option_offered_is_that_options_number(kb):
    outcome = play(kb, *MARRIED, "她是上海滴", "1")
    assert outcome.state["answers"]["spouse_options"] == ["spouse_companion"]


def test_a_bonus_accepted_with_a_murmur_at_the_summary_is_kept_through_its_questions(kb):
    """T17: a yes to the bonus offered at the summary, then its own question answered: every bonus chosen is kept."""
    outcome = play(kb, *UNMARRIED, "1", "社保", "嗯", "6")
    assert outcome.state["state"] == "summary"
    assert outcome.state["answers"]["bonus_options"] == ["title", "social_insurance"]
    assert outcome.state["answers"]["social_years"] == 6
    outcome = play(kb, *UNMARRIED, "1", "社保", "嗯", "6", "学历也要加")
    assert outcome.state["answers"]["bonus_options"] == ["title", "education", "social_insurance"]


# -- 4: a degree beside an occupation at the bonus options ---------------------------------------------
@pytest.mark.parametrize(("said", "level", "job"), [("我是会计师，大专", "college", "会计师"), ("我是护士，本科", "bachelor", "护士")])
def test_a_degree_beside_an_occupation_at_the_bonus_options_is_kept_and_the_occupation_said(kb, said, level, job):
    """"我是会计师，大专" at the bonus options was "没有找到…这个选项": the degree is taken (学历加分 with it), and the
    occupation, which names no option (a title graded would: 中级会计师), is said not taken as 职称加分, with how to add it."""
    outcome = play(kb, *UNMARRIED, said)
    answers = outcome.state["answers"]
    assert answers["edu_level"] == level and answers["bonus_options"] == ["education"]
    assert answers["name"] == "韩梅梅"
    assert any(f"“{job}”没有按职称加分记录" in reply for reply in outcome.replies)
    assert outcome.state["state"] == "edu_fulltime"


def test_a_graded_title_beside_a_degree_is_the_title_bonus(kb):
    outcome = play(kb, *UNMARRIED, "我是中级会计师，大专")
    assert set(outcome.state["answers"]["bonus_options"]) == {"title", "education"}
    assert outcome.state["answers"]["edu_level"] == "college"


# -- 5: a correction of the answer before, said with markers before and after its value -----------------
@pytest.mark.parametrize("said", ["不对不对 一个都没有 看错行了", "错了错了，一个也没有，刚才填错栏了"])
def test_a_correction_of_the_count_at_the_marital_status_changes_the_count(kb, said):
    """"不对不对 一个都没有 看错行了" after a count of 2 was "没有找到…这个选项" at the marital status: the count just
    given is put right (0), said, and the marital status asked again."""
    outcome = play(kb, *FORM, "2", said)
    assert outcome.state["answers"]["children"] == 0
    assert outcome.state["state"] == "marital_status" and "marital_status" not in outcome.state["answers"]
    assert any("同住子女人数改为：0" in reply for reply in outcome.replies)


# -- 6: divorced and remarried to the same spouse -------------------------------------------------------
@pytest.mark.parametrize("said", ["离婚了又复婚了", "前几年离过，去年又复婚了"])
def test_a_remarriage_after_a_divorce_is_married_and_said_why(kb, said):
    """"离婚了又复婚了" was saved 离异: the registered status now is what is asked, 已婚, said with why."""
    outcome = play(kb, *FORM, "0", said)
    assert outcome.state["answers"]["marital_status"] == "married"
    assert any("已婚" in reply and "复婚" in reply for reply in outcome.replies)


# -- 7: the degree's level and its study mode at once ----------------------------------------------------
def test_the_level_and_full_time_said_at_once_are_both_kept_and_said(kb):
    """(Already right in main when fix31 began: kept here as the item's test.)"""
    outcome = play(kb, *UNMARRIED, "2", "否", "否", "研究生 全日制")
    answers = outcome.state["answers"]
    assert (answers["edu_level"], answers["edu_fulltime"]) == ("master", True)
    assert outcome.state["state"] == "edu_school"
    assert any("学历层次：硕士研究生" in reply and "是否全日制学历：是" in reply for reply in outcome.replies)


# -- 8: a type chosen with the marital status told, in Shanghainese ---------------------------------------
@pytest.mark.parametrize("first", [["你好"], []])
def test_the_type_chosen_with_the_marital_status_in_shanghainese_keeps_both(kb, first):
    """"新办额 阿拉已婚" chose 新办 and dropped 已婚 silently: 阿拉 is the applicant's "I", and the status is kept
    for its question (said back)."""
    outcome = play(kb, *first, "新办额 阿拉已婚")
    answers = outcome.state["answers"]
    assert answers["business_type"] == "new" and answers["marital_status"] == "married"
    assert any("婚姻状况：已婚" in reply for reply in outcome.replies)
    assert outcome.state["state"] == "permit_expiry"


# -- 9: a murmur where a yes brings papers of its own ---------------------------------------------------
AT_FOREIGN = [*UNMARRIED, "2", "是"]


def test_a_murmur_at_the_foreign_degree_is_asked_about_once(kb):
    """"嗯" at 国外学历 was saved 是 (and the foreign degree's certification listed): asked once whether it is."""
    outcome = play(kb, *AT_FOREIGN, "嗯")
    assert outcome.state["state"] == "edu_foreign" and "edu_foreign" not in outcome.state["answers"]
    assert any("是国外/境外的学历吗" in reply for reply in outcome.replies)


@pytest.mark.parametrize(("reply", "foreign"), [("是的", True), ("嗯", True), ("否", False)])
def test_the_reply_to_that_question_is_the_answer(kb, reply, foreign):
    outcome = play(kb, *AT_FOREIGN, "嗯", reply)
    assert outcome.state["answers"]["edu_foreign"] is foreign
    assert outcome.state["state"] == "edu_level"


# -- 10: a greeting, a wish and a type, in Shanghainese, as a first message -------------------------------
@pytest.mark.parametrize(("said", "chosen"), [("侬好 阿拉想办积分 新办额", "new"), ("侬好呀 阿拉要弄积分 续办额", "renew")])
def test_a_first_message_greeting_and_naming_a_type_with_a_particle_chooses_it(kb, said, chosen):
    """"侬好 阿拉想办积分 新办额" was answered with the entry on a new application's steps: the type's name with a
    particle after it (额, Shanghainese 的) closing a clause of its own is that choice."""
    outcome = play(kb, said)
    assert outcome.state["answers"].get("business_type") == chosen
    assert outcome.state["state"] == "permit_expiry"


# -- 11: the letter o typed for a zero where a count is asked -------------------------------------------
def test_a_letter_o_for_a_zero_at_the_children_count_is_none(kb):
    outcome = play(kb, *FORM, "孩子 o 个")
    assert outcome.state["answers"]["children"] == 0 and outcome.state["state"] == "marital_status"


def test_a_letter_o_for_a_zero_in_the_social_insurance_years_is_ten_said_back(kb):
    """"1o" where the years are asked was saved 1: the o beside a digit is its zero (10, said back as read)."""
    outcome = play(kb, *UNMARRIED, "3", "1o")
    assert outcome.state["answers"]["social_years"] == 10
    assert any("10" in reply for reply in outcome.replies)


def test_a_letter_o_elsewhere_stays_a_letter(kb):
    outcome = play(kb, *FORM, "0", "未婚", "13812345678", "zhao@example.com")
    assert outcome.state["answers"]["email"] == "zhao@example.com"


# -- 12: whether to write the full name, asked at the name --------------------------------------------
@pytest.mark.parametrize(("answers", "about", "not_about"), [
    (FORM[:3], "身份证上的姓名", "所在单位请填写全称"),
    (FORM[:5], "所在单位请填写全称", "身份证上的姓名"),
])
def test_whether_to_write_it_in_full_is_answered_about_the_step_asked(kb, answers, about, not_about):
    """"写全名吗" at the name was answered with the employer's full name: at the name it is the name's entry, at the
    employer still the employer's."""
    outcome = play(kb, *answers, "写全名吗")
    said = "\n".join(outcome.replies)
    assert about in said and not_about not in said


# -- 13: another's number put to check at the mobile ------------------------------------------------------
@pytest.mark.parametrize("said", ["13912345678 我老婆的也行吗", "我老公的13912345678可以吗"])
def test_a_number_put_to_check_as_anothers_is_answered_and_not_saved(kb, said):
    """"13912345678 我老婆的也行吗" saved the number and answered about adding the spouse: whose number may be given
    is what is asked (the applicant's own, as the platform's notice says), and nothing is saved."""
    married = [*FORM, "0", "已婚"]
    outcome = play(kb, *married, said)
    assert "mobile" not in outcome.state["answers"] and outcome.state["state"] == "mobile"
    assert any("本人" in reply and "家里人的号码" in reply for reply in outcome.replies)
