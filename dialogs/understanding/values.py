"""The value a message gives the question it answers, by the question's own parser: on the text
as typed for names, employers and schools (saved as typed: 於文華 stays 於文華, （集团） keeps its
brackets), on the matching form for the rest; emoji and the words around an answer set aside
("全称是华中科技大学", "手机号：1822… 谢谢"), clause by clause when the message says more."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.asking import asks, asks_how_to_choose, asks_whether_enough
from dialogs.flows import application as flow
from dialogs.intents import REPLY_WORDS, WAITING, exact_intent
from dialogs.questions import Choice, ChooseMany
from dialogs.text import canonical, groups_kept, mandarin, to_simplified
from dialogs.understanding.entities import (
    CHILD_NAMED, ORGANISATION, TOGETHER_WITH_ME, TRANSLITERATION, children_away, children_going, children_in, extract, highest_degree, name_after_a_no, name_described, name_put_right, plausible_name,
    spoken_digits,
    without_denied_count,
)
from dialogs.understanding.features import acknowledges, beside_the_answer, match_form
from knowledge.dialect import japanese, minnan_hakka
from dialogs.understanding.organisations import employer_in, organisation_in
from dialogs.understanding.worded import (
    DOMESTIC_PLACES, SPOUSE_NAMED, already_a_companion, hukou_elsewhere, marital_as_registered, negated, of_someone_else, spouse_options_said,
    worded,
)
from dialogs.validators import (
    COMMON_SURNAMES, COMPOUND_SURNAMES, NO, SKIP_WORDS, SPELLED_SURNAMES, YES, Refused, ValidationError, as_on_documents, parse_count, parse_ordinal, parse_person_name,
    parse_yes_no, school_notes_dropped, surname_and_given,
)
from dialogs import words

# Clauses part at punctuation, spaces and the words that turn to another point ("同意但是我想问下…").
_CLAUSES = re.compile(r"[,，;；。!！?？\s]+|(?<=\S)(?:但是|不过|可是|另外|顺便)")
_DECORATION = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u2775\u2794-\u27BF\u2B00-\u2BFF\uFE0F\u200D\u20E3]|\[[\u4e00-\u9fff]{1,4}\]")
# Before a typed name, employer or school: what people say first ("全称是", "学校嘛", "单位是").
_TYPED_LEAD_IN = re.compile(r"^(?:(?:单位|公司|学校|院校|毕业院校|名字|姓名)(?:全称|名称)?(?:嘛|呢|的话|是|叫|:|：)\s*|"
                            r"(?:全称|名称)(?:是|为|:|：)\s*|我叫\s*|我是\s*|叫\s*)")
_NAME_LEAD_IN = re.compile(r"^(?:(?:我|俺|阿拉|偶)?叫|我是|本人|申请人|持证人|(?:我的)?名字(?:是|叫)?|姓名(?:是|叫|为)?|"
                           r"中文名字?(?:是|叫|为)|"  # beside a name in another script ("中文名は周蕾": 是)
                           r"身份证上(?:写的)?是)\s*[:：]?\s*")
# A name after the words that introduce it, anywhere in the message ("你好，我的名字叫陈晓东").
_NAME_SAID = re.compile(r"(?:(?:姓名|名字)(?:要|应该)?(?:改成|改为|换成|更正为|应该是|应为)|"  # "姓名改成…", before 姓名 alone
                        r"^就?(?:写|填)(?:成|上)?|(?:申请人|持证人|本人)(?:是|叫|名叫)?|我叫|我系|俺叫|阿拉叫|偶叫|老子叫|"  # Chongqing's brash 老子 (I)
                        r"(?:伊|她|他|佢)(?:叫|系)|(?:员工|同事|职工)(?:的)?(?:名字|姓名)?(?:叫|是)|"  # HR typing: "员工叫马丽"
                        r"(?:我|伊|她|他|佢)(?:的|嘅|额|个)?名(?:字)?(?:叫|系|是)|"  # typed for her: "伊叫…"
                        r"名字叫|名字是|姓名是|姓名叫|姓名为|姓名[:：]?|名字[:：]|全名(?:是|叫)?|名叫|叫做|^叫(?!我)|[,，\s]叫(?!我)|"
                        r"(?:大名|真名|本名|真实姓名)(?:是|叫)?|身份证上(?:写的|的名字)?(?:是|叫)|"  # the name beside a nickname
                        r"(?:^|[,，\s])(?:你|您)?就?(?:叫|喊|称呼)我|^(?:我|俺)喊|"  # "叫我吴晓峰就行"; Sichuan "我喊…" is "I am called"
                        r"免贵姓[\u4e00-\u9fff][,，\s]*)(?:做|作)?"  # "我的名字叫做陈建国", "免贵姓陈，陈建国"
                        r"\s*([\u4e00-\u9fff·]{2,12})")
# What follows a name in the same breath ("陈晓东就是我", "写王芳吧", "陈晓东谢谢").
_NAME_TAIL = re.compile(r"(?:才是对的|才对|就是我|是我|本人|谢谢啦|谢谢|谢了|就行|就好|就可以|即可|吧|啊|哈|呀|哦|的)+$")
_SPACED_NAME = re.compile(r"^[\u4e00-\u9fff](?:\s[\u4e00-\u9fff]){1,3}$")  # "王 建 国" typed letter by letter
# A surname, then the given name after a space ("欧阳 娜娜", "王 小明"): one name, four characters at most.
_SURNAME_SPACED = re.compile(r"^[\u4e00-\u9fff]{1,2}\s+[\u4e00-\u9fff]{1,3}$")
_NUMBER = re.compile(r"\d+|[零〇一二两三四五六七八九十俩仨]+")
_ORDINAL_CHOICE = re.compile(r"^(?:就那个|那个|就|那就)?(?:选|選|选择|我选|只选|只要|就选)?\s*第?\s*(\d|[一二三四五])\s*(?:项|个|号|吧|的)?\s*(?:吧)?$")
_SHORT_ANSWER = 8
_LAST_ONE = re.compile(r"^(?:就|选|那就)?最后(?:一个|一项|那个|那项)(?:吧)?$")
_LIST_SEPARATORS = re.compile(r"[\s,，、;；+＋/&]+|以及|还有|和|跟|与|及")
# Words with a 一 that counts nothing, and an age ("没满三岁", "18周岁", "8个月大"): not a count.
_NOT_COUNTS = re.compile(r"一直|一起|一样|一下|一般|一定|一共|一点|统一|万一|唯一|"
                         r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})(?:周岁|岁|个月大|个多月|年级)")
# Somebody counted who is no child ("有一个男朋友", "有俩同事在上海"): the count is theirs, not the children's.
_PARTNERS = ("男朋友", "女朋友", "男友", "女友")
_COUNTS_NO_CHILD = re.compile(r"(?:\d+|[一两二三四五六七八九十俩仨几])\s*(?:个|位|名)?"
                              rf"{words.either(words.SPOUSE, words.KIN, words.PARENTS, words.OTHER_PEOPLE, _PARTNERS)}")
_NEGATIVE = re.compile(r"(?:-|－|−|负)\s*(?:\d|[〇零一两二三四五六七八九十俩仨])")  # "-1", "负二": no count
_BARE_COUNT = re.compile(r"^(?:是|有|就|只有|一共|总共|生了|养了|带了)?(\d{1,2}|[一二两俩仨三四五])个?(?:吧|了|啊)?$")
_NEVER_PAID = re.compile(r"^(?:我)?(?:还|从来|一直|都)?(?:没交过|没交|没有交过|没缴过|没有缴过|没缴|一年都没交)(?:社保)?(?:的|呢|哦|啊)?$")
_YEARS_SAID = re.compile(r"^(?:社保)?(?:年数|年限|缴费年限|缴费年数)?(?:是|为)?(?:我)?(?:差不多|大概|将近|大约|应该是|估计|快|有)?(?:交了|缴了|累计|交|缴|连续交了)?"
                         r"(?:差不多|大概|将近|大约)?(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个)?(?:多)?年(?:多)?"
                         r"(?:了)?(?:社保)?(?:吧|左右|的样子|多一点|了)?$|^(\d{1,2})\s*(?:years?|yrs?)$")
# A count denied beside the one meant ("是9年 不是10年").
_DENIED_YEARS = re.compile(r"[\s,，]*(?:而|并)?(?:不是|不止)(?:\d{1,2}|[一二两三四五六七八九十]{1,3})年")
# A total said ("一共十年", "算9年吧"), or the exact count after a guess ("十来年吧，具体11年").
_IN_ALL = (r"(?:一共|总共|累计|加起来|合计|总计|前后|算下来|就算|算|具体|准确|确切|精确|实际上?|其实)(?:地|的)?"
           r"(?:说|来说|讲|数)?(?:是|有|交了|缴了|交|缴|算)?(\d{1,2}|[一二两三四五六七八九十]{1,3})")
# The count ends there: "10年前就来上海了", "3个月大" count no years and no children.
_YEARS_IN_ALL = re.compile(rf"{_IN_ALL}(?:个)?(?:多)?年(?![前后底初级])")
# The children counted in all after their parts ("1个 不对 还有一个在老家 算两个吧", "一共3个娃").
_CHILDREN_IN_ALL = re.compile(rf"{_IN_ALL}(?:个(?![月多半星礼钟小])|孩子|小孩|娃)")
# A start year instead of a count ("十几年吧，2009年开始交的"): the years since are said back, for the applicant to give the count.
# Its month may be said too ("2019年7月开始交的"): the years since are then counted in full years.
# "从2019年12月交到现在": the paying said between the start and "now".
# The year's end or start said for its month ("2016年底开始交的": December; "2018年初": January).
_PAID_SINCE = re.compile(r"((?:19|20)\d{2})\s*年?(?:\s*(\d{1,2})\s*月份?|(底|末|初))?(?:的时候)?"
                         r"(?:就|开始|起|(?:一直)?(?:交|缴|缴纳|买)?(?:到现在|至今))")
_ASKS_ABOUT_IT = re.compile(r"^(?:要|需要|得|怎么|有|能|可以|是|算|交|需|具体|都|几|多少|多久|什么|啥|哪|毕业)")
# A reply shaped like nothing but an answer: digits, a date, an ID number, an address.
EXACT_VALUE = re.compile(r"^[\d\sXx@.+\-/年月日号]+$|^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_EXACT_WORDS = {"email": SKIP_WORDS, "edu_fulltime": YES | NO, "edu_foreign": YES | NO}
_DIGIT_OR_AT = re.compile(r"[\d@]")
# A degree still being studied for is not the highest had ("硕士在读"); below college it is ("初中没毕业").
_STILL_STUDYING = re.compile(r"在读|正在读|还在读|读着呢|没毕业|未毕业|还没毕业|在念")
_BELOW_COLLEGE = re.compile(r"初中|高中|中专|技校|职高|小学")
STILL_STUDYING = "请填写已经毕业、拿到证书的最高学历（正在读的还不算），例如 在读硕士请回复 本科。"
# The only Latin word before an address, a space between ("zhang wei@163.com"), or a space at the @; a label
# ("email abc@qq.com"), a number ("138… abc@qq.com") or an English sentence ("my email is …") is no part of it.
_SPACE_IN_ADDRESS = re.compile(r"(?:^|(?<=[^\x00-\x7f])|(?<=[^\x00-\x7f]\s))(?!e-?mail\s|mail\s)"
                               r"[A-Za-z][A-Za-z0-9._%+-]*\s+[A-Za-z0-9._%+-]+@|"
                               r"@\s|\s@", re.IGNORECASE)
# Many-choice answers in free words: none ("啥都没有", "都不符合", "单身"), all ("两个都选"), and
# options named inside a sentence ("职称跟社保都有"); a name right after a negation is not chosen.
_NONE_CHOSEN = re.compile(r"(?:都|啥都|什么都|全都|一个都|一项都|哪个都|一个也|一项也|啥也|什么也|(?:啥|什么)[\u4e00-\u9fff]{1,4}?[都也])(?:没有|没|不符合|不满足|不是|不沾|没得|莫得|不要|不用|不选|不需要|不加)|"
                          r"^(?:我)?(?:单身|未婚|没结婚|没有配偶|无配偶|没有加分|没加分|不加分)|"
                          r"^(?:加分|加分项|加分选项)(?:也|都|啥的)?(?:没有|没|无|不要|不用)|"  # "加分没有 直接下一步"
                          r"(?:^|[\s,，])(?:先|暂时|这次|就|也|这次也)?(?:不用|不|不要|不需要|都不|勿|唔)(?:加|选|随迁)(?:了)?"
                          # "她也是重庆的，先不加她": the spouse by any word, as one is added at the spouse options
                          + words.either(words.SPOUSE, words.PRONOUNS, ("进来", "进去", "上")) + r"?(?:了)?(?:吧|啊|的)?$|"
                          # the spouse not added, in a clause of its own, whatever follows ("不加老公，加我儿子")
                          r"(?:^|[\s,，])(?:" + words.either(words.SPOUSE) + r"(?:就|也|先|暂时|这次|这回)?(?:不用|不|不要|不需要|别)"
                          r"(?:加|添加|增加|随迁)|(?:不用|不|不要|别)(?:加|添加|增加)(?:我)?(?:的|家)?" + words.either(words.SPOUSE) + r")"
                          r"(?:了|啦)?(?:吧)?(?=$|[\s,，。；;])")
# (选 there is the verb, never 选项: "这几个选项好绕啊" complains of the options and chooses none of them.)
_ALL_CHOSEN = re.compile(r"(?:两个|两项|几个|全部|所有|都)(?:都)?(?:选(?!项)|要|有|是|符合)|全选(?!项)|全要")
_CN_ORDINALS = "一二三四五六七八九"
_OPTION_NUMBER = re.compile(rf"[1-9]|[{_CN_ORDINALS}]")
# Options counted, all of them wanted ("五个都要", "5项全选").
_EVERY_ONE_COUNTED = re.compile(rf"({_OPTION_NUMBER.pattern})\s*(?:个|项|样)\s*(?:都|全)(?:都)?(?:要|有|选|是|加|符合|部)")  # not "五个都没有"
# 有 joins them as 要 does: "一二三都有", "只有3" (said after taking "2 3" back) choose those numbers.
_NUMBER_JOINERS = re.compile(r"我|就|只|那|选择|选|要|有|第|个|项|号|吧|呀|啊|的|都|和|跟|与|及|同|还有|以及|加|[、,，.\s+&]")  # 同: Cantonese "and"
# Some of them counted ("三个都有", "两项都要" of five): which ones is asked, never option 3 nor all of them.
_SOME_COUNTED = re.compile(rf"(?<!第)({_OPTION_NUMBER.pattern})\s*(?:个|项|样)\s*(?:都|全)")
# A denial, then what is wanted or planned and an adverb, before the option ("不用加随员", "没必要加随员", "也不打算加随员",
# "也不是啥紧缺专业").
# Between them, what grades the option's thing ("没有本科学历", "没评上中级职称", "不是国外的硕士学位"): the thing is
# still denied. (How it was studied is no grade: "不是全日制的本科学历" has the degree, and "非" of 非全日制 denies none.)
_GRADE = r"(?:国内|国外|海外|境外)?(?:的)?(?:本科|硕士|研究生|博士|大专|专科|学士|初级|中级|高级|副高级?|正高级?)?(?:的)?"
_NEGATED = re.compile(r"(?:没有|没|无|不|非|不是)(?:必要|打算|准备|需要|想要|用|需|必|想|要|再|也)*"
                      rf"(?:增加|添加|新增|新加|加|选|要|是|交|办|申请|申报|报|(?:评|考|拿)(?:上|到|出|下来|出来)?)?(?:啥|什么)?{_GRADE}$")  # "没评上职称": not had; "不申请学历加分"
# No e-mail, said of oneself or of the applicant one types for ("伊勿用邮箱个": Shanghainese, she uses none),
# the denial as the varieties say it (勿/弗, Cantonese 唔/冇), the mailbox as Taiwan and Hong Kong call it (電郵 → 电邮)
# and their particles ("沒有電郵喔").
_NO_EMAIL = re.compile(r"^(?:那个|这个|那栏|这栏|那项|这项)?(?:我|阿拉|俺|侬|伊|她|他|佢)?(?:暂时|目前|还|就|平时|从来|一直)?"
                       r"(?:没有|没|无|木有|莫得|不用|不要|不填|不写|不需要|不想填|不留|没得|略|勿|弗|唔|冇|不)(?:用|会用|开|注册|办)?(?:过)?"
                       r"(?:邮箱|email|e-mail|电子邮箱|电子邮件|电邮|邮件(?:通知)?)?(?:的|了|哈|吧|呢|啦|个|额|嘅|哦|喔|呀|耶)?$|"
                       r"^(?:邮箱|email|e-mail|电子邮箱|电邮)(?:那个|这个|那栏|这栏|那项|这项)?(?:我|也|就)?(?:没有|没|无|不填|不写|不用|不要|不留|勿用|冇|唔用)(?:填|写|留)?(?:的|了|哦|喔|呀)?$|"
                       r"^(?:帮我|给我)?(?:把)?(?:邮箱|email|e-mail|电子邮箱)?(?:帮我|给我|就)?(?:删掉|删了|删除|清空|去掉)(?:邮箱)?(?:吧|了|哦|呀)?$",  # "邮箱不要填，删掉": cleared
                       re.IGNORECASE)

_EMAIL_NAMED = re.compile(r"邮箱|邮件|电邮|email", re.IGNORECASE)
_FINAL_DOT = re.compile(r"(?<!Ltd)(?<!Co)(?<!Inc)(?<!Corp)(?<!LLC)\.+$")  # a full stop, not "Co., Ltd."'s


def _typed(text: str) -> str:
    """What the applicant typed, without decoration and the lead-in before a typed answer."""
    said = _FINAL_DOT.sub("", _DECORATION.sub("", text or "").strip().rstrip("。!！~～"))
    return _TYPED_LEAD_IN.sub("", said).strip()


def introduced_name(text: str) -> str | None:
    """The name after the words that introduce one ("你好 我叫孙丽"), or None."""
    said = text.strip()
    simple = canonical(said)
    if len(simple) != len(said):  # positions would not map: the name is cut from the text as typed
        return None
    simple = minnan_hakka(simple)  # word for word, same length: Minnan "阮号做黄淑芬" says 我叫做
    for named in _NAME_SAID.finditer(simple):
        name = _NAME_TAIL.sub("", simple[named.start(1):named.end(1)])
        if plausible_name(name):
            return said[named.start(1):named.start(1) + len(name)]
    return None


# A note in brackets after a name ("（身份证上的名字）", "(本人)"): no name has brackets, the note goes.
_NOTE_AFTER_NAME = re.compile(r"(?<=[\u4e00-\u9fff·])\s*[（(][^（）()]{1,20}[）)]\s*$")


def _surname_apart(text: str) -> str | None:
    """The name of a surname typed apart from the given name, after the words that introduce it or alone ("我叫欧阳
    娜娜", "名字：吴 亦凡凡", "王 小明"), or said before the whole name ("黄 黄小明"): joined, four characters at most; None otherwise. Read before a name
    introduced, which would stop at the space ("我叫欧阳" is not the name)."""
    said = _NAME_LEAD_IN.sub("", text.strip())
    if not _SURNAME_SPACED.match(said) or two_names(said):
        return None
    surname, given = said.split(maxsplit=1)
    if len(given) > 1 and given.startswith(surname) and plausible_name(canonical(given)):
        return given  # "我叫黄 黄小明": the surname said first, then the whole name (never 黄黄小明)
    return "".join(said.split()) if _a_name_apart(said.split()) else None


def name_in_words(text: str) -> str | None:
    """A name where the name is asked, in words that can be nothing else: introduced ("你好 我叫孙丽"),
    or two to four characters that read as a name, alone or beside a thanks ("张伟", "叶子涵 谢谢",
    "郭靖[微笑]"); None otherwise."""
    said = _NOTE_AFTER_NAME.sub("", _DECORATION.sub("", text)).strip()
    introduced = surname_and_given(said) or spelled_surname_and_given(said) or transliterated_name(said) \
        or _surname_apart(said) or introduced_name(said)
    if introduced is not None:
        return introduced
    name = person_name_in(said)
    return name if plausible_name(_NAME_TAIL.sub("", canonical(name))) and name == name.strip() else None


# The options' own words (已婚, 本科, 续办…): a part of a spaced message that is one answers another question.
_OPTION_WORDS = frozenset(n for q in flow.QUESTIONS.values() if isinstance(q, Choice) for o in q.options for n in o.names())


def _a_name_apart(parts: list[str]) -> bool:
    """Whether spaced parts make one name: together a plausible one, and no part a word of its own
    ("张三 谢谢", "王五 好的" are a name and a reply; "郝建 已婚" a name and a marital status)."""
    joined = "".join(parts)
    return 2 <= len(joined) <= 4 and plausible_name(canonical(joined)) and not any(map(_a_word_of_its_own, parts))


def _a_word_of_its_own(part: str) -> bool:
    """Whether a part of a spaced message is a word of its own beside a name: a command, a reply, an option's name,
    a province or a larger city ("陈静 江西": where the applicant is from)."""
    return bool(exact_intent(part)) or canonical(part) in REPLY_WORDS or canonical(part) in _OPTION_WORDS \
        or bool(_A_PLACE.fullmatch(canonical(part)))


# A name in two or three parts longer together than a Han name (five characters or more), typed with
# spaces where the ID card has the middle dot ("买买提 艾力", "阿依古丽 吐尔逊"); four or fewer stay the
# surname and given name above ("欧阳 娜娜").
_TRANSLITERATED_SPACED = re.compile(r"^(?=(?:\s*[\u4e00-\u9fff]){5})[\u4e00-\u9fff]{2,8}(?:\s+[\u4e00-\u9fff]{2,8}){1,2}$")


def transliterated_name(text: str) -> str | None:
    """A transliterated name typed in parts ("买买提 艾力", "我叫 古丽娜 艾合买提") as the ID card has it, joined
    by the middle dot ("买买提·艾力"); None for anything else."""
    said = _NAME_LEAD_IN.sub("", text.strip())
    if _TRANSLITERATED_SPACED.match(said) and all(_a_name_part(part) for part in said.split()):
        return "·".join(said.split())
    return None


_HAN_PART = re.compile(r"[\u4e00-\u9fff]+")
# Two names typed apart by a space or a comma ("王芳 李四", "王芳，李四"): the comma parts them as the space does.
_NAMES_APART = re.compile(r"[\s,，、]+")
# A province or a larger city said beside a name ("陈静 江西"): where the applicant is from, never a second person.
_A_PLACE = re.compile(rf"(?:{DOMESTIC_PLACES})[省市]?")


def two_names(text: str) -> tuple[str, str] | None:
    """Two people's names typed apart where one name is asked ("王芳 李四", "王 芳 李 四": review3 R9, saved as 王芳李四):
    the two, or None. Each is two or three characters beginning with a common surname, the first no compound surname
    ("欧阳 娜娜", "司 马 相 如" are one name); typed character by character, the one place the second can begin. One name
    typed apart ("王 芳", "王 芳芳", "张 三 丰") is none."""
    parts = _NAMES_APART.split(_NAME_LEAD_IN.sub("", canonical(text)).strip(" ,，、;；"))
    if len(parts) < 2 or not all(_HAN_PART.fullmatch(part) for part in parts):
        return None
    joined = "".join(parts)
    splits = [(joined[:at], joined[at:]) for at in (2, 3)] if all(len(part) == 1 for part in parts) \
        else [(parts[0], parts[1])] if len(parts) == 2 else []
    names = [pair for pair in splits if pair[0][:2] not in COMPOUND_SURNAMES and pair[0] != pair[1]  # (said twice: one)
             and all(2 <= len(name) <= 3 and name[0] in COMMON_SURNAMES and plausible_name(name)
                     and not _a_word_of_its_own(name)  # (a place among them: "陈静 江西", a province said beside it)
                     and not name.endswith("人") for name in pair)]  # ("王芳 江苏人")
    return names[0] if len(names) == 1 else None


def two_names_said(names: tuple[str, str]) -> str:
    """Two names sent where the applicant's own is asked: which is asked, neither saved."""
    return f"“{names[0]}”和“{names[1]}”像是两个人的姓名。请只发送申请人本人的姓名（与身份证一致）。"


# Two parts of two characters, each made of the transliteration's syllables ("古丽 艾力", "阿依 古丽", "迪丽 热巴"):
# either a name with the ID card's middle dot (古丽·艾力) or one given name typed apart (迪丽热巴); the
# characters cannot tell which, so the applicant is asked. A Han name typed so ("欧阳 娜娜") has a part outside the
# syllables, and is joined as before; two Han names ("王芳 李娜") are two people (``two_names``).
_TWO_AND_TWO = re.compile(r"^[\u4e00-\u9fff]{2}\s+[\u4e00-\u9fff]{2}$")


def dot_unsure(text: str) -> list[str] | None:
    """The two parts of a name that may or may not have the middle dot on the ID card (see above), or None."""
    said = _NAME_LEAD_IN.sub("", text.strip())
    parts = said.split()
    return parts if _TWO_AND_TWO.match(said) and all(_a_name_part(part) for part in parts) else None


def dot_or_not(parts: list[str]) -> str:
    """Which way the ID card writes a name typed in two parts, asked with the name itself."""
    return (f"您的姓名在身份证上是“{'·'.join(parts)}”（中间有间隔号）还是“{''.join(parts)}”？"
            "请照身份证上的写法再发一次。")


def _a_name_part(part: str) -> bool:
    """Whether a spaced part reads as a part of a transliterated name, not a word of its own (a reply,
    an option's name, what follows a name: "本人", "就是我")."""
    simple = canonical(part)
    return set(simple) <= TRANSLITERATION and simple not in REPLY_WORDS and simple not in _OPTION_WORDS


# A character of the name spelled out right after it, by its parts, ending in that very character ("杨 木 易
# 的杨 建国", "张 弓长张 伟"): the explanation is dropped, the character stays.
_FIRST_GROUP = groups_kept(1)  # a pattern's sub keeping its first group (r"\1")
_CHARACTER_SPELLED = re.compile(r"([\u4e00-\u9fff])\s+(?:[\u4e00-\u9fff]\s*){1,4}?的?\1(?=\s|$)")
# …or explained after the name by a well-known word or name holding it ("邓小玲邓是邓小平的邓", "周敏，敏是敏捷的敏"):
# the explanation goes, the name stays (only a character of the name before it is explained).
_CHARACTER_EXPLAINED = re.compile(r"(?<=[\u4e00-\u9fff])[\s,，]*([\u4e00-\u9fff])字?是[\u4e00-\u9fff]{1,5}?的\1字?[\s,，。]*$")


def _explanation_dropped(text: str) -> str:
    """``text`` without a character's explanation after the name, when the character is the name's."""
    explained = _CHARACTER_EXPLAINED.search(text)
    return text[:explained.start()] if explained and explained.group(1) in text[:explained.start()] else text


# A former or other name said beside the name, in brackets or its own clause ("（曾用名刘小强）", "，以前叫刘小强",
# "原名刘小强"): not asked for here (only the name on the ID card is).
FORMER_NAME = re.compile(r"\s*[（(]\s*(?:曾用名|原名|旧名|以前叫|之前叫|小名|乳名|英文名)[^（）()]*[）)]|"
                         r"[\s,，;；]+(?:我的)?(?:曾用名|原名|旧名|以前叫|之前叫|小名|乳名|英文名)(?:是|叫|为|[:：])?\s*\S+$")
# An ID number, mobile or address typed beside the name ("阿卜杜热合曼 买买提 6501…"): no part of it.
_NUMBER_BESIDE = re.compile(r"(?<![\dA-Za-z])(?:\d{17}[\dXx]|1\d{10})(?![\dA-Za-z])|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


# The given name introduced after the surname, at the end of the message ("…名字叫思远", "…名思远", "…名字是李思远"; a
# given name described, "单名一个娜", is name_described's).
# (a one-character given name told as such: "单名一个晨", never the words "一个字" for it)
_GIVEN_INTRODUCED = re.compile(r"(?<![\u4e00-\u9fff])(?:单|双)?名字?(?:就)?(?:叫做?|是|为)?\s*[:：]?\s*"
                               r"(?:一个(?!字)([\u4e00-\u9fff])字?|(?!一个|一字)([\u4e00-\u9fff]{1,3}))[\s。.!！]*$")


def spelled_surname_and_given(text: str) -> str | None:
    """The name of a message that spells the surname by its parts (one of ``SPELLED_SURNAMES``: "木子李", "弓长张") and
    then introduces the given name ("我叫李 木子李 名字叫思远" → 李思远, never 思远); None otherwise. A given name said
    with the surname already ("…名字叫李思远") is the whole name."""
    spelled = next((word for word in SPELLED_SURNAMES if word in text), None)
    if spelled is None or (given := _GIVEN_INTRODUCED.search(to_simplified(text))) is None:
        return None
    surname, name = spelled[-1], given.group(1) or given.group(2)
    return name if name.startswith(surname) and len(name) > 1 else surname + name


# Where another point starts right after a name, without a pause between (voice input has none): another
# field's label ("我叫李娜身份证号码是…", "王芳手机139…"), the age ("我的名字叫王芳今年三十岁"), the work or home.
# No name holds these words; the name ends there.
_ANOTHER_POINT = re.compile(r"(?<=[\u4e00-\u9fff·])\s*(?:身份证|证件号|手机|电话|联系方式|邮箱|今年|年龄|"
                            r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3})(?:周岁|岁)|(?:所在)?单位|公司|工作单位|在[\u4e00-\u9fff]{1,8}?(?:上班|工作)|"
                            r"家住|住在|户口|户籍)")


# Spelling a name out by its characters, run on after the name as voice input types it, without a pause ("我叫李娜木子李
# 娜是女字旁一个那字"): a surname by its parts ("木子李"), or one of the name's characters said to be made of a radical or a
# word ("娜是女字旁", "敏是敏捷的敏", "一个那字"). No name holds these words. (A surname spelled after 是 explains a
# character said apart: "我叫刘洋 刘是文刀刘" is read as ever.)
_RADICAL = r"(?:[\u4e00-\u9fff]字?(?:旁|头|底)|三点水|两点水|走之|宝盖|偏旁|部首)"
_SPELLING_RUN_ON = re.compile(rf"(?<=[\u4e00-\u9fff])(?<!是)(?:{'|'.join(sorted(SPELLED_SURNAMES))}|"
                              rf"([\u4e00-\u9fff])字?(?:是|就是|呢是)(?=.{{0,6}}?(?:{_RADICAL}|的\1|一个[\u4e00-\u9fff]字)))")


def spelling_run_on(text: str) -> str | None:
    """The words before a name's spelling-out run on after it ("我叫李娜木子李娜是女字旁一个那字": "我叫李娜"), when the
    spelling speaks of a character among them (the surname spelled is the name's first, or the character explained
    is in it); None otherwise. Read by ear, such a name is asked about before it is saved."""
    said = to_simplified(text)
    explained = _CHARACTER_EXPLAINED.search(said)  # "蒋立群立是立正的立": one character explained at the end, read as ever
    for run in _SPELLING_RUN_ON.finditer(said):
        if explained is not None and run.start() >= explained.start():
            return None
        before = said[:run.start()]
        spelled = run.group(1) or run.group()[-1]
        if spelled in before[-4:] and len(before) >= 2:
            return text[:run.start()]
    return None


def person_name_in(text: str) -> str:
    """A name said in a sentence ("俺叫朱大壮", "你好，我的名字叫陈晓东", "林小雨 和身份证一致",
    "陈晓东就是我"), beside a number or not; ``text`` itself otherwise."""
    text = spelling_run_on(text) or text  # "我叫李娜木子李娜是女字旁…": 李娜, spelled out after it
    if (right := name_after_a_no(text)) is not None:  # "不对，是李那": 李那, never 是李那
        return right
    if (point := _ANOTHER_POINT.search(text)) is not None:
        before = person_name_in(text[:point.start()])  # "我叫李娜身份证号码是…": 李娜, the rest another answer
        if plausible_name(_NAME_TAIL.sub("", canonical(before))):
            return before
        if (called := _someone_called(before)) is not None:  # "我老婆叫李娜 手机139…": 李娜 (whose, the engine asks)
            return called
    text = FORMER_NAME.sub("", text) or text  # "刘强（曾用名刘小强）": the name on the ID card, the former one aside
    rest = _NUMBER_BESIDE.sub(" ", text).strip(" ,，")
    text = rest or text
    said = _CHARACTER_SPELLED.sub(_FIRST_GROUP, _explanation_dropped(_NAME_LEAD_IN.sub("", text.strip())))
    if dot_unsure(said):  # kept apart: which way it is written is asked
        return said
    introduced = surname_and_given(said) or spelled_surname_and_given(text) or transliterated_name(text) \
        or _surname_apart(said) or introduced_name(text)
    if introduced is not None:  # "…叫王建国" wherever it stands
        return introduced
    if _SPACED_NAME.match(said):
        return said.replace(" ", "")
    parts = clauses(said)
    if len(parts) > 1 and (described := name_described(parts)) is not None:
        return described
    if len(parts) > 1:  # "陈晓东，和身份证一样": the clause that is a name
        # (a transliterated name is a name too, though 阿 or 拉 in it reads as dialect elsewhere: "阿依古丽 已婚")
        names = [p for p in parts if plausible_name(_NAME_TAIL.sub("", canonical(p))) or _a_name_part(p)]
        # a province or a larger city beside the name, wherever it stands ("江西 陈静", "湖南省 张伟": review7 R7-1)
        names = [p for p in names if not _A_PLACE.fullmatch(canonical(p))] or names
        if names:
            # Spelled out by its characters ("李秀兰 木子李 秀气的秀 兰花的兰"): the name is the one whose
            # characters the other clauses end in, not the first clause that reads as one ("木子李").
            best = max(names, key=lambda name: sum(p != name and p[-1] in name for p in parts))
            return best[:len(_NAME_TAIL.sub("", canonical(best)))]
    alone = _NAME_TAIL.sub("", canonical(said))
    return said[:len(alone)] if len(canonical(said)) == len(said) and plausible_name(alone) else said


def _someone_called(text: str) -> str | None:
    """The name in a clause that says who is called what ("我老婆叫李娜"), as the name's parser reads it; None otherwise."""
    try:
        name = parse_person_name(text.strip())
    except ValidationError:
        return None
    return name if name != text.strip() and plausible_name(name) else None


def _matching(text: str) -> str:
    return spoken_digits(mandarin(canonical(_DECORATION.sub("", text or ""))))


def parse(field: str, text: str) -> Any:
    """``field``'s question's parser on the form that field is read in; raises ValidationError."""
    if field == "edu_level" and _STILL_STUDYING.search(text) and not _BELOW_COLLEGE.search(text):
        raise Refused(STILL_STUDYING)  # "硕士在读": that degree is not had yet
    if field == "name" and (parts := dot_unsure(text)):
        raise Refused(dot_or_not(parts))  # no part of it either; "古丽 艾力": 古丽·艾力 or 古丽艾力, asked rather than guessed
    if field == "name" and (names := two_names(text)):
        raise Refused(two_names_said(names))  # "王芳 李四": whose name it is asked, never 王芳李四 saved
    if field == "children" and len(clauses(text)) > 1 and (going := children_going(_matching(text))) is not None:
        return going  # "我有两个孩子 一个要随迁": the children entered as 同住人 are the ones counted
    if field == "marital_status" and (registered := marital_as_registered(_matching(text))) is not None:
        return registered[0]  # "已婚未领证": 未婚, whatever option's name it holds
    question = flow.QUESTIONS[field]
    # a typed answer in a Japanese returnee's wording ("中文名は周蕾です") is read in Mandarin's, as the matching form is
    value = question.parse(_typed(_IN_A_SENTENCE.get(field, str)(japanese(text))) if question.as_typed else _matching(text))
    if isinstance(question, ChooseMany) and question.all_but(_matching(text)) is None:
        value = _without_declined(question, value, _matching(text))  # the parser takes an option's name wherever it stands ("学历加分我应该没有吧")
        return _not_added_anew(field, value, _matching(text))
    return value.isoformat() if isinstance(value, date) else value


def _not_added_anew(field: str, codes: list[str], said: str) -> list[str]:
    """``codes`` without 本次新增配偶随员 where the spouse is said to be a companion already ("她去年就是随员了",
    "随员上次办过了"): the option names it, yet it is the one thing the words deny."""
    if field != "spouse_options" or not already_a_companion(said):
        return codes
    return [code for code in codes if code != "spouse_companion"]


def in_words(field: str, text: str) -> Any:
    """An answer said in words that can mean nothing else: children counted ("一儿一女", "还没有
    孩子"), many-choice options named, or none or all of them ("职称跟社保都有", "都不符合"), no
    e-mail ("俺没邮箱"), a name (``name_in_words``), a few-choice answer in its words (``worded``:
    "老伴走了", "函授"). None otherwise."""
    said = _matching(text)
    question = flow.QUESTIONS[field]
    if field == "children":
        said = without_denied_count(said)  # "是两个 不是一个"
        total = _CHILDREN_IN_ALL.search(said)  # "还有个闺女 算两个": the count settled on, not a part of it
        bare = total or _BARE_COUNT.match(said)  # "有1个", "仨": where the children are asked, a count is theirs
        return children_in(said) if bare is None else _count(bare.group(1), high=20)
    if field == "social_years":
        return _social_years_in(said)
    if isinstance(question, ChooseMany):
        return options_in(question, said)
    # No e-mail, said alone or, naming it, with its reason ("没邮箱 不会弄这个"; not "不 我再想想"), no address beside it,
    # nor a wait for it ("邮箱没有 等下发你": not at hand, coming later).
    if field == "email" and (all(_NO_EMAIL.match(c) for c in clauses(said)) or not _DIGIT_OR_AT.search(said) and any(
            _NO_EMAIL.match(c) and _EMAIL_NAMED.search(c) for c in clauses(said)) and not _none_for_now(field, "", said)):
        return ""
    if field == "name":  # saved as the ID card prints it, as the name's parser saves it ("於文華" → 於文华)
        return None if (name := name_in_words(text)) is None else as_on_documents(name, person=True)
    return worded(field, said.lower())


def _social_years_in(said: str) -> int | None:
    """Years of social insurance said in a sentence: "社保交了6年", "差不多6年吧", "没交过" (0), and the
    total said after its parts ("前面两年加后面八年，一共十年吧")."""
    if _NEVER_PAID.match(said):
        return 0
    total = years_in_all(said)
    if total is not None:
        return total
    said = _NEARLY_THE_NEXT.sub(_FIRST_GROUP, said)  # "七年多快八年": seven full years, however near the eighth
    years = _YEARS_SAID.match(_DENIED_YEARS.sub("", said))
    return _count(years.group(1) or years.group(2), high=50) if years else None


# The years with a part of a year, then said to be nearly the next ("交了七年多快八年", "5年多 将近6年了"): the next is not
# full yet, so the whole years are the first said (try13 T2: refused as no number).
_NEARLY_THE_NEXT = re.compile(r"(年多|年半)[\s,，]*(?:快要?|将近|接近|差不多|马上)(?:就)?(?:满|到)?\w{1,3}?年(?:了|啦)?$")


# A part of a year said beside the years ("七年半", "6年零3个月", "五年多"), or the years said not yet full
# ("快六年了", "不到3年"): whole years are counted.
_PART_YEAR = re.compile(r"年半|半年|年零|年多|多年|个月|(?:快要?|将近|接近|不到|不满|没满|没到)\S{0,3}年|年(?:不到|没到|不满)")


def part_year_said(text: str) -> bool:
    """Whether the years were said with a part of a year, which the count leaves out."""
    return bool(_PART_YEAR.search(_matching(text)))


def years_in_all(text: str) -> int | None:
    """The years of social insurance said as a total ("一共十年", "算9年吧"), which outweighs the parts
    and gaps said beside it; None when no total is said."""
    total = _YEARS_IN_ALL.search(_matching(text))
    return _count(total.group(1), high=50) if total else None


def paid_since(text: str) -> tuple[int, int | None] | None:
    """The year social insurance was first paid, said instead of a count ("2009年开始交的"), and its month when
    said ("2019年7月开始交的": (2019, 7)); None when no such year is said."""
    since = _PAID_SINCE.search(_matching(text))
    if since is None:
        return None
    month = int(since.group(2)) if since.group(2) else (1 if since.group(3) == "初" else 12) if since.group(3) else None
    return int(since.group(1)), month if month and 1 <= month <= 12 else None


# A stretch of paying counted in years beside the start year ("2018到2020交了2年 中间断了 2022到现在又交了"):
# a count of one or two digits (or in words) with 年, never a year's own number ("2020年").
# A stretch of years said paid ("2018到2020交了2年", "之前缴了3年"): the years right after 交/缴; other years told before
# the start year ("来上海10年了", "毕业3年了", "在外地交了5年" — not 本市's) are no stretch of it.
_STRETCH_PAID = re.compile(r"(?<!外地)(?<!外省)(?<!老家)(?:交|缴)(?:了|过)?\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:个)?(?:多)?年(?![前后底初级多])")


def years_paid_before(text: str) -> int:
    """The years of an earlier stretch told before a start year (see :func:`paid_since`), to add to the
    years since it: the start year says when paying began again, not the whole. A count told after the
    start year ("2009年开始交的 交了17年") is no earlier stretch."""
    said = _matching(text)
    since = _PAID_SINCE.search(said)
    counts = [_count(n, high=50) for n in _STRETCH_PAID.findall(said[:since.start()] if since else "")]
    return sum(c for c in counts if c)


def _count(said: str, *, high: int) -> int | None:
    try:
        return parse_count(said, label="", low=0, high=high)
    except ValidationError:
        return None


def counts_anothers(field: str, text: str) -> bool:
    """Whether the count ``text`` says is another question's by its words (the children's "加一个孩子" where the
    social-insurance years are asked), and none is this count question's."""
    found = extract(text, field)
    return bool(found) and field not in found and any(isinstance(v, int) for v in found.values())


def reread(field: str, text: str) -> Any:
    """A value the parser could not read in the whole message, found in it another way: the one
    number of a count ("累计缴纳13年"), an option by its number ("选第三项吧"), an ID number, mobile,
    address or date among other words ("身份证号码是4101…哈"). None when there is none."""
    question = flow.QUESTIONS[field]
    said = _matching(text)
    worded = in_words(field, text)
    if worded is not None:
        return worded
    if field in ("children", "social_years"):
        if counts_anothers(field, text):  # "只要加一个孩子就行" at the years: its 一个 is the children's, not 1 year
            return None
        if field == "children" and _COUNTS_NO_CHILD.search(said):  # "有一个男朋友": a boyfriend, no child
            return None
        numbers = _NUMBER.findall(_NOT_COUNTS.sub("", said))  # "一直在交" counts nothing
        candidates = [numbers[0]] if len(numbers) == 1 and not _NEGATIVE.search(said) else []
    elif isinstance(question, Choice):
        last = (clauses(said) or [""])[-1]  # "我晓得了 选4", "额 就那个第一个吧"
        ordinal = _ORDINAL_CHOICE.match(said) or _ORDINAL_CHOICE.match(last)
        candidates = [str(parse_ordinal(ordinal.group(1)))] if ordinal else \
            [str(len(question.options))] if _LAST_ONE.match(last) else []
    else:
        found = extract(text).get(field)
        candidates = [str(found)] if found is not None else []
    for candidate in candidates:
        try:
            return parse(field, candidate)
        except ValidationError:
            continue
    return None


def options_in(question: ChooseMany, said: str) -> list[str] | None:
    """The options of a many-choice question a sentence names, or says none or all of; None when
    it says nothing of them."""
    numbered = _numbered_options(question, said)
    if numbered is not None:
        return numbered
    # Numbers in a clause of their own beside other Chinese words ("那就2 先不选紧缺了"), less those taken
    # back in a clause of their own ("1 3 算了1不要"); among English words a number counts years or kids.
    # Beside options named in words, only a lone digit is an option's number: "学历 211" (a university's
    # tier), "职称 3个" (a count) choose no option by number.
    in_words = [o.code for o in question.options if any(_named(n, said) for n in o.names())]
    every = clauses(said) if not said.isascii() else []
    if any(_NOTHING_TO_ADD.fullmatch(part) for part in every):  # "没什么加分的，我就高中毕业": none, then facts about
        return [o.code for o in question.options if _named(o.label.lower(), said)]  # them (学历…): only a label chooses
    parts = [part for part in every if not in_words or _LONE_OPTION_NUMBER.fullmatch(part) or _NUMBER_DROPPED.fullmatch(part)
             or _OPTION_NUMBERS.fullmatch(part)]
    dropped = {n for part in parts if (back := _NUMBER_DROPPED.fullmatch(part)) for n in _numbered_options(question, back.group(1)) or ()}
    named = [n for part in parts if not _NUMBER_DROPPED.fullmatch(part) for n in _numbered_options(question, part) or ()
             if n not in dropped]
    named += in_words
    mentioned = any(n in said for o in question.options for n in o.names())  # named, but each negated
    mentioned = mentioned or question.field == "spouse_options" and already_a_companion(said)  # "她不是新增的"
    # (through the spouse's words, unless the option is also named and turned down: "配偶随员没有", "不要本次新增配偶随员")
    named += _without_declined(question, spouse_options_said(said), said) if question.field == "spouse_options" else []
    named = _not_added_anew(question.field, named, said)
    if named:
        return [o.code for o in question.options if o.code in named]
    if _NONE_CHOSEN.search(said) or mentioned:  # "老婆外地户口，不加随员"
        return []
    # "都要" all of these, unless it is said of another question's options ("學歷都要加" where the spouse is asked),
    # or of all but one the reader cannot name ("除了这个都有": which one is left out is asked, not guessed).
    others = (n for q in flow.QUESTIONS.values() if isinstance(q, ChooseMany) and q is not question
              for o in q.options for n in o.names())
    return [o.code for o in question.options] if _ALL_CHOSEN.search(said) and "除" not in said \
        and not _SOME_COUNTED.search(said) and not TOGETHER_WITH_ME.search(said) \
        and not any(n in said for n in others) else None


# Nothing to add, said in a clause of its own ("没什么加分的", "没啥可加的", "没有能加分的", and as one's lot:
# "没加分的命", "没有加分的份儿").
_NOTHING_TO_ADD = re.compile(r"(?:我)?(?:就是|就|也)?(?:都|啥都|什么都)?(?:没有|没|木有)(?:什么|啥|啥子|任何)?(?:可以|能|可)?(?:加分|加)"
                             r"(?:的命|的份儿?|的|项|选项)?(?:了|啊|哦|呀)?")
# One option's number in a clause of its own ("那就2", "还有1", "选3吧").
_LONE_OPTION_NUMBER = re.compile(r"(?:那就|就|选|还有|和|加|再加)?[1-9](?:吧|也要|也选)?")
# Several options' numbers in a clause of their own ("1和3吧", "选2跟4", "1、3都要"): each chosen, options named
# in words beside them too ("1和3吧，职称是中级会计师").
_OPTION_NUMBERS = re.compile(r"(?:那就|就|选|还有|加|再加)?[1-9](?:(?:和|跟|与|及|、|\s)[1-9])+(?:吧|也要|也选|都要|都选)?")
# An option's number taken back in a clause of its own ("算了1不要", "2不选了").
_NUMBER_DROPPED = re.compile(r"(?:算了|还是)?([1-9])(?:就|也)?(?:不要|不选|不用|去掉|不加)了?(?:吧)?")


def _number(digit: str) -> int:
    return int(digit) if digit.isdecimal() else _CN_ORDINALS.index(digit) + 1


def _numbered_options(question: ChooseMany, said: str) -> list[str] | None:
    """Options chosen by their numbers among words that only join them ("选2和5", "第二个跟第三个",
    "一二三都要"); None when the message says anything else."""
    if (counted := _EVERY_ONE_COUNTED.search(said)) and _number(counted.group(1)) == len(question.options):
        return [o.code for o in question.options]  # "五个都要" of five options: a count of them, not option 5
    numbers = _OPTION_NUMBER.findall(said)
    if not numbers or _NUMBER_JOINERS.sub("", _OPTION_NUMBER.sub("", said)) or _SOME_COUNTED.search(said):
        return None
    chosen = {_number(n) for n in numbers}
    if not all(1 <= n <= len(question.options) for n in chosen):
        return None
    return [o.code for i, o in enumerate(question.options, 1) if i in chosen]


# An option turned down after it is named, in its own clause ("学历不加", "学历就中专不用加了吧",
# "应届生我毕业好几年了应该不算"), 没有 ending the clause, a particle after it or not ("学历加分我应该没有吧？":
# a guess that it is not had, never a choice), or said not yet to be had ("职称还没评下来", "职称没考出来"), or not
# up to it ("社保也不高").
_DECLINED_AFTER = re.compile(r"^[^，,；;。!！?？\s]*?(?:不用|不要|不加|不办|不选|不算|不报|不需要|不申请|不申报|就算了|算了|去掉|删掉|拿掉|"
                             r"(?:没有?|不是)(?=(?:的|吧|啊|哦|呢|呀|啦|哈)*(?:[\s，,；;。!！?？~～]|$))|"
                             r"(?:没|未)(?:评|考|拿)(?:上|下来|出来|到|过)?(?=[\s，,；;。]|$)|"
                             # or said not to be up to it ("社保也不高", "社保基数不够"): not had
                             r"(?:不|没)(?:高|够|达标|符合|满足)(?=(?:的|吧|啊|哦|呢|呀|啦|哈)*(?:[\s，,；;。!！?？~～]|$)))")


def _without_declined(question: ChooseMany, chosen: list[str], said: str) -> list[str]:
    """``chosen`` without the options the sentence names only to turn them down ("学历不加"): the
    parser reads an option's name wherever it stands."""
    def declined(code: str) -> bool:
        names = [n for o in question.options if o.code == code for n in o.names() if n in said]
        return bool(names) and not any(_named(n, said) for n in names)
    return [code for code in chosen if not declined(code)]


def options_declined(question: ChooseMany, text: str) -> list[str]:
    """The options of a many-choice question ``text`` names only to decline them ("不要应届生加分了",
    "唔要應屆生加分", "职称加分不要了"): each time one is said, a negation is right before it or a
    refusal after it in its clause."""
    said = _matching(text)
    return [o.code for o in question.options
            if any(n in said for n in o.names()) and not any(_named_at(n, said) for n in o.names())]


def _named_at(name: str, said: str) -> bool:
    """Whether ``name`` is said somewhere neither after a negation nor turned down after it."""
    return any(_not_turned_down(said, *_widest(said, m.start(), m.end())) for m in re.finditer(re.escape(name), said))


def _named(name: str, said: str) -> bool:
    """Whether ``name`` is said, and neither right after a negation ("没有职称") nor turned down
    after it in its clause ("学历不加")."""
    at = said.find(name)
    return at >= 0 and _not_turned_down(said, *_widest(said, at, at + len(name)))


def _not_turned_down(said: str, start: int, end: int) -> bool:
    return not _NEGATED.search(said[:start]) and not _DECLINED_AFTER.match(said[end:])


# Every name of a many-choice option: a short one said inside a longer one ("随员" in "没有配偶随员") is read with
# the longer one's words around it, so the negation before the whole name turns down the short one too.
_OPTION_NAMES = tuple({n for q in flow.QUESTIONS.values() if isinstance(q, ChooseMany) for o in q.options for n in o.names()})


def _widest(said: str, start: int, end: int) -> tuple[int, int]:
    """The widest option name said around ``said[start:end]`` (itself when none is wider)."""
    for name in _OPTION_NAMES:
        if len(name) > end - start:
            for m in re.finditer(re.escape(name), said):
                if m.start() <= start and m.end() >= end and m.end() - m.start() > end - start:
                    start, end = m.start(), m.end()
    return start, end


# Typed answers said in a sentence: the part that is the answer.
_IN_A_SENTENCE = {"employer": employer_in, "edu_school": lambda text: organisation_in(school_notes_dropped(text)),
                  "name": person_name_in}


_ANSWER_PARTS = re.compile(r"[,，;；。!！?？、\s]+")


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSES.split(_DECORATION.sub(" ", text or "")) if c]


def _asks_in(clause: str) -> bool:
    """Whether a clause asks, read in its matching form as the whole message is: Cantonese asks in
    its own words ("係唔係咁寫", "算唔算"), which only their Mandarin meets."""
    return asks(match_form(clause))


def value_of(field: str, text: str, *, by_clause: bool = True) -> tuple[Any, ValidationError | None]:
    """(value, None) when ``text`` answers ``field``'s question, else (None, why not). ``by_clause``:
    a message that says more than the answer — the clause that parses (an organisation's name for
    the employer), questions skipped. Never for a many-choice question: "1 9" is not "1"."""
    if (meant := _slip_put_right(field, text)) is not None:  # "手一抖选成新办了 我是续办": the one meant
        return meant, None
    try:
        return parse(field, text), None
    except ValidationError as err:
        first = err
    if isinstance(first, Refused) and flow.QUESTIONS[field].as_typed:  # "上海 字节跳动 ByteDance": no part of it either
        return None, first
    if field == "email" and _SPACE_IN_ADDRESS.search(text):  # "zhang wei@163.com": no clause of it is the address
        return None, ValidationError("邮箱地址中间不能有空格，请核对后重新输入，例如 zhangwei@163.com。")
    if (weighed := _either_or(field, text)) is not None:  # "3 还是 2 我也不知道": neither chosen (its first
        return None, weighed  # clause is "3"), nor guessed from its words: what tells the two apart
    # An enumeration comma parts answers too ("龚平、上海某某有限公司"), except options listed for one,
    # and a reply that turns its words down is not read clause by clause ("I do not 同意": not "同意").
    parts = _ANSWER_PARTS.split(_DECORATION.sub(" ", text)) \
        if by_clause and not isinstance(flow.QUESTIONS[field], ChooseMany) and not options_turned_down(field, _matching(text)) else []
    parts = [p for p in parts if p]
    total = _CHILDREN_IN_ALL.search(_matching(text)) if field == "children" and len(parts) > 1 else None
    if total and (count := _count(total.group(1), high=20)) is not None:
        return count, None  # "1个 不对 还有一个在老家 算两个吧": the count settled on, not its first part
    if field == "children" and len(parts) > 1 and (away := children_away(_matching(text))) is not None:
        return away[0] - away[1], None  # "两个孩子 一个不随迁": those who come along, not the first clause's count
    if field == "employer":
        parts = [c for c in parts if ORGANISATION.search(canonical(c))] or parts
    for clause in parts if len(parts) > 1 else ():
        if _asks_in(clause) or field == "marital_status" and of_someone_else(clause):
            continue  # (a question; "我爸妈离婚了 我未婚": the parents' marriage)
        try:
            value = parse(field, clause)
        except ValidationError as err:
            if flow.QUESTIONS[field].as_typed and _CALLED.match(_matching(clause)):
                first = err  # "不知道全称 就叫星巴克": why the name it gives will not do, not the whole message's
            continue
        return (None, first) if _none_for_now(field, value, text) else (value, None)
    return None, first


# A slip of the finger told ("手滑", "点成", "不小心点了"): the option it names was not meant.
_SLIP = re.compile(r"手滑|手抖|手一抖|不小心|点错|选错|按错|点成|选成|按成|点到|误点|误选")


def _slip_put_right(field: str, text: str) -> Any:
    """At a one-choice question, the option named after a first clause that tells it named one by a slip ("不小心点了新办
    其实是续办"): the last clause's; None otherwise."""
    if not isinstance(flow.QUESTIONS[field], Choice) or isinstance(flow.QUESTIONS[field], ChooseMany):
        return None
    parts = clauses(text)
    if len(parts) < 2 or not _SLIP.search(_matching(parts[0])) or _asks_in(parts[-1]):
        return None
    try:
        slipped, meant = parse(field, parts[0]), parse(field, parts[-1])
    except ValidationError:
        return None
    return meant if meant != slipped else None


# Two answers set either side of "or" ("3 还是 2", "续办或者单位变更"), each read on its own.
_OR = re.compile(r"^\s*(\S+?)\s*(?:还是|或者|或是)\s*(\S+)")


def _either_or(field: str, text: str) -> Refused | None:
    """When ``text`` opens with two different options of a one-choice question as alternatives, what tells
    them apart (their notes, as the menu shows them); None otherwise."""
    question, either = flow.QUESTIONS[field], _OR.match(text)
    if either is None or not isinstance(question, Choice) or isinstance(question, ChooseMany):
        return None
    try:
        codes = [parse(field, either.group(1)), parse(field, either.group(2))]
    except ValidationError:
        return None
    if codes[0] == codes[1]:
        return None
    weighed = [(i, o) for i, o in enumerate(question.options, 1) if o.code in codes]
    told = "；".join(f"{i}.{o.label}" + (f"：{o.note}" if o.note else "") for i, o in weighed)
    return Refused(f"{told}。请对照您的情况回复其中一项的序号或名称。")


# A clause giving what something is called ("就叫星巴克", "全称是…"): its reason is the one said back.
_CALLED = re.compile(r"^\s*(?:(?:就|也|都|应该|好像|大概|一般)?叫做?|全称(?:是|叫|为))")


def _none_for_now(field: str, value: Any, text: str) -> bool:
    """No e-mail said beside a wait for it ("邮箱没有 等下发你": not at hand, coming later): no answer yet."""
    return field == "email" and value == "" and WAITING.search(text) is not None


# A "not" just before an option's name, in the words people put between ("我不要新办", "不是积分新办",
# "I do not want 积分新办"): that option is turned down, never chosen.
_NOT_BEFORE = re.compile(r"(?:不|没|别|勿|唔|非|\bnot|\bdon't|\bdont|\bnever|\bno)\s*"
                         r"(?:要|想|是|办|选|用|want|need|choose)?\s*(?:积分)?$")


def options_turned_down(field: str | None, said: str) -> set[Any]:
    """The options of ``field``'s choice that ``said`` (the matching form) names only right after a "not",
    and the values its words deny ("不确认"): the value model, reading characters, would take them."""
    turned_down = negated(field, said) if field else set()
    for code, name in _OPTION_FORMS.get(field or "", ()):
        at = said.find(name)
        if at >= 0 and _NOT_BEFORE.search(said[:at]):
            turned_down.add(code)
    return turned_down


# Each choice's options by their names' matching forms (two characters or more), made once: the check
# above runs for every answer the value model reads.
_OPTION_FORMS: dict[str, tuple[tuple[Any, str], ...]] = {
    field: tuple((o.code, match_form(n)) for o in question.options for n in o.names() if len(n) >= 2)
    for field, question in flow.QUESTIONS.items() if isinstance(question, Choice)}


def exactly_an_answer(field: str, form: str) -> bool:
    """A reply that can only be the answer: "2" or an option's own name at a choice, 是/否 at a
    yes-or-no question, "无" for the e-mail, a date, ID number, mobile or address typed alone.
    Free text (names, employers, schools) is never decided by its shape: "12345" is no employer."""
    question = flow.QUESTIONS[field]
    said = form.rstrip("。.!！ ")
    if question.as_typed:
        return False
    if isinstance(question, ChooseMany) and not asks(said) and _none_chosen(question, said):
        return True  # "不需要加分", "都没有": none of them, said in the parser's own words
    if isinstance(question, ChooseMany):  # "职称加分，社保加分", "学历👍社保👍": options' names and nothing else
        names = {n for o in question.options for n in o.names()}
        parts = [p for p in _LIST_SEPARATORS.split(_DECORATION.sub(" ", said)) if p]
        return bool(parts) and all(p.isdecimal() or p in names for p in parts)
    if isinstance(question, Choice):
        said = _DECORATION.sub("", said).strip() or said  # "新办积分🙏": the name, an emoji beside it
        compact = said.replace(" ", "") if said.isascii() else said  # "xu ban" typed by syllable
        return said.isdecimal() or any(compact in (name, name.replace(" ", ""))
                                     for option in question.options for name in option.names())
    return bool(EXACT_VALUE.match(said)) or said in _EXACT_WORDS.get(field, ())


def _none_chosen(question: ChooseMany, said: str) -> bool:
    try:
        return question.parse(said) == []
    except ValidationError:
        return False


# Typed answers (names, employers, schools) said in the clause before a question: what makes that
# clause an answer in words, where the question's lenient parser would take any sentence.
_TYPED_IN_WORDS = {"name": lambda clause: name_in_words(clause) is not None,
                   "employer": lambda clause: _names_an_organisation(clause),
                   "edu_school": lambda clause: _names_an_organisation(clause)}
# An organisation referred to, not named ("别的大学", "俺那学校", "哪个公司", "一家厂", "我们学校", "咱公司"): its word says
# what it is, no name.
_REFERRED_TO = re.compile(rf"(?:别的|其他|其它|另外|另一?[所家个间]|[这那哪][个所家间]?|一[所家个间]|"
                          rf"(?:我|俺|咱|你|他|她)们?的?|本|母)(?:{ORGANISATION.pattern})")


def _names_an_organisation(clause: str) -> bool:
    """Whether ``clause`` names an organisation by its word ("…大学", "…有限公司"), not only refers to one."""
    return bool(ORGANISATION.search(_REFERRED_TO.sub(" ", canonical(clause))))


def answer_in_clause(field: str, clause: str) -> Any:
    """The value of a clause said before a question ("已婚", "选1", "没有邮箱"), as the field's parser
    reads it or finds it among the words; None otherwise. The caller has made sure the clause does
    not itself ask ("离异的话" does). A typed answer before a question reads as one by itself: a name
    as a name ("潘磊，要写全名吗"), an organisation with its word ("上海某某有限公司，要盖章吗");
    "少数民族名字有点长，能填全吗" and "华为，要写全称吗" only ask."""
    if field in _TYPED_IN_WORDS and not _TYPED_IN_WORDS[field](clause):
        return None
    if compares_options(field, clause):
        return None
    try:
        return parse(field, clause)
    except ValidationError:
        return reread(field, clause)


def compares_options(field: str, clause: str) -> bool:
    """Whether a clause names two options of a one-choice question ("新办跟续办，差在哪"): set
    side by side before a question, they are compared, and neither is chosen."""
    question = flow.QUESTIONS[field]
    if not isinstance(question, Choice) or isinstance(question, ChooseMany):
        return False
    said = canonical(clause).lower()
    return sum(any(n.lower() in said for n in o.names()) for o in question.options) > 1


# A question with no subject of its own that asks whether what was just said counts or is to be
# filled in ("娃都没满三岁，要算吗", "两个 算不算", "离了又复婚，算已婚吗", "社保 也要填吗"): the clause
# before it is what is asked about, not an answer given, and so is whether it may be chosen so ("成考的本科 能选全日制不").
# ("5年，补缴的算吗" names its own subject.)
_WHETHER_IT_COUNTS = re.compile(r"^(?:那|这|这个|这样|这种|那个|那样|那种|它|他|她|孩子|娃)?(?:的话)?"
                                r"(?:(?:原来|之前|以前|原先)?的?(?:积分|分数|分))?(?:也|还|都|就|到底)?"  # "换单位了 原来的积分还算吗"
                                r"(?:要|需要|得|能|可以|应该|该|用|必须)?(?:算[\u4e00-\u9fff]{0,4}?|选[\u4e00-\u9fff]{0,4}?|"  # "算已婚吗", "能选全日制不"
                                r"(?:算|填|写|报|计|记|加|续|办|勾)(?:进去|进来|上|在内)?(?:不算|不填|不写|不要|不|几个|几年|哪个|哪种|啥|什么|多少)?)"
                                r"(?:吗|么|伐|呢|嘛|还是\S*)?[?？]*$")


# How many points it adds ("能加多少", "加几分") takes what was said as had: it asks what it brings, not whether it counts.
_HOW_MUCH_IT_ADDS = re.compile(r"加(?:多少|几)")


# Whether the story told counts as an option of a one-choice question, by its name ("在职读的研究生 算不算全日制啊",
# "离了又复婚 算不算已婚呀"): the option itself doubted, none chosen (not "1个 算不算独生子女": no option's name).
# (and a yes-or-no question's own name: "算不算全日制", "算不算国外学历")
_DOUBTABLE_NAMES = {name for forms in _OPTION_FORMS.values() for _, name in forms if not name.isascii()} | {
    match_form(name) for question in flow.QUESTIONS.values() if getattr(question, "parse_text", None) is parse_yes_no
    for name in question.names() if not name.startswith("是否")}
_OPTION_ITSELF_DOUBTED = re.compile(r"^(?:那|这|这个|这种|这样)?(?:的话)?(?:到底)?算不算(?:是)?(?:"
                                    + "|".join(sorted(map(re.escape, _DOUBTABLE_NAMES), key=len, reverse=True))
                                    + r")的?(?:吗|么|伐|呢|嘛|啊|呀)?[?？]*$")


# Whether what was just said may be left unchosen for now ("职称还在评 能先不选吗", "可以不勾吗", "先不填行不行"): the
# option named before it is what is asked about, not chosen (dev20: a title still pending was saved beside the question).
_LEFT_UNCHOSEN = re.compile(r"^(?:那|这|这个|这项|它)?(?:能|可以|能不能|可不可以|是不是)?(?:先|暂时|暂且)?(?:不|别)"
                            r"(?:选|勾|填|加|报)(?:了|它|这个|这项)?(?:吗|么|嘛|吧|呢)?(?:行吗|可以吗|行不行|可以不|行不|好吗)?[?？]*$")


def doubts_the_answer(parts: list[str]) -> bool:
    """Whether a clause after the first asks, with no subject of its own, whether the first counts. A
    statement between them is what it asks about ("林雅婷 我有用过曾用名 要填吗": the former name)."""
    for part in parts[1:]:
        said = match_form(part)  # Cantonese 唔 read as 不 ("算唔算"), as the whole message is
        if not asks(said):
            return False
        if _LEFT_UNCHOSEN.match(said):
            return True
        if _GUESS_TAG.search(said) and not asks(_GUESS_TAG.sub("", said)):
            continue  # "专升本 算本科吧", "一个 肚子里的不算吧": a guess wanting a yes says it counts, it doubts nothing
        if (_WHETHER_IT_COUNTS.match(said) or _OPTION_ITSELF_DOUBTED.match(said)) and not _HOW_MUCH_IT_ADDS.search(said):
            return True
    return False


# A clause asking whether someone else's will do ("可以填我女儿的吗", "填我老婆的行不行", "能用孩子的不").
_SOMEONE_ELSES = re.compile(r"(?<!不)(?:填|写|用|留)(?!的)[\u4e00-\u9fff]{1,6}?的(?:吗|么|行|可以|也|不|呢|$)")


def none_but_anothers(value: Any, parts: list[str]) -> bool:
    """Whether having none ("我不会用邮箱") comes before asking whether another's will do instead: what
    to give is still asked, so nothing is answered yet. (A value given first stays: "1376… 能填老婆的吗".)"""
    return value == "" and any(_SOMEONE_ELSES.search(match_form(p)) and _asks_in(p) for p in parts[1:])


# A clause asking to be waited for ("等一会儿", "稍等一下哈"), before a question: it answers nothing (its 一 is no count).
_A_WAIT = re.compile(r"(?:先|你)?(?:稍等|稍候|等等|等|慢着)(?:一)?(?:下|会儿?|等)?(?:哈|啊|呀|哦|嘛)*")


def a_wait(clause: str) -> bool:
    """Whether ``clause`` only asks to be waited for."""
    return _A_WAIT.fullmatch(_matching(clause)) is not None


# A clause supposing what is not said ("要是不点同意", "如果选了随员"), before a question: what would follow is asked,
# nothing is answered (its "的话" form already asks).
_SUPPOSED = re.compile(r"^(?:那|可|但是?|那么)?(?:要是|如果|假如|假设|万一|倘若|若是|要不是)")


def supposes(clause: str) -> bool:
    """Whether ``clause`` opens with a supposition."""
    return _SUPPOSED.match(_matching(clause)) is not None


# A question asked by its mark alone ("离异 离婚证也得交上去？"): the mark closes the last clause, which the clauses lose.
_QUESTION_MARK_ENDING = re.compile(r"[?？]\s*$")


def answer_then_question(field: str, text: str) -> Any:
    """The value of a message that answers first and asks after ("5年，补缴的算吗？"): its first
    clause parses and a later one asks; None otherwise, and when the question asks whether that
    first clause counts ("两个，都要填吗")."""
    parts = clauses(text)
    while len(parts) > 2 and acknowledges(match_form(parts[0])):
        parts = parts[1:]  # "已阅 同意 …能撤回吗": the okay before the answer says nothing of its own
    if len(parts) < 2 or _asks_in(parts[0]) or supposes(parts[0]) or a_wait(parts[0]) or used_before(field, parts[0]) \
            or not (any(_asks_in(p) for p in parts[1:]) or _QUESTION_MARK_ENDING.search(text)) or doubts_the_answer(parts):
        return None  # "职称分之前加过，这回还用选吗": whether to choose it again is asked, nothing chosen
    # A choice or a number answered before a question is short ("已婚", "5年"); a longer clause is
    # part of the question ("上次已经加过随员了，这次还要选吗").
    if not flow.QUESTIONS[field].as_typed and len(parts[0]) > _SHORT_ANSWER and not _DIGIT_OR_AT.search(parts[0]) \
            and not a_choice_wanted(field, parts[0]):
        return None
    # "学历加分，要什么材料？": an option named alone, then asked about — the question has no subject of its
    # own; "加随员，要她的身份证吗" and "他是上海户籍 要不要交户口本" say something of it first: they choose.
    if isinstance(flow.QUESTIONS[field], ChooseMany) and _ASKS_ABOUT_IT.match(canonical(parts[1])) \
            and beside_the_answer(field, match_form(parts[0])) == "":
        return None
    value = answer_in_clause(field, parts[0])
    if none_but_anothers(value, parts) or _only_meanings_asked(field, value, parts):
        return None
    # "大专全日制 本科自考 算哪个": two answers that disagree, then a question about them — no answer.
    others = [answer_in_clause(field, p) for p in parts[1:] if not _asks_in(p)] \
        if not flow.QUESTIONS[field].as_typed else []  # a name's other clauses are sentences, not names
    # A part of the count told ("俩娃 一个才两岁") and then whether it counts ("算不算") doubts the count: no answer.
    parted = any(o is not None and o != value and _part_of(field, o, value) for o in others)
    if parted and any(_WHETHER_IT_COUNTS.match(said := match_form(p)) and not _GUESS_TAG.search(said) for p in parts[1:]):
        return None
    return None if any(o is not None and o != value and not _part_of(field, o, value) for o in others) else value


# Counts whose later clauses tell of some of them ("两个 一个上小学", "四年 有两个月断缴"): a smaller count there is a
# part of the one answered, not another answer.
_COUNTED = frozenset({"children", "social_years"})


def _part_of(field: str, other: Any, value: Any) -> bool:
    """Whether ``other``, read in a later clause, is a part of ``value`` answered first (a count's)."""
    return field in _COUNTED and isinstance(other, int) and isinstance(value, int) and other < value


# A clause that asks only by a closing 吧 is a guess wanting a yes ("应该是应届生加分吧？"): what it names is said.
_GUESS_TAG = re.compile(r"吧[?？!！。~～\s]*$")


# A question of what a word means: what is named after it is the word asked about, never its answer.
_ASKS_MEANING = re.compile(r"(?:啥|什么|甚么|咩|乜)意思|是(?:啥|什么|甚么|咩)(?:东西)?[吗呀啊呢]?$|指(?:的是)?(?:啥|什么)|(?:啥|什么)叫|怎么理解|咋理解|"
                           r"(?:啥|什么)玩意")  # "职称是啥玩意": what the word is


def _meanings_asked(field: str, parts: list[str]) -> set[Any]:
    """The options of ``field`` whose meaning a clause asks ("到底啥叫随员", "本科指的是啥")."""
    asked = [match_form(p) for p in parts if _ASKS_MEANING.search(match_form(p))]
    return {code for code, name in _OPTION_FORMS.get(field, ()) if any(name in said for said in asked)}


def _only_meanings_asked(field: str, value: Any, parts: list[str]) -> bool:
    """Whether all a first clause chooses is what a later clause asks the meaning of ("随员随员 到底啥叫随员"):
    the word repeated and asked about, no choice."""
    codes = set(value) if isinstance(value, list) else {value}
    return value not in (None, [], "") and codes <= _meanings_asked(field, parts)


# An option told as used in an earlier application ("职称分之前加过", "上次用过社保加分"), beside a question whether to
# choose it again: the question's subject, not a choice made now.
_USED_BEFORE = re.compile(r"(?:加|用|选|勾|算|拿)过")


def used_before(field: str, clause: str) -> bool:
    """Whether ``clause`` tells of an option of a many-choice question used in an earlier application."""
    return isinstance(flow.QUESTIONS.get(field), ChooseMany) and bool(_USED_BEFORE.search(match_form(clause)))


def options_around_question(field: str, text: str) -> list[str] | None:
    """The options of a many-choice question chosen around a question ("我是今年毕业的研究生，应该是应届生加分吧？
    学历也要"): named in the clauses that ask nothing, or only guess ("…吧？"), one clause at least asking
    nothing; None when there are none, or a question doubts what a clause names ("学历，算不算") or asks
    about an option named alone ("学历加分，要什么材料")."""
    question = flow.QUESTIONS[field]
    parts = clauses(text)
    if not isinstance(question, ChooseMany) or len(parts) < 2 or doubts_the_answer(parts):
        return None
    # An option's bare name right after a question of what a word means is the word asked about ("配偶是啥意思 随员");
    # what is said of oneself after it is an answer ("随员是什么意思 我老婆是上海户口").
    names = {n for o in question.options for n in o.names()}
    parts = [p for i, p in enumerate(parts) if not (i and _ASKS_MEANING.search(match_form(parts[i - 1]))
                                                    and match_form(p).strip() in names)]
    guesses = [p for p in parts if _GUESS_TAG.search(match_form(p)) and not asks(_GUESS_TAG.sub("", match_form(p)))]
    # An option named alone, then asked about ("学历加分，要什么材料"), is the question's subject, and a
    # longer clause part of the question ("上次已经加过随员了 这次还要选吗"), as for ``answer_then_question``.
    plain = [p for i, p in enumerate(parts) if not _asks_in(p) and p not in guesses and not _USED_BEFORE.search(match_form(p))
             and (len(p) <= _SHORT_ANSWER or _DIGIT_OR_AT.search(p))
             and not (beside_the_answer(field, match_form(p)) == "" and i + 1 < len(parts)
                      and _ASKS_ABOUT_IT.match(match_form(parts[i + 1])))]
    chosen = {code for p in plain + guesses for code in answer_in_clause(field, p) or ()} - _meanings_asked(field, parts)
    if not plain or not chosen:
        return None
    return [o.code for o in question.options if o.code in chosen]


def answer_after_question(field: str, text: str) -> Any:
    """The value of a message that asks first and then answers in a last clause of its own, in a shape
    that can be nothing else ("嘎哈还要名字 于大海": a name; "这个要选哪个 新办": an option's name or "选2": its
    number); None otherwise."""
    parts = clauses(text)
    if len(parts) < 2 or asks(match_form(parts[-1])) or not asks(match_form(" ".join(parts[:-1]))):
        return None
    if _ASKS_MEANING.search(match_form(" ".join(parts[:-1]))):  # "配偶是啥意思 随员": what is asked about, no answer
        return None
    last = parts[-1]
    if field == "name":
        return name_in_words(last)
    if isinstance(flow.QUESTIONS[field], Choice) and _ORDINAL_CHOICE.match(_matching(last)):
        return reread(field, last)  # "嘎哈的 俺头一回整积分 选1": the option by its number, after the question
    if field == "business_type" and not exactly_an_answer(field, match_form(last)):
        return in_words(field, last)  # "整啥积分啊 俺第一回整": the first message's own case, told after its question
    if not exactly_an_answer(field, match_form(last)):
        return None
    value, error = value_of(field, last)
    return value if error is None else None


# Wanting an option, said before its name ("我要整那个积分新办", "俺想搞个积分续办"): a choice however long.
_WANTING = re.compile(r"^(?:我|俺|阿拉)?(?:就是|就)?(?:要|想|准备|打算)(?:办理|办|整|搞|弄|申请|做)?(?:个|一个|那个|这个|一下|下)?")


def a_choice_wanted(field: str, clause: str) -> bool:
    """Whether a clause says a one-choice option is wanted, by the option's own name after the want."""
    question = flow.QUESTIONS[field]
    said = match_form(clause)
    return isinstance(question, Choice) and not isinstance(question, ChooseMany) and _WANTING.match(said) is not None \
        and exactly_an_answer(field, _WANTING.sub("", said))


_SOMEONE_ELSE = re.compile(words.either(words.PRONOUNS, words.SPOUSE, words.SPOUSE_FIGURATIVE, words.CHILDREN, words.PARENTS,
                                        words.KIN, words.OTHER_PEOPLE))


def choice_amid_story(field: str, text: str) -> tuple[Any, str] | None:
    """A one-choice answer told in a clause of its own after a story and before the question ("我在上海交了三年社保
    今年第一次办 要啥材料": 积分新办), with the other clauses (what is told and asked beside it); None where no such
    clause parses by itself, two disagree, or the first clause is the answer (``answer_then_question``'s case)."""
    parts = clauses(text)
    asking = next((i for i, p in enumerate(parts) if _asks_in(p)), 0)
    if asking < 2 or not isinstance(flow.QUESTIONS[field], Choice) or isinstance(flow.QUESTIONS[field], ChooseMany):
        return None
    # (a clause about someone else tells their story, not the choice: "他现在换工作了", "她当同住人")
    # (two options named before it are compared, neither chosen: "新办 续办 差在哪")
    told = {value for part in parts[:asking] if not _SOMEONE_ELSE.search(part) and (value := _parsed(field, part)) is not None}
    if len(told) != 1 or compares_options(field, " ".join(parts[asking:])):
        return None
    return told.pop(), clauses_beside(field, text)


def clauses_beside(field: str, text: str) -> str:
    """``text`` without its clauses that answer ``field`` by themselves: what is told and asked beside the answer
    ("今年第一次办 要啥材料": 要啥材料)."""
    return " ".join(part for part in clauses(text) if _parsed(field, part) is None)


def _parsed(field: str, clause: str) -> Any:
    try:
        return parse(field, clause)
    except ValidationError:
        return None


def answers_before_question(field: str, text: str) -> dict[str, Any]:
    """Answers told in the clauses before a question ("本科 应届 社保2年 软件工程算紧缺专业吗"): every clause
    before the first that asks says something, and they answer two questions or more; empty otherwise."""
    parts = clauses(text)
    asking = next((i for i, p in enumerate(parts) if _asks_in(p)), 0)
    if asking < 2 or any(_asks_in(p) for p in parts[:asking]) or asks_whether_enough(match_form(parts[asking])) \
            or asks_how_to_choose(match_form(parts[asking])):
        return {}  # "我30岁 本科 社保交了3年 够吗", "配偶 孩子 都要加 怎么选": the facts are what is asked about
    if highest_degree(" ".join(parts[:asking])) is not None:
        return {}  # "大专全日制 本科自考 算哪个": which of the degrees counts is what is asked
    found = extract(" ".join(parts[:asking]), field)
    return found if len(found) >= 2 else {}


def question_after_answers(text: str, least: int = 2) -> str | None:
    """The question after the answers told before it (``answers_before_question``): the clauses from the first that
    asks ("…没邮箱 另外问下社保断缴过半年有影响吗" → "另外问下社保断缴过半年有影响吗"); None where ``least`` clauses
    do not come before it."""
    parts = clauses(text)
    asking = next((i for i, p in enumerate(parts) if _asks_in(p)), 0)
    return " ".join(parts[asking:]) if asking >= least else None


# -- answers changed at the summary -------------------------------------------------------------
# Few-choice answers read from their words where every answer is shown, with what the message must
# speak of to be read so: a place tells where a degree was had only in a message about studying
# ("是安徽读个"), not in one about the employer ("单位在上海").
_STUDYING = re.compile(r"读|念|学|毕业|文凭|证书|海归")
_CHANGED_IN_WORDS = {"marital_status": None, "edu_fulltime": _STUDYING, "edu_foreign": _STUDYING}
# Options of a many-choice answer put on or taken off the ones shown ("学历加分也勾上", "學歷都要加", "社保那项去掉").
_OPTIONS_ADDED = re.compile(r"加|勾|选|要|算|添|报|补")
_OPTIONS_TAKEN_OFF = re.compile(r"去掉|去除|删|取消|拿掉|不要了?$|不需要了?$|不(?:再|想|打算)?(?:申请|申报)|不加|不选|不算|不报|不用(?:了|报|加|选)|别加|别选")
# Keeping what is shown ("社保那项不用改，确认"): neither put on nor taken off.
_OPTIONS_KEPT = re.compile(r"不用改|不用动|不改|没问题|没错|确认|保持")
# Never changed by a remark at the summary: the type (it asks for consent again) is changed by name.
_NOT_CHANGED_IN_PASSING = frozenset({"business_type", "consent", "confirmed"})


# A university said at the summary is the school's unless the employer is named ("学校是复旦大学").
_SCHOOL_SAID = re.compile(r"学校|院校|毕业|大学|学院")
_EMPLOYER_SAID = re.compile(r"单位|公司|工作|上班|就职")


def changes_in(text: str, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers shown (``answers``) that ``text`` gives a new value in everyday words: one found by
    its shape or label ("手機係 1376…", "我個名係陳嘉欣"), a few-choice answer in its words ("我上个月又
    结婚了", "伊勿是国外读个 是安徽读个"), options put on or taken off; only those that differ."""
    said = _matching(text).lower()
    found = {f: value for f, value in extract(text).items() if not isinstance(flow.QUESTIONS[f], ChooseMany)}
    if "employer" in found and _SCHOOL_SAID.search(said) and not _EMPLOYER_SAID.search(said):
        school = found.pop("employer")  # "学校是复旦大学": the school's, never the employer's
        if "edu_school" in answers:
            found["edu_school"] = school
    if "name" in found and introduced_name(text) is None and name_put_right(text) is None:
        del found["name"]  # "都对，就是手机号是1390…": a bare clause beside a number is no new name where every answer
        # is already given; a name said after the one saved was said wrong ("名字错了应该是张玮 …") is one
    for field, about in _CHANGED_IN_WORDS.items():
        value = worded(field, said) if about is None or about.search(said) else None
        if value is not None:
            found.setdefault(field, value)
    # "单位改成上海社保中心": an option's word inside a value given for another answer names no option
    beside = said
    for value in found.values():
        if isinstance(value, str) and len(value) > 1:
            beside = beside.replace(value.lower(), " ")
    for field, question in flow.QUESTIONS.items():
        chosen = _options_changed(question, answers.get(field), beside) if isinstance(question, ChooseMany) else None
        if chosen is not None:
            found[field] = chosen
    if "spouse_options" not in found and (spouse := _spouse_options_told(answers.get("spouse_options"), said)) is not None:
        found["spouse_options"] = spouse  # "配偶是上海户口 忘了勾": put on, told through the spouse
    if _SPOUSE_SPOKEN_OF.search(said) and (spouse := found.get("spouse_options", answers.get("spouse_options"))):
        found["spouse_options"] = _not_added_anew("spouse_options", spouse, said)  # "配偶选错了 她以前就是随员"
    found.update(_last_digits_changed(said, answers))
    # A bonus put on brings its questions: what the message tells of them is theirs ("加上学历加分 我是全日制本科":
    # 全日制 and 本科 kept, only the questions still unanswered asked), though none of them was answered before.
    added = set(found.get("bonus_options") or ()) - set(answers.get("bonus_options") or ())
    brought = {f for code in added for f in flow.BONUS_FOLLOW_UPS.get(code, ())}
    return {f: value for f, value in found.items()
            if (f in answers or f in brought) and f not in _NOT_CHANGED_IN_PASSING and answers.get(f) != value}


# "手机最后四位错了，应该是1112", "身份证后两位是2X": the end of a number said again.
_LAST_DIGITS = re.compile(r"(?:最后|后|末|尾)\s*(\d|[一二三四五六七八])\s*位.*?(\d+[xX]?)$")
_NUMBERS_BY_NAME = ("mobile", "id_number")


def _last_digits_changed(said: str, answers: dict[str, Any]) -> dict[str, Any]:
    """The number named (mobile, ID number) with its last digits replaced by those said, when as many
    are said as counted and the whole still passes its checks; nothing otherwise."""
    end = _LAST_DIGITS.search(said)
    count = parse_ordinal(end.group(1)) if end else None
    named = [f for f in _NUMBERS_BY_NAME if f in answers and any(n.lower() in said for n in flow.QUESTIONS[f].names())]
    if count is None or len(named) != 1 or len(end.group(2)) != count:
        return {}
    field = named[0]
    try:
        return {field: parse(field, str(answers[field])[:-count] + end.group(2))}
    except ValidationError:
        return {}


# The spouse spoken of, by any word for her or him, or by the options' own (随员): where a correction denying that the
# spouse is newly added ("不是新增的") is about the spouse, not a child or the business type.
_SPOUSE_SPOKEN_OF = re.compile(words.either(words.SPOUSE, words.PRONOUNS, ("随员", "随迁")))


def _spouse_options_told(shown: list[str] | None, said: str) -> list[str] | None:
    """The spouse options shown with those told through the spouse put on ("老婆其实是上海户口", "配偶要加随员
    刚才漏了"), or the hukou taken off where it is said to be elsewhere, in a clause not about a child
    ("老大户口不在这" is the child's hukou); None when it tells neither."""
    if shown is None:
        return None
    told = set(spouse_options_said(said, SPOUSE_NAMED))
    if "spouse_hukou" in shown and any(hukou_elsewhere(c) and not CHILD_NAMED.search(c) for c in clauses(said)):
        return [code for code in shown if code != "spouse_hukou"]
    return [o.code for o in flow.QUESTIONS["spouse_options"].options if o.code in told or o.code in shown] if told else None


def _options_changed(question: ChooseMany, shown: list[str] | None, said: str) -> list[str] | None:
    """The options shown with those ``said`` names put on or taken off; None when it does neither. Each
    option named is put on or taken off by the word next to it in its clause ("加分选项去掉学历 加上社保",
    "学历不要了 换成职称"), else by the message's word for all it names ("学历和社保都去掉")."""
    said = _REPLACEMENT_SAID.sub(_REPLACED_BY, said)  # "应届生不对，是社保": 社保 is what 应届生 becomes
    named = _options_named(question, said)
    if shown is None or not named or _OPTIONS_KEPT.search(said):
        return None
    whole = "off" if _OPTIONS_TAKEN_OFF.search(said) else "on" if _OPTIONS_ADDED.search(said) else None
    change = {code: near or whole for code, near in named}
    if not any(change.values()):
        return None
    kept = not _all_replaced(question, said)
    return [o.code for o in question.options
            if change.get(o.code) == "on" or kept and o.code in shown and change.get(o.code) != "off"]


_REPLACING = re.compile(r"换成|改成|改为|换为|变成")
# A denial, then in the next clause what is right instead ("应届生不对，是社保", "不是应届生 应该是社保", "应届生选错了
# 其实是社保"): the option after 是 replaces the one denied, as after 换成.
_REPLACEMENT_SAID = re.compile(r"((?:不对|不是|错了|有误)[^,，;；。!！?？、\s]*)[,，;；。!！、\s]+(?:应该|应|其实|而)?是(?=\S)")
_REPLACED_BY = groups_kept(1, then=" 换成")


def _all_replaced(question: ChooseMany, said: str) -> bool:
    """Whether a turn-into ("改成") with no option named before it and one after it ("加分选项改成社保")
    says what the whole choice becomes, not one more option; one after an option ("学历改成社保", "学历不要了
    换成社保") turns that option alone into the other."""
    said = _OTHER_FIELDS_NAMED.sub(" ", said)
    names = [n.lower() for o in question.options for n in o.names()]
    verb = _REPLACING.search(said)
    return bool(verb) and not any(n in said[:verb.start()] for n in names) and any(n in said[verb.end():] for n in names)


# The words that put an option on or take it off, read next to the option they touch; one that turns the
# option before it into the one after ("学历换成职称") takes off the first and puts on the second.
_OPTION_VERB = re.compile(r"(去掉|去除|删掉|删除|删|取消|拿掉|不(?:再|想|打算)?(?:申请|申报)|不想要|不需要|不要|不加|不选|不算|不报|不用|别加|别选|不是|不对|[选勾填写]?错了?)|"
                          r"(换成|改成|改为|换为|变成)|(加上|加|勾上|勾|选上|选|要|算|添|报|补)")
# The names of the questions that are not many-choice ("社保累计年数", "社保年数"): an option's name inside
# one of them ("社保") names that question, not the option; one inside an option's name ("学历" of 学历加分) does not.
_OPTION_NAMES = [n.lower() for q in flow.QUESTIONS.values() if isinstance(q, ChooseMany) for o in q.options for n in o.names()]
_OTHER_FIELDS_NAMED = re.compile("|".join(sorted(
    {re.escape(n.lower()) for q in flow.QUESTIONS.values() if not isinstance(q, ChooseMany) for n in q.names()
     if not any(n.lower() in option for option in _OPTION_NAMES)}, key=len, reverse=True)))
_BONUS_WORD = re.compile(r"加分选项|加分项|加分")  # the question's own name, whose 加 puts nothing on


def _verb(segment: str, *, before: bool) -> str | None:
    """"on" or "off" by the word in ``segment`` nearest the option: the last before it, the first after it."""
    verbs = list(_OPTION_VERB.finditer(_BONUS_WORD.sub("", segment)))
    if not verbs:
        return None
    verb = verbs[-1] if before else verbs[0]
    return "off" if verb.group(1) or verb.group(2) and not before else "on"


def _options_named(question: ChooseMany, said: str) -> list[tuple[str, str | None]]:
    """The options ``said`` names, each with "on" or "off" by the words next to it in its clause, or None
    when they say neither. A clause keeps one order: its words before each option ("去掉学历加社保") when
    the first option has one before it, else after ("学历去掉社保加上")."""
    names = sorted(((n, o.code) for o in question.options for n in o.names()), key=lambda pair: -len(pair[0]))
    named: list[tuple[str, str | None]] = []
    said = _OTHER_FIELDS_NAMED.sub(" ", said)  # "社保年数改成11": the years', never the 社保 option's
    for clause in _ANSWER_PARTS.split(said):
        spans: list[tuple[int, int, str]] = []
        for name, code in names:
            if name not in clause:  # most are not said: no pattern made and run for them (issue 19)
                continue
            for m in re.finditer(re.escape(name), clause):
                if not any(start < m.end() and m.start() < end for start, end, _ in spans):
                    spans.append((m.start(), m.end(), code))
        spans.sort()
        ends = [0] + [end for _, end, _ in spans]
        starts = [start for start, _, _ in spans] + [len(clause)]
        verb_first = bool(spans) and _verb(clause[:spans[0][0]], before=True) is not None
        for i, (_, _, code) in enumerate(spans):
            before, after = clause[ends[i]:starts[i]], clause[ends[i + 1]:starts[i + 1]]
            sides = [_verb(before, before=True), _verb(after, before=False)]
            near = next((side for side in (sides if verb_first else sides[::-1]) if side), None)
            if all(code != c for c, _ in named):
                named.append((code, near))
    return named
