"""Photos given out to checklist items by their order, in a message sent with them ("这两张是合同的 第三张是身份证",
"第一张是居住证，第二、三张是户口本"): which item each photo is, the first photo first. The places are exact
words (a rule): each clause names some photos by their place or their count and the item they are.

Only a message that shares photos out among two items or more is read so; one naming a single item ("这两张是身份证")
is read as it always was (the item chosen, or the photos kept labelled)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from dialogs.understanding.items import NAMED, item_named
from dialogs.validators import parse_ordinal

_DIGIT = r"\d{1,2}|[一二两三四五六七八九十]{1,3}"
# Photos counted from where the last clause stopped ("这两张", "前两张", "接下来3张", "后面一张", "剩下的两张"), the
# first of them when the count is left out ("最后那张", "后面那张").
_COUNTED = re.compile(rf"(?:这|那|前|头|先|下面|接下来|接着|然后|后面|后|再|最后|剩下的?|其余的?)?(?:的)?\s*(?P<count>{_DIGIT})?\s*(?:张|页)"
                      r"|(?:最后|后面|剩下的?)(?:那|这|的)?(?:一)?(?:张|页)")
# Photos named by their places ("第三张", "第2张", "第二、三张", "第2和3张", "第二到第四张", "第二第三张").
_PLACED = re.compile(rf"第\s*(?P<places>(?:{_DIGIT})(?:\s*(?:[、,，和与及跟到至~\-]|第)\s*第?\s*(?:{_DIGIT}))*)\s*(?:张|页)")
# What a clause says the photos are: "是…", "都是…", "放…", "归…", "算…", "传到…".
_ARE = re.compile(r"^(?:照片|图片?|的)?\s*(?:都|就|全|全都|也)?\s*(?:是|为|放到?|放在|归到?|属于|算|传到|给)\s*(?P<item>.+)$")
# A clause that says its photos are not wanted ("第二张不要了", "删掉第三张", "最后一张删了"): dropped, not filed.
DROPPED = 0
_DROP_FIRST = re.compile(r"^(?:删掉|删除|删了|去掉|不要|扔掉)")
_DROPPED = re.compile(r"^(?:的)?\s*(?:也|就)?\s*(?:不要了?|不用了?|删掉|删除|删了|删|去掉|扔掉|作废|多余的?|多发的?)\s*(?:吧|啦|了)?$")
_CLAUSE = re.compile(r"[\s,，;；。!！~～]+")
_ASKS = re.compile(r"[?？吗嘛么呢]|是不是|对不对|行不行|可以吗")
_RANGE = re.compile(r"到|至|~|-")


def _places(said: str) -> list[int] | None:
    """"二、三" → [2, 3]; "二到四" → [2, 3, 4]; "二三" (two places run together) → [2, 3]."""
    parts = [p for p in re.split(r"\s*(?:[、,，和与及跟到至~\-]|第)\s*第?\s*", said) if p]
    if len(parts) == 1 and re.fullmatch(r"[一二三四五六七八九]{2}", parts[0]):
        parts = list(parts[0])
    numbers = [parse_ordinal(p) for p in parts]
    if any(n is None or n < 1 for n in numbers):
        return None
    if len(numbers) == 2 and _RANGE.search(said):
        return list(range(numbers[0], numbers[1] + 1)) if numbers[0] <= numbers[1] else None
    return numbers  # type: ignore[return-value]


def photos_by_order(text: str, names: Sequence[str]) -> list[int] | None:
    """The item number (1-based, among ``names``) of each photo in turn, as ``text`` shares them out by order
    ("这两张是合同的 第三张是身份证"; one item for all of them: "这两张是合同的"), ``DROPPED`` for one said not to be wanted
    ("第二张不要了 第一张是承诺书"); None unless every clause of it names photos and an item (or drops them), and the
    places run from the first photo without a gap or a photo given twice."""
    if _ASKS.search(text):  # "这两张是合同吗": a question, nothing given out
        return None
    given: dict[int, int] = {}
    cursor = 1  # the first photo no clause has named yet
    for clause in (c for c in _CLAUSE.split(text.strip()) if c):
        drop_first = _DROP_FIRST.match(clause)
        if drop_first is not None:
            clause = clause[drop_first.end():]
        if (placed := _PLACED.match(clause)) is not None:
            places, rest = _places(placed.group("places")), clause[placed.end():]
        elif (counted := _COUNTED.match(clause)) is not None and counted.group(0).strip():
            how_many = parse_ordinal(counted.group("count")) if counted.groupdict().get("count") else 1
            places, rest = (list(range(cursor, cursor + how_many)) if how_many else None), clause[counted.end():]
        else:
            return None
        if places and any(place in given for place in places):
            return None
        if places and (_DROPPED.match(rest.strip()) or drop_first is not None and not rest.strip(" 吧了啦")):
            given.update({place: DROPPED for place in places})
            cursor = max(places) + 1
            continue
        are = _ARE.match(rest.strip())
        if not places or are is None or drop_first is not None:
            return None
        said = re.sub(r"(?:的|的照片|照片)$", "", are.group("item"))
        # A short name has one pair or two to share ("合同", "户口本"): one is enough for it, two for a longer one.
        item = item_named(said, names, least=1 if len(said) <= 3 else NAMED)
        if item is None:
            return None
        given.update({place: item for place in places})
        cursor = max(places) + 1
    if not given or sorted(given) != list(range(1, len(given) + 1)):
        return None
    return [given[place] for place in sorted(given)]
