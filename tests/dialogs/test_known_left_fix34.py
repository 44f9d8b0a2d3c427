"""The lead's known-misreadings list (fix34), each through the engine in other words than the finder's where
the finder's are not the point: what the applicant meant at the step they were at is what is recorded, asked
or answered."""
from __future__ import annotations

import pytest

from tests.support.api import RETURN_TWO
from tests.support.chat import BASIC, application_in, play

pytestmark = pytest.mark.answers_questions

OPENING = ["你好", "积分新办", "2027-08-25", "同意"]


# -- 1: abuse at the name question is never the name ----------------------------------------------------
@pytest.mark.parametrize("said", ["傻逼", "神经病", "你是猪吧", "关你屁事", "煞笔", "白痴吧", "你有病啊", "滚"])
def test_abuse_at_the_name_is_not_saved_and_the_name_is_asked_again_calmly(kb, said):
    outcome = play(kb, *OPENING, said)
    assert "name" not in outcome.state["answers"] and outcome.state["state"] == "name"
    assert outcome.replies[0].startswith("理解您可能有些着急") and said not in "".join(outcome.replies)
    assert outcome.replies[-1].endswith("请输入您的姓名（与身份证一致）。")


@pytest.mark.parametrize("name", ["阿卜杜拉·买买提", "次仁多吉", "巴特尔", "尼玛", "扎西", "其其格", "热依拉", "格桑卓玛"])
def test_uyghur_tibetan_and_mongolian_names_are_still_saved_as_given(kb, name):
    outcome = play(kb, *OPENING, name)
    assert outcome.state["answers"]["name"] == name and outcome.state["state"] == "id_number"


# -- 2: why an item came back, with an objection, gets the reviewer's own reason --------------------------
@pytest.mark.parametrize("said", ["怎么给我退了？合同签的是长期的呀", "为啥退回 我的合同明明有盖章"])
def test_why_returned_with_an_objection_names_the_reviewers_reason_and_the_way_to_contest_it(chat, said):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    reply = chat.send(said)
    # the way to contest it: the offer of 人工, or the objection taken to a person to re-check at once (try20 W11)
    assert reply.startswith("“劳动(聘用)合同”被退回，审核意见：缺少单位盖章本人签字页")
    assert "回复“人工”" in reply or "转给工作人员复核" in reply


# -- 3: where one's own score is seen is no question of the application's steps ----------------------------
@pytest.mark.parametrize("said", ["积分在哪查", "自己的分数去哪里看", "积分在哪看"])
def test_where_the_score_is_seen_is_answered_with_the_scoring_and_the_personal_account(kb, said):
    reply = "\n".join(play(kb, said).replies)
    assert "积分模拟打分" in reply and "个人账号" in reply and "“积分管理”" in reply


# -- 4: a confirmation sent again after the application is done begins nothing --------------------------
@pytest.mark.parametrize("said", ["确认", "确定", "确认申办信息"])
def test_confirming_again_after_the_application_is_done_says_where_it_stands(chat, said):
    application_in(chat, "approved")
    chat.send("确认")
    assert chat.application["status"] == "done"
    reply = chat.send(said)
    assert "已经确认过了" in reply and "已办结" in reply and "开始新的申请" not in reply
    assert chat.state["state"] == "materials" and chat.application["status"] == "done"


def test_a_bare_confirmation_at_the_business_type_menu_chooses_no_type(kb):
    outcome = play(kb, "你好", "确认")
    assert "business_type" not in outcome.state["answers"] and outcome.state["state"] == "business_type"
    assert not any("积分续办。请回复其中一项" in reply for reply in outcome.replies)  # nor offered for a yes


# -- 5: a wait at the summary to check one answer shows it, and the summary stays open --------------------
AT_SUMMARY = [*OPENING, *BASIC, "0"]


@pytest.mark.parametrize("said", ["先别提交 我要核对一下手机号", "等会儿再确认 我检查下手机号码"])
def test_waiting_to_check_the_mobile_at_the_summary_shows_it_masked_and_how_to_change_it(kb, said):
    outcome = play(kb, *AT_SUMMARY, said)
    reply = "\n".join(outcome.replies)
    assert "138****8000" in reply and "修改 手机号码" in reply and "13800138000" not in reply
    assert outcome.state["state"] == "summary" and not outcome.state["paused"] and "confirmed" not in outcome.state["answers"]


def test_waiting_to_find_a_paper_at_the_summary_still_pauses(kb):
    assert play(kb, *AT_SUMMARY, "等一下 我去找下材料").replies[0].startswith("已为您暂存")


# -- 6: a deletion refused at the checklist is acknowledged, nothing explained ----------------------------
AT_CHECKLIST = [*AT_SUMMARY, "确认"]


@pytest.mark.parametrize("said", ["别删 第3项传的是对的", "身份证那项不要删除 没问题的"])
def test_a_deletion_refused_is_acknowledged_and_the_checklist_goes_on(kb, said):
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.replies[0].startswith("好的，不删") and "不能单独删除" not in "".join(outcome.replies)
    assert outcome.state["state"] == "materials"


def test_a_deletion_asked_for_still_gets_why_it_cannot_be(kb):
    assert "不能单独删除" in play(kb, *AT_CHECKLIST, "第5项还没传 删掉吧").replies[0]


# -- 8: not knowing which type, as a first time: the types told, 积分新办 suggested, a yes takes the suggestion ---
@pytest.mark.parametrize("said", ["不知道要选哪一个 我以前从来没办过", "我也搞不清选哪个 头一回弄积分"])
def test_not_knowing_which_type_for_a_first_time_suggests_the_new_application_with_the_types(kb, said):
    outcome = play(kb, "你好", said)
    reply = "\n".join(outcome.replies)
    assert "business_type" not in outcome.state["answers"] and "应该选“积分新办”" in reply
    assert all(label in reply for label in ("积分续办：", "单位信息变更：", "增加同住人："))
    assert play(kb, "你好", said, "是的").state["answers"]["business_type"] == "new"


def test_a_yes_after_no_suggestion_chooses_no_type(kb):
    outcome = play(kb, "你好", "我不知道选哪个", "是的")
    assert "business_type" not in outcome.state["answers"] and outcome.state["state"] == "business_type"


# -- 7: a progress question: the knowledge base's entry with nothing started, one's own once it exists ---------
@pytest.mark.parametrize("said", ["材料给退回来了咋办", "我的进度到哪了"])
def test_a_progress_question_as_a_first_message_gets_the_knowledge_base_entry(kb, said):
    reply = "\n".join(play(kb, said).replies)
    assert "当前状态：" not in reply and "继续办理" in reply and "请选择您要办理的业务类型" in reply


@pytest.mark.parametrize("status", ["submitted", "returned"])
@pytest.mark.parametrize("said", ["材料给退回来了咋办", "我的进度到哪了"])
def test_a_progress_question_once_an_application_exists_gets_its_own_progress(chat, status, said):
    application_in(chat, status, **({"materials": RETURN_TWO["materials"]} if status == "returned" else {}))
    reply = chat.send(said)
    assert "当前状态" in reply
