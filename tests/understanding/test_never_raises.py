"""No message makes understanding or the engine raise, at any conversation point: an odd character
from a phone's keyboard ("③", "²", "Ⅻ", a combining accent, a joined emoji) gets a reply, never a
server error. Strings are drawn from a fixed seed, so a failure is the same on every run."""
from __future__ import annotations

import random

import pytest

from dialogs.understanding import interpret
from dialogs.understanding.corpus import CORPUS_DIR, load_examples
from knowledge import load_default
from tests.support.chat import BASIC, play

# Characters Unicode calls digits or numbers that int() refuses ("③".isdigit() is True), and others
# that look like numbers.
NUMBER_LIKE = "".join(c for c in map(chr, range(0x3000)) if c.isdigit() and not c.isdecimal()) + "ⅫⅣ½¾〇卅廿〡〢"
POOLS = [NUMBER_LIKE, "0123456789", "０１２３４５６７８９", "一二三四五六七八九十百千万两幺零",
         "张伟已婚离异本科社保学历同意第项删查看号码身份证邮箱单位公司", "，。？！、：；（）《》“”…—·",
         "abcxyzXABC@.-_ ", "\u0301\u200d\u200b\u202e\ufe0f", "😀👌🙏❤️🇨🇳", "繁體學歷離異"]


def strange_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    texts = [c for c in NUMBER_LIKE[::7]]
    for _ in range(n):
        texts.append("".join(rng.choice(rng.choice(POOLS)) for _ in range(rng.randint(1, 24))))
    # Ranges of neighbouring numerals inside a sentence ("五六" is no count: cn2an reads 56, "十五六" nothing).
    ranges = ["社保交了五六年", "交了十五六年", "社保 五六年", "两三个孩子", "孩子 两三个", "社保交了九十年",
              "9999年12月底", "2027.6.3O"]  # review5 R16: a month's end past the last date Python has
    return texts + ["第" + NUMBER_LIKE[:40] + "项", "1" * 500 + "③", "删掉第⑮项", "Ⅻ个孩子", *ranges]


@pytest.fixture(scope="module")
def kb():
    return load_default()


@pytest.mark.parametrize("point", sorted({e.point for e in load_examples(CORPUS_DIR)}))
def test_no_text_makes_understanding_raise_at_any_point(kb, point):
    for text in strange_texts(sum(map(ord, point)), 60):
        assert interpret(point, text, kb=kb, checklist=("身份证", "户口本", "劳动合同"))


@pytest.mark.parametrize("walked", [[], ["你好"], ["你好", "积分新办", "2027-08-25", "同意"],
                                    ["你好", "积分新办", "2027-08-25", "同意", *BASIC[:4]]])
def test_no_text_makes_the_engine_raise(kb, walked):
    for text in strange_texts(len(walked), 40):
        assert play(kb, *walked, text).replies
