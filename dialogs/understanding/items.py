"""Which checklist item a message names ("传身份证", "老婆身份证", "毕业证"), given the names of the
checklist shown: the item sharing the most character pairs with the message, once everyday words
are put in the checklist's (毕业证 → 学历证书). Ties go to the earlier item (身份证 is the
applicant's own, listed before the spouse's)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from dialogs.checklist import catalogue
from dialogs.understanding.features import match_form
from dialogs.validators import parse_ordinal
from dialogs import words

# Everyday words for the checklist's own (the applicant's, or the spouse's, ID card; the diploma…). The spouse
# by every word but 对象, which is also "object" ("材料的对象"), and the figurative 另一半 ("身份证另一半").
CHECKLIST_WORDS = (
    (re.compile(words.alternatives(words.SPOUSE_PLAIN, words.SPOUSE_ADDRESSED)), "配偶"),
    (re.compile(r"毕业证|文凭"), "学历证书"),
    (re.compile(r"户口本|户口簿"), "户籍证明"),  # the paper itself ("这是户口本首页"): the item, by all its name's pairs
    (re.compile(r"户口"), "户籍"),
    # "孩子的户口页", "老二的出生证明": the children's item, never the applicant's own 户籍证明
    (re.compile(words.alternatives(words.CHILDREN, ("老大", "老二", "老三", "大宝", "二宝"))), "子女"),
    (re.compile(r"社保记录|社保单|社保清单|社保证明"), "社保缴费记录"),
    (re.compile(r"学信网报告|学历认证|学历报告"), "学信网电子学历认证报告"),
    (re.compile(r"学位证"), "学位证书"),
)
_PUNCTUATION = re.compile(r"[()（）\s]")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]|\s")
# Character pairs a question shares with an item's name to be about that item ("结婚证": 结婚, 婚证);
# one pair (证明, 证书) is shared by many.
NAMED = 2


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


@lru_cache(maxsize=256)
def _name_pairs(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """An item's name's character pairs: all of them, and those outside its brackets. Worked out once a name:
    the names are the catalogue's few, and each call compared every one of them (issue 19)."""
    return frozenset(_pairs(_PUNCTUATION.sub("", name))), frozenset(_pairs(_BRACKETED.sub("", name)))


def item_named(text: str, names: Sequence[str], least: int = 1) -> int | None:
    """The 1-based number of the item ``text`` names among ``names``; None when it names none
    (shares fewer than ``least`` character pairs with every name), or names an item of the catalogue
    off this list better than any on it ("老婆身份证" for someone unmarried is the spouse's ID card,
    never the holder's: :func:`item_off_list` says which). What a name says in brackets describes the
    item ("(正反面)") and only breaks a tie: "居住证拍了正反面" is the permit, not the ID card
    "持证人身份证(正反面)"."""
    said_pairs = _said_pairs(text)
    number, score = _best(said_pairs, names, least)
    if number is not None and _off_list_better(said_pairs, names, least, score) is not None:
        return None
    return number


def item_off_list(text: str, names: Sequence[str], least: int = NAMED) -> str | None:
    """The name of the catalogue's material ``text`` names when it is none of ``names`` (the applicant's
    list) and named better than any of them ("我媳妇身份证拍好了" unmarried: 配偶身份证(正反面)); None otherwise."""
    said_pairs = _said_pairs(text)
    return _off_list_better(said_pairs, names, least, _best(said_pairs, names, least)[1])


def _off_list_better(said_pairs: set[str], names: Sequence[str], least: int, score: tuple[int, int]) -> str | None:
    """The catalogue's material off ``names`` the message names better than ``score`` (the best on the list), by
    something of its own: two items of the list said together ("学位证和毕业证") share more pairs with the one name
    holding both words (国(境)外学历学位证书及认证书) than with either, yet name no other item (try20 W4)."""
    off = _off(names)
    number, off_score = _best(said_pairs, off, least)
    if number is None or off_score <= score:
        return None
    listed = frozenset().union(*(_name_pairs(name)[0] for name in names))
    return off[number - 1] if (said_pairs & frozenset().union(*_name_pairs(off[number - 1]))) - listed else None


def _said_pairs(text: str) -> set[str]:
    said = match_form(text)
    for pattern, word in CHECKLIST_WORDS:
        said = pattern.sub(word, said)
    return _pairs(_PUNCTUATION.sub("", said))


def _best(said_pairs: set[str], names: Sequence[str], least: int) -> tuple[int | None, tuple[int, int]]:
    """The number of the name sharing the most pairs with the message (outside brackets first; ties to the
    earlier), and its score; (None, below any) when none shares ``least``."""
    best, best_score = None, (0, least - 1)
    for number, name in enumerate(names, 1):
        pairs, outside = _name_pairs(name)
        shared = len(said_pairs & pairs)
        score = (len(said_pairs & outside), shared)
        if shared >= least and score > best_score:
            best, best_score = number, score
    return best, best_score


def _off(names: Sequence[str]) -> list[str]:
    """The catalogue's material names not among ``names``."""
    listed = set(names)
    return [m.name for m in catalogue().materials.values() if m.name not in listed]


# -- what a message says about checklist items ------------------------------------------------
# Items named by their place, as people write it in a sentence: "第一项", "第7項" (read as 项),
# "12号", "三号", "item 4". A Chinese numeral after 第 is a place only with a counter or a second place
# after it: "第一次" is no item; before 项 without 第 it counts ("两项", "还有3项没传").
_NUMERAL = r"(\d{1,2}|[一二三四五六七八九十两]{1,3})"
# What else a number counts ("第2次", "第一个月", "3张", "两年", "1个小时"): no checklist item. One list
# for places and bare numbers alike.
_UNITS = "个?月|次|年|天|周|名|批|期|页|张|遍|回|届|步|人|工作日|岁|元|块|万|兆|个?小时|点|分|寸|份"
_COUNTS = rf"(?:{_UNITS})"
# A person picked out by the ordinal ("第二个孩子的也传这里吗"): which child, not which item.
_PERSON_AFTER = rf"\s*个?\s*{words.either(words.ONE_OF_SEVERAL)}"
# N号 is an item where it is said as one ("12号是什么", "拍3号"), a day of the month elsewhere ("12号去窗口交").
_ITEM_HAO = r"号(?!\s*(?:去|来|前|之前|以前|以后|后|到|上午|下午|中午|晚上|早上|那天|当天|左右|截止|开始|上班|放假|周))"
_PLACE = re.compile(rf"(?<!倒数)第\s*(\d{{1,2}})(?!\d|\s*{_COUNTS}|{_PERSON_AFTER})"
                    # …and before a verb of sending in a clause of its own ("第十一 重新拍")
                    rf"|(?<!倒数)第\s*([一二三四五六七八九十两]{{1,3}})(?=\s*(?:项|号|条|份|和|跟|、|或|个(?!{_COUNTS}|{_PERSON_AFTER}))|"
                    r"[\s,，]+(?:重新|再|先)?(?:拍|传|上传|补传))"
                    # not a count after a verb done ("传了5项了", "退回了3项") or a total ("共9项")
                    rf"|(?<![\d这那哪每第月有共剩差下余了已])(?:(\d{{1,2}})\s*(?:项|{_ITEM_HAO})|([一二三四五六七八九十]{{1,3}})\s*{_ITEM_HAO})(?![码线楼门院])"
                    rf"|\bitem\s*#?(\d{{1,2}})\b|\bno\.?\s*(\d{{1,2}})\b")
# A bare number beside a verb of sending ("拍3和4", "7拍好了"): a place too, unless a unit counts
# something else, it follows a verb done ("传了5项了", "试了3遍") or a model's name ("iphone 13").
_BARE = re.compile(rf"(?<![\d.:：a-zA-Z了])(?<![a-zA-Z]\s)(\d{{1,2}})(?![\d.:：]|\s*(?:[a-zA-Z]|项|号|{_UNITS}))")
# Sending an item ("拍", "先传", "换…拍", "选"), never a mistake about it ("传错了", "拍糊了", "拍成身份证了"),
# nor a refusal ("不传").
# (An option ticked or left out, "勾选", "漏选", "忘了选", is the answers', not an item chosen.)
_SEND = re.compile(r"(?<![不没别])(?<!勾)(?<!漏)(?<!忘了)(?<!忘记)(?:拍|传|选|换)(?![错糊完好成])")
# Sending put off ("明天再拍", "回头再传"): no item is chosen now.
# So is waiting until something is done first ("等我把结婚证找出来再拍", "等我回家再传").
_LATER = re.compile(r"(?:明天|明儿|晚点|晚些|回头|以后|下次|过几天|等会儿?|待会儿?|一会儿?|改天|后面|下周|周末)\S{0,3}?(?:再)?(?:拍|传|上传|弄)|"
                    r"等我\S{1,12}?再(?:拍|传|上传|弄)")
# The item shown pointed at ("身份证那项", "结婚证这个").
# A clause beside a bare number that refuses the item or says a photo is at fault (review8 R8-4): the number chooses
# nothing ("3 那个先不弄", "2 那张糊了" — the 2 a photo's ordinal).
# A refusal ("3 那个先不弄") is left to choose as before: skipped, it read as cancelling the item in hand and threw
# its pages away — worse than the switch question, which offers to keep them.
_REFUSED_OR_FAULTED = re.compile(r"糊|错|重拍|不清|虚了|歪了|反光|模糊")
_THAT_ONE = re.compile(r"[这那]一?(?:项|个|份)[吧啊呀吗嘛]?$")
# Saying an item is photographed ("7拍好了", "3传完了，4明天再拍", "第6项我重新传了"): its photos
# should have arrived, or its file been uploaded.
_DONE = re.compile(rf"^(?:第\s*)?{_NUMERAL}\s*(?:项|号)?\s*我?(?:已经|都|也|重新)?"
                   r"(?:(?:拍|传|上传|弄)(?:好|完)|(?:好|完)了|(?:拍|传|上传)了(?:[吧啊]|$))")
# Saying an item is not needed ("第13项不用吧", "第9项我不需要"): about the item, never a cancel of another.
# "第10项传错了 delete", and a programmer's rm/del ("rm 第九项 传错了", "del 第五项", nlu33)
_NOT_NEEDED = re.compile(r"不用|不要|不需要|用不着|没有必要|删|\b(?:delete|remove|rm|del)\b")
# A withdrawal ("撤回刚才传的合同", "第6项退回了 我想撤销申请"): no item's talk at all — after submitting it is the
# application's, before it interpret.py takes it as the file's delete.
_WITHDRAWN = re.compile(r"撤回|撤销")
# Saying one does not have an item ("第2项我没有", "我没有第4项", "第1个拿不到", "第6项丢了"): a question about it
# (its requirement, or what to do without it), never the item chosen for photos. Not "还没有" (not yet sent).
_LOST = re.compile(words.alternatives(words.LOST))
_LACKING = re.compile(r"(?<!还)(?:没有|没)(?:这个|这项|这份|这一项)?[吧啊呀哦呢。.!！~～]*$|(?<!还)没有第|拿不到|" + _LOST.pattern)
# Asking which item a paper goes in ("我老婆的户口本传哪项", "孩子的出生证明放哪一项").
# 交 to where is handing in at a window ("身份证复印件交到哪个窗口", "户口本原件交到哪里"): the knowledge base's, only
# 交到哪一项 an item.
_WHICH_ITEM = re.compile(r"(?:传|放|归|算|上传)(?:到|在)?(?:哪|第几)(?:一)?(?:项|个(?!窗口|地方|部门)|里|儿)|交(?:到|在)?(?:哪|第几)一?项|"
                         r"(?:属于|是)(?:哪|第几)(?:一)?项")
# An item named by its name after 没有 in its clause ("我没有学位证 只有毕业证", "没拿到学位证书"): the item lacked, asked
# about, never chosen for photos; only what the clause names after it counts (the diploma said beside is had).
# 没 before a verb of sending or photographing, or 完/过, is a file not sent yet ("没拍清楚身份证 我重新拍", "没传过户口本"):
# the paper is had.
_LACKS_NAMED = re.compile(r"(?<!还)(?:没有|没)(?!有?(?:拍|传|交|发|寄|递|弄|扫|完|过))(?:拿到|考到|考|办)?"
                          r"(?P<item>[^\s,，。;；!！?？]{2,12})")
# An item not yet to hand ("委托单还没拿到", "学位认证还没下来"): the 传 said beside it is of the others.
_NOT_YET_HAD = re.compile(r"没(?:拿到|到手|办好|开好|开出来|下来|出来|盖好章?)")


# A place said, then taken back for another ("选5 不对 是6", "3号 说错了 4号"), or denied before the one meant ("不是第5项
# 是第6项"): the places meant are those after it.
# 错了 of a file sent (传错了, 拍错了) is the item's, not the number's.
_TAKEN_BACK = re.compile(r"不对|说错了?|打错了?|搞错了?|选错了?|(?<![传拍交发])错了|(?:啊|哦|噢)不|不是(?=\s*第?\s*\d|\s*第)")
# What, said right after the next place, makes the words of the item and adds another ("第5项错了 第6项也错了", "第3项说错了的话
# 第4项呢"), or makes 不是 ask ("不是第5项吗"): no number taken back. Only right after that place: "5号 说错了 6号 还有照片要传"
# and "不对 是第4项 我也不知道怎么拍" still take 5 and 3 back (review6 P8).
_ALSO_ANOTHER = re.compile(r"(?:项|个|号|条)?(?:也|都|还有|呢)")
_ASKED_BACK = re.compile(r"^[^\s,，。;；!！?？]*吗")


def places(form: str, *, bare: bool = False) -> list[int]:
    """The checklist places ``form`` names, in the order said, without repeats; ``bare``: a number
    alone counts too (said with a verb of sending). Places taken back for later ones are left out."""
    found: list[tuple[int, int]] = [(m.start(), n) for m in _PLACE.finditer(form)
                                    if (n := parse_ordinal(next(g for g in m.groups() if g))) is not None]
    if bare:
        taken = [m.span() for m in _PLACE.finditer(form)]
        found += [(m.start(), int(m.group(1))) for m in _BARE.finditer(form)
                  if not any(a <= m.start() < b for a, b in taken)]
    ends = {m.start(): m.end() for m in _PLACE.finditer(form)} | {m.start(): m.end() for m in _BARE.finditer(form)}
    back = [m for m in _TAKEN_BACK.finditer(form)
            if any(at >= m.end() for at, _ in found) and (m.group() != "不是" or any(at < m.start() for at, _ in found)
                                                       or any(at > m.end() + 1 for at, _ in found))
            and not _ALSO_ANOTHER.match(form, ends.get(min(at for at, _ in found if at >= m.end()), len(form)))
            and not (m.group() == "不是" and _ASKED_BACK.search(form[m.end():]))]
    if back:  # "不是第5项" names 5 only to deny it: the end of its place, not of the words
        until = back[-1].end() if back[-1].group() != "不是" else next(
            (at + 1 for at, _ in sorted(found) if at >= back[-1].end()), back[-1].end())
        found = [(at, number) for at, number in found if at >= until] or found
    numbers: list[int] = []
    for _, number in sorted(found):
        if number and number not in numbers:
            numbers.append(number)
    return numbers


def item_talk(form: str, names: Sequence[str], *, asking: bool) -> tuple[str, list[int]] | None:
    """What a message does with checklist items, and which (1-based, in the order said): "done"
    ("7拍好了"), "ask" (a question about an item named by its place: "第11项是什么", "item 4
    requirement?"; or said not to be had: "第2项我没有"), "not_needed" ("第13项不用吧"), "later" ("第3项明天再拍"),
    "send" ("拍3和4", "换第5项拍", "先拍结婚证吧", "身份证那项"); None when it names no item so. ``asking``: the message
    asks something."""
    if (done := _DONE.match(form)) and (number := parse_ordinal(done.group(1))):
        return "done", [number]
    named = places(form)
    if named and (asking or _LACKING.search(form)):
        return "ask", named
    if named and _NOT_NEEDED.search(form):
        return "not_needed", named
    if names and (pointed := _pointed_and_named(form, names)) is not None:
        return "send", [pointed]  # "十一 就社保缴费那张", "学信网那个 第9项": the place said, never the name's
    if not named and asking and names and _WHICH_ITEM.search(form) and (number := item_named(form, names, least=NAMED)):
        return "ask", [number]  # "我老婆的户口本传哪项": the item it goes in
    if not named and names and (number := item_lacked(form, names)) is not None:
        return "ask", [number]  # "我没有学位证": what to do without it, not its photos asked for
    if asking or _NOT_NEEDED.search(form) or _WITHDRAWN.search(form):  # "删除劳动合同这一项": the delete's, by its own words
        return None
    if _LACKING.search(form) or _NOT_YET_HAD.search(form):  # "委托单还没拿到，其他的先传着": that one is not sent now
        return None
    if _LATER.search(form) and (named or (names and item_named(form, names) is not None)):
        return "later", named  # "第3项和第4项我明天再拍": nothing to photograph now (no item named: a pause)
    if _SEND.search(form):
        named = places(form, bare=True)
        if named:
            return "send", named
    if (_SEND.search(form) or _THAT_ONE.search(form)) and names:
        number = item_named(form, names)
        if number is not None:
            return "send", [number]
    return None


# A place said as a clause of its own: "第6项", "十一", "十三项", "12号", "9" (not a count: "两个", "三份", "两项").
_PLACE_ALONE = re.compile(rf"第\s*{_NUMERAL}\s*(?:项|个|号|条)?|{_NUMERAL}\s*(?:号)?|(\d{{1,2}}|[一三四五六七八九十]{{2,3}}|[三四五六七八九十])\s*项")
_CLAUSE_BREAK = re.compile(r"[\s,，、;；:：。.!！~～]+")


def _pointed_and_named(form: str, names: Sequence[str]) -> int | None:
    """The place of an item said in a clause of its own beside the item's name or a pointing word, in either order
    ("十一 就社保缴费那张", "学信网那个 第9项", "第6项 合同是续签的那份", "十三项 出生证明退了"): the number points and the
    name only describes (loosely, or as the applicant's own checklist, longer than the one a name is matched in,
    lists it), so the place is the item; None when the message is not two such clauses."""
    parts = [part for part in _CLAUSE_BREAK.split(form) if part]
    if len(parts) != 2:
        return None
    for at, part in enumerate(parts):
        place = _PLACE_ALONE.fullmatch(part)
        other = parts[1 - at]
        if place is None or _PLACE_ALONE.fullmatch(other):
            continue
        number = parse_ordinal(next(g for g in place.groups() if g))
        if _REFUSED_OR_FAULTED.search(other):
            continue  # "2 那张糊了" speaks of a photo (the 2 its ordinal): no item chosen (review8 R8-4)
        named = item_named(other, names, least=NAMED) is not None or item_off_list(other, names) is not None
        if number and (_THAT_ONE.search(other) or re.search(r"[这那]一?(?:项|个|份)", other) or named
                       or re.search(r"[这那]一?张", other) and named):
            return number
    return None


def asks_which_item(text: str) -> bool:
    """Whether ``text`` asks which checklist item a paper goes in ("我老婆的户口本传哪项")."""
    return bool(_WHICH_ITEM.search(match_form(text)))


def item_lacked(form: str, names: Sequence[str]) -> int | None:
    """The 1-based number of the item among ``names`` that ``form`` says the applicant does not have, naming it by its
    name after 没有 ("我没有学位证"); None when it says no such thing."""
    for lacks in _LACKS_NAMED.finditer(form):
        if (number := item_named(lacks.group("item"), names, least=NAMED)) is not None:
            return number
    return None


def says_lacking(text: str, names: Sequence[str] = ()) -> bool:
    """Whether ``text`` says an item is not to hand ("第2项我没有", "合同找不到了"), or one of ``names`` by its name
    ("我没有结婚证")."""
    form = match_form(text)
    return bool(_LACKING.search(form)) or bool(names) and item_lacked(form, names) is not None


def says_lost(text: str) -> bool:
    """Whether ``text`` says a paper is lost ("学历证书丢了", "户口本找不到了"), not only not to hand."""
    return bool(_LOST.search(match_form(text)))


def named_items(text: str, name: str) -> str:
    """``text`` with the places it names read as ``name`` ("第一项要重新盖章吗" → "咨询服务委托单要重新
    盖章吗"): what the knowledge base knows by the item's name."""
    return _PLACE.sub(name, match_form(text))
