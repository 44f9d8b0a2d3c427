"""Someone typing for the applicant, who said so ("我帮我儿子问的", "我是公司HR 帮员工小李办新办"): the applicant is
that person, so the writer's own number is not the applicant's ("电话留我的吧 我是HR 139…"), and the one said to be
theirs is ("我的手机139… 孩子的是138…"). Said once, it holds for the next messages, until the writer says they
apply themselves ("我就是申请人")."""
from __future__ import annotations

import re
from typing import Any

from dialogs import words
from dialogs.asking import asks
from dialogs.text import to_halfwidth, to_simplified
from dialogs.understanding.entities import every_shaped, spoken_digits
from dialogs.understanding.features import match_form

# Who the writer may type for, by the groups that name the same person ("儿子" said first, "孩子的是…" later).
EMPLOYEES = ("员工", "同事", "职工")
_GROUPS = (words.CHILDREN, words.SPOUSE_PLAIN + words.SPOUSE_ADDRESSED, words.PARENTS, words.KIN, EMPLOYEES)
_WHOM = words.either(*_GROUPS)
# "帮我儿子问的", "替我们公司员工办", "给我妈申请": the one applied for, named before what is done for them.
_APPLYING_FOR = re.compile(rf"(?:帮|替|给|为)(?:我|俺|阿拉)?(?:的|家|们)?(?:公司|单位)?(?:的)?({_WHOM})\S{{0,4}}?"
                           r"(?:问|办|填|申请|弄|咨询|代办|查|整|搞)")
# Someone at the employer: the applicant is an employee.
_AT_THE_EMPLOYER = re.compile(r"我是(?:公司|单位)?(?:的)?(?:hr|人事|行政)", re.IGNORECASE)
# A spouse or child added as a companion is the applicant's own business: "帮老婆办随员" applies for oneself.
_ADDING = re.compile(r"随员|随迁|加(?:进|上|到)")
# So does an HR clerk applying too ("我是公司HR 我自己也要办积分", "我也办", "这次是办我自己的"); never one who cannot
# ("我自己办不了", "我自己没法办").
_APPLYING_MYSELF = re.compile(r"我(?:就|自己)?是申请人|(?:给|帮|为)我?自己(?:办|申请|弄)|我本人(?:也|要|想)*(?:办|申请)"
                              r"|我自己(?:也|还|就|想|要|准备|打算|得)*(?:办|申请)(?![不没])|我也(?:要|想|准备|打算|得)?(?:办|申请)(?![不没])"
                              r"|(?:办|申请|弄)(?:的|的是)?我(?:自己|本人)(?:的|那份)?")
# The writer's own number, said so before it ("我的…", "电话留我的吧 我是HR …").
_WRITERS = re.compile(r"我的|我自己|本人|我是(?:公司|单位)?(?:的)?(?:hr|人事|行政)", re.IGNORECASE)
_ONE_BY_ITS_SHAPE = ("mobile", "id_number", "email")


def typing_for(text: str, before: str | None) -> str | None:
    """Who the writer types for after ``text`` (a word naming them: "儿子", "员工"), given who it was before."""
    said = to_simplified(to_halfwidth(text))
    if _APPLYING_MYSELF.search(said):
        return None
    if _ADDING.search(said):
        return before
    if found := _APPLYING_FOR.search(said):
        return found.group(1)
    return EMPLOYEES[0] if _AT_THE_EMPLOYER.search(said) else before


def _theirs(whom: str) -> re.Pattern[str]:
    group = next((g for g in _GROUPS if whom in g), (whom,))
    return re.compile(words.either(group, words.PRONOUNS) + r"(?:的|本人)")


def number_for_them(field: str | None, text: str, whom: str | None) -> tuple[str, Any] | None:
    """Where the writer types for ``whom``: ("theirs", value) for the one number said to be the applicant's,
    ("writers", value) for one said to be the writer's own and no other; None where the words do not say."""
    if not whom or field not in _ONE_BY_ITS_SHAPE or asks(match_form(text)):
        return None
    given = every_shaped(field, text)
    said = spoken_digits(to_simplified(to_halfwidth(text)))
    theirs, owners, start = _theirs(whom), [], 0
    for value in given:
        at = said.find(str(value), start)
        if at < 0:
            return None
        before = said[start:at]
        owners.append("theirs" if theirs.search(before) else "writers" if _WRITERS.search(before) else None)
        start = at + len(str(value))
    if owners.count("theirs") == 1:
        return "theirs", given[owners.index("theirs")]
    if owners == ["writers"]:
        return "writers", given[0]
    return None
