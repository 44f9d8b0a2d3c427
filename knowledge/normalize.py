"""Text normalisation shared by the entries and the questions, so both are compared alike."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

from knowledge.dialect import (central, initials_spelled, japanese, mandarin, regional, southwest_gan, without_stickers,
                              wu_sichuan)

# Punctuation and symbols of every script become a space: they never decide which entry is meant,
# and keeping a separator stops words on either side from fusing.
_PUNCTUATION = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")
# An hour said as people say it ("晚上11点", "十点半") is one word, 几点, which the vocabulary reads
# as the system's opening hours: no entry knows "十点", so it counted as unfamiliar. 一点 is left
# alone, being mostly "a little"; "22:00" is left too, as the entries write their hours so.
_CLOCK = re.compile(r"(?:\d{1,2}|十[一二]?|[两三四五六七八九])点(?:半|钟|多)?")


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalize(text: str) -> str:
    """Simplified Chinese in Mandarin's words (regional function words put as Mandarin's: see dialect),
    half-width, lower case, punctuation removed, spaces collapsed.

    >>> normalize("閔行區　寄到哪？ＰＤＦ")
    '闵行区 寄到哪 pdf'
    >>> normalize("喺寶山點交材料")
    '在宝山怎么交材料'
    """
    text = unicodedata.normalize("NFKC", text)  # full-width letters, digits and spaces -> half-width
    text = _CLOCK.sub("几点", mandarin(wu_sichuan(regional(central(southwest_gan(japanese(_to_simplified().convert(text))))))))
    text = _PUNCTUATION.sub(" ", initials_spelled(without_stickers(text.lower())))
    return _SPACES.sub(" ", text).strip()
