"""First messages put the way the blind set first_message_dev19 found answered wrong, unsure or not at all, in other
words than its own, by cause. Each is answered by the entry that answers it (or declined), by the knowledge base and
through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import play
from tests.support.first_answers import answered_by, declined

# The story around a question in the set's voices: shifts at a hospital (护士, 夜班), teaching (寒假, 数学), an office or a
# shop (前台, 出纳, 写字楼, 店长), when one is free (白天, 有空), what everyone calls a thing (大家), an older applicant's
# formal 同志 and 解答: each counted as a word no entry knows and left the question after it unsure or declined
STORY = {
    "support-hours": ["白天站前台走不开 晚上有空 周末你们电话有人接吗"],
    "employer-full-name": ["单位大家都叫简称 所在单位能填简称吗"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in STORY.items() for q in qs])
def test_the_story_of_a_shift_a_school_or_an_office_is_no_unknown_word(kb, entry, question):
    answered_by(kb, question, entry)


# A subject next to ours told as who is asking or where one works, before a question of ours: a Hong Kong or Macao
# identity card held, a primary school one teaches at; the name on one's passport is a name on a document; the form's
# 基本信息 page is ours by itself; asked themselves, the neighbours are still declined
TOLD_FIRST = {
    "residents-outside-the-mainland": ["我拿的是澳门身份证 可以申请上海居住证积分吗"],
    "basic-info-fields": ["基本信息这页总共几栏要填"],
    "basic-info-name": ["护照上的名字是拼音 身份证是汉字 姓名栏写哪一个"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in TOLD_FIRST.items() for q in qs])
def test_a_neighbouring_subject_told_first_leaves_our_question_answered(kb, entry, question):
    answered_by(kb, question, entry)


@pytest.mark.parametrize("question", ["徐汇哪个小学比较好", "澳门身份证怎么申请", "护照过期了去哪换"])
def test_the_neighbouring_subject_asked_itself_is_still_declined(kb, question):
    declined(kb, question)


# The set's words for the entries' things: 进渡 typed for 进度, a husband called 男人 and married again to him (复婚), a
# handing in face to face (当面: at the window), the electronic social-insurance card in a phone (电子社保卡: an electronic copy)
WORDS = {
    "progress-query": ["预审进渡在哪看"],
    "marital-status": ["跟我男人复婚了 婚姻状况勾哪个"],
    "screenshot-or-electronic-copy": ["支付宝里的电子社保卡 截个图上传行吗"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in WORDS.items() for q in qs])
def test_the_applicants_word_for_the_entrys_thing_is_read(kb, entry, question):
    answered_by(kb, question, entry)


# Where an entry lacked the set's common wording: a paper mislaid at home (塞哪去了: lost), a field left empty (空着: not
# filled), the pre-review's working days (几个工作日, beside 外服, which pulled to the login), a Hong Kong identity card held
# (the residents outside the mainland), the proof of a shortage major searched as 证明材料 beside 加分
WORDING = {
    "material-lost": ["毕业证不知道塞哪去了 翻遍了 积分要用"],
    "basic-info-contact": ["邮箱那一栏空着行吗"],
    "pre-review-how-long": ["外服平台的预审要几个工作日"],
    "residents-outside-the-mainland": ["持香港身份证的 能在上海申请积分吗"],
    "material-shortage-major-proof": ["读的是紧缺专业 想加分 证明材料找谁弄"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in WORDING.items() for q in qs])
def test_the_entry_knows_the_common_wording(kb, entry, question):
    answered_by(kb, question, entry)


def test_the_permits_renewal_searched_with_its_endorsement_is_answered_and_chooses_no_type(kb):
    # 续签 beside 签注 and a lead time is the permit's renewal looked up, a search: it had chosen 积分续办 and answered nothing
    outcome = play(kb, "居住证 续签 签注 提前几周")
    assert kb.entry("residence-permit-endorsement").answer in outcome.replies
    assert "business_type" not in outcome.state["answers"]
