"""Questions two testers asked mid-application (round four) that were answered with a material's
requirement instead of what they asked (where it comes from, how to get it, what to do when it is
lost), with a menu of three for a yes/no one entry answers, or declined; arrangements of the epidemic
period read as current; and a follow-up naming no district ("电话多少" after "浦东人才中心地址")."""
from __future__ import annotations

import pytest

from tests.support.chat import play


ASKED = {
    "material-household-register": ["户籍证明是啥，去哪开", "户籍证明去哪开", "我是重庆户口，户籍证明要回重庆开吗"],
    "material-chsi-report": ["學信網報告點樣下載", "学信网报告怎么下载"],
    "material-cdgdc-report": ["那个学位网的报告是啥"],
    "material-lost": ["结婚证丢了怎么办", "结婚证丢了，补办要多久", "毕业证不见了咋整"],
    "material-copy-or-original": ["配偶身份证 复印件行不行", "拍复印件可以吗"],
    "material-commission-form": ["委托单去哪重新开", "第一项委托单是啥东西啊我看不懂", "第一项要重新盖章吗？公司人事不在",
                                 "变更单位要不要新单位的委托单"],
    "photo-tips": ["怎么拍比较清楚", "照片拍得有点糊会不会被退", "點樣影相先清楚"],
    "renewal-steps": ["续办和新办材料一样吗"],
    "children-hukou": ["孩子户口不在上海可以加吗"],
    "marital-status": ["离婚证要不要传"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_question_about_a_material_gets_the_entry_that_answers_it(kb, entry, question):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)


@pytest.mark.parametrize(("entry", "says"), [
    ("material-household-register", ["不用另外去开", "派出所"]),  # where it comes from, as the manual puts it
    ("material-commission-form", ["重新联系人申请委托单", "新单位盖章", "样张"]),
    ("material-chsi-report", ["学信网上申请"]),
    ("renewal-steps", ["和新办材料的区别", "最新的咨询服务委托单"]),
])
def test_where_a_material_comes_from_is_in_its_answer(kb, entry, says):
    answer = kb.entry(entry).answer
    assert [s for s in says if s not in answer] == []


@pytest.mark.parametrize("entry", ["material-lost", "children-hukou", "material-chsi-report", "material-cdgdc-report"])
def test_what_the_seeds_do_not_say_is_said_plainly_with_someone_to_ask(kb, entry):
    answer = kb.entry(entry).answer
    assert "公开资料没有" in answer and "人工" in answer


def test_every_district_arrangement_says_it_was_the_epidemic_periods_and_may_have_changed(kb):
    note = kb.vocab.dated["epidemic"]
    assert [e.id for e in kb.entries if e.district and not e.answer.endswith(note)] == []
    said_then = [e for e in kb.entries if "疫情期间" in e.answer]
    assert [e.id for e in said_then if not any(w in e.answer for w in ("可能已", "是否恢复"))] == []


def test_the_periods_note_is_said_but_does_not_rank(kb):
    entry = kb.entry("baoshan-address")
    assert entry.answer == f"{entry.said}\n{kb.vocab.dated['epidemic']}"
    assert kb.vocab.dated["epidemic"] not in entry.said


@pytest.mark.parametrize("follow_up", ["电话多少", "电话是多少"])
def test_a_follow_up_naming_no_district_is_about_the_district_asked_before(kb, follow_up):
    outcome = play(kb, "你好", "浦东人才中心地址", follow_up)
    assert kb.entry("pudong-submission").answer in outcome.replies
    assert outcome.state["district"] == "浦东新区"


def test_a_follow_up_on_a_topic_the_districts_share_keeps_its_general_answer(kb):
    outcome = play(kb, "你好", "闵行寄到哪", "委托单有什么要求")
    assert kb.entry("material-commission-form").answer in outcome.replies


def test_a_question_naming_another_district_moves_the_conversation_there(kb):
    outcome = play(kb, "你好", "浦东人才中心地址", "闵行寄到哪", "邮件标题有什么要求")
    assert kb.entry("minhang-email-subject").answer in outcome.replies
    assert outcome.state["district"] == "闵行区"


def test_a_district_is_let_go_once_a_message_is_not_a_question(kb):
    outcome = play(kb, "你好", "浦东人才中心地址", "积分新办", "电话多少")
    assert kb.entry("pudong-submission").answer not in outcome.replies
    assert outcome.state["district"] is None


def test_without_a_district_before_a_follow_up_gets_the_general_answer(kb):
    assert kb.in_district("电话多少", kb.ask("电话多少"), None).entry.id == "centre-contact-missing"
    assert kb.in_district("今天天气怎么样", kb.ask("今天天气怎么样"), "浦东新区").status == "out_of_domain"
