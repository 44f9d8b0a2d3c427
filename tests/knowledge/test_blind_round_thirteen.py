"""First messages put the way the blind set dev13 found answered wrong or unsure, in other words than its own, by
cause: WeChat's sticker codes around a question; Shanxi, Inner Mongolia, Xinjiang and Chongqing function words; where the applicant comes from told after a greeting; everyday words for the entries'
(接下来, 理由); gen-Z slang around a question; Japanese words and kana in a returnee's message;
praise exclaimed before a question announced by the way; a business type named in a search-engine keyword string. Each is answered through the engine by the entry that answers it."""
from __future__ import annotations

import pytest

from knowledge.normalize import normalize
from tests.support.chat import play

ASKED = {
    # WeChat's stickers sent as their names in brackets: a feeling, never what is asked; where the applicant comes
    # from, told after a greeting or with who is talking: no word of it is ours
    "unit-registration-process": ["[捂脸][叹气]单位要先注册吗", "你好，包头过来的，单位要先注册吗"],
    "renewal-steps": ["老师好，石家庄长大的，积分续办要交啥材料"],
    # Shanxi, Inner Mongolia and Xinjiang words: 夜来 yesterday, 尔格 now, 撒 what
    "status-sequence": ["夜来交的积分材料，尔格撒状态"],
    # everyday words for the entries': what comes next after uploading (下一步)
    "submit-for-review": ["材料都传完了 接下来呢", "所有材料传好了，接下来做什么"],
    # gen-Z's cries and calls to the readers around a question: they say nothing about the entry
    "returned-materials": ["家人们谁懂啊，积分预审退回了啊啊啊"],
    # praise exclaimed before "顺便问下": the question is what follows
    "print-notice-online": ["外服平台太好用了！顺便问下，积分通知书在哪打印"],
    # what no entry answered before, now from the seeds: 上海外服's app and account (000), the permit's photo and what
    # the permit asks (no landlord, no fee: 003), whether a phone will do (000 recommends a browser, nothing more)
    "waifu-app-account": ["外服的微信公众号叫啥"],
    "residence-permit-photo": ["居住证的照片戴眼镜可以吗"],
    "residence-permit-no-landlord-no-fee": ["居住证办下来要收费吗 房东要去吗"],
    "pre-review-on-phone": ["手机上能做线上预审吗"],
    # a returnee from Japan: its words for ours (初めて, 流れ) and the kana between them; a keyword string naming a
    # type with a year and the city: searched, not the type chosen
    "new-application-steps": ["お疲れ様です。积分の申请は初めてです、流れを教えてください", "积分新办 流程 2026 上海"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_first_message_in_these_words_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


@pytest.mark.parametrize(("said", "read"), [("[捂脸]积分怎么续办", "积分怎么续办"), ("[OK][强]传好了", "传好了"),
                                            ("状态[已退回]", "状态 已退回")])
def test_wechat_stickers_say_nothing_and_other_brackets_are_kept(said, read):
    assert normalize(said) == read


@pytest.mark.parametrize(("said", "read"), [("兀个模块寻不见，咋闹", "那个模块找不到 怎么办"), ("配偶栏空着没麻达吧", "配偶栏空着没问题吧"),
                                            ("撒时候出结果", "什么时候出结果"), ("要先切社区签注噻", "要先去社区签注噻"),
                                            ("材料要传甚格式", "材料要传什么格式"), ("勒个委托单扯拐了", "这个委托单出问题了"),
                                            ("甚至要切换浏览器", "甚至要切换浏览器"), ("撒谎", "撒谎")])
def test_shanxi_xinjiang_and_chongqing_function_words_are_read_as_mandarin(said, read):
    assert normalize(said) == read


@pytest.mark.parametrize(("said", "read"), [("哪里打勾", "勾选"), ("居住证都没有", "前提"), ("婚还没结", "未婚"),
                                            ("退回理由", "原因"), ("总共多久", "一共")])
def test_everyday_words_are_read_as_the_entries(kb, said, read):
    assert read in kb.analyzer.words(kb.read(said))


@pytest.mark.parametrize(("said", "read"), [("委托单の判子は会社のものですか", "委托单的盖章 公司"),
                                            ("書類の提出は初めてです", "材料的提交 第一次")])
def test_japanese_words_are_read_as_ours_and_kana_say_nothing(said, read):  # の between words says 的
    assert normalize(said) == read


@pytest.mark.parametrize("name", ["撒贝宁", "切尔西"])
def test_a_surname_among_the_northern_words_stays_a_name(name):
    assert name in normalize(f"我是{name}")
