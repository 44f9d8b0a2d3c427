"""Questions a tester asked mid-application (round three) that were answered with a neighbouring entry,
a menu of three or a hand-off, each asked in the words it was found with and in others of our own.
Where the seeds do not answer, the answer says so in words an applicant knows ("公开资料"), never
"原文", whose 原 the applicant never saw."""
from __future__ import annotations

import pytest

from dialogs.events import Escalate
from tests.support.chat import play

ASKED = {
    "basic-info-id-number": ["身份证号要填吗？填哪个", "身份证号码是填我自己的吗", "身份证号码填谁的"],
    "sample-download": ["咨询服务委托单哪里下载", "委托单哪里可以下载"],
    "material-social-insurance-record": ["社保缴费记录在哪打印", "社保记录去哪打", "社保缴费明细在哪里开"],
    "permit-expiry-where": ["居住证有效期看哪里？卡上没写啊", "居住证到期日在哪里能查到"],
    "business-type-choose": ["请问一下，续办和新办有什么区别？我之前办过一次但是过期两年了", "续办和新办有什么区别？"],
    "renewal-again": ["我去年交过的材料还要再交一遍？", "续办也要选加分吗？跟去年一样行不行", "续办要重新上传材料吗",
                      "续办加分还要勾吗"],
    "consent-personal-info": ["这个同意了会不会泄露我信息啊", "同意承诺会泄露个人信息吗", "我的个人信息安全吗"],
    "personal-password-reset": ["我唔記得積分系統嘅密碼，點算？", "唔记得密码点算", "积分系统密码忘了"],
    "checklist-is-the-list": ["我上年嘅積分通知書要唔要上傳", "去年的积分通知书要上传吗", "单位变更要交离职证明吗",
                              "换单位要离职证明吗"],
    "material-shortage-major-proof": ["紧缺专业证明是啥 公司开？", "紧缺专业证明谁出具", "紧缺专业要公司开证明吗"],
    "basic-info-contact": ["邮箱没有行不行", "我没有邮箱怎么办"],
}


def answered_by(kb, question: str) -> str | None:
    answer = kb.ask(question)
    return answer.entry.id if answer.status == "answered" else None


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_question_asked_mid_application_gets_the_entry_that_answers_it(kb, entry, question):
    assert answered_by(kb, question) == entry


def test_no_answer_speaks_of_an_original_the_applicant_never_saw(kb):
    assert [e.id for e in kb.entries if "原文" in e.answer] == []


@pytest.mark.parametrize("entry", ["material-social-insurance-record", "permit-expiry-where", "material-shortage-major-proof",
                                   "consent-personal-info"])
def test_what_the_seeds_leave_out_is_said_plainly_with_a_person_to_ask(kb, entry):
    answer = kb.entry(entry).answer
    assert "公开资料没有" in answer and "人工" in answer


def test_someone_whose_points_expired_is_sent_to_a_renewal_not_a_new_application(kb):
    for entry in ("business-type-choose", "business-type-renew"):
        assert "选“积分续办”" in kb.entry(entry).answer or "选续办" in kb.entry(entry).answer


def test_where_the_commission_form_is_found_is_in_its_own_answer(kb):
    assert "样张" in kb.entry("material-commission-form").answer


@pytest.mark.parametrize("asked", ["那我选哪个", "我该选哪个", "选哪个好"])
def test_which_one_to_choose_at_the_business_type_is_answered_with_how_to_choose_not_handed_over(kb, asked):
    outcome = play(kb, "你好", "请问一下，续办和新办有什么区别？我之前办过一次但是过期两年了", asked)
    assert kb.entry("business-type-choose").answer in outcome.replies
    assert not any(isinstance(e, Escalate) for e in outcome.effects)
    assert outcome.state["state"] == "business_type"


def test_a_question_naming_nothing_is_asked_about_the_question_waiting(kb):
    assert kb.ask_at("那我选哪个", "婚姻状况").entry.id == "marital-status"
    assert kb.ask_at("这个要填吗", "邮箱地址").entry.id == "basic-info-contact"
    assert kb.ask_at("那我选哪个", "业务类型").entry.id == "business-type-choose"


@pytest.mark.parametrize("question", ["你是机器人吗", "今天天气怎么样"])
def test_a_question_with_words_of_its_own_is_not_put_on_the_question_waiting(kb, question):
    assert kb.ask_at(question, "业务类型").status == "out_of_domain"


def test_asking_about_privacy_at_the_commitment_is_answered_and_is_no_consent(kb):
    outcome = play(kb, "你好", "积分续办", "2027-08-25", "这个同意了会不会泄露我信息啊")
    assert kb.entry("consent-personal-info").answer in outcome.replies
    assert outcome.state["state"] == "consent"
