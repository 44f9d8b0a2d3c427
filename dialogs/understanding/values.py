"""The value a message gives the question it answers, by the question's own parser: on the text
as typed for names, employers and schools (saved as typed: 於文華 stays 於文華, （集团） keeps its
brackets), on the matching form for the rest; emoji and the words around an answer set aside
("全称是华中科技大学", "手机号：1822… 谢谢"), clause by clause when the message says more."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.flows import application as flow
from dialogs.questions import ChooseMany
from dialogs.text import canonical
from dialogs.understanding.entities import ORGANISATION
from dialogs.validators import ValidationError

_CLAUSES = re.compile(r"[,，;；。!！?？\s]+")
QUESTION_CUES = re.compile(r"[?？]|吗|呢|怎么|怎样|如何|哪|什么|多久|多少|能否|能不能|可不可以|是否|为什么|请问|要不要|需不需要|咋|啥|不$")
_DECORATION = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\u20E3]|\[[\u4e00-\u9fff]{1,4}\]")
# Before a typed name, employer or school: what people say first ("全称是", "学校嘛", "单位是").
_TYPED_LEAD_IN = re.compile(r"^(?:(?:单位|公司|学校|院校|毕业院校|名字|姓名)(?:全称|名称)?(?:嘛|呢|的话|是|叫|:|：)\s*|"
                            r"(?:全称|名称)(?:是|为|:|：)\s*|我叫\s*|我是\s*|叫\s*)")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九幺", "001234567891")
_CN_DIGIT_RUN = re.compile(r"^[〇零一二三四五六七八九幺]{7,}$")


def _typed(text: str) -> str:
    """What the applicant typed, without decoration and the lead-in before a typed answer."""
    said = _DECORATION.sub("", text or "").strip().rstrip("。.!！~～")
    return _TYPED_LEAD_IN.sub("", said).strip()


def _matching(text: str) -> str:
    said = canonical(_DECORATION.sub("", text or ""))
    return said.translate(_CN_DIGITS) if _CN_DIGIT_RUN.match(said) else said  # 一三九零… read aloud


def parse(field: str, text: str) -> Any:
    """``field``'s question's parser on the form that field is read in; raises ValidationError."""
    question = flow.QUESTIONS[field]
    value = question.parse(_typed(text) if question.as_typed else _matching(text))
    return value.isoformat() if isinstance(value, date) else value


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSES.split(_DECORATION.sub(" ", text or "")) if c]


def value_of(field: str, text: str, *, by_clause: bool = True) -> tuple[Any, ValidationError | None]:
    """(value, None) when ``text`` answers ``field``'s question, else (None, why not). ``by_clause``:
    a message that says more than the answer — the clause that parses (an organisation's name for
    the employer), questions skipped. Never for a many-choice question: "1 9" is not "1"."""
    try:
        return parse(field, text), None
    except ValidationError as err:
        first = err
    parts = clauses(text) if by_clause and not isinstance(flow.QUESTIONS[field], ChooseMany) else []
    if field == "employer":
        parts = [c for c in parts if ORGANISATION.search(canonical(c))] or parts
    for clause in parts if len(parts) > 1 else ():
        if QUESTION_CUES.search(canonical(clause)):
            continue
        try:
            return parse(field, clause), None
        except ValidationError:
            continue
    return None, first


def answer_then_question(field: str, text: str) -> Any:
    """The value of a message that answers first and asks after ("5年，补缴的算吗？"): its first
    clause parses and a later one asks; None otherwise."""
    parts = clauses(text)
    if len(parts) < 2 or QUESTION_CUES.search(canonical(parts[0])) \
            or not any(QUESTION_CUES.search(canonical(p)) for p in parts[1:]):
        return None
    try:
        return parse(field, parts[0])
    except ValidationError:
        return None
