"""The value a message gives the question it answers: the question's own parser first (on the
typed text for names, employers and schools, which are saved as typed; on the matching form for
the rest), then clause by clause ("已婚，配偶要交什么？"), then — only when the classifier is sure
the message is an answer — the everyday words of a few questions, as a table."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.flows import application as flow
from dialogs.text import canonical, to_halfwidth
from dialogs.validators import ValidationError

_CLAUSES = re.compile(r"[,，;；。!！?？\s]+")
QUESTION_CUES = re.compile(r"[?？]|吗|呢|怎么|怎样|如何|哪|什么|多久|多少|能否|能不能|可不可以|是否|为什么|请问|要不要|需不需要")

# field: ((words, value), …) — the first row with a word in the message wins, so refusals come first.
EVERYDAY_WORDS: dict[str, tuple[tuple[tuple[str, ...], Any], ...]] = {
    "consent": ((("不同意", "disagree", "不接受", "拒绝", "不想同意"), "disagree"),
                (("同意", "agree", "yes", "ok", "好", "可以", "行", "没问题", "接受", "确认", "知道了", "👌"), "agree")),
    "confirmed": ((("确认", "没问题", "无误", "对", "正确", "ok", "yes", "好", "可以", "提交", "没错"), "confirm"),),
    "edu_fulltime": ((("非全日制", "在职", "自考", "成人", "函授", "网络教育", "业余", "不是", "否", "不"), False),
                     (("全日制", "是", "对", "统招", "yes"), True)),
    "edu_foreign": ((("国内", "不是", "否", "没有", "不"), False),
                    (("国外", "海外", "境外", "留学", "是", "对", "yes"), True)),
    "spouse_options": ((("不是", "都不是", "都没", "没有", "无", "不符合", "都不", "no"), []),),
    "bonus_options": ((("不是", "都不是", "都没", "没有", "无", "不需要", "都不", "no"), []),),
}


def typed_form(text: str) -> str:
    """What the applicant typed, half-width and trimmed: the form saved for free-text answers."""
    return to_halfwidth(text or "").strip()


def parse(field: str, text: str) -> Any:
    """``field``'s question's parser on the form that field is read in; raises ValidationError."""
    question = flow.QUESTIONS[field]
    value = question.parse(typed_form(text) if question.as_typed else canonical(text))
    return value.isoformat() if isinstance(value, date) else value


def value_of(field: str, text: str, *, by_clause: bool = False) -> tuple[Any, ValidationError | None]:
    """(value, None) when ``text`` answers ``field``'s question, else (None, why not). ``by_clause``:
    a message that also asks something — its first clause that parses, questions skipped."""
    try:
        return parse(field, text), None
    except ValidationError as err:
        first = err
    clauses = [c for c in _CLAUSES.split(typed_form(text)) if c] if by_clause else []
    for clause in clauses if len(clauses) > 1 else ():
        if QUESTION_CUES.search(canonical(clause)):
            continue
        try:
            return parse(field, clause), None
        except ValidationError:
            continue
    return None, first


def everyday_value(field: str, form: str) -> Any:
    """The value an everyday word in ``form`` (the matching form) gives ``field``; None if none."""
    for words, value in EVERYDAY_WORDS.get(field, ()):
        if any(w in form for w in words):
            return value
    return None
