"""Answers a tester found wrong while asking as an applicant (round two), each asked in the words it was
found with and in others of our own. Where the seeds give no figure or address, the right answer says
so rather than answering a neighbouring question."""
from __future__ import annotations

from datetime import date

import pytest

from dialogs import engine
from dialogs.events import Context, Text

SOCIAL_INSURANCE_POINTS = ["社保交了几年算分？", "社保基数怎么算", "社保年限是怎么算积分的",
                           "交社保的年数算不算积分", "社保缴费基数高能多加分吗"]
EDUCATION_REQUIREMENTS = ["学历要求是什么", "申请积分有学历要求吗", "大专可以办积分吗", "学历加分要满足什么条件",
                          "学历加分要准备哪些证书", "學歷要求是什麼"]
POINT_FIGURES = ["本科学历可以加多少分", "社保缴了五年能加多少分", "硕士能加几分", "职称加分是多少分", "研究生学历积分多少", "大专能加多少分"]
CHILDREN_MATERIALS = ["子女出生证明丢了怎么办", "2个孩子要交什么材料", "有小孩的要准备什么材料", "孩子的出生医学证明找不到了",
                      "两个孩子都要交出生证明吗"]
SHORTAGE_MAJOR = ["紧缺专业是什么意思", "什么叫紧缺专业", "哪些专业属于紧缺专业", "我学计算机算紧缺专业吗", "紧缺专业加分怎么回事"]
CENTRES_WITHOUT_ADDRESS = {"浦东新区": ["浦东人才中心地址", "浦东人才服务中心在哪", "浦东新区人才中心的地址是多少"],
                           "静安区": ["静安人才中心地址", "静安区人才服务中心地址在哪里", "闸北人才中心在什么地方"]}
EMPLOYER_NAME = ["公司名字要写全称吗", "单位名称可以写简称吗", "所在单位要填公司全名吗", "公司名写简称行不行"]
WHERE_TO_BEGIN = ["俺想弄个积分咋弄啊", "我想办积分", "积分咋弄", "积分怎么办", "想弄积分", "积分"]


def answered_by(kb, question: str) -> str | None:
    answer = kb.ask(question)
    return answer.entry.id if answer.status == "answered" else None


@pytest.mark.parametrize("question", SOCIAL_INSURANCE_POINTS)
def test_how_social_insurance_counts_is_answered_with_what_counts_and_that_no_figure_is_given(kb, question):
    assert answered_by(kb, question) == "social-insurance-rules"
    answer = kb.entry("social-insurance-rules").answer
    assert all(fact in answer for fact in ("社保加分", "累计缴费年数", "补缴", "没有给出"))


@pytest.mark.parametrize("question", EDUCATION_REQUIREMENTS)
def test_the_education_requirement_covers_every_kind_of_degree_not_only_overseas_ones(kb, question):
    assert answered_by(kb, question) == "education-requirements"
    answer = kb.entry("education-requirements").answer
    assert all(fact in answer for fact in ("120 分", "学历加分", "高中及以下", "大专及以上", "专升本", "海外学历"))


@pytest.mark.parametrize("question", POINT_FIGURES)
def test_a_points_figure_the_seeds_do_not_give_is_said_to_be_missing(kb, question):
    assert answered_by(kb, question) in ("points-threshold", "education-requirements", "social-insurance-rules")
    assert "没有给出" in kb.entry(answered_by(kb, question)).answer


@pytest.mark.parametrize("question", CHILDREN_MATERIALS)
def test_childrens_materials_are_answered_about_the_children_not_the_benefit_choice(kb, question):
    assert answered_by(kb, question) == "children-materials"
    assert kb.entry("children-materials").material == "child_birth_certificate"


def test_a_lost_birth_certificate_is_not_answered_with_a_replacement_the_seeds_do_not_describe(kb):
    assert "公开资料没有说明出生证明丢失" in kb.entry("children-materials").answer


@pytest.mark.parametrize("question", SHORTAGE_MAJOR)
def test_a_shortage_major_is_explained_as_far_as_the_seeds_go(kb, question):
    assert answered_by(kb, question) == "shortage-major"
    assert "没有解释哪些专业算紧缺专业" in kb.entry("shortage-major").answer


@pytest.mark.parametrize(("district", "question"), [(d, q) for d, qs in CENTRES_WITHOUT_ADDRESS.items() for q in qs])
def test_a_centre_whose_address_the_seeds_omit_says_so_first(kb, district, question):
    answer = kb.ask(question)
    assert answer.status == "answered" and answer.entry.district == district
    assert "没有公布" in answer.entry.answer.split("。")[0] and "地址" in answer.entry.answer.split("。")[0]


@pytest.mark.parametrize("question", EMPLOYER_NAME)
def test_the_employer_is_written_in_full_as_on_the_labour_contract(kb, question):
    assert answered_by(kb, question) == "employer-full-name"
    assert "全称" in kb.entry("employer-full-name").answer and "劳动（聘用）合同" in kb.entry("employer-full-name").answer


@pytest.mark.parametrize("question", WHERE_TO_BEGIN)
def test_a_message_naming_only_the_points_is_told_the_business_types_and_to_start_with_a_new_application(kb, question):
    assert answered_by(kb, question) == "business-type-choose"
    answer = kb.entry("business-type-choose").answer
    assert answer.startswith("第一次申请积分的，办“积分新办”") and all(t in answer for t in ("积分续办", "单位信息变更", "增加同住人"))


@pytest.mark.parametrize("question", ["没有居住证能办积分吗", "积分到期了怎么办", "积分新办流程"])
def test_a_message_with_more_than_the_points_is_ranked_as_usual(kb, question):
    assert answered_by(kb, question) != "business-type-choose"


def test_the_entry_that_answers_where_to_begin_exists(kb):
    assert kb.vocab.where_to_begin is not None and kb.entry(kb.vocab.where_to_begin.entry) is not None


@pytest.mark.parametrize("question", ["承诺是啥意思", "这个承诺是什么意思呀", "真实性承诺啥意思", "迭个承诺是啥意思"])
def test_the_commitment_is_explained(kb, question):
    assert answered_by(kb, question) == "commitment-and-notice"


def test_a_first_message_naming_only_the_points_gets_the_business_types_once_with_the_welcome(kb):
    replies = engine.handle(None, Text(WHERE_TO_BEGIN[0]), Context(today=date(2026, 11, 24), kb=kb)).replies
    assert kb.entry("business-type-choose").answer in replies
