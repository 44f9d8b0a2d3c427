"""Why an answer is asked ("问这个干嘛", "为啥要填单位", at the summary "问这么多干嘛"): the reason of the answer it is
about (``why_asked.yaml``), read only where the message says nothing else, so it is exact; anything more goes to
the knowledge base as a question."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dialogs.flows import application as flow
from dialogs.sources import Source, Sourced
from dialogs.understanding.features import match_form
from knowledge.data_file import read_yaml

WHY_FILE = Path(__file__).with_name("why_asked.yaml")
GENERAL = "all"  # the reason for the answers as a whole: what the summary lists
_SPACE = re.compile(r"[\s,，。.!！?？~～、…]+")


@dataclass(frozen=True)
class WhyAsked:
    """The words a why-asked message is made of, and each answer's reason."""

    why: re.Pattern[str]
    asking: re.Pattern[str]  # an asking verb or a pointer: "为什么" alone may ask why of anything just said
    rest: re.Pattern[str]  # every word that leaves nothing of its own once taken out
    many: re.Pattern[str]
    reasons: dict[str, Sourced]

    def about(self, field: str | None, text: str) -> str | None:
        """The field whose reason ``text`` asks for, when it asks only why an answer is asked: ``field`` (the one
        asked now, or at the summary the answers as a whole), the answer it names by its own name, or all of
        them when it asks why so many; None when the message says anything else."""
        form = _SPACE.sub("", match_form(text))
        if not form or not self.why.search(form):
            return None
        left = self.rest.sub("", self.why.sub("", form))
        named = _named(left) if left else None
        if left and named is None or not named and not self.asking.search(self.why.sub("", form)):
            return None
        if self.many.search(form) or field is None:
            return GENERAL
        return named or field

    def reason(self, field: str) -> str:
        return self.reasons.get(field, self.reasons[GENERAL]).text


def _named(left: str) -> str | None:
    """The one field ``left`` is the whole name of ("邮箱", "手机号"), or None."""
    fields = [f for f, q in flow.QUESTIONS.items() if left in (n.lower() for n in q.names())]
    return fields[0] if len(fields) == 1 else None


def _either(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


@lru_cache(maxsize=1)
def why_asked() -> WhyAsked:
    """The shipped table, loaded once; a field it gives a reason for must be one the flow asks."""
    data = read_yaml(WHY_FILE)
    words = data["words"]
    reasons = {field: Sourced("".join(r["text"].split()), tuple(Source.of(s) for s in r["sources"]))
               for field, r in data["reasons"].items()}
    unknown = set(reasons) - set(flow.QUESTIONS) - {GENERAL}
    if unknown:
        raise ValueError(f"{WHY_FILE.name}: reasons for fields the flow does not ask: {', '.join(sorted(unknown))}")
    return WhyAsked(why=_either(words["why"]), asking=_either([*words["asking"], *words["pointer"]]), rest=_either([*words["asking"], *words["pointer"], *words["filler"]]),
                    many=_either(words["many"]), reasons=reasons)
