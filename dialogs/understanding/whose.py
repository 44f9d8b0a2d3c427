"""Whose a fact is: a clause whose subject is another person ("我老公是研究生", "我爸有职称", "我爸妈离婚了",
"我老公单位是…", "她有职称" after "我老婆叫李丽") tells that person's degree, title, marriage or employer, never the
applicant's. Such clauses are taken out of a message before its answers are read, so only the applicant's own
facts are saved ("我老公是研究生 我自己是大专": 大专; "我爸妈离婚了 我未婚": 未婚).

Exact, not learned: the relative is the clause's grammatical subject, first in it (after 我/俺 and 的/家). Kept:
the spouse's own facts the application asks for (本市户籍, 随员: the spouse options), a marriage the spouse's mention
tells ("我老公…" still says the applicant is married), a clause with nothing to save in it, a message that says it is
typed for that relative ("我帮老公办 老公是研究生": the relative is the applicant), and the relative said together with
the applicant ("老婆和我都是本科"). Numbers and addresses (mobile, ID number, e-mail) keep their own reading of whose
they are (``interpret._anothers``: "我老公身份证是…" at its own question is often someone typing for the applicant),
and lose another's only where the applicant speaks of their own beside it ("我老婆邮箱是… 我没有").
"""
from __future__ import annotations

import re
from typing import NamedTuple

from dialogs import words
from dialogs.text import mandarin, to_halfwidth, to_simplified
from dialogs.understanding.entities import extract, names_a_degree
from dialogs.understanding.values import in_words, value_of

# The applicant's own answers: what another person's clause must not fill. (The spouse options are the spouse's
# facts, asked as such; the business type and the permit are the application's, whoever types.)
OWN_FIELDS = frozenset({"name", "employer", "children", "marital_status", "edu_level", "edu_fulltime", "edu_school",
                        "edu_foreign", "bonus_options", "social_years", "email", "mobile", "id_number"})
# Whose they are is read by their own rule (see the module's note) wherever they are given.
_BY_THEIR_SHAPE = frozenset({"email", "mobile", "id_number"})
# Questions whose own rule reads whose the answer is: a relative's name at the name (``interpret.a_relatives_name``),
# of two numbers the one said to be one's own (``interpret._the_applicants``). The e-mail has none for an address
# and "none" of one's own ("我老婆邮箱是… 我没有"): read here when the applicant speaks of their own beside it.
_READ_BY_THEIR_OWN_RULE = frozenset({"name", "mobile", "id_number"})

_PEOPLE = (words.SPOUSE_PLAIN, words.SPOUSE_FIGURATIVE, words.CHILDREN, words.PARENTS, words.KIN, words.OTHER_PEOPLE)
_RELATIVE = words.either(*_PEOPLE)
# 先生/太太 name the spouse only after 我 ("我先生是硕士"), as a sibling's one character does ("我哥", "我姐"; alone
# they address a stranger).
_MY_RELATIVE = words.either(*_PEOPLE, words.SPOUSE_ADDRESSED, ("哥", "姐", "弟", "妹"))
_MY = r"(?:我|俺|阿拉|咱)(?:的|家|们家)?"
# The subject: the relative (or several: "我爸妈", "老婆孩子") first in the clause, not said with the applicant
# ("老婆和我", "我跟老婆"), not owning a paper or number only ("老婆的身份证" is read by the number's own rule).
_SUBJECT = re.compile(rf"^(?:{_MY}(?:{_MY_RELATIVE})+|(?:{_RELATIVE})+)(?!的|和|跟|与|同|一起|们)")
# He or she beginning a clause after a relative was named in the message ("我老婆叫李丽 她有职称").
_PRONOUN = re.compile(rf"^{words.either(words.PRONOUNS)}(?!们)")
_SPOUSE = re.compile(words.either(words.SPOUSE_PLAIN, words.SPOUSE_ADDRESSED, words.SPOUSE_FIGURATIVE))
_CHILD = re.compile(words.either(words.CHILDREN))

# The applicant speaking of their own ("我没有", "我自己是大专", "本人未婚"), not of a relative of theirs.
_OWN = re.compile(rf"^(?:本人|自己|(?:我|俺)(?!(?:的|家|们家)?{_MY_RELATIVE}))")
# Typed for the relative: then the relative is the applicant, and their facts are the answers.
_FOR_THEM = re.compile(r"帮|替|代(?:办|填|理)|申请人|持证人|(?:给|为).{0,4}(?:办|填|申请)")
_LEADING = re.compile(r"^[\s,，;；。!！?？、]+")  # left by a clause taken out before the first one kept
_CLAUSE = re.compile(r"[^\s,，;；。!！?？、]+")
# A relative named anywhere: without one no clause has a relative for its subject (``_SUBJECT`` begins with one, and
# a pronoun counts only after it), so nothing is another's. Most messages name none: the clauses are not cut (issue 19).
_ANY_RELATIVE = re.compile(_MY_RELATIVE)


def _kind(subject: str) -> str:
    """Who the relative subject is, as far as the applicant's answers go: the spouse, a child, or another."""
    return "spouse" if _SPOUSE.search(subject) else "child" if _CHILD.search(subject) else "other"


def _simple(text: str) -> str:
    return mandarin(to_simplified(to_halfwidth(text)))


# What a relative's own clause tells of the applicant's answers: the spouse's marriage is the applicant's ("老婆前年
#走了": widowed; "我老公…": married), and children counted are the applicant's children ("孩子其实有3个").
_THEIRS_TOO = {"spouse": "marital_status", "child": "children"}


def _holds_a_fact(wanted: str | None, clause: str, kind: str) -> bool:
    """Whether ``clause``, whose subject is a relative of ``kind`` (spouse, child, other), would fill one of the
    applicant's own answers: the question waiting, or another one read beside it."""
    if "spouse_options" in extract(clause, "children"):
        return False  # "老婆是上海人": the spouse's own fact, asked as such
    own = OWN_FIELDS - {_THEIRS_TOO.get(kind)}
    found = {f for f in extract(clause, wanted) if f not in _BY_THEIR_SHAPE or f == wanted}  # (their own rule)
    if found & own or names_a_degree(clause):
        return True
    if wanted not in own:
        return False
    value, error = value_of(wanted, clause)
    return error is None and value not in (None, "", []) or in_words(wanted, clause) is not None


class Dropped(NamedTuple):
    """A message without another person's clauses: ``text`` (the applicant's own words), whether a clause taken
    out answered the question waiting (``answered``), and whether one was the spouse's (``spouse``: "我老公…" still
    tells that the applicant is married)."""

    text: str
    answered: bool = False
    spouse: bool = False


def anothers_facts_dropped(wanted: str | None, text: str) -> Dropped:
    """``text`` without the clauses telling another person's facts (a relative, or he/she after one, as the
    clause's subject). ``text`` unchanged when nothing is someone else's."""
    simple = _simple(text)
    if len(simple) != len(text) or _ANY_RELATIVE.search(simple) is None or _FOR_THEM.search(simple):
        return Dropped(text)
    spans = [part for m in _CLAUSE.finditer(simple) for part in _own_subject_apart(simple, m)]
    own_beside = any(_OWN.match(simple[a:b]) for a, b in spans)
    if wanted in _READ_BY_THEIR_OWN_RULE or wanted == "email" and not own_beside:
        return Dropped(text)
    kept, answered, named, spouses = [], False, "", False
    last = 0
    for start, end in spans:
        clause = simple[start:end]
        if (subject := _SUBJECT.match(clause)) is not None:
            named = _kind(subject.group())
        elif named and (subject := _PRONOUN.match(clause)) is None:  # he or she: the relative named before
            continue
        spouses = spouses or named == "spouse"  # "我老婆叫李丽 她有职称": the spouse told of, her title dropped
        if subject is None or subject.end() == len(clause) or not _holds_a_fact(wanted, clause, named):
            continue
        if (len(spans) == 1 or start == spans[0][0] and not own_beside) and _answers(wanted, clause):
            # "我老公在中建八局上班" alone at the employer: most often typed for the relative who applies (as "我老公
            # 身份证是…" at the ID number is), the answer; so is a message that opens with it and goes on about them
            # ("我女儿前年离婚了 现在一个人"); beside the applicant's own words, or after another clause, it is not
            return Dropped(text)
        answered = answered or wanted in OWN_FIELDS
        kept.append(text[last:start])
        last = end
    if not kept:
        return Dropped(text)
    own = _SELF_SAID.sub(r"\1我", "".join(kept) + text[last:])
    return Dropped(_LEADING.sub("", own).rstrip(), answered, spouses)


# The applicant's own subject opening a clause run on after a relative's ("我老公是硕士我是本科", "老婆大专我自己本科"):
# 我 (not after a word it is the object of: "比我", "跟我", "帮我"), 我自己, 本人, 自己, then what they are or have
# (a degree said straight after: "老公博士我本人硕士").
_OWN_SUBJECT_RUN_ON = re.compile(r"(?<![比跟和与同给帮替对让叫被把向跟说像])(?:(?:我|俺)(?:自己|本人)?|本人|自己)"
                                 r"(?=是|的|也|就|只|才|还|读|念|有|没|拿|学历|最高|毕业|本科|硕士|博士|研究生|大专|专科|中专|高中|初中)")


def _own_subject_apart(simple: str, clause: re.Match[str]) -> list[tuple[int, int]]:
    """The span of ``clause`` (a run of ``simple`` without a pause), parted where the applicant's own subject
    begins again after a relative's: the relative's facts and the applicant's are two clauses."""
    start, end = clause.span()
    subject = _SUBJECT.match(clause.group())
    if subject is None:
        return [(start, end)]
    own = _OWN_SUBJECT_RUN_ON.search(simple, start + subject.end(), end)
    if own is None or own.start() == start + subject.end():
        return [(start, end)]
    return [(start, own.start()), (own.start(), end)]


# Set against the relative, the applicant says "我自己"/"本人" ("…我自己没有"): alone, plain 我 ("我没有") is read.
_SELF_SAID = re.compile(r"(^|[\s,，;；。!！?？、])(?:我自己|我本人|自己|本人)")


def _answers(wanted: str | None, clause: str) -> bool:
    """Whether ``clause`` gives the answer to the question waiting itself."""
    if wanted not in OWN_FIELDS:
        return False
    value, error = value_of(wanted, clause)
    return wanted in extract(clause, wanted) or error is None and value not in (None, "", []) \
        or in_words(wanted, clause) is not None
