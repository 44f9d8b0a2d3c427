"""An organisation's name in the words around it: "合同上写的是上海哔哩哔哩科技有限公司", "合同是跟上海众安劳务
派遣有限公司签的", "单位全称上海城投（集团）有限公司 简称城投", "上海浦东发展银行股份有限公司 信用卡中心" each give
the organisation's name alone, as the contract or the diploma prints it."""
from __future__ import annotations

import re
from functools import lru_cache

from dialogs.text import canonical, mandarin
from dialogs.understanding.worded import DOMESTIC_PLACES
from knowledge.segment import cut_whole
from dialogs.validators import about_former_employer, current_employer_said, described_not_named

ORGANISATION = re.compile(r"公司|有限|集团|银行|医院|大学|学院|学校|研究所|研究院|事务所|中心|局|委员会|厂|协会|基金会|"
                          r"股份|合伙|工作室|门诊|幼儿园|小学|中学|报社|出版社|电视台|设计院|律所|"
                          r"政府|办事处|法院|检察院|派出所|管委会|合作社")  # public bodies employ too ("…镇人民政府")
# An organisation's full name: its own words, then what it is ("…科技有限公司", "…大学"), nothing after.
FULL_ORGANISATION = re.compile(rf"^[\u4e00-\u9fffA-Za-z0-9()（）·&]{{2,}}(?:{ORGANISATION.pattern})[)）]?$")

# The words before an organisation's name in a sentence ("合同单位是…", "我就职于…", "阿拉在…做事体",
# "单位全称上海城投…", an edit's "改成…"): the name starts after the last one. A one-character word leads only where
# it stands as a word of its own: the 在 of 在线 is the name's ("上海三快在线科技有限公司"), as the 是 of 于是 or 实在 would be.
_BEFORE_ORGANISATION = re.compile(r"(?:是|在|于|叫|全称|名称|改成|改为|换成|换为|更正为|变更为|:|：|,|，|\s)")
_ONE_CHARACTER_LEAD = frozenset("是在于叫")
# …or ends a word of an adverb and itself ("就是", "还是", "正在"), as the segmentation keeps them.
_ADVERB_FIRST = frozenset("就还正总只便即乃都也又倒可")
# After an organisation's word, what is still its name: a unit of it ("威海分校", "上海市分行",
# "金山分院", "医学部") or a bracket ("（威海）"); anything else ("毕业的", "当老师", "做事体") is cut.
_UNIT_TAIL = re.compile(r"^$|^[(（][^)）]{1,12}[)）]$|^[\u4e00-\u9fffA-Za-z0-9]{0,12}?(?:分校|分院|分行|支行|分公司|分所|"
                        r"分中心|校区|学部|分部|办事处|代表处|营业部|事业部|研究所|研究院|[部院所处站厂店馆局科室队])[)）]?$")
# An organisation introduced by what it is called, then said what it is ("一家叫…有限公司的公司", "名叫…的单位"):
# its name ends at the organisation word before 的 and the kind of place.
_NAMED_ORGANISATION = re.compile(rf"(?:叫做|名叫|名为|叫)\s*(\S{{2,}}?(?:{ORGANISATION.pattern})[)）]?)"
                                 r"的(?:一家|一个)?(?:公司|单位|企业|机构|工厂|厂|学校|医院)")
_AT_WORK = re.compile(r"(?:上班|工作|任职|就职|打工)(?:的|呢|哦|啊)?$")
_SPEAKER = re.compile(r"^(?:阿拉|我们|我|俺|偶|侬|本人)")  # "阿拉上海应用技术大学毕业的"
_ORGANISATION_END = re.compile(rf"^.*(?:{ORGANISATION.pattern})[)）]?")
# The party a contract is signed with ("跟…签的", "和…签了合同", "与…签订"): the word before the name is no part of it.
_SIGNED = re.compile(r"^签")
_WITH = re.compile(r"^(?:(?:劳动)?合同(?:是)?)?(?:跟|和|与|同)")  # "(合同)跟…签的"
# A part of its own after the name that is a unit able to sign a contract ("…有限公司 上海分公司"): still the name.
_BRANCH = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:分公司|分行|支行|分所|分院|分校|办事处|代表处)$")
_PARTED_BY = r"\s,，;；、"
_BRACKETS = re.compile(r"[()（）]")

# Latin words in a name as documents print them, each capitalised ("Apple", "IBM", "SAP", "Johnson Controls"),
# with the spaces around them: inside an organisation's name those spaces part no words (see ``latin_words_held``).
_LATIN_NAME = re.compile(r"(?<!\S)[A-Z][A-Za-z0-9.&'-]*(?: [A-Z][A-Za-z0-9.&'-]*)*(?!\S)")
_CLAUSE_END = re.compile(r"[,，;；。!！?？、/]")
_HELD = "·"
# A name typed with spaces between its words (voice input, some keyboards: "上海 腾飞 建筑工程有限公司", "上海 天天 物流
# 有限公司"): from the place its name starts with to its organisation word the spaces part no words, and its last part
# alone ("建筑工程有限公司") is a phrase any company's name ends with, never the name (try19 V15). Only from a place:
# "张三 上海某某有限公司" is a person, then a name; a word of a sentence ("在", "是", "的") is no word of a name.
# (Places only: 国内 or 电大 of DOMESTIC_PLACES start no name, and a degree is no word of one: "国内 本科 东北师范大学".)
_PLACE_FIRST = "|".join(place for place in DOMESTIC_PLACES.split("|")
                        if place not in ("国内", "境内", "大陆", "内地", "中国的", "广播电视大学", "开放大学", "电大", "党校"))
_NO_WORD_OF_A_NAME = r"(?![^\s]*(?:[在是的我了]|本科|大专|专科|硕士|博士|研究生|全日制|自考|函授|成教))"
_SPACED_NAME = re.compile(rf"(?<![^\s,，;；])(?:中国|{_PLACE_FIRST})[市省]?(?:\s+{_NO_WORD_OF_A_NAME}[\u4e00-\u9fff]{{1,6}})*"
                          rf"\s+{_NO_WORD_OF_A_NAME}[\u4e00-\u9fff]{{0,10}}(?:{ORGANISATION.pattern})[)）]?(?=$|[\s,，;；。])")


def latin_words_held(text: str) -> str:
    """``text`` with each space beside a run of capitalised Latin words, and between them, put as "·" (one
    character for one: the text keeps its length), where an organisation's word follows in its clause:
    inside such a name they are its words ("上海 Apple 电脑贸易有限公司", "SAP (中国) 有限公司"), never a word of
    the sentence around it. "张伟 Zhang Wei" (no organisation) and "I work at 上海…" (not all capitalised,
    as an English sentence is not) are left as they are. So are the spaces of a Chinese name typed in parts
    (``_SPACED_NAME``)."""
    held = list(text)
    for run in _SPACED_NAME.finditer(text):
        held[run.start():run.end()] = re.sub(r"\s", _HELD, run.group())
    for run in _LATIN_NAME.finditer(text):
        end = _CLAUSE_END.search(text, run.end())
        if not ORGANISATION.search(text, run.end(), end.start() if end else len(text)):
            continue
        held[run.start():run.end()] = run.group().replace(" ", _HELD)
        for edge in (range(run.start() - 1, -1, -1), range(run.end(), len(text))):
            for at in edge:
                if not text[at].isspace():
                    break
                held[at] = _HELD
    return "".join(held)


@lru_cache(maxsize=None)  # a few classes, each a constant: compiled once, not looked up in re's cache (issue 19)
def _parts_between(between: str) -> re.Pattern[str]:
    return re.compile(rf"[^{between}]+")


def parts_of(text: str, between: str) -> list[str]:
    """``text`` parted at runs of the characters of the class ``between`` (a regex class's inside,
    whitespace among them), as typed, but not at a space inside an organisation's name: beside a Latin
    word of it (``latin_words_held``), before the words that say what it is ("华为技术 有限公司",
    "SAP (中国) 有限公司") or before a branch able to sign a contract ("…有限公司 上海分公司"): these are
    joined to the part before."""
    parts: list[str] = []
    for part in _parts_between(between).finditer(latin_words_held(text)):
        said, simple = text[part.start():part.end()], canonical(part.group())
        if parts and (not _BRACKETS.sub("", ORGANISATION.sub("", simple))
                      or _BRANCH.match(simple) and ORGANISATION.search(canonical(parts[-1]))):
            parts[-1] += said
        else:
            parts.append(said)
    return parts


def organisation_in(text: str) -> str:
    """The organisation's name in a sentence that names one ("合同上写的是上海哔哩哔哩科技有限公司"
    → "上海哔哩哔哩科技有限公司", "阿拉上海应用技术大学毕业的" → "上海应用技术大学"); ``text`` itself
    otherwise. What follows the last organisation word stays when it is part of the name
    ("山东大学威海分校", "…有限公司上海市分行", "哈尔滨工业大学（威海）")."""
    # Same length as the text: t2s, half-width and Cantonese's function words ("喺…做嘢") map character for character.
    simple = latin_words_held(mandarin(canonical(text)))
    end = _ORGANISATION_END.match(simple)
    if end is None or len(simple) != len(text):
        return text
    named = _NAMED_ORGANISATION.search(simple)
    if named is not None:  # "在一家叫上海星辰数据有限公司的公司上班": the name, not what kind of place it is
        return text[named.start(1):named.end(1)].strip()
    tail = simple[end.end():]
    unit = _AT_WORK.sub("", tail)  # "…银行上海市分行上班": the branch is the name's, the work said after it is not
    cut = end.end() + len(unit) if _UNIT_TAIL.match(unit) else end.end()
    lead = _lead_end(simple[:end.end()])
    start = lead if lead is not None and end.end() - lead >= 4 else 0
    speaker = _SPEAKER.match(simple[start:end.end()])
    start += speaker.end() if speaker and end.end() - start - speaker.end() >= 4 else 0
    with_ = _WITH.match(simple[start:end.end()]) if _SIGNED.match(tail) else None
    start += with_.end() if with_ and end.end() - start - with_.end() >= 4 else 0
    return _bracket_closed(text[start:cut].strip())


def _bracket_closed(name: str) -> str:
    """``name`` without a bracket it opens and never closes: the end was found inside a remark after the name
    ("上海明远贸易有限公司(公司在嘉定)": the 公司 of the remark), which is no part of it (try19 V12: saved
    as "上海明远贸易有限公司(公司")."""
    opened = [at for at, character in enumerate(name) if character in "(（"]
    closed = sum(character in ")）" for character in name)
    return name[:opened[closed]].rstrip() if len(opened) > closed else name


def _lead_end(simple: str) -> int | None:
    """Where the last word leading an organisation's name in ``simple`` ends (see ``_BEFORE_ORGANISATION``);
    None when there is none. Segmented only when a one-character lead is found."""
    leads = list(_BEFORE_ORGANISATION.finditer(simple))
    if not leads:
        return None
    alone: set[int] = set()  # where a lead stands as a word of its own, or after an adverb in one
    if any(lead.group() in _ONE_CHARACTER_LEAD for lead in leads):
        at = 0
        for word in cut_whole(simple, frozenset()):
            if len(word) == 1 or len(word) == 2 and word[0] in _ADVERB_FIRST:
                alone.add(at + len(word) - 1)
            at += len(word)
    return next((lead.end() for lead in reversed(leads)
                 if lead.group() not in _ONE_CHARACTER_LEAD or lead.start() in alone), None)


def named_organisation(text: str) -> str | None:
    """The organisation ``text`` names once the words around it are set aside ("是上海众安劳务派遣有限公司"
    → its name), when what is left is a full name; None otherwise, and for one only described ("张江那个公司")."""
    name = organisation_in(text)
    return name if is_full_organisation(canonical(name)) and not described_not_named(canonical(name)) else None


def is_full_organisation(simple: str) -> bool:
    """Whether ``simple`` (a matching form) is an organisation's full name and nothing else, its Latin
    words with the spaces around them ("上海 IBM 科技有限公司") included."""
    return FULL_ORGANISATION.match(latin_words_held(simple)) is not None


def employer_in(text: str) -> str:
    """The employer's name in a message: the organisation the contract is signed with ("合同是跟…签的"), else
    the one said to be its full name ("…那个厂子 上海分公司 全称是…"), else the first one named, never one said as where or for whom the work is done ("派遣到…", "客户是…"); a
    department said after it set aside ("上海浦东发展银行股份有限公司 信用卡中心"), a branch said after it kept
    ("…有限公司 上海分公司"), a former employer never ("…，原来是…"). ``text`` itself (or the organisation in it)
    when it has one part or none names an organisation."""
    said = current_employer_said(text)
    parts = parts_of(said, _PARTED_BY)
    named: list[tuple[str, bool]] = []  # each organisation, and whether the contract is said to be signed with it
    for part in parts:
        if about_former_employer(part) or _WORKPLACE.match(canonical(part)):
            continue
        name = named_organisation(part)
        labelled = _LABELLED.match(part) or _CALLED.match(part)
        if name is None and labelled is not None:  # "我在浦东上班 公司是上海壬科技": the name its label gives
            named.append((labelled.group(1), True))
        elif name is not None:
            named.append((name, bool(_SIGNED_WITH.search(part) or _FULL_NAME_SAID.search(canonical(part)))))
        elif (party := signed_with(part)) is not None:
            named.append((party, True))
    signed = [name for name, by_contract in named if by_contract]
    if signed:  # "我是外包 在腾讯上班 合同是跟上海外服签的": who employs is who the contract is with,
        # by its full name when that is said too ("合同跟上海外服签的 上海外服（集团）有限公司")
        return next((name for name, _ in named if name != signed[0] and signed[0] in name), signed[0])
    if len(parts) < 2 or not named:
        return organisation_in(parts[0] if len(parts) == 1 else said)
    return named[0][0]


def signed_with(part: str) -> str | None:
    """The party a contract is said to be signed with, named without a word such as 公司 ("合同是跟上海外服
    签的" → "上海外服"), as typed; None when none is named, or only a person or a short word ("跟老板签的")."""
    simple = mandarin(canonical(part))
    party = _PARTY.search(simple) or _PARTY_NAMED.search(simple)
    if party is None or len(simple) != len(part):
        return None
    return part[party.start(1):party.end(1)]


# A part naming the employer by its label ("公司是上海壬科技", "单位叫…", "工作单位：…"): what follows is its name,
# with or without a word such as 公司 in it.
_LABELLED = re.compile(r"^(?:我的|我们|我们的|我)?(?:工作单位|所在单位|单位|公司)(?:的)?(?:名字|名称|全称|全名)?\s*(?:是|叫|为|[:：])\s*"
                       r"([^\s,，;；、:：]{2,40}?)(?:的|吧|啊|呀)?$")


# …or only by 叫 after the work told of ("在一家小公司上班 叫上海鼎盛贸易"): four characters or more, asking nothing.
_CALLED = re.compile(r"^(?:它|那家|这家|公司|单位)?叫(?:做)?\s*([^\s,，;；、:：?？吗呢]{4,40}?)(?:的|吧|啊|呀)?$")


# A part saying where or for whom the work is done, not who employs: "派遣到…", "客户是…", "甲方是…", "在…上班".
_WORKPLACE = re.compile(r"^(?:我|人)?(?:被)?(?:派遣到|派到|外派到|借调到|驻场在|驻场|客户是|客户|甲方是|甲方|服务于|在\S+(?:上班|工作|办公))")
_SIGNED_WITH = re.compile(r"签")
# "(合同是)跟…签的", "和…签了合同", "与…签订": four characters or more between (a name the form takes).
# ("劳动合同是上海外服签的": the contract's party named after 合同是 too.)
_PARTY = re.compile(r"(?:跟|和|与|同|合同是|合同由)([^\s,，;；、跟和与同签]{4,30})签(?:的|了|订|约|署)?")
# "合同单位是…", "合同签的是…", "合同上写的是…": the same party, named after the contract.
_PARTY_NAMED = re.compile(r"合同(?:上|里|单位|方|签的|签的单位|签约单位)?(?:写的)?(?:是|为|[:：])([^\s,，;；、签]{4,30})$")
# A part giving the full name after a short one ("全称是…", "正式名称叫…", "执照上是…"): that name is the employer's.
_FULL_NAME_SAID = re.compile(r"^(?:单位|公司)?(?:的)?(?:全称|全名|正式名称|正式名字|完整名称|执照上|营业执照上)")
