"""The kinds of question a flow asks, and how each turns a reply into a value.

A flow declares its questions as data (see ``dialogs/flows/``); the engine only calls
``question.parse(text)`` and ``question.render(value)``.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dialogs.intents import REPLY_WORDS
from dialogs.privacy import quoted
from dialogs.validators import Offered, ValidationError, parse_ordinal

NEGATIONS = ("不", "没", "别", "非", "无", "木有", "莫得")
_NEGATED_BY = (*NEGATIONS, "未", "not ", "n't", "never")  # before an option's name ("未结婚", "I do not want 新办"), though 未婚 itself starts with 未
# "无所谓" chooses nothing; "none" said as the provinces say it too ("木有", Sichuan 莫得/没得, Cantonese 冇/冇得).
_NONE_OF_THEM = re.compile(r"(?:都|我|一个都|啥都|什么都|一样都|都是)?(?:没有|木有|莫得|没得|冇得|冇|没|无(?!所谓)|不需要|不要|不用|不选|不是)\S{0,6}")
_ALL_OF_THEM = re.compile(r"(?:以上)?(?:都有|都是|都要|都选|全都有|全都是|全部|全选|全要)(?:的|了)?")
_JUST_YES = frozenset({"有", "有的", "是", "是的", "对", "嗯", "yes", "y"})
# All but some, said by naming those left out ("除了紧缺专业和应届生 其他都有", "除应届生外都选"), or only some
# ("除了学历以外都没有").
_ALL_BUT = re.compile(r"除了?(.+?)(?:以外|之外|外)?[\s,，]*(?:其他|其余|别的|剩下)?(?:的)?(?:都|全)(没有|没|不是|不符合|不要)?"
                      r"(?:有|要|选|是|加|符合|可以)?(?:的|了)?")
_EXCEPT = re.compile("除")  # where all_but's words may start; compiled once (issue 19)
_PUNCT = re.compile(r"[\s,，、。.;；:：!！?？+＋/]+|以及|还有|和|及")


@dataclass(frozen=True)
class Option:
    """One answer a choice question offers: a stable code, its label and the words people use for it."""

    code: str
    label: str
    aliases: tuple[str, ...] = ()
    note: str = ""

    def names(self) -> tuple[str, ...]:
        return _names(self.label, self.aliases)

    def own_names(self) -> tuple[str, ...]:
        """The label and its first alias, its short form ("积分续办", "续办"): typed, the choice needs no saying
        back; the other aliases are the applicant's own words for it ("续签", "换工作"), said back."""
        return self.names()[:2]


@lru_cache(maxsize=None)  # a flow's options are a few dozen, each looked at several times a message
def _names(label: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    return (label.lower(), *(a.lower() for a in aliases))


@dataclass(frozen=True)
class Question:
    """A question whose reply is parsed by a function (name, ID number, dates, ...)."""

    field: str
    label: str
    prompt: str
    parse_text: Callable[[str], Any]
    show: Callable[[Any], str] = str
    edit_names: tuple[str, ...] = ()
    # Names, employers and schools are saved as typed (於文華 stays 於文華): their parser gets the
    # half-width text, not the simplified form used for matching.
    as_typed: bool = False

    def parse(self, text: str) -> Any:
        if not text.strip():
            raise ValidationError(f"没有收到内容。{self.label}不能为空。")
        return self.parse_text(text)

    def render(self, value: Any) -> str:
        return self.show(value)

    def full_prompt(self) -> str:
        return self.prompt

    def names(self) -> tuple[str, ...]:
        return (self.label, *self.edit_names)


@dataclass(frozen=True)
class Choice(Question):
    """Pick one option by number, label or a close variant."""

    parse_text: Callable[[str], Any] = field(default=lambda text: text)
    options: Sequence[Option] = ()
    # Strict choices (consent, confirmation) take a number or a listed name only: "不同意"
    # contains "同意", and a close variant must never count as consent.
    strict: bool = False
    # Options offered by number in the prompt. The confirmation lists none ("回复“确认”"), so a bare
    # "1" there is no confirmation: a number typed by mistake must not generate the checklist.
    numbered: bool = True
    hint: str = ""
    how_to_answer = "请回复序号或名称。"

    def full_prompt(self) -> str:
        lines = [self.prompt]
        for i, opt in enumerate(self.options, 1):
            lines.append(f"{i}. {opt.label}" + (f"：{opt.note}" if opt.note else ""))
        lines.append(self.how_to_answer)
        return "\n".join(lines)

    def parse(self, text: str) -> Any:
        value = text.strip().lower().rstrip("。.!！")
        if not value:
            raise ValidationError(f"没有收到内容。{self._hint()}")
        found = self._match(value)
        if found is None:
            raise self._not_found(value, text.strip())
        return found.code

    def render(self, value: Any) -> str:
        return next((o.label for o in self.options if o.code == value), str(value))

    def _match(self, value: str) -> Option | None:
        value = value.rstrip(".、）)")
        if value.isascii() and " " in value and not any(value in o.names() for o in self.options):
            value = value.replace(" ", "")  # pinyin typed by syllable: "xu ban"
        if value.isdecimal() and self.numbered and 1 <= int(value) <= len(self.options):
            return self.options[int(value) - 1]
        for opt in self.options:
            if value in opt.names():
                return opt
        if self.strict or value.startswith(NEGATIONS) and not _CLAUSE_END.search(value):  # "不是"; "不想续办 我要新办" reads on
            return None
        # Close variants: "新办积分", "我要续办" contain a name…
        hits = [o for o in self.options if any(n in value and not _negated_before(n, value) for n in o.names())]
        if len(hits) == 1:
            return hits[0]
        # …and a part of a name ("续" of 积分续办), never of a pinyin one: "xu" is the start of xuban and of many words;
        # nor a reply word that is one ("确认" of 积分确认: a confirmation, which after a finished application chose 续办).
        hits = [o for o in self.options if len(value) >= 2 and not value.isascii() and value not in REPLY_WORDS
                and any(value in n for n in o.names())]
        if len(hits) == 1:
            return hits[0]
        # A long name with one character typed wrong, often its homophone ("积分新半"): that option, when only one is so near.
        near = [o for o in self.options if not value.isascii() and len(value) >= 4
                and any(len(n) == len(value) and sum(a != b for a, b in zip(n, value)) == 1 for n in o.names())]
        return near[0] if len(near) == 1 else None

    def _not_found(self, value: str, said: str) -> ValidationError:
        """Why ``value`` (``said`` as typed) chose nothing: the options it may have meant when it
        shares a word with some of them ("我想办积分": 积分新办 or 积分续办?), otherwise every option."""
        shown = quoted(said)
        # Two letters shared with a pinyin name say nothing ("Li Ming" shares "in" with xinban): pairs of characters only.
        # A reply word hints at no option either ("确认" shares 确认 with 积分确认).
        words = {value[i:i + 2] for i in range(len(value) - 1)} \
            if not self.strict and not value.isascii() and value not in REPLY_WORDS else set()
        # A pair said after a denial in its clause is no hint of the option ("她不是上海的" never offers 配偶为本市户籍).
        words = {w for w in words if not _negated_before(w, value)}
        # The options sharing the most pairs ("积分新半" shares 积分 and 分新 with 积分新办, only 积分 with 积分续办).
        shared = [max(sum(w in n for w in words) for n in o.names()) for o in self.options]
        close = [f"{i}.{o.label}" for i, (o, count) in enumerate(zip(self.options, shared), 1)
                 if count and count == max(shared)]
        if len(close) == 1 and len(self.options) > 1:  # one option offered: a yes next chooses it
            option = self.options[shared.index(max(shared))]
            return Offered(f"“{shown}”可能是：{close[0]}。请回复其中一项的序号或名称。", self._offered_value(option))
        if 0 < len(close) < len(self.options):
            return ValidationError(f"“{shown}”可能是：{'、'.join(close)}。请回复其中一项的序号或名称。")
        return ValidationError(self.hint or f"没有找到“{shown}”这个选项。{self._hint()}")

    def _offered_value(self, option: Option) -> Any:
        """What a yes to ``option`` offered records."""
        return option.code

    def _hint(self) -> str:
        if self.hint:
            return self.hint
        return f"请回复序号或名称：{self._numbered()}"

    def _numbered(self) -> str:
        return "、".join(f"{i}.{o.label}" for i, o in enumerate(self.options, 1))


# Where one clause of a reply ends: a comma, or a space after a Chinese character ("不想续办 我要新办";
# the spaces of "I do not want 新办" stay inside its clause).
_CLAUSE_END = re.compile(r"[,，;；。!！]|(?<=[\u4e00-\u9fff])\s+")


def _negated_before(name: str, value: str) -> bool:
    """Whether a negation comes before ``name`` in its clause of ``value`` ("爱人不是上海户口"; not
    "不想续办 我要新办", whose 新办 is chosen)."""
    clause = _CLAUSE_END.split(value[:value.find(name)])[-1]
    return any(word in clause for word in _NEGATED_BY)


# Words to go on with said after a choice ("1 3 继续", "社保 好了", "无 下一项"): they choose nothing.
_GO_ON = frozenset({"下一步", "继续", "下一个", "下一项", "next", "好了", "好的", "就这样", "就这些", "ok", "完了"})


@dataclass(frozen=True)
class ChooseMany(Choice):
    """Pick any number of options ("1 3", "1、3", "学历 社保", "135"), 都有 for all, or 0/无 for none."""

    how_to_answer = "可多选，例如回复“1 2”；都没有请回复 0 或“无”。"
    # Options that state facts ("配偶为本市户籍"): a bare 不是 denies them all. Options to choose from
    # (加分项) are not denied by it: "不是" there answers nothing, and is asked again.
    states_facts: bool = False
    # The options of the other list asked beside this one (the spouse's and the bonuses): a "none" naming one of them
    # says none of those, never of these ("不要学历加分了" where the spouse is asked is an edit of the bonuses).
    others: Sequence[Option] = ()

    def parse(self, text: str) -> Any:
        value = text.strip().lower()
        if not value:
            raise ValidationError(f"没有收到内容。{self._hint()}")
        if value == "不是" and not self.states_facts:
            raise ValidationError(f"请回复符合的序号：{self._numbered()}（可多选）；都没有请回复 0 或“无”。")
        if value in {"0", "none", "no"} or (
                _NONE_OF_THEM.fullmatch(value) and not any(n in value for o in self.options for n in o.names())
                and not any(n in value for o in self.others for n in o.names() if len(n) > 1)):
            return []  # "无", "都没有", and "没有加分", "无配偶": a "none" naming the question, not an option
        if _ALL_OF_THEM.fullmatch(value):
            return [o.code for o in self.options]
        if (but := self.all_but(value)) is not None:
            return but
        if value in _JUST_YES:  # "有": yes, but which?
            raise ValidationError(f"请回复具体是哪一项的序号：{self._numbered()}（可多选）；都有请回复“都有”，都没有请回复 0。")
        if value.isdecimal() and len(value) > 1 and "0" not in value:
            parts = list(value)  # "135" typed without separators
        else:
            parts = [p for p in _PUNCT.split(value) if p]
        kept = [p for p in parts if p not in _GO_ON and p.rstrip("吧了啊呀呗嘛") not in _GO_ON]
        if kept and len(kept) < len(parts):  # "1 3 继续", "社保 好了": the go-on word beside the choice chooses nothing
            return self.parse(" ".join(kept))
        chosen: list[str] = []
        for part in parts:
            opt = self._match(part)
            if opt is None:
                raise self._not_found(part, part)
            if opt.code not in chosen:
                chosen.append(opt.code)
        return [o.code for o in self.options if o.code in chosen]

    def all_but(self, said: str) -> list[str] | None:
        """The options chosen by naming those left out ("除了紧缺专业和应届生 其他都有") or the only ones had
        ("除了学历以外都没有"); None when ``said`` is not said that way."""
        said = said.strip().lower()
        told = next((t for m in _EXCEPT.finditer(said) if (t := self.all_but_told(said[m.start():]))), None)
        return told[0] if told else None

    def all_but_told(self, said: str) -> tuple[list[str], int] | None:
        """``all_but`` said first in ``said``, in a clause of its own ("除了职称都有 社保5年"), and where it ends."""
        said = said.strip().lower()
        found = _ALL_BUT.match(said)
        found = found if found and (found.end() == len(said) or said[found.end()] in " ,，;；。") else None
        # Named, or by place in the menu ("除了第一个 都要")
        named = [self._match(str(place) if (place := parse_ordinal(part)) else part)
                 for part in _PUNCT.split(found.group(1)) if part] if found else []
        if not named or None in named:
            return None
        return [o.code for o in self.options if (o in named) == bool(found.group(2))], found.end()

    def _offered_value(self, option: Option) -> Any:
        return [option.code]

    def render(self, value: Any) -> str:
        labels = [o.label for o in self.options if o.code in (value or [])]
        return "、".join(labels) if labels else "无"

    def _hint(self) -> str:
        return super()._hint() + "（可多选，用空格隔开；都没有请回复 0）"
