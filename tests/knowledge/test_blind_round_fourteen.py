"""First messages put the way the blind set dev14 found answered wrong or unsure, in other words than its own, by
cause: Hunan, Hubei and Henan function words, Fujian's h for f, Cantonese's 有冇 and the voice and pinyin keyboards'
first candidates for the domain's words. Each is answered through the engine by the entry that answers it."""
from __future__ import annotations

import pytest

from knowledge.normalize import normalize
from tests.support.chat import play

ASKED = {
    # Hubei's 伢 (a child) and Hunan's 么子 (what); the voice keyboard's 鸡粉 鱼神 (积分 预审) and Hubei's 么样 (how)
    "children-materials": ["伢要上学了，积分要么子材料"],
    "returned-materials": ["鸡粉鱼神退回了么样补"],
    # Fujian's h for f in the platform's names, Henan's 木有 (none); Cantonese's 有冇 in the platform's menu
    "platform-hotline": ["客胡电话木有人接"],
    "platform-login": ["外胡平台登不上"],
    "platform-module-missing": ["人事服务里有冇积分预审"],
    # the pinyin keyboard's 委托蛋 (委托单)
    "sample-download": ["委托蛋在哪下载"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_first_message_in_these_words_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


@pytest.mark.parametrize(("said", "read"), [("积分要么子材料", "积分要什么材料"), ("何解要退回", "为什么要退回"),
                                            ("查出来会么样", "查出来会怎么"), ("么时候出结果", "什么时候出结果"),
                                            ("怎么样", "怎么样"), ("什么样的照片", "什么样的照片"), ("木有短信", "没有短信"),
                                            ("恁好", "你好"), ("恁大的字", "恁大的字"), ("有冇截止", "有没有截止"),
                                            ("客胡电话", "客服电话"), ("机分怎么算", "积分怎么算"),
                                            ("用手机分两次拍", "用手机分两次拍"), ("伢他爸", "孩子他爸")])
def test_hunan_hubei_henan_and_fujian_words_are_read_as_mandarin(said, read):
    assert normalize(said) == read


@pytest.mark.parametrize(("said", "read"), [("鸡粉", "积分"), ("鱼神", "预审"), ("委托蛋", "委托单"), ("前柱", "签注")])
def test_the_keyboards_first_candidates_are_read_as_the_domains_words(kb, said, read):
    assert read in kb.analyzer.words(kb.read(said))
