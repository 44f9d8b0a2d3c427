"""Real applicants' findings at the summary, in edits said in free words and after approval (fix51), each through
the engine: an option checked against its name, a bonus added with its details, a marriage told, a name said wrong
with another change, an item the form does not have, a dictated e-mail, a detail reported wrong after approval, an
employer change with a question at the checklist."""
from __future__ import annotations

import pytest

from tests.support.chat import application_in, play

OPENING = ("你好", "1", "2027-08-25", "同意")
APPLICANT = ("张伟", "110101199003078515", "上海星河科技有限公司", "0", "未婚", "13800138000", "a@b.com")
AT_SUMMARY = (*OPENING, *APPLICANT, "0")
AT_CHECKLIST = (*AT_SUMMARY, "确认")


# -- an option's number checked against its name: what it is, told; nothing chosen ------------------------------------
@pytest.mark.parametrize("said, told", [("2是续办吗", "积分续办"), ("选1就是新办对吧", "积分新办"),
                                        ("4是同住人吗？", "增加同住人")])
def test_an_option_checked_against_its_name_is_told_and_nothing_chosen(kb, said, told):
    outcome = play(kb, "你好", said)
    assert "business_type" not in outcome.state["answers"] and outcome.state["state"] == "business_type"
    assert f"“{told}”：" in outcome.replies[0] and "请选择您要办理的业务类型" in outcome.replies[-1]


def test_an_options_number_with_its_name_said_still_chooses_it(kb):
    assert play(kb, "你好", "2是续办").state["answers"]["business_type"] == "renew"


# -- an e-mail said aloud (voice typing: spaces, 艾特/圈a/at, 点/dot): read exactly, offered for a yes ------------------
@pytest.mark.parametrize("before, said, meant", [
    (AT_SUMMARY[:-2], "wang fang 88 艾特 163 点 com", "wangfang88@163.com"),          # at its own question
    (AT_SUMMARY, "我的邮箱是 wang fang 88 艾特 163 点 com", "wangfang88@163.com"),     # at the summary, named
    (AT_SUMMARY, "邮箱换成 li na 圈a qq 点 com", "lina@qq.com"),                       # an edit in words
    (AT_SUMMARY, "邮箱 wangfang at gmail dot com", "wangfang@gmail.com"),
])
def test_a_dictated_email_is_offered_and_saved_on_a_yes(kb, before, said, meant):
    offered = play(kb, *before, said)
    assert f"您说的邮箱是 {meant} 吗" in "\n".join(offered.replies)
    assert play(kb, *before, said, "是").state["answers"]["email"] == meant


# -- an item the form does not have, named in an edit: said so, nothing opened in its place -------------------------
@pytest.mark.parametrize("said, told, offered", [
    ("修改 地址", "没有“住址”这一项", "修改 邮箱地址"),            # 地址 is a part of 邮箱地址's name only
    ("家里住址要改一下", "没有“住址”这一项", "修改 邮箱地址"),
    ("修改 户口", "没有“户口所在地”这一项", "可修改："),
    ("修改 民族", "没有“民族”这一项", "可修改："),
    ("修改 学校", "您没有选“学历加分”", "加上学历加分"),            # a bonus's question, the bonus not chosen
    ("改一下社保年限", "您没有选“社保加分”", "加上社保加分"),
])
def test_an_item_not_on_the_form_is_said_to_be_missing_and_nothing_opened(kb, said, told, offered):
    outcome = play(kb, *AT_SUMMARY, said)
    reply = "\n".join(outcome.replies)
    assert told in reply and offered in reply
    assert outcome.state["state"] == "summary" and outcome.state["answers"]["email"] == "a@b.com"


def test_the_email_named_in_full_is_still_opened(kb):
    assert play(kb, *AT_SUMMARY, "修改 邮箱地址").state["state"] == "email"


# -- "X错了 应该是Y" / "X不对 是Y" / "X写错了 改成Y": a correction, of the name too, beside another change ---------------
@pytest.mark.parametrize("said, changed", [
    ("姓名错了应该是李明 另外单位是上海云帆物流有限公司", {"name": "李明", "employer": "上海云帆物流有限公司"}),
    ("名字写错了改成李明，手机号不对 是13900139000", {"name": "李明", "mobile": "13900139000"}),
    ("名字不对 是李明", {"name": "李明"}),
    ("我名字填错了应为李明", {"name": "李明"}),
])
def test_a_value_said_wrong_then_right_is_changed_with_the_rest(kb, said, changed):
    outcome = play(kb, *AT_SUMMARY, said)
    assert {f: outcome.state["answers"][f] for f in changed} == changed
    assert "没能按您说的修改" not in "\n".join(outcome.replies)
    assert all(value in "\n".join(outcome.replies) for value in changed.values())  # said back


# -- a bonus added at the summary with its details: they are kept, only what is missing asked ----------------------------
@pytest.mark.parametrize("said, kept, next_state", [
    ("把学历加分也加上 我是全日制硕士", {"edu_fulltime": True, "edu_level": "master"}, "edu_foreign"),
    ("再加个社保加分 已经交了6年", {"social_years": 6}, "summary"),
])
def test_a_bonus_added_at_the_summary_keeps_the_details_said_with_it(kb, said, kept, next_state):
    outcome = play(kb, *AT_SUMMARY, said)
    answers = outcome.state["answers"]
    assert {f: answers.get(f) for f in kept} == kept and outcome.state["state"] == next_state
    assert "全日制学历吗" not in "\n".join(outcome.replies)


# -- a marriage told at the summary with the spouse named: an edit, said back, the spouse's questions next -------------
@pytest.mark.parametrize("said", ["我结婚了 老公叫陈军", "结婚了 老婆叫刘芳", "我现在结婚了 妻子是刘芳"])
def test_a_marriage_told_at_the_summary_is_an_edit(kb, said):
    outcome = play(kb, *AT_SUMMARY, said)
    assert outcome.state["answers"]["marital_status"] == "married" and outcome.state["state"] == "spouse_options"
    assert "婚姻状况：已婚" in "\n".join(outcome.replies)


# -- after approval, a detail reported wrong in plain words (the right value with it): the 申办信息有误 report, said back --
@pytest.mark.parametrize("said, shown", [
    ("身份证号码填错了 正确的应该是110101199003078523", "110101********8523"),
    ("我单位名称写错了 应该是上海星河科技股份有限公司", "上海星河科技股份有限公司"),
])
def test_a_detail_reported_wrong_after_approval_is_the_dispute_said_back(chat, said, shown):
    application_in(chat, "approved")
    reply = chat.send(said)
    assert chat.application["status"] == "disputed"
    assert "已收到您反馈的申办信息问题" in reply and shown in reply and "110101199003078523" not in reply


def test_an_edit_naming_only_an_item_after_approval_still_says_how_to_report(chat):
    application_in(chat, "approved")
    assert "申办信息有误 + 哪里有误" in chat.send("修改 身份证号码")
    assert chat.application["status"] == "approved"


# -- at the checklist, an employer change told with a question: the change made and said back, the question answered ----
@pytest.mark.parametrize("said", ["单位换了 新单位叫上海云帆物流有限公司 合同要重新传吗",
                                  "公司名称改了 现在是上海云帆物流有限公司 劳动合同需要重新传吗"])
def test_an_employer_change_with_a_question_is_made_and_the_question_answered(kb, said):
    outcome = play(kb, *AT_CHECKLIST, said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"]["employer"] == "上海云帆物流有限公司"
    assert "已将所在单位改为：上海云帆物流有限公司" in reply and "合同有效期页" in reply
