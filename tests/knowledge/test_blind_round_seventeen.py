"""First messages put the way the blind set dev17 found answered wrong, unsure or not at all, in other words than its
own, by cause. Each is answered by the entry that answers it (or declined), by the knowledge base and through the
engine."""
from __future__ import annotations

import pytest

from knowledge.normalize import normalize
from tests.support.chat import play
from tests.support.first_answers import answered_by


# What seed 000 says and no entry answered (blind30's gaps): 应届生加分 has its own column of the upload page (the bonus
# options' entry says so; the seed lists no materials for it); 学历层次 is chosen in 学历情况 (the seed's page shows 大专以下); what a spouse's
# Shanghai hukou brings, which the seeds do not say (the spouse-hukou entry says so)
SEEDS_ANSWER = {
    "bonus-options": ["应届生加分那一栏要传哪些东西"],
    "education-level-choices": ["中专毕业的 学历层次该选哪个"],
    "material-spouse-hukou": ["媳妇是上海户籍 对我积分有帮助吗"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in SEEDS_ANSWER.items() for q in qs])
def test_what_the_seeds_answer_has_its_entry(kb, entry, question):
    answered_by(kb, question, entry)


def test_the_fresh_graduates_column_is_named(kb):
    assert "“应届生加分”一栏" in kb.entry("bonus-options").answer


def test_what_a_spouses_hukou_brings_is_said_to_be_what_the_seeds_leave_open(kb):
    assert "公开资料没有写配偶是上海户籍能加多少分" in kb.ask("媳妇是上海户籍 对我积分有帮助吗").entry.answer


# dev17's voices: Cantonese 嚟 (来) and 俾 (给), Shanghainese 小囡 (小孩) and 屋里厢 (at home), Shaanxi's 额 (我) opening a
# clause, and not the 额 of an amount
@pytest.mark.parametrize(("said", "read"), [("由湖南嚟上海", "由湖南来上海"), ("俾单位交材料", "给单位交材料"),
                                            ("阿拉屋里厢小囡", "我们小孩"), ("额公司不给办", "我公司不给办"),
                                            ("额是河南的", "我是河南的"), ("额度不够", "额度不够"), ("社保金额", "社保金额")])
def test_regional_words_are_read_as_mandarin(said, read):
    assert normalize(said) == read


# Another city's own permit, points or household registration is that city's service: declined, though 居住证 and 积分
# are our words; one's own permit from elsewhere asked about Shanghai's points is ours
@pytest.mark.parametrize("question", ["南京的积分怎么申请", "无锡居住证去哪里办", "宁波落户要多少分"])
def test_another_citys_permit_or_points_is_declined(kb, question):
    assert kb.ask(question).status == "out_of_domain"
    replies = play(kb, question).replies
    assert not any(entry.answer in replies for entry in kb.entries)


def test_a_permit_from_another_city_asked_about_ours_is_ours(kb):
    assert kb.ask("我有杭州的居住证 能在上海申请积分吗").status != "out_of_domain"
    assert kb.ask("我是武汉户口 可以办积分吗").status != "out_of_domain"


# A child's schooling told first, and the question about the points in a clause after it, not the last one
def test_a_childs_schooling_told_before_the_question_does_not_decline_it(kb):
    question = "孩子明年上学，积分这个怎么弄，我们单位小不知道给不给办"
    assert kb.ask(question).status != "out_of_domain"
    assert kb.ask("孩子明年上学，要什么条件").status == "out_of_domain"


# A word that tipped a near dead heat to another entry: 公章 to copies and originals, 不真实 (no word of the false-materials entry), 及格线 (the 120 points), 海归 (a degree from abroad),
# 清缓存 before the hotline asked
TIPPED = {
    "submission-overview": ["复印件上要不要加盖单位公章"],
    "false-materials": ["材料有点不真实会怎么样"],
    "points-threshold": ["积分及格线多少"],
    "material-overseas-degree": ["海归要交啥学历材料"],
    "platform-hotline": ["缓存清了也白搭 有没有客服热线"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in TIPPED.items() for q in qs])
def test_a_first_message_a_word_had_tipped_gets_its_entry(kb, entry, question):
    answered_by(kb, question, entry)
