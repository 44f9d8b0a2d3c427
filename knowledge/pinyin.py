"""Questions typed in pinyin ("wai fu yun ping tai zen me deng lu", "yushen tongguo le houmian hai yao
zuo shenme"), read as the knowledge base's own words.

Some applicants type without a Chinese keyboard. A message of Latin letters alone that parses, letter
for letter, into toneless pinyin syllables is written again in characters, word by word, from the
words the knowledge base knows (its entries' words, its vocabulary), each transliterated by pypinyin:
the syllables of 登录 and 预审 meet those words, and the question is then asked like any other. Where
several words sound alike, the one the entries use most is taken; a syllable no known word covers is
left as its letters, a word no entry has (which costs the answer its confidence, as an unknown word
does). English ("can I still apply") does not parse: "i" and "still" are no syllables.

pypinyin's dictionaries cost about 56 MB and half a second to import, more than a web worker should
hold for this: the reading (the syllables, and each known word's) is built once, kept on disk under a
key of the words and pypinyin's version (like the learned model), and loaded from there without
importing pypinyin (0.1 MB on disk, 1.4 MB in memory, at the first message of Latin letters alone).
"""
from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from knowledge.kept import cache_dir, write_whole

_LATIN_WORDS = re.compile(r"[a-z]+(?: [a-z]+)*")
_VOWEL = re.compile(r"[aeiouv]")
HETERONYMS = 16  # readings of a word's characters taken at most (a long word of polyphones has hundreds)
UNKNOWN = 100  # a syllable no known word covers weighs as much as a hundred words: any known reading wins


class PinyinReading:
    """Known words by their toneless syllables; ``hanzi`` writes a pinyin message in them."""

    def __init__(self, syllables: Iterable[str], words: dict[str, tuple[str, int]]) -> None:
        """``syllables``: every toneless syllable; ``words``: a word's syllables joined by spaces → the
        word and how often the entries use it."""
        self.syllables = frozenset(syllables)
        self.words: dict[str, list[tuple[tuple[int, ...], str, float]]] = {}
        for spoken, (word, uses) in words.items():
            parts = spoken.split()
            self.words.setdefault("".join(parts), []).append((_inner_bounds(parts), word, math.log1p(uses)))
        self.longest = max(map(len, self.words), default=0)
        self.longest_syllable = max(map(len, self.syllables), default=0)

    def hanzi(self, normalized: str) -> str | None:
        """A normalised message of Latin letters alone, in the known words its syllables spell (spaces
        between them), or None when it is not pinyin: letters that no sequence of syllables spells."""
        if not _LATIN_WORDS.fullmatch(normalized):
            return None
        letters = normalized.replace(" ", "")
        breaks = _token_bounds(normalized.split())  # a space always ends a syllable
        # best[i]: the score of the best reading of letters[:i] (unknown syllables, words, less the words'
        # use: "ke yi ban" is 可以 办 rather than 可 一般), and its last step
        best: list[tuple[tuple[int, int, float], int, str] | None] = [None] * (len(letters) + 1)
        best[0] = ((0, 0, 0.0), 0, "")
        for start in range(len(letters)):
            if best[start] is None:
                continue
            (unknown, count, use), _, _ = best[start]
            for end, word, cost, used in self._steps(letters, start, breaks):
                score = (unknown + cost, count + 1, use - used)
                if best[end] is None or score < best[end][0]:
                    best[end] = (score, start, word)
        if best[-1] is None:
            return None
        read, at = [], len(letters)
        while at:
            _, start, word = best[at]
            read.append(word)
            at = start
        return " ".join(reversed(read))

    def _steps(self, letters: str, start: int, breaks: frozenset[int]) -> Iterable[tuple[int, str, int, float]]:
        """(end, what it reads as, cost, how much it is used) of each known word and each lone syllable starting at ``start``
        that ends at a syllable's end and crosses no space but between its own syllables."""
        for end in range(start + 1, min(len(letters), start + self.longest) + 1):
            for inner, word, used in self.words.get(letters[start:end], ()):
                if all(b - start in inner for b in breaks if start < b < end):
                    yield end, word, 0, used
        for end in range(start + 1, min(len(letters), start + self.longest_syllable) + 1):
            if letters[start:end] in self.syllables and not any(start < b < end for b in breaks):
                yield end, letters[start:end], UNKNOWN, 0.0

    def to_json(self) -> str:
        words = {" ".join(_split(letters, inner)): (word, round(math.expm1(used))) for letters, readings
                 in self.words.items() for inner, word, used in readings}
        return json.dumps({"syllables": sorted(self.syllables), "words": words}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> PinyinReading:
        data = json.loads(text)
        return cls(data["syllables"], data["words"])


def _inner_bounds(parts: list[str]) -> tuple[int, ...]:
    """Where a word's syllables meet, as offsets into its letters."""
    bounds, at = [], 0
    for part in parts[:-1]:
        at += len(part)
        bounds.append(at)
    return tuple(bounds)


def _token_bounds(tokens: list[str]) -> frozenset[int]:
    return frozenset(_inner_bounds(tokens))


def _split(letters: str, inner: tuple[int, ...]) -> list[str]:
    edges = (0, *inner, len(letters))
    return [letters[a:b] for a, b in zip(edges, edges[1:])]


def build(counted: Counter[str]) -> PinyinReading:
    """The reading of ``counted`` words (how often the entries use each), each under its toneless
    syllables (ü typed as v or u): its usual reading, and its characters' other readings (pypinyin has
    行 of 闵行 as xing). Where words sound alike, a usual reading wins over another, then the most used."""
    from pypinyin import Style, lazy_pinyin, pinyin
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    syllables = {s for readings in pinyin_dict.values() for p in readings.split(",")
                 if (s := to_normal(p)).isascii() and s.isalpha() and _VOWEL.search(s)}
    syllables |= {s.replace("v", "u") for s in syllables}
    chosen: dict[str, tuple[bool, int, str]] = {}
    for word, uses in sorted(counted.items()):
        if not word or not all("\u4e00" <= c <= "\u9fff" for c in word):
            continue
        usual = " ".join(lazy_pinyin(word, style=Style.NORMAL))
        every = pinyin(word, style=Style.NORMAL, heteronym=True)
        others = {" ".join(said) for said in itertools.islice(itertools.product(*every), HETERONYMS)}
        for said in {usual, *others}:
            for typed in {said, said.replace("v", "u")}:
                rank = (said == usual, uses, word)
                if typed not in chosen or rank[:2] > chosen[typed][:2]:
                    chosen[typed] = rank
    return PinyinReading(syllables, {typed: (word, uses) for typed, (_, uses, word) in chosen.items()})


def reading_key(counted: Counter[str]) -> str:
    """What the reading depends on: the words, how often each is used, pypinyin's version and this code."""
    digest = hashlib.sha256(f"pypinyin {version('pypinyin')}\0".encode() + Path(__file__).read_bytes())
    for word, uses in sorted(counted.items()):
        digest.update(f"{word}\0{uses}\1".encode())
    return digest.hexdigest()[:24]


def kept_reading(counted: Counter[str]) -> Path:
    return cache_dir() / f"pinyin-{reading_key(counted)}.json"


def reading(counted: Counter[str]) -> PinyinReading:
    """The reading of these words: loaded when kept, else built (importing pypinyin) and kept."""
    kept = kept_reading(counted)
    try:
        return PinyinReading.from_json(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError):  # none kept yet, or unreadable: build it again
        pass
    built = build(counted)
    try:
        write_whole(kept, lambda partial: partial.write_text(built.to_json(), encoding="utf-8"))
    except OSError:  # a read-only home only costs the next start the build
        pass
    return built
