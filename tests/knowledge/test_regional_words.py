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
    # Wenzhou and Ningbo, Jianghuai (northern Jiangsu, Anhui), Tianjin, Yunnan and Hainan (dev12's voices)
    ("积分批下来能管多少辰光", "积分批下来能管多久"),
    ("在人事服务页面下底寻勿着预审入口", "在人事服务页面下面找不到预审入口"),
    ("承诺书叫别人代签照不照，啊要自家签", "承诺书叫别人代签行不行，要不要自己签"),
    ("积分通知书嘛时候能打印", "积分通知书什么时候能打印"),
    ("介委托单上的章啊能是复印的", "这委托单上的章能不能是复印的"),
    ("积分系统做那样半夜登不上", "积分系统为什么半夜登不上"),
    ("交上去的学历原件有无可能退还", "交上去的学历原件有没有可能退还"),
    ("外服平台从哪点进去填积分", "外服平台从哪里进去填积分"),
    ("积分办好得不得一直有效", "积分办好能不能一直有效"),
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


@pytest.mark.parametrize("text", ["单位介绍信要盖章吗", "中介公司能代办吗", "应该个人申请吗", "该个人账号密码忘了", "自己交社保得不得行",
                                  "材料要交嘛"])
def test_mandarins_own_words_are_not_read_as_regional(text):
    # 介 of 介绍 and 中介, 该 of 应该 and the formal 该个人, Sichuan's 得不得行 (a stopword) and a 嘛 ending a clause stay
    assert normalize(text) == text


def test_one_scan_before_the_regional_steps_changes_no_reading():
    # ``mandarin`` skips its seven steps when none of their characters is there: the same text as every step
    # run, for each example of the understanding corpus (regional voices among them) and each step's own words
    from dialogs.text import canonical
    from dialogs.understanding.corpus import load_examples
    from knowledge import dialect

    texts = [canonical(example.text).lower() for example in load_examples()]
    texts += [word for words in (dialect._CANTONESE_WORDS, dialect._NORTHERN_WORDS, dialect._JAPANESE_WORDS,
                                 dialect._SOUTHWEST_NORTHWEST_WORDS) for word, _ in words]
    texts += ["我无结婚", "伐晓得", "可照", "身分证", "要撒", "切社区", "哪来的娃", "阮号做", "陈美樱です"]
    assert len(texts) > 5000
    first = [dialect.central_east(dialect.misheard(text)) for text in texts]  # their own guards, before the scan
    assert [dialect.mandarin(text) for text in texts] == [dialect._every_step(text) for text in first]
    assert sum(dialect.mandarin(text) != text for text in texts) > 100  # the steps still read what they read
