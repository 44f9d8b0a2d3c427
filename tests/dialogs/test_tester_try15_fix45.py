"""A tester's findings (try15, fix45), each through the engine: an answer put right inside the message that gives
it, a refusal or a helper's own number never saved as the applicant's, answers said together all kept."""
from __future__ import annotations

import pytest

from dialogs import engine
from dialogs.events import Context, Image, Text
from tests.support.chat import BASIC, TODAY, play

OPENING = ("你好", "1", "2027-08-25", "同意")
AT_BONUS = (*OPENING, *BASIC)


# -- T30: a date's day put right in the same message ("…25 不对是26号") ---------------------------------------------
@pytest.mark.parametrize("said, saved", [("2027年8月25 不对是26号", "2027-08-26"), ("2027.8.25 哦不对 应该是26号", "2027-08-26"),
                                         ("2027年8月25日 不对 是月底", "2027-08-31")])
def test_a_permit_day_put_right_in_the_same_message_is_the_one_saved(kb, said, saved):
    outcome = play(kb, "你好", "1", said)
    assert outcome.state["answers"]["permit_expiry"] == saved
    assert saved in "\n".join(outcome.replies)


# -- T31: a rude no ("同意个屁") is no consent, nor "确认你个头" a confirmation -----------------------------------
@pytest.mark.parametrize("said", ["同意个屁", "同意你个头啊", "承诺个鬼"])
def test_the_consent_said_back_in_scorn_is_refused_not_taken(kb, said):
    outcome = play(kb, *OPENING[:3], said)
    assert "consent" not in outcome.state["answers"] and outcome.state["state"] == "consent"
    assert "同意" in outcome.replies[-1]


def test_a_confirmation_said_back_in_scorn_builds_no_checklist(kb):
    outcome = play(kb, *AT_BONUS, "0", "确认个屁 信息都不对")
    assert "confirmed" not in outcome.state["answers"] and outcome.state["state"] == "summary"


# -- T11, T12: someone typing for the applicant (an HR clerk, a parent): their own number is not the applicant's ----
AT_MOBILE = ("李明", "110101199003078515", "上海星河科技有限公司", "0", "未婚")


def test_an_hr_clerks_own_number_is_refused_as_not_the_employees(kb):
    outcome = play(kb, "你好", "我是公司人事 帮员工小陈办新办", "2027-08-25", "同意", *AT_MOBILE, "手机填我的就行 我是HR 13955556666")
    assert "mobile" not in outcome.state["answers"] and outcome.state["state"] == "mobile"
    assert "员工" in "\n".join(outcome.replies) and "本人的手机号码" in "\n".join(outcome.replies)


def test_the_childs_number_is_saved_when_a_parent_applies_for_them(kb):
    outcome = play(kb, "你好", "替我女儿咨询一下 她想第一次办积分", "2027-08-25", "同意", *AT_MOBILE,
                   "我的是13955556666 女儿的是13700001111")
    assert outcome.state["answers"]["mobile"] == "13700001111"
    assert "13955556666" not in "\n".join(outcome.replies)


def test_the_writer_saying_they_are_the_applicant_after_all_gives_their_own_number(kb):
    outcome = play(kb, "你好", "替我女儿咨询一下 她想第一次办积分", "2027-08-25", "同意", *AT_MOBILE,
                   "我的手机13955556666", "我就是申请人", "我的手机13955556666")
    assert outcome.state["answers"]["mobile"] == "13955556666"


def test_ones_own_number_is_saved_when_nobody_was_said_to_be_applied_for(kb):
    outcome = play(kb, *OPENING, *AT_MOBILE, "我的手机13955556666")
    assert outcome.state["answers"]["mobile"] == "13955556666"


# -- L3: whose a number is, said right after it ("138… 这是我老公的 我的是139…") -----------------------------------
def test_a_number_said_to_be_a_spouses_after_it_leaves_the_own_one_saved(kb):
    outcome = play(kb, *OPENING, *AT_MOBILE, "13955556666 这个是我老婆的 我的是13700001111")
    assert outcome.state["answers"]["mobile"] == "13700001111"


# -- T32: consent given with the name or the ID number beside it: both kept ---------------------------------------
@pytest.mark.parametrize("said, kept, asked", [("好的我同意 我叫刘洋", {"name": "刘洋"}, "id_number"),
                                               ("同意。身份证号110101199003078515", {"id_number": "110101199003078515"}, "name")])
def test_consent_with_an_answer_beside_it_keeps_both(kb, said, kept, asked):
    outcome = play(kb, *OPENING[:3], said)
    answers = outcome.state["answers"]
    assert answers.get("consent") == "agree" and kept.items() <= answers.items() and outcome.state["state"] == asked


def test_a_refusal_with_a_name_beside_it_is_still_no_consent(kb):
    outcome = play(kb, *OPENING[:3], "我不同意 我叫刘洋")
    assert "consent" not in outcome.state["answers"] and outcome.state["state"] == "consent"


# -- T14, T15: the question asked answered before an edit of an earlier answer: both kept ----------------------------
def test_the_children_answered_before_a_name_put_right_are_kept(kb):
    outcome = play(kb, *OPENING, *BASIC[:3], "一个 对了我姓名写错了应该是张玮")
    answers = outcome.state["answers"]
    assert answers["children"] == 1 and answers["name"] == "张玮" and outcome.state["state"] == "marital_status"


def test_the_bonus_options_answered_before_an_email_changed_are_kept(kb):
    outcome = play(kb, *AT_BONUS, "职称和学历都有 邮箱也改一下 new@example.com")
    answers = outcome.state["answers"]
    assert answers["bonus_options"] == ["title", "education"] and answers["email"] == "new@example.com"


# -- T24, L1: the business type in a clause of its own, then the permit's date: both kept -----------------------------
@pytest.mark.parametrize("said, answers", [
    ("1 2028-01-31", {"business_type": "new", "permit_expiry": "2028-01-31"}),
    ("办新的 居住证2028年1月31日到期", {"business_type": "new", "permit_expiry": "2028-01-31"}),
])
def test_the_type_and_the_permit_date_said_together_are_both_kept(kb, said, answers):
    outcome = play(kb, "你好", said)
    assert outcome.state["answers"] == answers and outcome.state["state"] == "consent"


def test_the_type_said_with_a_permit_date_lacking_its_day_is_taken_and_the_day_asked(kb):
    outcome = play(kb, "你好", "俺要办个新的 居住证后年五月到期")
    assert outcome.state["answers"] == {"business_type": "new"} and outcome.state["state"] == "permit_expiry"


# -- L2, T2: the employer named by 叫 after the work told of, or as the contract's party after 合同是 ---------------------
@pytest.mark.parametrize("said, saved", [("在一家小公司上班 叫上海鼎盛贸易", "上海鼎盛贸易"),
                                         ("我是派遣的 劳动合同是上海外服签的 实际在华为上班", "上海外服")])
def test_the_employer_named_after_the_work_told_of_is_saved(kb, said, saved):
    outcome = play(kb, *OPENING, *BASIC[:2], said)
    assert outcome.state["answers"]["employer"] == saved and outcome.state["state"] == "children"


# -- T16: the business type changed at the summary in everyday words --------------------------------------------------
def test_the_business_type_changed_at_the_summary_in_everyday_words_is_changed(kb):
    outcome = play(kb, *AT_BONUS, "0", "我换了业务 要续办")
    assert outcome.state["answers"]["business_type"] == "renew" and outcome.state["state"] == "consent"


# -- T13: no phone of one's own: what to do, not the same refusal again --------------------------------------------
@pytest.mark.parametrize("said", ["13955556666 这是我爱人的 我本人没有手机", "我自己没有手机"])
def test_an_applicant_without_a_phone_of_their_own_is_told_what_to_do(kb, said):
    outcome = play(kb, *OPENING, *AT_MOBILE, said)
    assert "mobile" not in outcome.state["answers"] and "人工" in "\n".join(outcome.replies)


# -- T7: a photo just sent taken back by its 张 ("删掉刚才那张") is a photo, not an item of the checklist ---------------
def _after(kb, state, *events):
    for event in events:
        outcome = engine.handle(state, event, Context(today=TODAY.date(), kb=kb))
        state = outcome.state
    return outcome


@pytest.mark.parametrize("said", ["删掉刚才那张", "把上一张去掉"])
def test_a_photo_just_sent_taken_back_by_its_sheet_is_dropped(kb, said):
    at_item = play(kb, *AT_BONUS, "0", "确认", "3").state
    outcome = _after(kb, at_item, Image("page-1"), Image("page-2"), Text(said))
    assert outcome.state["photos"] == ["page-1"]


def test_a_photo_taken_back_once_its_pdf_is_being_made_is_told_how_to_replace_it(kb):
    at_item = play(kb, *AT_BONUS, "0", "确认", "3").state
    # (one page of a two-sided card: "完成" again says it is all there is, and the PDF is made)
    outcome = _after(kb, at_item, Image("page-1"), Text("完成"), Text("完成"), Text("删掉刚才那张"))
    assert "重新拍照" in "\n".join(outcome.replies) and "超出" not in "\n".join(outcome.replies)


# -- T61, T56: a question naming the name is no new name ("我叫什么名字来着") ---------------------------------------------
AT_LEVEL = (*AT_BONUS, "2", "1", "2")


@pytest.mark.parametrize("before, said", [((*AT_BONUS, "1"), "我叫什么名字来着"),
                                          (AT_LEVEL, "学校改名了 填新名字还是旧名字")])
def test_a_question_naming_the_name_saves_no_name(kb, before, said):
    outcome = play(kb, *before, said)
    assert outcome.state["answers"]["name"] == BASIC[0]
    assert "已将姓名改为" not in "\n".join(outcome.replies)


# -- T45: not sure, said with 不是很 ("不是很确定"), is no 否 ----------------------------------------------------------
def test_not_quite_sure_at_a_yes_or_no_question_saves_nothing(kb):
    outcome = play(kb, *AT_BONUS, "2", "不是很确定")
    assert "edu_fulltime" not in outcome.state["answers"] and outcome.state["state"] == "edu_fulltime"


# -- T12 (the ID number): a parent typing for their son, the son's ID number is saved ---------------------------------
def test_the_sons_id_number_is_saved_when_a_parent_gives_both(kb):
    outcome = play(kb, "你好", "我帮我儿子问的 他第一次在上海办积分", "2027-08-25", "同意", "王小明",
                   "我的身份证110101199003078515 儿子的是11010519491231002X")
    assert outcome.state["answers"]["id_number"] == "11010519491231002X"


# -- T58: only some of the children to be added, said with 只想/只打算 -------------------------------------------------
@pytest.mark.parametrize("said, count", [("两个娃 但只想加一个", 1), ("三个孩子 只打算报两个", 2)])
def test_only_the_children_meant_to_be_added_are_counted(kb, said, count):
    outcome = play(kb, *OPENING, *BASIC[:3], said)
    assert outcome.state["answers"]["children"] == count


# -- T63e: the parents' marriage is not the applicant's ("我爸妈离婚了 我未婚") ------------------------------------------
@pytest.mark.parametrize("said, status", [("我爸妈离婚了 我未婚", "unmarried"), ("我父母早就离了 我自己已婚", "married")])
def test_the_parents_marital_status_is_not_the_applicants(kb, said, status):
    outcome = play(kb, *OPENING, *BASIC[:4], said)
    assert outcome.state["answers"]["marital_status"] == status


# -- T50: an edit opened, then given up ("算了不改了"): the answer kept, back at the summary -----------------------------
@pytest.mark.parametrize("said", ["算了不改了", "还是不用改了吧"])
def test_an_edit_given_up_keeps_the_answer_and_returns_to_the_summary(kb, said):
    outcome = play(kb, *AT_BONUS, "1", "修改 姓名", said)
    assert outcome.state["answers"]["name"] == BASIC[0] and outcome.state["state"] == "summary"


# -- dev14's question recorded as consent, in our own words: not clicking 同意 asked about is no consent ---------------
def test_a_question_about_not_clicking_agree_is_no_consent(kb):
    outcome = play(kb, *OPENING[:3], "假如不点同意 还能往下办吗")
    assert "consent" not in outcome.state["answers"] and outcome.state["state"] == "consent"
