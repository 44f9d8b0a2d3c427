"""Questions typed in pinyin, without a Chinese keyboard, are read as the knowledge base's words
(knowledge/pinyin.py): a message of Latin letters that parses into syllables, and nothing else."""
from __future__ import annotations

import sys
from collections import Counter
from datetime import date

import pytest

from dialogs import engine, render
from dialogs.events import Context, Text
from knowledge import pinyin
from knowledge.pinyin import PinyinReading


@pytest.mark.parametrize("question, entry", [
    ("minhang rencai zhongxin dizhi", "minhang-address"), ("xuhui cailiao ji dao nali", "xuhui-address"),
    ("shangchuan de cailiao bei tuihui le", "returned-materials"), ("jifen daoqi le zenme xuban", "renewal-steps"),
    ("waifuyun pingtai denglu", "platform-login"),
])
def test_a_question_typed_in_pinyin_is_answered_by_its_entry(kb, question, entry):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)


@pytest.mark.parametrize("message", ["can I still apply", "hello", "ok", "what documents do I need"])
def test_english_is_no_pinyin(kb, message):
    assert kb.pinyin.hanzi(message.lower()) is None or kb.ask(message).status == "out_of_domain"


def test_a_first_message_in_pinyin_gets_its_answer_not_the_chinese_only_note(kb):
    replies = engine.handle(None, Text("minhang rencai zhongxin dianhua"), Context(today=date(2026, 11, 24), kb=kb)).replies
    assert replies.count(render.WELCOME) == 1 and kb.entry("minhang-address").answer in replies
    assert render.ENGLISH_NOTE not in replies


@pytest.mark.parametrize("message, entry", [
    ("yushen pingtai shi bu shi dei yong gugeliulanqi", "platform-browser"),
    ("cailiao shi bu shi yao shangchuan pdf", "pdf-rules"),
])
def test_a_first_message_in_pinyin_with_a_yes_or_no_in_it_is_still_a_question(kb, message, entry):
    """"shi bu shi" holds the 不是 a reply in pinyin is read as: the knowledge base reads the message whole."""
    replies = engine.handle(None, Text(message), Context(today=date(2026, 11, 24), kb=kb)).replies
    assert kb.entry(entry).answer in replies and render.ENGLISH_NOTE not in replies


def test_a_space_ends_a_syllable_and_a_syllable_no_word_covers_stays_in_letters():
    reading = PinyinReading({"xi", "an", "xian", "cai", "liao"}, {"xian": ("先", 3), "cai liao": ("材料", 9)})
    assert reading.hanzi("xian cailiao") == "先 材料"
    assert reading.hanzi("xi an cai liao") == "xi an 材料"  # 先 is one syllable, not two
    assert reading.hanzi("xqz") is None and reading.hanzi("材料 cailiao") is None


@pytest.mark.slow  # builds the whole reading afresh (~1.5 s): with the slow ones
def test_the_reading_is_kept_and_loaded_without_pypinyin(tmp_path, monkeypatch):
    monkeypatch.setenv("JIFEN_CACHE_DIR", str(tmp_path))
    words = Counter({"登录": 3, "材料": 5})
    built = pinyin.reading(words)
    assert built.hanzi("deng lu cai liao") == "登录 材料"
    monkeypatch.setitem(sys.modules, "pypinyin", None)  # importing it now fails: the kept file must do
    assert pinyin.reading(words).hanzi("denglu cailiao") == "登录 材料"


def test_a_question_in_pinyin_while_the_form_asks_is_answered_and_the_form_goes_on(kb):
    ctx = Context(today=date(2026, 11, 24), kb=kb)
    state = engine.handle(None, Text("积分新办"), ctx).state
    replies = engine.handle(state, Text("xuhui cailiao ji dao nali"), ctx).replies
    assert kb.entry("xuhui-address").answer in replies and render.ENGLISH_NOTE not in replies
