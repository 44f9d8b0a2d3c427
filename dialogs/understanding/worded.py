"""Answers to a few-choice question said in words that can mean nothing else, read exactly where the
value model guesses from characters: "不想同意" is no consent though it holds 同意, "老伴走了" is
丧偶, "函授" is not full-time, "没出过国" is a degree from home.

Each field has its readings in order; a reading negated just before counts as its opposite for a
yes-or-no question ("不是海归") and not at all otherwise ("没离婚"). Matched on the matching form
(simplified, half-width, lower case).
"""
from __future__ import annotations

import re
from typing import Any

from dialogs.validators import FOREIGN_PLACES
from dialogs import words

# Places and schools on the mainland: a degree from one is no 国（境）外 degree ("是安徽读个", "安徽广播电视大学").
# Provinces, regions and the larger cities, and the kinds of school only the mainland has.
DOMESTIC_PLACES = (r"国内|境内|大陆|内地|中国的|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|"
                   r"湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古?|广西|西藏|宁夏|新疆|沈阳|大连|长春|哈尔滨|南京|"
                   r"苏州|无锡|杭州|宁波|温州|合肥|福州|厦门|南昌|济南|青岛|郑州|武汉|长沙|广州|深圳|成都|贵阳|昆明|西安|兰州|"
                   r"石家庄|太原|南宁|呼和浩特|乌鲁木齐|银川|西宁|拉萨|海口|广播电视大学|开放大学|电大|党校")
_NEGATION = re.compile(r"不|没|非|无")


def _spouse_said(spouse: str, loose: str = "", along: str = "", short: str = "") -> tuple[tuple[str, re.Pattern[str]], ...]:
    # (the hukou said first: "媳妇户口在上海", "老公的户籍是本市的", "老婆户口本上是上海的")
    return (("spouse_hukou", re.compile(spouse + r"(?:.{0,4}(?:上海|本市|本地)(?:户口|户籍|人)|"
                                                 r"的?(?:户口|户籍)(?:本|簿)?上?(?:也|都)?(?:是|在)(?:上海|本市))" + loose)),
            ("spouse_companion", re.compile(r"(?:加|带|新增|随迁|办随员).{0,3}" + spouse + short + "|"
                                            + spouse + r".{0,4}(?:加进来|加上|加进去|随迁|一起办|随员" + along + ")|"
                                            + spouse + _AND_CHILDREN_ADDED)))


# The spouse and the children added together ("老婆和两个娃都要加", "老公跟孩子一起加上"): the spouse too.
_AND_CHILDREN_ADDED = (r"(?:和|跟|与|还有|带着?)\S{0,3}?" + words.either(words.CHILDREN)
                       + r"\S{0,2}?(?:都|也|一起)(?:要|得|需要)?(?:加|随迁)")


# The companion option by the note's short word for it, 同住 (its question says 随员（同住人）), chosen first in the message
# ("同住的那条", "选同住", "同住和户籍都勾") or after the hukou ("户籍跟同住 都要"); 同住 said of the children or denied
# elsewhere in a sentence chooses nothing ("孩子是同住人 配偶都不是", "她不和我同住").
# A denial anywhere after the short words ("同住 不加", "户籍和同住都不是"): the options named to be refused, none chosen.
# A hukou denied after it is the reason, not a refusal ("同住 她没有上海户口", "同住 不是上海户口": the companion chosen).
_NOT_THE_HUKOU = r"(?!上海|本市|本地|沪|户口|户籍)"
_DENIED_AFTER = rf"(?!.*?(?:不(?:加|要|用|是{_NOT_THE_HUKOU}|选|勾|需|带|办|随)|都不|没有{_NOT_THE_HUKOU}|无需|别(?:加|选|勾)))"
_SHORT_COMPANION = (r"|^(?:选|勾|就|选上面那条|上面那条|第一条|第一个)?\s*同住(?:的|那个|那条|那项)?(?=$|\s|和|跟|与|、|,|，)"
                    + _DENIED_AFTER + r"|(?:户籍|户口)(?:和|跟|与|、)\s*同住" + _DENIED_AFTER)


# Spouse options said through the spouse ("老婆是上海户口", "把老公加进来"). Where the spouse options
# are asked, 她/他 is the spouse and "户口在上海", "本地人" say it too, and so is the spouse said to be added or to
# come along ("老婆要加", "媳妇跟我一起"): what else the question asks; elsewhere the spouse is named (by every
# spouse word: a hukou or an adding follows it, so 先生 is no greeting and 对象 no "object"), and living together
# is no adding. There the spouse said figuratively is the spouse too ("俺家那口子 想加成同住人", "另一半要加").
SPOUSE_SAID = _spouse_said(words.either(words.SPOUSE, words.SPOUSE_FIGURATIVE, ("她", "他")),
                           r"|沪籍|户口(?:是|在)(?:上海|本市)|(?:上海|本地)人|(?:^\s*同住(?:和|跟|与|、)\s*(?:户籍|户口)|"
                           r"^\s*(?:户籍|户口)(?:和|跟|与|、)\s*同住)" + _DENIED_AFTER,
                           r"|(?:要|也|得|需要|想)加|(?:跟|和|同)我一(?:起|块)"
                           # made one's 同住人 or 随员 ("老公加为同住人", "把媳妇添作随员"): the option's note says so
                           r"|(?:加|添|列|报)(?:为|成|作|做)(?:我的?)?(?:同住|随员|随迁)",
                           _SHORT_COMPANION)
SPOUSE_NAMED = _spouse_said(words.either(words.SPOUSE))


# The spouse's hukou said to be elsewhere ("老公是上海人 但户口在外地", "户口不在上海", "户口迁走了"): being from
# Shanghai is no Shanghai hukou, whatever else the message says of where the spouse is from.
_HUKOU_ELSEWHERE = re.compile(r"户口(?:还|也|都|其实)?(?:在|是)(?!上海|本市|沪)\S|户口\S{0,3}?(?:不|没|没有)(?:在|是)|户口(?:已经)?(?:迁|转)(?:出|走)|"
                              r"(?:外地|外省|老家|农村)户口|(?:不是|非)(?:上海|本市)?(?:户口|户籍)|(?:户口|户籍)(?:不是|非)")


def hukou_elsewhere(said: str) -> bool:
    """Whether ``said`` tells the spouse's hukou is not Shanghai's ("媳妇是上海的 户口在安徽")."""
    return _HUKOU_ELSEWHERE.search(said) is not None


def spouse_options_said(said: str, patterns: tuple[tuple[str, re.Pattern[str]], ...] = SPOUSE_SAID) -> list[str]:
    """The spouse options ``said`` gives through the spouse, none negated in or just before its
    words ("老公上海户口 不加他": the hukou, not the companion), nor the hukou where it is said to be
    elsewhere ("老公是上海人 但户口在外地"), nor the companion where the spouse is one already ("她去年就是随员了")."""
    return [code for code, pattern in patterns if (found := pattern.search(said))
            and not _NEGATION.search(said[max(0, found.start() - 2):found.end()])
            and not (code == "spouse_hukou" and _HUKOU_ELSEWHERE.search(said))
            and not (code == "spouse_companion" and already_a_companion(said))]


# The spouse said to be a companion already, since an earlier application ("去年就已经是随员了", "以前就是随员",
# "随员上次已经办过了"): the option is 本次*新增*配偶随员, so one who is one already is not added this time (try13 T1,
# T3). Not a plan ("已经决定加随员", "已经想好了要加随员": 要/想/决定 between say it is still to come), nor denied
# ("之前不是随员").
_ALREADY = r"(?:已经|早就|早已|本来就|原来就|一直都?|老早就|(?:以前|之前|上次|去年|前年|上回)(?:就|已经|都)?)"
_NOT_YET = r"(?:(?!要|想|打算|准备|决定|可以|能|申请|帮|给|把|不|没|非|未)[^，,；;。!！?？\s]){0,4}?"
_ALREADY_A_COMPANION = re.compile(_ALREADY + _NOT_YET + r"(?:是|办|加|成|做|挂|当)\S{0,2}?(?:随员|随迁)|"
                                  + _ALREADY + r"(?:是|就是|都是)?(?:随员|随迁)|"
                                  r"(?:随员|随迁)\S{0,2}?" + _ALREADY + r"\S{0,2}?(?:办|加|做|弄)(?:过|了|好)")


# The newness itself denied ("她不是新增的", "不是这次新加的"): the same, in the option's own word.
_NOT_NEW = re.compile(r"(?:不是|并不是|并非|也不是|又不是)(?:这次|本次|今年|这回)?(?:新增|新加|新添|刚加|新办)(?:的|随员|配偶)?(?![\u4e00-\u9fff])")


def already_a_companion(said: str) -> bool:
    """Whether ``said`` tells the spouse is a companion already, from an earlier application, or denies the
    companion is new ("她不是新增的")."""
    return _ALREADY_A_COMPANION.search(said) is not None or _NOT_NEW.search(said) is not None


# "not" as the varieties say it before what they deny (matched simplified: Cantonese 唔係 is 唔系, 冇 is "has no";
# Shanghainese 勿是/弗是).
_NEGATED = re.compile(r"(?:(?:没|没有|不是|勿是|弗是|唔系|唔是|冇|非|未|不|木有|勿|弗|唔|别|先别)(?:去|出|在|想|要|点|选|按)?(?:过)?|"
                      r"\b(?:not|no|don't|dont|never)\s*(?:want|need|choose)?\s*)(?:积分)?$")

# A message opening with the spouse ("老婆是越南人", "我家爱人在外地"): married, said through the spouse. By the
# plain words only: "先生在吗" greets, and "对象是上海人" may be a partner not married.
SPOUSE_TOLD = r"^(?:我|俺)?(?:的|家)?" + words.either(words.SPOUSE_PLAIN)
# Who goes with the applicant as a companion ("把娃加进去", "加老婆"); not by 先生/太太 ("先生 加上孩子"
# greets first) nor by 对象 ("加分对象" is who gets points).
_COMPANION = words.either(words.SPOUSE_PLAIN, words.CHILDREN, words.FAMILY)

# Marital status as registered, where the everyday words say another (try9 T13/T29/T32): (value, its words,
# why it is that, said back with it). Only a registered marriage is one; one is married until the divorce is
# registered or judged, separated or not.
MARITAL_AS_REGISTERED: tuple[tuple[str, str, str], ...] = (
    ("unmarried", r"(?:未|没|没有|还没|还没有|尚未)(?:去)?(?:领|扯|打)(?:结婚)?证|(?:未|没|没有|还没)(?:去)?登记|事实婚姻|"
                  r"只办(?:了)?酒|办(?:了)?酒(?:席)?(?:但|可|还)?没领",
     "只有登记结婚、领了结婚证才算已婚，没领证的按未婚填写"),
    ("married", r"(?:正在|在|还在)(?:办|打)?离婚|离婚(?:手续)?(?:还)?没(?:办|完|好|下来|批)|离婚中|(?:准备|打算|快|要|想)离婚|"
                r"闹离婚|(?:起诉|协议)离婚中|离婚(?:官司|诉讼|冷静期)|还没离(?:成|掉|完|好)?",
     "离婚手续办完、拿到离婚证或生效的离婚判决书之前，仍按已婚填写"),
    ("married", r"分居", "分居期间婚姻关系仍在，按已婚填写"),
    ("married", r"再婚|二婚|又结了|又结婚|重新结婚", "再婚的按已婚填写"),  # before the 离了 it mentions
    ("married", r"复婚|又领(?:了)?(?:结婚)?证", "复婚登记后婚姻关系恢复，按已婚填写"),
)


# Someone other than the applicant and their spouse, named in the clause before a marital word: their status.
_OF_SOMEONE_ELSE = re.compile(words.either(words.PARENTS, words.KIN, words.OTHER_PEOPLE, ("同学", "闺蜜", "室友", "亲戚")))


def of_someone_else(clause: str) -> bool:
    """Whether ``clause`` names someone other than the applicant and their spouse ("我爸妈离婚了")."""
    return _OF_SOMEONE_ELSE.search(clause) is not None


def marital_as_registered(said: str) -> tuple[str, str] | None:
    """The marital status ``said`` gives as registered, where its words seem to say another ("已婚未领证" is
    未婚, "正在办离婚" 已婚), and why, to say back with it; None when the words say it plainly."""
    return next(((value, why) for value, words_, why in _MARITAL_AS_REGISTERED if words_.search(said)), None)


_MARITAL_AS_REGISTERED = tuple((value, re.compile(words_), why) for value, words_, why in MARITAL_AS_REGISTERED)  # compiled once


# A word said back in scorn is a rude no ("同意个屁", "确认你个头"): the commitment and the confirmation are the
# applicant's own statements, never taken from one.
_SCORNED = r"(?:你|他|她)?个(?:屁|鬼|头|毛线?|锤子|球)"


_READINGS: dict[str, tuple[tuple[Any, re.Pattern[str]], ...]] = {
    # Consent and the summary's confirmation: the words that give them (a typo is the value model's, see
    # GUESS_ONLY_WITH).
    "consent": (
        # Yes and no as the provinces say them too: Shanghainese 勿/弗/覅 (not, don't) and 好额, Henan 中/不中,
        # Sichuan 要得/要不得, Beijing 得嘞, northern 成/妥/对头. A refusal opens the reply or a clause of its own
        # ("不干了 我不同意"), after a change of mind at most ("算了不同意了"), said firmly or not ("我坚决不同意").
        ("disagree", re.compile(rf"(?:同意|承诺|答应|签|接受|认可){_SCORNED}|"
                                r"(?:不太|不大|不怎么|不是很|不能|没法|无法|很难)同意|同意不了|"
                                r"(?:不想|不愿意?|不肯|不敢|不打算|不准备|不会|没法|无法)(?:同意|承诺|接受|签|认可|答应)|(?:^|[\s,，。!！])(?:算了|那|那就|还是)*(?:我|俺|阿拉)?(?:还是)?(?:坚决|绝对|就是|根本|压根|死活|当然|肯定)?(?:不同意|不行$|不想同意|不能同意|没法同意|无法同意|拒绝|不接受|不认可|不答应|不签|不承诺|"
                                r"勿同意|弗同意|覅同意|覅签|勿要|不中|不成$|要不得|不得行|no|nope|disagree|i disagree|i don't agree)")),
        # (read through first, then the okay: "我看完了没啥问题", "读完了，可以")
        ("agree", re.compile(r"同意|同義|agree|接受|认可|没意见|没问题|没(?:啥|什么)?大?问题|承诺(?!书)|保证(?!书)|^ok|^okay|^好的|^好滴|^好哒|^可以|^行$|^行的|"
                             r"(?:看|读|阅读)(?:完|好|过)了?[\s,，。.!！]*(?:都)?(?:可以|行|好的|ok|没意见)|"
                             r"^签了|^嗯嗯?同意|👌|^好额|^好個|^好个|^中+[啊嘞了呀!！]*$|^要得|^得嘞|^妥|^成$|^对头|"
                             r"^[冇莫没]得问题|^可[。.!！]*$")),  # "可" alone, the yes asked for: 可以 cut short
    ),
    "confirmed": (
        # "没毛病" is a northern "all fine" (its 没 denies nothing), as Shaanxi "对着呢" is "right as it is";
        # short English says it too ("all correct").
        ("confirm", re.compile(r"(?<!再)(?<!先不)(?<!晚点)确认|确定|无误|没问题|没错|[都全]对|正确|^ok|^对的?$|^是的?$|"
                               r"(?:^|[\s,，])(?:都|全)?对着[呢嘞哩咧]|"
                               r"(?<=了)[\s,，]+(?:是|都|全)?对的[。.!！~～]*$|"  # "核过了 对的": looked over, then right
                               r"(?<!有)[没冇]啥?毛病|^(?:yes|all|everything)?[\s,]*(?:is )?(?:correct|right)[\s.!]*$|"
                               r"^好的|生成|^没有问题|^可以|^对{2,}|👌|^好额|^好个|^中+[啊嘞了呀!！]*$|^要得|^得嘞|^妥|^成$|"
                               r"^对头|^[冇莫没]得问题|^[行可][。.!！]*$|"  # "行", "可" alone: the yes asked for ("行吧" hesitates)
                               # a Northern okay, then "go with it as it is" ("中 就这么着", "行 就这么地吧")
                               r"^(?:中+|行|妥|成|好|可以|对|嗯)[啊嘞了呀的哒]*[\s,，]*就这(?:样|么地|么着|么办|么弄|吧)")),
    ),
    # Business types by what happened, not by their names ("跳槽了", "把娃加进去", "头一回办").
    "business_type": (
        ("employer_change", re.compile(r"跳槽|换工作|换了工作|换单位|换了单位|换公司|换了公司|新公司|新单位|单位变了|单位换了")),
        # Anyone who goes with the applicant, but not by 先生/太太 ("先生 加上…" greets) nor 对象 ("加分对象").
        ("add_companion", re.compile(rf"加.{{0,4}}{_COMPANION}|{_COMPANION}.{{0,4}}加(?:进|上|到)")),
        ("renew", re.compile(r"续办|续一下|续期|续签|延期|快到期|到期了|要续|续积分")),
        # (not the first time using this chat or a phone for it: "第一次用这个", "头一回来", "头回使这玩意儿",
        # "第一次在手机上弄这个", "头一次跟机器人聊")
        ("new", re.compile(r"(?:第一次|首次|头一回|头一次|第一回|头回|初次)(?!用|使|来|玩|见|聊|听|看|在手机|在网上|上网|上手|摸|碰|跟|和)|没办过|没弄过|刚毕业|没搞过|没申请过|从来没|从没|办新的积分|新的积分|新申请|"
                             r"^(?:我|我要|要)?办(?:个)?新的$")),  # "办新的": the start word after a finished one, a choice here
    ),
    "marital_status": (
        # As registered, before the words it holds ("已婚未领证": 未婚; "正在办离婚": 已婚, not 离异).
        *((value, re.compile(words_)) for value, words_, _ in MARITAL_AS_REGISTERED),
        ("widowed", re.compile(r"去世|过世|过身|走了|不在了|丧偶|病逝|离世|"
                               # "伊老早没了"; not 对象 ("对象没了" is a partner left)
                               + words.either(words.SPOUSE_PLAIN, words.SPOUSE_ADDRESSED, words.PRONOUNS,
                                              words.SPOUSE_FIGURATIVE) + r"(?:老早|早就|早|已经|前几年|前年|去年)?没了")),
        ("divorced", re.compile(r"离婚|离异|离了|离的|离掉|离过|刚离|离$")),
        ("unmarried", re.compile(r"没结婚|未结婚|没成家|未成家|还没结|没结过|不结婚|未婚|单身|没对象|没有对象|光棍|"
                                  r"母胎solo|母胎单身")),  # gen-Z "never once in a couple"
        ("married", re.compile(r"已婚|己婚|复婚|结婚了|结婚啦|领证|领了证|成家|有" + words.either(words.SPOUSE_PLAIN) + "|"
                               r"(?:刚|才)结(?:的)?婚|结的婚|(?<![没未不])结了婚|领的证|领了结婚证|领的结婚证|"  # "刚结婚", "前几天刚结的婚", "结了婚 …"
                               r"嫁给|嫁了|嫁人了|嫁过来|娶了|娶的|"  # "嫁给上海人了", "娶了个四川媳妇"
                               + SPOUSE_TOLD + r"(?:也|都|还|现在|目前|一直)?(?:是|在)")),  # "老婆是越南人", "老婆也在上海"
    ),
    "edu_fulltime": (
        (False, re.compile(r"^非$|非全|不是全日制|不算全日制|函授|夜大|业余|成教|成人|成考|自考|自学考试|电大|"
                           r"广播电视大学|开放大学|网络教育|网教|远程教育|在职|同等学力|半脱产|边工作边")),
        (True, re.compile(r"全日制|统招|脱产|高考考|普通高考")),
    ),
    "edu_foreign": (
        (False, re.compile(DOMESTIC_PLACES)),
        (True, re.compile(FOREIGN_PLACES)),
    ),
}


# Business types in the English words a returnee mixes into Chinese ("帮我 renew 一下", "add 我老婆 进来"): read only
# beside Chinese — a message wholly in English gets the reply that the service is in Chinese.
_IN_ENGLISH_BESIDE_CHINESE: dict[str, tuple[tuple[Any, re.Pattern[str]], ...]] = {
    "business_type": (
        ("employer_change", re.compile(r"\b(?:change|changed|switch|switched|update)\b.{0,12}\b(?:employer|company|job|work)\b")),
        ("add_companion", re.compile(r"\badd(?:ing)?\b|\bcompanions?\b")),
        ("renew", re.compile(r"\b(?:renew|renewal|renewing|extend|extension)\b")),
        ("new", re.compile(r"\b(?:new|first time|first-time)\b")),
    ),
}
_HAN = re.compile(r"[\u4e00-\u9fff]")


# An okay to reading or thinking first is no okay to go on ("好的我先看看", "好的我再想想", "好 等我核对一下").
_PUT_OFF = r"看一下|看看|再看|先看|想想|再想|想一下|考虑|再说|等一下|等下|等会|等我|稍等|回头|晚点"
# What takes a confirmation back in the same message ("其他都对，就是孩子是3个" asks for an edit), or an
# okay that puts it off: confirming builds the checklist. At the consent, also a job done elsewhere
# ("录好了" after going to register first): 好 there is "done", not "agreed". The consent's own words
# ("看过了，同意", "同意，等下再传") keep it.
_UNLESS = {"confirmed": re.compile(rf"但|不过|就是|除了|只是|改|不对|核对一下|检查一下|{_PUT_OFF}|{_SCORNED}"),
           "consent": re.compile(rf"{_PUT_OFF}|[录弄填办注登]好了")}
_SAID_ITSELF = {"consent": re.compile(r"同意|承诺|agree", re.IGNORECASE)}


# Nothing to change said with the okay ("全对 不改了", "都没错 不用修改", "没有要改的"): no edit asked for, so no take-back.
# Only a whole clause of it (review7 R7-11: stripped anywhere, "手机号不改的话收不到短信" confirmed the summary).
_NO_EDIT = re.compile(r"(?:也|就|都)?(?:不|不用|不要|不需要|不需|无需|不必|没(?:有)?(?:什么|啥)?(?:要|需要|可|地方)?)(?:再)?(?:修)?改(?:动)?"
                      r"(?:的)?(?:地方)?(?:了|的|啦|哈|啊)?")
_CLAUSE_APART = re.compile(r"[\s,，。.!！;；、]+")


def taken_back(field: str, said: str) -> bool:
    """Whether ``said``, which may sound like an okay, takes it back or puts it off (then neither
    its words nor a guess give ``field`` a value)."""
    unless, itself = _UNLESS.get(field), _SAID_ITSELF.get(field)
    if field == "confirmed":
        said = " ".join(part for part in _CLAUSE_APART.split(said) if not _NO_EDIT.fullmatch(part))
    return bool(unless and unless.search(said) and not (itself and itself.search(said)))

# A strict choice's value is guessed (a typo: "童意", "确任") only from a message that shares a
# character with its words; "张伟" or "呃" at the consent is no consent, however the model leans.
# 是 as a reply ("是的", "是滴"), not as the copula of a statement: "我是集体户口，户籍证明去哪开" at the
# summary was read as its confirmation and built the checklist.
_YES_SAID = r"^是|是[的滴啊呀哒]"
GUESS_ONLY_WITH = {"consent": re.compile(rf"[同童通统意议議义诺认受好行]|{_YES_SAID}|ok|yes"),
                   "confirmed": re.compile(rf"[确却认任定对题错误好行可]|{_YES_SAID}|ok|yes")}


# Sounds said before an okay (hesitation, assent): not part of what it says.
_LEADING_SOUND = re.compile(r"^(?:嗯+|恩+|哦+|噢+|喔+|呃+|额+|啊+|哈+|那就|那)[\s,，.。!！~～]*(?=\S)")
# Any denial in a reply: a confirmation is never guessed from one ("伊勿是国外读个", "唔系", "不对").
ANY_DENIAL = re.compile(r"不|没|勿|弗|唔|冇|非|别|错|\bno\b|\bnot\b")


def negated(field: str, said: str) -> set[Any]:
    """The values of ``field`` that ``said`` names only negated ("不确认", "I do not 同意"): a value
    guessed from its characters must not be one of them."""
    return {value for value, pattern in _READINGS.get(field, ())
            if (match := pattern.search(said)) and _NEGATED.search(said[:match.start()])}


def worded(field: str, said: str) -> Any:
    """The value ``said`` gives ``field`` in words, or None when it says none — or says two
    ("本科国内，硕士英国": the value model or the applicant decides)."""
    if taken_back(field, said):
        return None
    if field in GUESS_ONLY_WITH:  # "嗯嗯 可以", "哦 好的": the okay after the sound that leads it
        said = _LEADING_SOUND.sub("", said)
    found = []
    readings = (*_READINGS.get(field, ()), *(_IN_ENGLISH_BESIDE_CHINESE.get(field, ()) if _HAN.search(said) else ()))
    for value, pattern in readings:
        match = pattern.search(said)
        if match is None:
            continue
        if field == "marital_status" and _OF_SOMEONE_ELSE.search(said[max(0, said.rfind(" ", 0, match.start())):match.start()]):
            continue  # "我爸妈离婚了 我未婚": the parents' marriage, not the applicant's (try15 T63e)
        if _NEGATED.search(said[:match.start()]):  # "不是海归" is from home; "没离婚" says no status
            if isinstance(value, bool):
                found.append(not value)
            continue
        found.append(value)
        if field in ("consent", "marital_status"):  # ordered: the first reading is the answer
            break
    return found[0] if len(set(found)) == 1 else None
