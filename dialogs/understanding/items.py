"""Which checklist item a message names ("传身份证", "老婆身份证", "毕业证"), given the names of the
checklist shown: the item sharing the most character pairs with the message, once everyday words
are put in the checklist's (毕业证 → 学历证书). Ties go to the earlier item (身份证 is the
applicant's own, listed before the spouse's)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from dialogs.understanding.features import match_form

# Everyday words for the checklist's own (the applicant's, or the spouse's, ID card; the diploma…).
CHECKLIST_WORDS = (
    (re.compile(r"老婆|老公|爱人|妻子|丈夫|媳妇|太太|先生"), "配偶"),
    (re.compile(r"毕业证|文凭"), "学历证书"),
    (re.compile(r"户口本|户口簿|户口"), "户籍"),
    (re.compile(r"社保记录|社保单|社保清单|社保证明"), "社保缴费记录"),
    (re.compile(r"学信网报告|学历认证|学历报告"), "学信网电子学历认证报告"),
    (re.compile(r"学位证"), "学位证书"),
)
_PUNCTUATION = re.compile(r"[()（）\s]")


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def item_named(text: str, names: Sequence[str]) -> int | None:
    """The 1-based number of the item ``text`` names among ``names``; None when it names none."""
    said = match_form(text)
    for pattern, word in CHECKLIST_WORDS:
        said = pattern.sub(word, said)
    said_pairs = _pairs(_PUNCTUATION.sub("", said))
    best, best_score = None, 0
    for number, name in enumerate(names, 1):
        score = len(said_pairs & _pairs(_PUNCTUATION.sub("", name)))
        if score > best_score:
            best, best_score = number, score
    return best
