"""Questions in Shanghainese, Sichuanese or Cantonese (traditional characters too) are read as the same
question in Mandarin: the same entry, as sure. Their function words (哪能 怎么, 伐 吗, 啥子 什么, 咋个 怎么,
點 怎么, 睇 看) are put as Mandarin's before the words are cut (knowledge/dialect.py)."""
from __future__ import annotations

import pytest

from knowledge.normalize import normalize


@pytest.mark.parametrize("regional, mandarin", [
    ("闵行的公司，积分材料哪能寄过去伐", "闵行的公司，积分材料怎么寄过去吗"),
    ("积分系统密码搞球不懂咋个改", "积分系统密码搞不懂怎么改"),
    ("喺徐汇返工，積分材料點交", "在徐汇返工，积分材料怎么交"),
    ("預審完咗點睇結果", "预审完了怎么看结果"),
    ("侬晓得积分通知书啥辰光好打印伐", "你知道积分通知书什么时候好打印吗"),
])
def test_a_question_in_regional_words_is_answered_as_the_same_question_in_mandarin(kb, regional, mandarin):
    said, meant = kb.ask(regional), kb.ask(mandarin)
    assert (said.status, said.entry, said.confidence) == (meant.status, meant.entry, meant.confidence)


@pytest.mark.parametrize("slip, meant", [("同主人要满足什么条件", "同住人"), ("才料清单在哪看", "材料"),
                                         ("积分过期了要从办吗", "重新"),
                                         # and a child in Shanghainese, the progress looked at: the entries' words
                                         ("阿拉小囡要加进积分", "子女"), ("提交以后去哪看进度", "查询")])
def test_the_pinyin_keyboards_slips_of_our_words_are_read_as_the_words_meant(kb, slip, meant):
    assert meant in kb.analyzer.words(kb.read(slip))


@pytest.mark.parametrize("text", ["系统里一点办法都没有", "快点交材料吧"])
def test_mandarins_a_little_is_not_cantonese_how(text):
    # a Cantonese character elsewhere (系) sends the text through the reading; 一点/快点 before a verb stays
    assert normalize(text) == text


def test_cantonese_how_before_a_verb_is_read_as_mandarins():
    assert normalize("喺闵行點交") == "在闵行怎么交"
