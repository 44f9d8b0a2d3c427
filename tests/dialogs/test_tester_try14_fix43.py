"""Tester try14, through the engine (fix43): the findings of the conversation."""
from __future__ import annotations

import pytest

from tests.support.chat import application_in, play, returned_with

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

_AT_NAME = ("你好", "新办", "2027-08-25", "同意")


# T2/T28: the name ends where another point starts in an unpunctuated sentence (voice input has no pause): the
# ID number's label, the mobile's, the age; the other answer is read too when whole (numerals make a whole ID).
@pytest.mark.parametrize("said, name, others", [
    ("我叫周敏身份证号码是三四零一零二一九九零零三零七一二三二", "周敏", {"id_number": "340102199003071232"}),
    ("我叫周敏手机是一三九一二三四五六七八", "周敏", {"mobile": "13912345678"}),
    ("我的名字叫钱红梅今年四十二岁", "钱红梅", {}),
    ("我叫孔祥东在徐汇上班", "孔祥东", {}),
])
def test_the_name_ends_where_another_point_starts(kb, said, name, others):
    outcome = play(kb, *_AT_NAME, said)
    answers = outcome.state["answers"]
    assert answers["name"] == name and {f: answers.get(f) for f in others} == others


def test_an_id_in_numerals_with_a_wrong_digit_after_the_name_keeps_the_name_and_says_why(kb):
    outcome = play(kb, *_AT_NAME, "我叫周敏身份证号码是三四零一零二一九九零零三零七一二三三")
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"]["name"] == "周敏" and "id_number" not in outcome.state["answers"]
    assert "校验位" in reply and outcome.state["state"] == "id_number"


# T28: the name, then the rest put off ("身份证号等下发你"): the name kept, no bare save-and-leave that loses it.
@pytest.mark.parametrize("said", ["钱红梅，身份证号等下发你", "钱红梅 我先去找身份证等会回来"])
def test_a_name_given_before_the_rest_is_put_off_is_kept(kb, said):
    outcome = play(kb, *_AT_NAME, said)
    assert outcome.state["answers"]["name"] == "钱红梅" and outcome.state["state"] == "id_number"
    assert "等您方便时再发来" in "\n".join(outcome.replies)


# T17: at the checklist, "不申请X了" takes option X off as "不要X了" does; what replaces it is put on, never beside it.
_AT_CHECKLIST_WITH_EDUCATION = ("你好", "新办", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司",
                                "0", "未婚", "13800138000", "无", "学历加分", "是", "否", "本科", "复旦大学", "确认")


@pytest.mark.parametrize("said, left", [
    ("我其实不申请学历加分了，改成社保加分", ["social_insurance"]),
    ("学历加分我不打算申请了", []),
    ("学历加分不申报了 换成职称加分", ["title"]),
])
def test_an_option_no_longer_applied_for_is_taken_off(kb, said, left):
    outcome = play(kb, *_AT_CHECKLIST_WITH_EDUCATION, said)
    assert outcome.state["answers"]["bonus_options"] == left
    if left:
        assert "不再需要：最高学历证书" in "\n".join(outcome.replies)


# T19: at the employer, the name after its label ("公司是…", "单位叫…") is the employer, whatever is said before it
# ("我在浦东上班"); a 电话 told after the employer is its number, never saved as the applicant's own mobile.
_AT_EMPLOYER = (*_AT_NAME, "张三", "11010519491231002X")


@pytest.mark.parametrize("said, employer", [
    ("我在浦东上班 公司是上海壬科技", "上海壬科技"),
    ("在张江上班，单位叫上海癸酉信息技术有限公司", "上海癸酉信息技术有限公司"),
])
def test_the_employer_is_the_name_after_its_label(kb, said, employer):
    assert play(kb, *_AT_EMPLOYER, said).state["answers"]["employer"] == employer


def test_the_employers_phone_is_not_the_applicants_mobile(kb):
    outcome = play(kb, *_AT_EMPLOYER, "公司：上海寅卯实业有限公司 电话13812341234")
    answers = outcome.state["answers"]
    assert answers["employer"] == "上海寅卯实业有限公司" and "mobile" not in answers
    assert "单位的联系电话" in "\n".join(outcome.replies)


def test_ones_own_number_beside_the_employer_is_the_mobile(kb):
    outcome = play(kb, *_AT_EMPLOYER, "单位上海寅卯实业有限公司 我的电话13812341234")
    assert outcome.state["answers"]["mobile"] == "13812341234"


# T1/T33: today's date asked in passing is said (Shanghai's), the step kept; never read as save-and-leave.
@pytest.mark.parametrize("said", ["今天几号了", "今天星期几啊"])
def test_todays_date_asked_is_said_and_the_step_kept(kb, said):
    outcome = play(kb, *_AT_CHECKLIST_WITH_EDUCATION, said)
    reply = "\n".join(outcome.replies)
    assert reply.startswith("今天是2026年11月24日，星期二") and "暂存" not in reply
    assert outcome.state["state"] == "materials" and not outcome.state.get("paused")


# T22: at the summary, an answer put to check with 确认 in it is shown, the summary still waiting; whether answers
# change after this 确认 is answered for this 确认 (until submitted), not the 2 days after an approval.
_AT_SUMMARY = (*_AT_NAME, "张三", "11010519491231002X", "上海某某科技有限公司", "0", "未婚", "13800138000", "无", "0")


@pytest.mark.parametrize("said", ["确认一下，我身份证号没填错吧", "身份证号码填对了吧"])
def test_an_answer_put_to_check_at_the_summary_is_shown(kb, said):
    outcome = play(kb, *_AT_SUMMARY, said)
    assert outcome.state["state"] == "summary" and "您填写的身份证号码：11010519491231002X" in "\n".join(outcome.replies)


@pytest.mark.parametrize("said", ["确认之后还能改吗？", "确认了还可以修改吗"])
def test_changes_after_confirming_the_summary_are_possible_until_submitted(kb, said):
    outcome = play(kb, *_AT_SUMMARY, said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["state"] == "summary" and "提交审核之前" in reply and "2 个自然日" not in reply
    assert "confirmed" not in outcome.state["answers"]


# T10: a link pasted beside a question in Chinese is not "only Chinese": the link cannot be opened, said, and the
# words are read on their own.
def test_a_link_pasted_beside_chinese_words_is_no_foreign_language(kb):
    outcome = play(kb, "你好", "新办", "2027-08-25", "https://mp.weixin.qq.com/s/abc 这个文章说的对吗")
    reply = "\n".join(outcome.replies)
    assert "只支持中文" not in reply and reply.startswith("暂时无法打开您发来的链接")
    assert outcome.state["state"] == "consent"


# T15: after submission, the applicant's own answers asked to be seen are shown (numbers masked as chat replies
# mask them), with why they cannot change here; never "超出了我能回答的范围".
@pytest.mark.parametrize("said", ["我填的信息给我看看", "查看我的信息"])
def test_own_answers_are_shown_after_submission(chat, said):
    application_in(chat, "submitted")
    reply = chat.send(said)
    assert "姓名：张三" in reply and "身份证号码：110105********002X" in reply and "138****8000" in reply
    assert "超出了我能回答的范围" not in reply and "不能再修改" in reply


# T29: a child said not to come along ("不过来") is no 同住子女 counted silently: how many to enter is asked.
def test_a_child_said_not_to_come_along_is_not_counted_unasked(kb):
    outcome = play(kb, *_AT_EMPLOYER, "上海某某科技有限公司", "有个女儿在老家读书，不过来")
    assert "children" not in outcome.state["answers"] and outcome.state["state"] == "children"
    assert "请回复同住子女的人数" in "\n".join(outcome.replies)


def test_the_count_asked_again_never_suggests_the_count_said(kb):
    """"两个 一个不过来" was asked again with "例如 2": the very count that was not meant (lead)."""
    reply = "\n".join(play(kb, *_AT_EMPLOYER, "上海某某科技有限公司", "俩娃 小的那个留在老家不过来").replies)
    assert "请回复同住子女的人数" in reply and "例如 2" not in reply


# T4: a returned item named in a complaint for a person (after 人工, or asking to re-check) is the return contested:
# its reason and the person said, never the applicant switched into photographing it.
@pytest.fixture
def commission_returned(chat):
    return returned_with(chat, {"commission_form": "委托单落款日期已超过两个月"})


@pytest.mark.parametrize("first", [None, "人工"])
def test_a_complaint_naming_a_returned_item_goes_to_a_person_not_to_photos(commission_returned, first):
    if first:
        commission_returned.send(first)
    reply = commission_returned.send("委托单是上周五盖的章 审核说超过两个月了 麻烦复核一下")
    assert "委托单落款日期已超过两个月" in reply and "复核" in reply and "请拍照发送" not in reply
    assert not commission_returned.state.get("material")


# T33: how the 2 natural days are counted is answered (from the next day, weekends included, to 23:59 Shanghai);
# T23: an application deadline asked is said to be given nowhere in our papers, never the permit's expiry.
@pytest.mark.parametrize("said", ["2个自然日从哪天开始算", "周六预审通过的话周一还能确认吗"])
def test_how_the_two_days_are_counted_is_answered(kb, said):
    outcome = play(kb, *_AT_NAME, said)
    reply = "\n".join(outcome.replies)
    assert "从预审通过的第二天算起" in reply and "周一 23:59 前" in reply and outcome.state["state"] == "name"


@pytest.mark.parametrize("said", ["今年积分什么时候截止申请", "积分申请截止日期是哪天"])
def test_an_application_deadline_asked_is_said_to_be_given_nowhere(kb, said):
    outcome = play(kb, *_AT_NAME, said)
    reply = "\n".join(outcome.replies)
    assert "没有写积分申请的截止日期" in reply and "随申办" not in reply and outcome.state["state"] == "name"


def test_the_own_deadline_is_said_once_approved(chat):
    application_in(chat, "approved", confirm_by="2026-11-26T23:59:59+08:00")
    assert "2026-11-26 23:59 前确认" in chat.send("两天包括周末吗")


# T3: someone who just graduated wanting points is a first application: 积分新办 chosen and said back, whether said
# first or at the type menu (no menu stuck on while later answers come).
@pytest.mark.parametrize("messages", [("你好 我刚毕业 想办积分",), ("你好", "我刚毕业 想办积分")])
def test_just_graduated_and_wanting_points_is_a_new_application(kb, messages):
    outcome = play(kb, *messages)
    assert outcome.state["answers"].get("business_type") == "new" and "为您办理：积分新办" in "\n".join(outcome.replies)


# T30: at the mobile, whose number will do is answered without inviting a "无" the step refuses.
def test_at_the_mobile_the_answer_about_whose_number_invites_no_none(kb):
    outcome = play(kb, *_AT_EMPLOYER, "上海某某科技有限公司", "0", "未婚", "填座机可以吗")
    reply = "\n".join(outcome.replies)
    assert "座机都不行" in reply and "在这里回复“无”" not in reply and "手机号码是必填的" in reply
