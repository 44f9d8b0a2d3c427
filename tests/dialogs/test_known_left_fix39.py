"""The lead's known-left list after nlu18/nlu19 (fix39), each through the engine with the finder's example and
messages of the same kind in our own words."""
from __future__ import annotations

import pytest

from dialogs.flows import application as flow
from tests.support.chat import BASIC, play

pytestmark = pytest.mark.answers_questions

OPENING = ("你好", "1", "2027-08-25", "同意")
AT = {
    "employer": (*OPENING, *BASIC[:2]),
    "children": (*OPENING, *BASIC[:3]),
    "marital_status": (*OPENING, *BASIC[:4]),
    "mobile": (*OPENING, *BASIC[:5]),
    "email": (*OPENING, *BASIC[:6]),
    "bonus_options": (*OPENING, *BASIC),
    "edu_level": (*OPENING, *BASIC, "2 3", "1", "2"),
    "edu_school": (*OPENING, *BASIC, "2 3", "1", "2", "本科"),
    "social_years": (*OPENING, *BASIC, "2 3", "1", "2", "本科", "同济大学"),
}
AT_SUMMARY = (*OPENING, *BASIC, "0")
# What each reason says, in part: the reason of the answer asked, not a search's nearest entry.
REASON = {"employer": "委托单需实际单位盖章", "children": "同住人", "marital_status": "结婚证", "mobile": "后续办理过程中通知使用",
          "email": "后续办理过程中通知使用", "bonus_options": "加分材料", "edu_level": "学历材料", "edu_school": "学历材料",
          "social_years": "缴纳职工社会保险年限"}


# -- 1: why an answer is asked, at every question: that answer's reason, then the question again ----------------
@pytest.mark.parametrize("field", sorted(AT))
@pytest.mark.parametrize("said", ["问这个干嘛", "填这个做什么用", "凭啥要我写这个", "你们要这个干什么呀"])
def test_why_an_answer_is_asked_gets_its_reason_and_the_question_again(kb, field, said):
    before = play(kb, *AT[field]).state
    outcome = play(kb, *AT[field], said)
    replies = "\n".join(outcome.replies)
    assert outcome.state["answers"] == before["answers"] and outcome.state["state"] == field
    assert REASON[field] in outcome.replies[0] and "继续办理" in replies
    assert "不能替您编一个" not in replies and "超出了我能回答的范围" not in replies


def test_why_the_email_is_asked_is_no_search_for_the_centres_contacts(kb):
    replies = "\n".join(play(kb, *AT["email"], "为什么要填邮箱").replies)
    assert "后续办理过程中通知使用" in replies and "人才服务中心" not in replies
    assert replies.endswith("不填写请回复“无”。")


def test_why_another_answer_is_asked_names_that_answers_reason(kb):
    outcome = play(kb, *AT["email"], "为啥要填单位啊")
    assert "委托单需实际单位盖章" in outcome.replies[0] and outcome.state["state"] == "email"


def test_a_question_about_the_answer_beyond_why_still_goes_to_the_knowledge_base(kb):
    replies = "\n".join(play(kb, *AT["email"], "邮箱为什么收不到通知").replies)
    assert "后续办理过程中通知使用（预审通过或退回会有短信" not in replies


# -- 2: why so many at the summary: what they are for (the checklist, the check), and the summary again -----------
@pytest.mark.parametrize("said", ["问这么多干嘛", "怎么要填这么多", "为啥要填这么多信息", "干嘛问得这么细"])
def test_why_so_many_answers_at_the_summary_gets_the_reason_and_the_summary_again(kb, said):
    outcome = play(kb, *AT_SUMMARY, said)
    replies = "\n".join(outcome.replies)
    assert "生成针对性的材料清单" in outcome.replies[0] and "超出了我能回答的范围" not in replies
    assert "请核对您填写的信息" in replies and outcome.state["state"] == "summary"
    assert "confirmed" not in outcome.state["answers"]


# -- 4: a level said with modesty or shame is that level, said back; the modesty alone is still a feeling ----------
@pytest.mark.parametrize("said, level", [("见笑了 只有初中", "大专以下"), ("惭愧 只念到初二", "大专以下"), ("丢脸啊 就中专", "大专以下"),
                                         ("让您见笑了 初中毕业", "大专以下"), ("不好意思 大专而已", "大专")])
def test_a_level_said_with_modesty_is_saved_and_said_back(kb, said, level):
    outcome = play(kb, *AT["edu_level"], said)
    assert flow.QUESTIONS["edu_level"].render(outcome.state["answers"]["edu_level"]) == level
    assert f"学历层次：{level}" in outcome.replies[0] and outcome.state["state"] == "edu_school"


def test_modesty_about_the_level_with_no_level_named_saves_nothing(kb):
    outcome = play(kb, *AT["edu_level"], "学历比较低 见笑了")
    assert "edu_level" not in outcome.state["answers"] and outcome.state["state"] == "edu_level"


# -- 5: a refusal with a protest at the consent is a refusal: the protest heard, what refusing means -------------
AT_CONSENT = ("你好", "1", "2027-08-25")


@pytest.mark.parametrize("said", ["不同意 凭甚要我担一切后果", "我不同意，凭啥要授权", "凭什么出了事都算我的 不签",
                                  "不同意！凭啥让我担责任"])
def test_a_refusal_with_a_protest_is_a_refusal_with_the_protest_heard(kb, said):
    outcome = play(kb, *AT_CONSENT, said)
    replies = "\n".join(outcome.replies)
    assert outcome.replies[0].startswith("理解您的顾虑") and "若有任何隐瞒及造假" in replies
    assert "不能为您继续办理线上预审" in replies and "回复“同意”" in replies
    assert outcome.state["state"] == "consent" and "consent" not in outcome.state["answers"]
    assert "真实性承诺】" not in replies  # not answered as a question about the commitment, shown again whole


def test_a_why_beside_a_refusal_is_still_answered_as_a_question(kb):
    replies = "\n".join(play(kb, *AT_CONSENT, "不同意 为什么要我承担后果？").replies)
    assert "理解您的顾虑" not in replies and "不同意无法继续" in replies


# -- 6: a pause with its reason at the checklist, naming a material not ready: paused, nothing opened -------------
AT_CHECKLIST = (*AT_SUMMARY, "确认")


@pytest.mark.parametrize("said", ["委托单还没盖章 过两天再来", "委托书还没盖章 过几天再来", "户口本复印件还没拿到 下周再来",
                                  "合同公司还没盖章 等盖好了再来"])
def test_a_pause_with_a_material_not_ready_keeps_the_progress_and_says_how_to_come_back(kb, said):
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.state["paused"] and outcome.state["state"] == "materials"
    assert outcome.replies[0].startswith("已为您暂存") and "下次发送任意消息即可从这里继续" in outcome.replies[0]
    assert not outcome.state.get("material")  # no item opened


def test_what_to_do_about_a_material_not_ready_is_still_a_question(kb):
    outcome = play(kb, *AT_CHECKLIST, "委托单还没盖章怎么办")
    assert not outcome.state["paused"] and "落款日期" in "\n".join(outcome.replies)


# -- 3: an earlier answer put right with a lead word at a later question: changed, said back, the question again ---
@pytest.mark.parametrize("at, said, field, value", [
    ("marital_status", "噢 不对 我叫刘洋 不是张三", "name", "刘洋"),
    ("mobile", "哎 不对 我叫王海燕 刚才打错了", "name", "王海燕"),
    ("bonus_options", "对了 有效期其实是2028年1月10日", "permit_expiry", "2028-01-10"),
    ("email", "等等 居住证有效期其实是2029年3月1日", "permit_expiry", "2029-03-01"),
    ("social_years", "对了 学校其实是同济大学", "edu_school", "同济大学"),
    ("edu_level", "不对 单位其实是上海某某贸易有限公司", "employer", "上海某某贸易有限公司"),
])
def test_an_earlier_answer_put_right_at_a_later_question_is_changed_and_the_question_asked_again(kb, at, said, field, value):
    before = play(kb, *AT_LATER[at]).state
    outcome = play(kb, *AT_LATER[at], said)
    answers, replies = outcome.state["answers"], "\n".join(outcome.replies)
    assert answers[field] == value and value in replies and "改为" in replies
    assert outcome.state["state"] == at and answers.get(at) == before["answers"].get(at)
    assert replies.endswith(play(kb, *AT_LATER[at]).replies[-1].split("\n")[-1])  # the question asked again


def test_someone_elses_number_said_at_a_later_question_does_not_replace_the_applicants(kb):
    outcome = play(kb, *AT_LATER["bonus_options"], "对了 我老婆手机其实是13912345678")
    assert outcome.state["answers"]["mobile"] == "13800138000"


AT_LATER = {**AT, "social_years": (*OPENING, *BASIC, "2 3", "1", "2", "本科", "复旦大学")}
