"""Canonical form of what applicants type: half-width, simplified, trimmed.

Applicants type on phones with full-width digits ("２０２７"), traditional characters
(Hong Kong/Taiwan keyboards) and stray spaces; every parser works on this form.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from dialogs.per_message import per_message
from knowledge import dialect
from knowledge.stickers import OKAY_CODES, WECHAT_STICKERS

# ``knowledge.dialect.mandarin`` kept for the message being read (``dialogs.per_message``): the understanding step
# reads one text's regional words about five times a message, a text or two apart (issue 19). Pure, of one text.
mandarin = per_message(dialect.mandarin)

_FULLWIDTH_OFFSET = 0xFEE0


def groups_kept(*numbers: int, then: str = "") -> Callable[[re.Match[str]], str]:
    """A replacement for ``Pattern.sub`` that keeps the groups ``numbers`` (one that took no part as "")
    followed by ``then``: what a template such as ``r"\\1"`` says, as a function. ``re`` parses a template
    again in Python on every ``sub`` call, matched or not (~9K instructions a call; a function costs nothing
    where nothing matches: issue 19)."""
    if len(numbers) == 1 and not then:
        number = numbers[0]
        return lambda match: match.group(number) or ""
    return lambda match: "".join(match.group(n) or "" for n in numbers) + then


_HALFWIDTH = {code: code - _FULLWIDTH_OFFSET for code in range(0xFF01, 0xFF5F)} | {0x3000: ord(" ")}
# Numbers in circles and brackets, as phones offer them for a list ("③", "❸", "⑶", "⒊"), are the number:
# an applicant choosing from a numbered menu means option 3. Unicode calls them digits, but int() refuses them.
_ENCLOSED_NUMBERS = {
    code: str(int(unicodedata.numeric(chr(code)))) + ("." if unicodedata.name(chr(code)).endswith("FULL STOP") else "")
    for block in (range(0x2460, 0x249C), range(0x24EA, 0x2500), range(0x2776, 0x2794), range(0x3251, 0x3260),
                  range(0x32B1, 0x32C0))
    for code in block if unicodedata.numeric(chr(code), None) is not None}


# WeChat's own code for its OK emoji, as typed or pasted ("[OK]", the old "/:ok"), from the one sticker table
# (knowledge/stickers.yaml): alone it says what "ok" says where understanding reads it so (the summary's
# confirmation). The picture emoji (👍 👌) stay feelings there, as the other codes are beside any step (dialogs/intents.py).
_OKAY_EMOJI = re.compile(r"(?:" + "|".join(map(re.escape, OKAY_CODES)) + r"|\s)+")


def okay_emoji_said(text: str) -> str:
    """``text`` as the word "ok" when it is WeChat's OK code alone ("[OK]", "[OK][OK]"); else unchanged."""
    return "ok" if text.strip() and _OKAY_EMOJI.fullmatch(text.strip()) else text


# What WeChat or a copied form puts around the words typed, dropped where words remain: a sticker beside them ("3 [OK]",
# "转人工 [流泪]", "帮助[疑问]": a feeling, never the answer or the command; the model read the OK sticker's letters as
# English), a form's label in 【】 pasted before the answer ("【毕业院校】重庆大学", "【单位】…"; several labels stay, the
# form's reading takes them; a quoted "回复：" is dialogs/debris.py's). A sticker alone stays: it is small talk (or the
# summary's ok, above).
_STICKER_CODE = re.compile(r"\[([^\[\]]{1,4})\]")
_FORM_LABEL = re.compile(r"^\s*【[^【】]{1,8}】\s*")


def framing_dropped(text: str) -> str:
    """``text`` without the stickers beside its words or a form's 【label】 before them, when words remain."""
    bare = _STICKER_CODE.sub(lambda m: " " if m.group(1).lower() in WECHAT_STICKERS else m.group(), text) \
        if "[" in text else text
    if bare.count("【") == 1:  # several labels ("【手机】…【邮箱】无") say which answer is which: kept for the form's reading
        bare = _FORM_LABEL.sub("", bare)
    bare = bare.strip()
    return bare if bare and bare != text.strip() else text


# Each character ``to_halfwidth`` changes, and what it becomes (one table: no key of one map is in the other, nor
# in what the first gives), found by one character class. ``str.translate`` looked every character up in a dict,
# and every one not found there (each Chinese character) raised and cleared a KeyError inside: ~5 µs for a clause
# of twenty, about 7 calls a message (issue 19); a search calls Python only for the few characters it finds.
_NARROW = {chr(code): chr(to) if isinstance(to, int) else to for code, to in (_HALFWIDTH | _ENCLOSED_NUMBERS).items()}
_WIDE = re.compile("[" + "".join(re.escape(wide) for wide in sorted(_NARROW)) + "]")


def _narrowed(match: re.Match[str]) -> str:
    return _NARROW[match.group()]


# The multiplication sign and its look-alikes some phone keyboards offer for the X of an ID number's last place
# ("32050219910909123×"; try18 U38): an X there only, after 17 digits (the checksum still guards it).
TIMES_SIGNS = "×✕✖╳Ⅹ"
_TIMES_AS_X = re.compile(rf"(?<!\d)((?:\d[\s-]?){{17}})[{TIMES_SIGNS}](?![\dA-Za-z])")
_ANY_TIMES_SIGN = frozenset(TIMES_SIGNS)


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (！ to ～) and the ideographic space become their half-width forms, numbers in
    circles or brackets their digits (what ``text.translate(_HALFWIDTH).translate(_ENCLOSED_NUMBERS)`` gives);
    a multiplication sign ending an ID number its X."""
    if text.isascii():
        return text
    narrow = _WIDE.sub(_narrowed, text)
    return narrow if _ANY_TIMES_SIGN.isdisjoint(narrow) else _TIMES_AS_X.sub(r"\1X", narrow)


# Capital numerals (大写数字), as formal writing and cheques write numbers: "贰" is 2, "第拾壹项" item 11,
# "贰零贰柒年叁月拾伍日" a date. 伍, 陆, 拾 and 零 are also a surname, a word's character (陆家嘴, 收拾) or
# zero: a run of them is a number only beside an unambiguous capital numeral, alone in the message,
# after 第 or before a unit or a date's part.
_CAPITAL_DIGITS = str.maketrans("零壹贰叁肆伍陆柒捌玖拾佰仟貳參陸", "零一二三四五六七八九十百千二三六")
_CAPITAL_RUN = re.compile(r"[零壹贰叁肆伍陆柒捌玖拾佰仟貳參陸]+")
_UNAMBIGUOUS_CAPITAL = re.compile(r"[壹贰叁肆柒捌玖貳參]")  # not 佰 仟: brands and names use them (佰草集, 李佰川)
_COUNTED = "年月日号號项項个個名位条條岁歲"


def capital_numerals(text: str) -> str:
    """``text`` with its capital numerals (壹贰叁…) written as common ones (一二三…) where they are
    numbers; everything else unchanged."""
    def written(run: re.Match[str]) -> str:
        before, after = text[:run.start()].rstrip(), text[run.end():].lstrip()
        numeral = (_UNAMBIGUOUS_CAPITAL.search(run.group()) or before.endswith("第") or after[:1] and after[:1] in _COUNTED
                   or not re.sub(r"[\W_第]", "", before + after))
        return run.group().translate(_CAPITAL_DIGITS) if numeral else run.group()
    return _CAPITAL_RUN.sub(written, text)


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: building the converter costs ~50 ms

    return opencc.OpenCC("t2s")


# The letter o typed for a zero (the keys sit side by side, and look alike): beside a digit ("1o" is 10), or alone as
# a count ("孩子 o 个", "o"), never inside a word ("no", "ok", "kuo").
_O_FOR_ZERO = re.compile(r"(?<=\d)[oOｏＯ]|[oOｏＯ](?=\d)|(?<![A-Za-zＡ-Ｚａ-ｚ])[oOｏＯ](?![A-Za-zＡ-Ｚａ-ｚ])")


def zeros_typed_as_o(text: str) -> str:
    """``text`` with each letter o typed for a digit 0 made that digit; only where a count is asked."""
    return _O_FOR_ZERO.sub("0", text)


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC t2s); ASCII passes through untouched."""
    if text.isascii():
        return text
    return _t2s().convert(text)


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def written_in_traditional(text: str) -> bool:
    """Whether ``text`` holds a character only traditional script writes (張, 學: its simplified form
    turns back into it). 乾 and 陞 turn into 干 and 升, yet are characters of simplified Chinese names
    of their own: "周乾" alone is not evidence of traditional script."""
    return any((simple := to_simplified(c)) != c and _s2t().convert(simple) == c for c in text if not c.isascii())


@lru_cache(maxsize=1024)  # a turn reads the same message several times (command words, parsers, features)
def canonical(text: str) -> str:
    """Half-width, simplified, with surrounding white space removed."""
    return to_simplified(to_halfwidth(text or "")).strip()
