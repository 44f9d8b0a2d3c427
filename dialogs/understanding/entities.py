"""Answers to other questions found in one message ("张伟，身份证1101…，手机139…"): ID number,
mobile, e-mail, permit date by exact patterns checked by the validators; name, employer, school,
marital status and children from the clauses left over. Values keep what was typed (a name in
traditional characters stays so); only the matching is done on the simplified form."""
from __future__ import annotations

import re
from typing import Any

from dialogs import validators as v
from dialogs.flows import application as flow
from dialogs.questions import ChooseMany
from dialogs.asking import asks
from dialogs.understanding.features import match_form
from knowledge.dialect import initials_spelled
from dialogs.understanding.organisations import ORGANISATION, is_full_organisation, named_organisation, parts_of
from dialogs.understanding.worded import FOREIGN_PLACES, SPOUSE_NAMED, SPOUSE_TOLD, spouse_options_said, worded
from dialogs.text import groups_kept, mandarin, to_halfwidth, to_simplified
from dialogs import words
from knowledge.vocabulary import OTHER_DISTRICTS, load_vocabulary

# Digits parted by spaces or hyphens ("138 0013 8000") are one number, unless a part is a whole number of
# its own ("5101…5413 13700002222": an ID number and a mobile).
_SPACED_DIGITS = re.compile(r"\d+(?:[\s-]\d+)+")
# Digits read aloud (voice input, or typed as said): 幺 for 1, 两 for 2, and the radio words 洞 拐 勾
# for 0 7 9. Seven or more in a row, in groups or not, can only be a number ("幺三八，幺六六七…").
_SPOKEN = str.maketrans("〇零洞一幺二两三四五六七拐八九勾", "0001122345677899")
_SPOKEN_RUN = re.compile(r"[〇零洞一幺二两三四五六七拐八九勾](?:[\s,，、\-]*[〇零洞一幺二两三四五六七拐八九勾]){6,}")
# A mobile or ID number typed in groups with commas or dots between ("138，1667，2345"): joined only when
# the groups make exactly such a number, so "1，2" (two choices) or a date stays as it is.
_DIGIT_GROUPS = re.compile(r"(?<![\d.])\d{2,8}(?:[\s,，、.。\-]+\d{1,8}){1,5}[Xx]?(?![\d.])")
_WHOLE_NUMBER = re.compile(r"1[3-9]\d{9}|\d{17}[\dXx]")


def spoken_digits(text: str) -> str:
    """``text`` with digits said in words or typed in groups written as one number: "幺三八幺六六七两三四五"
    → 13816672345, "138，1667，2345" → 13816672345; everything else unchanged."""
    said = _SPOKEN_RUN.sub(lambda run: re.sub(r"[\s,，、\-]", "", run.group()).translate(_SPOKEN), text)
    return _DIGIT_GROUPS.sub(_joined_if_whole, said)


def _joined_unless_whole_parts(run: re.Match[str]) -> str:
    parts = re.split(r"[\s-]", run.group())
    joined = "".join(parts)
    whole_parts = any(_WHOLE_NUMBER.fullmatch(p) for p in parts) and not _WHOLE_NUMBER.fullmatch(joined)
    return run.group() if whole_parts else joined


def _joined_if_whole(groups: re.Match[str]) -> str:
    joined = re.sub(r"[\s,，、.。\-]", "", groups.group())
    return joined if _WHOLE_NUMBER.fullmatch(joined) else groups.group()
# (field, pattern, parser): numbers and addresses that cannot be anything else
_EXACT = (
    # A date in digits, or in Chinese numerals, whole or in part, with 年, 月 and the day's 日/号 ("截止二〇二七年九月一日",
    # "二〇27年5月3号", "二八年六月十号": as the card or the voice input writes it; parse_date reads the numerals).
    ("permit_expiry", re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|"
                                 r"(?<![〇零一二三四五六七八九十\d])[〇零一二三四五六七八九\d]{2}(?:[〇零一二三四五六七八九\d]{2})?\s*年"
                                 r"\s*[一二三四五六七八九十\d]{1,3}\s*月\s*[一二三四五六七八九十廿卅\d]{1,3}\s*[日号]"), v.parse_date),
    # (after the card's initials typed onto it, "sfz3401…", as the permit's jzz is typed: the number all the same)
    ("id_number", re.compile(r"(?:(?<=sfz)|(?<=SFZ)|(?<![\dA-Za-z]))\d{17}[\dXx](?![\dA-Za-z])"), v.parse_id_number),
    # Not the end of an address typed with a space in it ("zhang wei@163.com" is no wei@163.com).
    ("email", re.compile(r"(?<![A-Za-z]\s)(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), v.parse_email),
    ("mobile", re.compile(r"(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)"), v.parse_mobile),
)
# The kind of number a number is called right before it ("身份证13800138000", "手机号：1101…"): one of another shape
# is no answer to that kind, nor to the one its shape says (which of the two is wrong, the applicant knows).
_NUMBER_WORDS = {"身份证": "id_number", "证件": "id_number", "手机": "mobile", "电话": "mobile", "联系方式": "mobile"}
_NAMED_NUMBERS = {"id_number": "身份证号码", "mobile": "手机号码"}
_NUMBER_NAMED = re.compile(r"(身份证|证件|手机|电话|联系方式)(?:号码|号)?\s*(?:是|为|:|：)?\s*$")
_CLAUSES_PARTED_BY = r",，;；。!！、\s/"
_CLAUSES_PARTED = re.compile(f"[{_CLAUSES_PARTED_BY}]+")
# Labels people put before a value, dropped before a clause is read ("身份证", "手机号是").
# Matched on the simplified form: the copula and the possessive as every variety writes them (Cantonese
# 係 → 系 and 嘅, Shanghainese 额 and 个: "手機係", "我嘅電話係").
_COPULA = r"(?:是|系|为|到|至|:|：)"
_LABELS = re.compile(r"(?:我|阿拉|俺|伊|她|他)?(?:的|嘅|额|个)?(?:身份证(?:号码|号)?|证件号码?|手机(?:号码|号)?|电话(?:号码)?|联系方式|"
                     rf"邮箱(?:地址)?|电邮|电子邮件|e-?mail|居住证(?:有效期)?|有效期){_COPULA}?$", re.IGNORECASE)
# (Where the social insurance is paid is the employer too: "4年 都在上海某某物流有限公司交的".)
# (A job changed said so: "现在在…上班", "跳槽到…了".)
_WORKS_AT = re.compile(r"^(?:我)?(?:现在|目前|如今)?(?:都|一直|全|全部|全都)?(?:在|就职于|任职于|供职于|跳槽到|跳到|换到)(.{2,40}?)"
                       r"(?:工作|上班|任职|就职|交的|缴的|交|缴)?了?$")
# A field's label that names the employer ("新单位是", "公司：").
_EMPLOYER_LABEL = re.compile(r"单位|公司")
# Work said in words after where it is done ("在…上班", "在…干活"), or before it ("就职于…").
_WORK_SAID = re.compile(r"(?:上班|工作|任职|就职|打工|干活|做事)(?:的|呢|啊|呀)?$|^(?:我)?(?:就职于|任职于|供职于)")
# What a workplace said without an organisation's word may not be: a place ("浦东新区", "外地", "老家那边", "徐汇附近"),
# or a house no name tells ("同一家单位", "一个厂里"). The districts are the knowledge base's, with their short names.
_A_PLACE_ONLY = re.compile(r"(?:区|市|县|镇|省|乡|村|路|街|街道|附近|那边|这边|那儿|这儿|那里|这里|一带|里)$|"
                           r"^(?:外地|本地|老家|家里|家附近|市区|郊区|一家|同一|那家|这家|一个|某)")
_DISTRICT_NAMES = tuple(sorted({name for district, aliases in load_vocabulary().districts.items() for name in (district, *aliases)
                                if len(name) >= 2 and name != OTHER_DISTRICTS}, key=len, reverse=True))
# Who is named (the applicant, or someone typing for her: 伊/她/他), and how: "我叫", "我個名係", "她的名字是".
_NAME_LEAD = re.compile(r"^(?:(?:我|俺|阿拉|伊|她|他)(?:的|嘅|额|个)?(?:(?:名字|姓名)(?:是|系|叫|为)?|名(?:是|系|叫|为))|(?:我|俺|伊|她|他)叫|我是|我系|"
                        r"(?:名字|姓名)(?:要|应该)?(?:改成|改为|换成|更正为|应该是|应为)|"  # an edit: "姓名改成…"
                        r"名字(?:是|系|叫)?[:：]?|姓名(?:是|系|为|叫)?[:：]?|本人|名叫|" + v.SOMEONE_CALLED + ")")  # "…，叫黄志强，…", "我儿子叫…"
_HAN_NAME = re.compile(rf"^[{v.NAME_CHARACTERS}]{{2,4}}$|^[{v.NAME_CHARACTERS}]{{1,10}}·[{v.NAME_CHARACTERS}·]{{1,20}}$")
# A clause that is an option's own name answers that question ("未婚", "续办", "本科", "学历 社保");
# many-choice options add up.
_OPTION_FIELDS = ("business_type", "marital_status", "edu_level", "bonus_options", "spouse_options")
_OPTIONS = {name: (field, option.code) for field in _OPTION_FIELDS for option in flow.QUESTIONS[field].options
            for name in option.names()}
# Who says it (oneself, or the applicant one types for) before an option's name ("伊是大专毕业个", "我係碩士"),
# and what may follow it ("离异了", "大专毕业的").
# (an adverb joining it to what came before, "没孩子 也没结婚", "还没结婚", and Shandong 俺 for 我: "俺结婚了")
# (what is had besides, "还有本科学历"; a choice changed, "改成续办")
# The applicant said together with another ("老婆和我", "我跟老公", "我们俩", "两口子"): what follows 都 is each one's,
# the applicant's too ("老婆和我都是本科": 本科 is the applicant's level; never every option, ``values.options_in``).
_SOMEONE = words.either(words.SPOUSE, words.SPOUSE_FIGURATIVE, words.CHILDREN, words.PARENTS, words.KIN,
                        words.OTHER_PEOPLE)
_WITH_ME = (rf"(?:(?:我|俺)(?:和|跟|与|同)(?:我的?|俺的?)?{_SOMEONE}|(?:{_SOMEONE}|{words.either(words.PRONOUNS)})"
            r"(?:和|跟|与|同)(?:我|俺)|(?:我们|咱们|俺们)?(?:两口子|夫妻)|我们|咱们|俺们|我俩|咱俩|俺俩)(?:俩|两个|二人)?")
TOGETHER_WITH_ME = re.compile(_WITH_ME + r"(?:也|全)?都")
_OPTION_LEAD = re.compile(rf"^(?:{_WITH_ME}(?:也|全)?都(?:是|有)?|(?:我|俺|阿拉|伊|他|她)?(?:就|只|才)?是(?:个|一个)?|(?:我|阿拉)(?:要|想|有)|(?:我|俺|阿拉)?(?:也|还)+(?:有|是)?|我|俺|阿拉|伊|他|她|办|有|"
                          r"改成|改为|换成|改选)")  # 阿拉: Shanghainese "I"
# The words putting an earlier answer right before the option they name ("我其实离异", "其实我是已婚", "实际上离婚了").
_ACTUALLY = re.compile(r"^(?:我|俺)?(?:其实|实际上|实际)")
_OPTION_TAIL = re.compile(r"(?:毕业|学历)?[了的啦呀哈个额]*$")
_FULLTIME = {"全日制": True, "全日制的": True, "统招": True, "统招的": True, "非全日制": False, "非全日制的": False,
             "在职": False}  # "在职读的硕士": studied while working, part-time
# Southwest and Cantonese denials too ("没得邮箱", "莫得邮箱", "冇邮箱": dev15's voices).
_NO_EMAIL = re.compile(r"^(?:没有|没得|莫得|冇得?|没|无|不填|不要|不用|不留)(?:邮箱|email|电子邮箱|电邮)(?:喔|哦)?$"
                       r"|^(?:邮箱|email|电邮)(?:没有|没得|莫得|冇得?|无|不填|不用|不要|不留)(?:了|啊|呀|喔|哦)?$")
# "邮箱 无", "邮箱：没有" among other answers: one clause, not the label and a lone 无.
_FIRST_GROUP, _FIRST_TWO_GROUPS = groups_kept(1), groups_kept(1, 2)  # r"\1", r"\1\2" as functions
_EMAIL_THEN_NONE = re.compile(r"(邮箱|email)[\s:：]+(?=(?:没有|无|不填|不用|不要|不留)(?:了|啊|呀)?(?:[\s,，。;；]|$))", re.IGNORECASE)
# Where the degree is from ("国内的", "海外读的"): the answer to the foreign-degree question.
# (a city of home said after 国内: "在国内郑州读的")
_FOREIGN = re.compile(rf"^(?:在)?(国内|境内|{FOREIGN_PLACES})(?:读的|念的|的|毕业|毕业的)?$"
                      r"|^(?:在)?(国内|境内)[\u4e00-\u9fff]{2,3}(?:读的|念的|毕业的?)$")
# A degree said not to be from abroad, the denial before or after ("不是国外的", "外国的不是"): from home.
_NOT_ABROAD = re.compile(rf"^(?:不是|并非|非|没在|没有在|没)(?:在)?(?:{FOREIGN_PLACES}|外国)(?:读的|念的|的|毕业的?)?$|"
                         rf"^(?:{FOREIGN_PLACES}|外国)(?:读|念)?的?(?:不是|没有|没)$")
# Words before a degree that answer other education questions ("全日制本科", "国内硕士").
_QUALIFIERS = {"非全日制": ("edu_fulltime", False), "全日制": ("edu_fulltime", True), "统招": ("edu_fulltime", True),
               "国内": ("edu_foreign", False), "境内": ("edu_foreign", False),
               **{place: ("edu_foreign", True) for place in FOREIGN_PLACES.split("|")}}
QUALIFIED_LEVEL = re.compile(rf"^((?:{'|'.join(_QUALIFIERS)})+)(?:的)?(\S+?)(?:毕业|学历)?$")
# …or after it, in one word ("本科全日制", "硕士非全日制的", "本科国内的").
LEVEL_QUALIFIED = re.compile(rf"^(\S+?)(?:毕业|学历)?(?:是|的)?((?:{'|'.join(_QUALIFIERS)})+)(?:的|读的|毕业的?)?$")


# A degree said with the verb of its study ("读了个大专", "念的硕士", "全日制读的本科": the mode said with it too), or with
# how long it took ("本科四年", "统招四年", "本科读了四年": the years are the study's, no answer). Not a place before the
# verb ("英国读的硕士", "南京读的本科"): at 国外学历 the sets read that as where the degree is from, and only that.
_LEVEL_NAMES = "大专|专科|本科|硕士|研究生|博士"
_MODES = "非全日制|全日制|统招|在职"
_STUDIED_LEVEL = re.compile(rf"^(?:我|俺)?({_MODES})?(?:读|念|上)(?:了|的|完)?(?:个|一个)?({_LEVEL_NAMES})(?:毕业)?[了的]?$")
_FOR_YEARS = re.compile(rf"^((?:{_MODES})?(?:{_LEVEL_NAMES})?(?:{_MODES})?)(?:读了|念了|上了)?[一二三四五两\d](?:年半?|年制)的?$")


def qualified_level(simple: str) -> bool:
    """Whether ``simple`` is a degree with what qualifies it ("全日制硕士", "英国硕士", "本科全日制", "全日制读的本科")."""
    qualified, after = QUALIFIED_LEVEL.match(simple), LEVEL_QUALIFIED.match(simple)
    studied = _STUDIED_LEVEL.match(simple)
    return qualified is not None and _OPTIONS.get(qualified.group(2), ("",))[0] == "edu_level" \
        or after is not None and _OPTIONS.get(after.group(1), ("",))[0] == "edu_level" \
        or studied is not None and studied.group(1) is not None


# A school then its degree in one word ("复旦大学研究生", "同济的本科").
_SCHOOL_DEGREE = re.compile(r"^(.{2,30}?(?:大学|学院|学校|党校))(?:的)?(大专|专科|本科|硕士|研究生|博士)(?:毕业|学历)?$")
# A degree after a school's short name, in the applicant's own clause: "我是复旦硕士", "我的是交大本科", or the
# school's name with 的 and no one else's ("同济的本科"). The degree alone is read (the school's full name is
# still asked). Any other subject ("我同事都是博士", "我姐姐本科", "领导是博士") or a plan ("想升本科", "要考博士")
# is not the applicant's degree; nor a denied one, nor one after a place or a year ("英国读的硕士", "应届硕士":
# the other questions' words, read as they are).
_DEGREE_WORDS = r"(大专|专科|本科|硕士|研究生|博士)(?:毕业的?|学历)?$"
_NOT_A_SCHOOL = rf"(?!.*(?:不|没|非|读|念|届|在|是|都|也|要|想|考|升|{FOREIGN_PLACES}))"
_DEGREE_AFTER_SCHOOL = re.compile(rf"^(?:我是|我的(?:学历)?是?){_NOT_A_SCHOOL}[\u4e00-\u9fff]{{2,6}}?(?:的)?{_DEGREE_WORDS}|"
                                  rf"^(?!我){_NOT_A_SCHOOL}[\u4e00-\u9fff]{{2,4}}的{_DEGREE_WORDS}")
# A field named before its value ("学历是本科", "婚姻状况：已婚", "单位：上海某某有限公司").
_FIELD_LEAD = re.compile(r"^(?:(?:我|俺|本人)的?)?(?:最高学历|学历|婚姻状况|婚姻|婚否|学校|毕业院校|毕业学校|院校|(?:新|现|现在的?|目前的?)?(?:单位|工作单位|公司)|"
                         r"业务类型|(?:单位|公司|学校|院校)?全称)"
                         # "单位改成…", "公司应该是…": a correction's words after the label go too
                         r"(?:要)?(?:改成|改为|换成|更改为|修改为|更正为|变更为|应该是|应为|是|系(?![统列])|为|:|：)\s*|"  # Cantonese 系 is 是
                         # the label run into a full name after a number ("…qq.com单位上海某某科技有限公司"), or a new
                         # employer's ("单位变更，新单位上海某某科技有限公司")
                         rf"^(?:(?:新|现)?(?:工作单位|单位|公司)|毕业院校|毕业学校|学校)(?=[\u4e00-\u9fffA-Za-z0-9()（）·&]{{2,}}(?:{ORGANISATION.pattern})[)）]?$)|"
                         # a correction's words opening a clause of their own ("公司名称写错了，应该是上海…")
                         r"^(?:应该是|应该为|应是|应为|正确的是|其实是)\s*")
# Points where a university named is the school of the highest degree, not an employer.
_SCHOOL_ASKED = frozenset({"edu_school", "edu_level", "edu_fulltime", "edu_foreign", "bonus_options", "social_years"})
_SCHOOL = re.compile(r"大学|学院|学校|党校")
# A degree or graduating said in the message: a university named beside it, at any point, is where it was studied
# ("应届生 硕士 复旦大学" at the summary), unless the message says one works there.
_SCHOOLING_SAID = re.compile(r"大专|专科|本科|硕士|研究生|博士|应届|毕业")
# Years of social insurance in a clause: "社保2年", "社保交满7年了", "交咗四年" (Cantonese, read as 交了), or put
# right ("社保其实是9年"), where ("在上海交社保交了5年").
_SOCIAL_YEARS = re.compile(r"^(?:(?:我|俺)的?)?(?:在(?:上海|本市|这边|这里))?(?:交|缴)?(?:社保)?(?:其实|实际上?|应该)?(?:是|有)?(?:我|也|已经|都)?(?:交了|缴了|交满|缴满|交够|满|累计|交|缴)?(?:了)?(?:有|快)?"
                           r"(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个)?年(?:多|半)?(?:了|啦)?(?:社保)?$")
# A clause naming 社保 as the subject of what follows ("社保", "社保嘛", "社保的话").
# ("社保那个加分", "社保这项": the option named by what it adds.)
_SOCIAL_NAMED = re.compile(r"社保(?:那个|这个|那项|这项)?(?:加分)?(?:嘛|么|呢|的话|啊|吧|呀)?$")
# Years alone ("7年", "六年多"), read as the social-insurance years only right after a clause naming 社保.
# ("在上海交满八年": where it was paid said first, and 满 for the whole years.)
# ("交了有七年了": how long said after the paying.)
_BARE_YEARS = re.compile(r"^(?:在上海|在本市|在这边|在这里)?(?:(?:交了|缴了|交满了?|缴满了?|交够|交|缴)(?:有|快|差不多|大概|将近)?"
                         r"|有|快|满|差不多|大概)?"
                         r"(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个)?(?:整)?年(?:多|半)?(?:了|啦)?\s*$")
# Children as the regions call them too (words.CHILD_WORDS).
_CHILD_WORDS = words.alternatives(words.CHILD_WORDS)
# The children named alone or as the applicant's ("孩子跟我", "小孩"; not "孩子跟前妻": who they live with decides
# whether they are 同住人), then a bare count in a clause of its own ("一个", "2个"): the count.
_CHILDREN_BEFORE = re.compile(rf"^(?:我的?)?(?:{_CHILD_WORDS})(?:跟我|和我|随我|归我|在我这|我带)?(?:的)?$")
# …or counted with the word for them ("两个孩子", "有俩娃"), the clauses after saying who comes along.
_CHILDREN_COUNTED = re.compile(rf"^(?:我)?(?:有|共|一共)?(\d{{1,2}}|[一两俩仨二三四五])个?(?:{_CHILD_WORDS})(?:吧|啦|了)?$")
# The children counted and said to live with the applicant in one clause ("两个小娃都归我带", "一个孩子跟我住"): all of them.
_CHILDREN_WITH_ME = re.compile(rf"^(?:我)?(?:有|共|一共)?(\d{{1,2}}|[一两俩仨二三四五])个?小?(?:{_CHILD_WORDS})"
                               r"(?:都|全都?)?(?:归|跟|随|和)我(?:带|住|一起住|养|过)(?:的)?(?:吧|啦|了)?\s*$")
_BARE_COUNT = re.compile(r"^(?:有|共|一共)?(\d{1,2}|[一两二三四五])个(?:吧|啦|了)?$")
# Words saying who children live with or where ("都跟前妻", "在老家读书", "归他爸"), after their count.
_WHERE_THEY_LIVE = re.compile(r"跟|随|归|在|住|带|老家|上学|读书")
# Children counted in words: none ("还没有孩子"; northeastern 整 for having one: "还没整孩子"), sons and daughters
# ("一儿一女"), a count before the word for children ("家里两个娃") — the count people say when no bare number is given.
_NO_CHILDREN = re.compile(rf"(?:没有|没得|没|无|木有|莫得|未)(?:要|生|有|整)?(?:{_CHILD_WORDS})|未生|没生|"
                          # asked back, as a matter of course ("没结婚，哪来的孩子", "上哪来的娃"): none
                          rf"(?:哪|哪里|哪儿|上哪)(?:来|有)的?(?:{_CHILD_WORDS})|怎么会有(?:{_CHILD_WORDS})|"
                          r"^(?:还|目前|暂时|现在|都)*(?:没有|没|无|木有|莫得)$|"
                          r"^(?:还|目前|暂时|现在)*(?:没要|没生|没打算要|不打算要)(?:呢|哦|的)?$|"  # "还没要"
                          # none at all, the whole reply ("一个都没有", "小囡一个也没"; not "孩子都没上户口"),
                          # in Sichuanese and Cantonese (没得, 冇得), 否
                          rf"^(?:{_CHILD_WORDS})?(?:一个)?[都也](?:没有|没得|莫得|冇得|没|无|冇)(?:的|哦|呢|啊)?$|^(?:没得|冇得|否)(?:的|哦|啊)?$|"
                          # the children named, then none ("孩子还没有", "小孩暂时没呢")
                          rf"^(?:{_CHILD_WORDS})(?:还|目前|暂时|现在)+(?:没有|没|无)(?:呢|哦|的|啊)?$")
# Kinds of children, counted apart and added up ("一儿一女", "1个亲生的，1个继子", "一个亲生一个领养的"); a son is
# also 男 beside 女 ("一男一女", "一个男的一个女的"): without it only the daughter was counted.
_CHILD_KINDS = words.alternatives(words.CHILD_PEOPLE) + r"|亲生的|亲生|领养的|收养的|抱养的|非亲生的"
_SON_OR_DAUGHTER = r"儿|女|男(?!朋友|同事|人|士|生|孩子?的)"
_COUNTED_CHILDREN = re.compile(rf"(?<!\d)(\d{{1,2}}|[一二两俩仨三四五])个?({_CHILD_WORDS}|{_CHILD_KINDS}|{_SON_OR_DAUGHTER})")
_NOUN_THEN_COUNT = re.compile(rf"({_CHILD_WORDS}|{_CHILD_KINDS})(\d{{1,2}}|[一二两俩仨三四五])个(?!月|岁|年)")  # "儿子一个 闺女一个"
_ONE_CHILD = re.compile(rf"(?<![\d一二两俩仨三四五几])个({_CHILD_WORDS}|{_CHILD_KINDS})")  # "有个闺女"
# "孩子两个 之前写错了", "孩子其实是两个，上次说错了" (a count set right, with the word that says so)
# ("孩子其实只有一个": the count said to be fewer)
_CHILDREN_THEN_COUNT = re.compile(rf"^(?:{_CHILD_WORDS})(?:其实|实际上?|应该|确实|一共|总共)?(?:只|就|才)?(?:有|数|数量|个数)?(?:是|:|：)?"
                                  r"(\d{1,2}|[一二两俩仨三四五])(?:个(?!月|岁|年)|$)")
_SAYS_MARRIAGE = re.compile(r"婚|单身|离异|丧偶|母胎solo|(?<!距)离了")
# A clause that is a divorce or never a couple told, said of oneself ("离了", "早离了", "母胎solo"; not "离了职").
_STATUS_TOLD = re.compile(r"^(?:我|俺)?(?:也|都|早就|早|已经|刚|去年|前年|前几年)*离(?:了|婚了|过婚|掉了)(?!职)|母胎solo|母胎单身")
# The applicant's own spouse told of, beside another answer ("跟我和老婆住", "我媳妇叫…", "我老公之前办过"; a clause
# opening with the spouse: "媳妇跟娃都要落进来"): a marriage told. Not 对象 (a partner may be unmarried), nor the
# spouse denied ("我没老婆": 没 stands between), nor the spouse's own details talked of ("我老公的手机号不用写吧",
# "我老公身份证是…": typed for the spouse, maybe), nor a message typed for the spouse ("帮我老婆办的 她叫…", "我老公
#要办积分 我帮他弄"): who applies is the spouse there, and the marriage is theirs to say.
_OWN_SPOUSE = re.compile(r"(?:(?:我|俺)(?:和|跟|与|的|家)?|(?:^|(?<=[\s,，。;；!！])))" + words.either(words.SPOUSE_PLAIN)
                         + r"(?!的|身份证|手机|电话|号码|邮箱|证件)")
_A_RELATIVE = re.compile(words.either(words.SPOUSE, words.CHILDREN, words.PARENTS))
_FOR_ANOTHER = re.compile(r"帮|替|代(?:办|填|理)|给(?:我)?(?:的)?" + words.either(words.SPOUSE_PLAIN) + r"(?:办|填|申请|弄)")
# A clause that is the marriage told, said of oneself ("已经结婚了", "结了婚", "嫁给上海人了", "去年刚领证"; not "结婚证丢了").
_MARRIAGE_TOLD = re.compile(r"^(?:我|俺|阿拉|伊|他|她)?(?:也|都|早就|早|已经|刚|才|去年|前年|今年)*"
                            r"(?:结婚了|结婚啦|结过婚了|结了婚|嫁给|嫁了|嫁人了|嫁过来|娶了|成家了|领证了|领了证)")
_IS = re.compile(r"^(?:我|俺)?是")  # "是全日制本科": what the degree is, said
_SAYS_PERMIT = re.compile(r"居住证|jzz|有效期|到期|^(?:我的)?证(?:件)?的?(?:到|至)")  # "证到二〇二七年…": the permit, said short
_SPOUSE_TOLD = re.compile(SPOUSE_TOLD)  # the same opening worded reads as married
# One more child said after those counted ("一个儿子 一个女儿 还有一个在老家读书"), and a count corrected
# ("孩子是三个 不是两个": the count denied is not the answer).
# Not another relative ("另外还有两个侄子") nor one not born yet ("还有一个在肚子里").
_NOT_A_CHILD = "侄|外甥|孙|亲戚|朋友|同事|兄|弟|姐|妹|哥|老人|父|母|在肚子|在怀|没出生|没生"
_ONE_MORE = re.compile(rf"(?:还有|另外还有|另外|再加上?)([\d一二两俩仨三四五])个"
                       rf"(?!月|岁|年|{_CHILD_WORDS}|{_CHILD_KINDS}|{_NOT_A_CHILD})")
_DENIED_COUNT = re.compile(rf"(?:而|并)?(?:不是|不止|没有)([\d一二两俩仨三四五])个(?:{_CHILD_WORDS})?")
_TWINS = re.compile(r"双胞胎|龙凤胎")
_ALL_CHILDREN = frozenset(_CHILD_WORDS.split("|"))  # a count of all of them, not one kind
_SAYS_CHILDREN = re.compile(rf"{_CHILD_WORDS}|{_CHILD_KINDS}|{_SON_OR_DAUGHTER}")
# A child named as one of several ("老大户口不在这", "二宝在老家"): what the clause says is the child's.
CHILD_NAMED = re.compile(rf"{_CHILD_WORDS}|{_CHILD_KINDS}|老[大二三四五幺]|大宝|二宝")
_SMALL = {"一": 1, "二": 2, "两": 2, "俩": 2, "仨": 3, "三": 3, "四": 4, "五": 5}
_NO_BONUS = re.compile(r"^(?:加分|加分项|加分选项)(?:也|都|啥的|什么的)?(?:没有|没|无|不要|不用|不需要|都没有)(?:的|了|哦)?$")
# A professional title held (职称: the grade, or a graded title), which is what 职称加分 is for; a job alone
# ("软件工程师") is no title.
_TITLE_HELD = re.compile(r"^(?:有)?(?:初级|中级|高级|副高|正高|副高级|正高级)(?:的)?(?:职称)?$|"
                         r"^(?:有)?(?:助理|初级|中级|高级|副高级?|正高级?)(?:的)?[\u4e00-\u9fff]{0,4}"
                         r"(?:工程师|会计师|经济师|审计师|统计师|教师|讲师|编辑|记者|翻译|农艺师|政工师)$|"
                         r"^(?:主管|副主任|主任)(?:护师|医师|药师|技师)$|^(?:副)?教授$|^(?:高级)?技师$")
# Where the degree was studied ("在香港大学读的", "复旦毕业的" is the school question's own); without 在, a
# school's full name ("新加坡国立大学读的", "浙江大学的" after the degree).
_STUDIED_AT = re.compile(r"^(?:我|伊|他|她)?在(.{2,30}?)(?:读的|念的|读书|读|念|毕业的?|上的学)$|"
                         r"^(?:我|伊|他|她)?(?:是)?(.{2,30}?(?:大学|学院))(?:读的|念的|毕业的?|的)$|"
                         r"^(?:我|伊|他|她)?(?:读|念|上)的(?:是|在)(.{2,30}?(?:大学|学院))$")  # "我读的是新加坡国立大学"
# A contract signed with an organisation ("合同是跟…签的", "和…签了劳动合同"): its party is named.
_SIGNED = re.compile(r"(?:跟|和|与|同).{4,}签(?:的|了|订|约)?(?:劳动)?(?:合同)?(?:的)?$")
# A child's place said beside the count ("孩子在闵行某某小学", "老大在某某幼儿园"): no employer of the applicant's.
_A_CHILDS = re.compile(rf"^(?:{_CHILD_WORDS}|儿子|女儿|闺女|老大|老二|大的|小的|大宝|二宝)(?:也|都|现在|目前)?在")
# "在上海上幼儿园", "一个在上海读小学": a child's school, never the applicant's employer
_GOES_TO_SCHOOL = re.compile(r"(?:上|读|念)(?:幼儿园|托班|小学|中学|初中|高中|大学|学)")
# A school only children go to ("…实验小学", "…幼儿园"): named where the children are asked or counted, and nothing said
# of working there ("在某某小学当老师" would), it is where a child studies (try17 T44: "1个 在上海浦东新区实验小学").
_CHILDS_SCHOOL = re.compile(r"(?:幼儿园|托班|托儿所|小学|中学|初中|高中|学校)$")
_TEACHING = re.compile(r"老师|教师|上班|工作|任职|就职|当")
# (A change asked of the item, its label ending the clause: "要改一下公司，换成…", "帮我改下单位": the new value follows.)
_NOT_A_NAME_START = ("这", "那", "新", "换", "在", "一直", "上班", "上学", "上次", "上个", "读", "职", "今年", "我",
                     "改", "要改", "要换", "想改", "想换", "得改", "得换", "修改", "更改", "帮我改", "帮我换", "帮忙改", "麻烦改",
                     # the one it happened to, typed by the HR clerk ("我们员工换了公司"): no organisation's name begins so
                     "员工", "同事", "职工")
# Particles and pronouns no name is made of ("应该是", "侬等一歇", "号码嘛", "移动的"), nor a change asked ("得改下").
# (谢 is a surname: 谢霆锋 is a name, 谢谢 and 多谢 are listed below.)
# 刚 is "just" before a verb ("刚结婚") but ends many a name (邓志刚, 王刚).
# 生 ends many given names (春生, 建生) but also the words for who one is (学生, 医生, 研究生, 应届生, 先生) and 王生 (Mr Wang).
# The day and the weather ("今天很冷", "昨天真热": 很 is in no name, 今天 and 天气 begin none) are talk.
# Interjections ("哎呦 这么正式", "哇 好快") and a verb with its 得 ("问得挺细", "弄得好复杂") are a feeling said, no name.
# Nor is the phone or its keyboard ("键盘老跳", "输入法乱跳"): no name holds a device's word.
# No name holds 死 ("烦死", "累死": a feeling), nor a slip of typing ("总按错字", "又打错了": the phone complained of).
_NEVER_IN_A_NAME = re.compile(r"[姓的是了吧嘛啊呢伐吗啥么哦呀啦哈号码到期阿拉俺侬我你他她它这那个在有用打看等歇快完过签注常动士先女嗯好不没别感想说很"
                              r"哎呦哟唉哇呃嘿咦死]|刚(?=.)|[改换](?=[下一成为])|[问写填弄搞整办讲查]得|[按打写输点敲]错"
                              r"|(?<=[学医考新究业届出科习男中独后招一卫养人陌师])生|^.生$|生(?=[日孩娃])|^(?:今天|昨天|明天|天气|马上)|(?<=[利索])点$"
                              # the phone complained of ("这破手机 键盘老跳": nlu30's leftover, 键盘老跳 saved as the name)
                              r"|键盘|输入法|屏幕|手机|网速|死机|卡死|[乱老]跳|烦死"
                              # the business asked for after 本人 ("本人需办理 积分新办", "本人要办 续办"): what one does (nlu33)
                              r"|办理|申请|^(?:需要?|要|想|来|准备|打算)(?:办|申)")
# What one does, not who one is ("我是工程师", "我是主治医师"): an occupation or a post ends in one of these.
_OCCUPATION_END = re.compile(r"(?:师|员|护士|经理|主管|主任|总监|老板|司机|工人|会计|助理|店长|技工|老总|厂长|院长|校长|科长|处长)$")
_NICKNAME = re.compile(r"^(.)\1$|^[小老][\u4e00-\u9fff]$|^[\u4e00-\u9fff][姐哥]$")  # "嘿嘿", "小王", "刘姐": a sound or a nickname
_NOT_A_NAME = frozenset({"你好", "您好", "谢谢", "多谢", "感谢", "谢谢您", "同意", "确认", "已婚", "未婚", "离异", "丧偶",
                         # another answer's label left beside its number ("我老婆叫李娜 手机139…"), never a name
                         "手机", "手机号", "电话", "号码", "邮箱", "身份证", "微信",
                         "单身", "本科", "硕士", "博士", "大专", "没有", "不是", "是的", "好的", "可以", "积分", "新办",
                         "续办", "老师", "收到", "明白", "知道", "不知道", "不清楚", "随便", "算了", "晓得", "稍等",
                         "等等", "马上", "开始", "下一步", "辛苦", "要得", "好嘞", "对头", "人工", "客服", "返回", "继续", "暂停", "保存", "帮助", "菜单",
                         # how one is employed ("我是外包", "我是派遣"), never who one is
                         "外包", "派遣", "外派", "劳务派遣", "兼职", "全职", "临时工", "合同工", "正式工", "编外",
                         "身份证", "居住证", "护照", "驾照",
                         # an okay to what is shown ("都对 就是邮箱补一下 …" at the summary), never who one is
                         "都对", "全对", "对的", "没错", "都行", "正确", "无误",
                         # the first time ("俺是头回 新办"), never who one is
                         "头回", "头一回", "头次", "第一回", "第一次",
                         # the writer's part when typing for someone ("我是人事 帮员工…", "我是家长"), never who one is
                         "人事", "行政", "员工", "同事", "职工", "家长", "经办人", "代办人",
                         # a business type said beside the name ("…叫某某 积分续办"), never a name
                         "积分新办", "积分续办", "单位变更", "信息变更",
                         # the bot greeted by what it is ("你好呀 小助手", "哈喽 机器人"), never who the applicant is
                         "小助手", "助手", "积分助手", "机器人", "小编", "小客服", "客服小姐姐"}) | v.SAME_AS_ABOVE


# A given name described rather than typed ("单名一个娜", "名字就一个伟字", "双名晓东"), and the surname beside
# it, said ("姓李", "我姓欧阳") or spelled out by its parts ("木子李", "木子李的李": the character it ends in).
# ("单名一个字" tells how long the given name is, not the name: never 字)
_GIVEN_DESCRIBED = re.compile(r"^(?:名字?)?(?:就|是|叫)?(?:单名|单字)(?:就|是|叫)?(?:一个)?(?!字$)([\u4e00-\u9fff])字?$|"
                              r"^(?:名字?)(?:就|是|叫)?(?:一个)(?!字$)([\u4e00-\u9fff])字?$|"
                              r"^(?:名字?)?(?:就|是|叫)?双名(?:是|叫)?([\u4e00-\u9fff]{2})$")
_SURNAME_SAID = re.compile(r"^(?:我)?姓([\u4e00-\u9fff]{1,2})$|^(?:我)?(?:姓)?[\u4e00-\u9fff]{1,3}的([\u4e00-\u9fff])$|"
                           r"^[\u4e00-\u9fff]{2}([\u4e00-\u9fff])$|^([\u4e00-\u9fff])$")


def name_described(parts: list[str]) -> str | None:
    """The name of a message that spells it out by its parts ("木子李，单名一个娜" → 李娜, "姓欧阳 双名晓东" →
    欧阳晓东); None when it does not, or says no surname."""
    said = [to_simplified(to_halfwidth(p)).strip() for p in parts]
    given = next((m for p in said if (m := _GIVEN_DESCRIBED.match(p))), None)
    if given is None:
        return None
    surnames = [m for p in said if p != given.string and (m := _SURNAME_SAID.match(p))]
    if not surnames:
        return None
    surname = next(g for g in surnames[0].groups() if g)
    return surname + next(g for g in given.groups() if g)


# The characters Uyghur, Kazakh and other names are transliterated with (the syllables of the transliteration
# tables): a part made of them alone is a part of such a name; a description, a reply or a thanks never is
# ("程序员小邓 邓超", "叶子涵 谢谢", "王芳 好的").
# (卜 for the "Ab-" of 阿卜杜…, Abdu-.)
TRANSLITERATION = frozenset("阿艾爱安昂奥巴拜班包贝比别宾波布查达代丹德迪丁都杜顿多恩尔法菲夫尕盖甘戈格古哈海罕汗航合赫胡"
                             "吉加佳江杰金居喀卡凯坎康柯科克肯库夸昆拉来赖兰朗勒雷黎里力丽莉亮林琳鲁路伦罗玛马买麦曼毛"
                             "梅美蒙米敏明莫木穆娜纳乃南尼妮努奴诺帕派潘佩普齐其恰乔钦琴然热日如茹萨塞赛桑森沙莎山尚舍"
                             "什斯苏素索塔泰坦汤特提帖铁通图吐托瓦娃万旺维乌吾西希夏辛欣雅亚燕扬耶伊依尤优玉约扎则泽孜"
                             "兹祖卓逊不卜")


_SYLLABLE = "[" + "".join(sorted(TRANSLITERATION)) + "]"
# Such a name typed in two or three parts, five characters or more, where the ID card has the middle dot
# ("阿卜杜热合曼 买买提 6501…"): one name, not a name and a word.
_SPACED_TRANSLITERATION = re.compile(rf"(?<!{_SYLLABLE}){_SYLLABLE}{{2,8}}(?:\s+{_SYLLABLE}{{2,8}}){{1,2}}(?!{_SYLLABLE})")


# A compound surname typed apart from its given name ("欧阳 娜娜 1101…"): one name, 欧阳娜娜, not 欧阳 and a word.
_SPACED_COMPOUND = re.compile(r"(?<![\u4e00-\u9fff])(" + "|".join(sorted(v.COMPOUND_SURNAMES)) +
                              r")\s+([\u4e00-\u9fff]{1,2})(?![\u4e00-\u9fff])")


def _dotted(run: re.Match[str]) -> str:
    parts = run.group().split()
    return "·".join(parts) if len("".join(parts)) >= 5 and not any(p in _NOT_A_NAME for p in parts) else run.group()


# Who one is by one's work, said in a clause of its own ("我是会计师", "本人是护士"): an occupation, and no title graded.
_OCCUPATION_SAID = re.compile(r"^(?:我|俺|阿拉|本人)?(?:是|系|做|当)(?:一名|一个|个)?(?P<job>[\u4e00-\u9fff]{1,6})$")


def occupation_said(clause: str) -> str | None:
    """The occupation a clause says one has ("我是会计师": 会计师) when it is no professional title graded (a
    "中级会计师" is ``_TITLE_HELD``'s, a bonus option's); None otherwise."""
    said = _OCCUPATION_SAID.match(to_simplified(clause.strip()))
    if said is None or not _OCCUPATION_END.search(said.group("job")) or _TITLE_HELD.match(said.group("job")):
        return None
    return said.group("job")


# Regional praise said beside an answer (Chongqing 巴适得板 "great", 安逸, 雄起; Xinjiang 亚克西; northern 得劲), a clause
# of its own: no name (a name holding the words, 王安逸, is one).
_PRAISE = re.compile(r"(?:巴适|安逸|雄起|亚克西|得劲)(?:得板|得很|惨了|了)?")


def plausible_name(simple: str) -> bool:
    """Whether a clause (simplified) reads as a person's name alone: two to four characters (or a
    name with the middle dot), none of them a particle or pronoun, not a greeting or a reply word.
    A name with the middle dot made of the transliteration's syllables is one, though 阿 or 拉 in it
    reads as dialect elsewhere ("阿卜杜热合曼·买买提")."""
    if "·" in simple and _HAN_NAME.match(simple) and set(simple.replace("·", "")) <= TRANSLITERATION:
        return True
    return bool(_HAN_NAME.match(simple)) and simple not in _NOT_A_NAME and not _NEVER_IN_A_NAME.search(simple) \
        and not _NICKNAME.match(simple) and not _OCCUPATION_END.search(simple) and not v.ORIGIN_NOT_A_NAME.match(simple) \
        and not _PRAISE.fullmatch(simple) and not v.NUMERALS_ONLY.fullmatch(simple)


def extract(text: str, asked: str | None = None) -> dict[str, Any]:
    """Every answer recognisable in ``text``, by field (an empty dict when there is none).
    ``asked``: the field the question waiting fills (a university is the school where the school
    is asked, the employer elsewhere)."""
    found, refused, said = _shaped(text)
    _read_clauses(said, found, asked, beside_a_number=bool(found or refused))
    if not asks(match_form(text)) and (highest := highest_degree(text)) is not None:  # "全日制本科，在职读的非全日制硕士":
        # the 硕士, 非全日制; asked which counts ("大专全日制 本科自考 算哪个"), the question is answered first
        found["edu_level"], fulltime = highest
        found.pop("edu_fulltime", None)  # a lower degree's, unless the highest one's own clause says it
        found.update({"edu_fulltime": fulltime} if fulltime is not None else {})
    elif "edu_level" in found and (raised := level_raised_later(text)) is not None:
        found["edu_level"] = raised  # "大专 后来自考了本科": the highest level is 本科
    if found.get("spouse_options") and "marital_status" not in found and asked not in _ABOUT_THE_SPOUSE:
        found["marital_status"] = "married"  # "一个娃 老婆上海户口": a spouse told of is a marriage told
    if "marital_status" not in found and asked not in _ABOUT_THE_SPOUSE and _own_spouse_told(text):
        found["marital_status"] = "married"  # "两个 跟我和老婆住", "杨帆 我媳妇叫刘丽"
    return {field: _as_typed(value, text) if field in _TYPED else value for field, value in found.items()}


def _own_spouse_told(text: str) -> bool:
    """Whether ``text`` tells of the applicant's own spouse (``_OWN_SPOUSE``), typed by the applicant for themselves."""
    simple = mandarin(to_simplified(to_halfwidth(text)))
    return _OWN_SPOUSE.search(simple) is not None and _FOR_ANOTHER.search(simple) is None


# Where the spouse is asked about (or the marriage itself), a spouse told of answers that question alone.
_ABOUT_THE_SPOUSE = frozenset({"spouse_options", "marital_status"})


_LEVELS = [option.code for option in flow.QUESTIONS["edu_level"].options]  # lowest first
_LEVEL_WORDS = {**{name: option.code for option in flow.QUESTIONS["edu_level"].options
                   for name in (option.label, *option.names()) if not name.isascii()},
                "专升本": "bachelor", "升本": "bachelor", "升了本科": "bachelor", "读研": "master", "考研": "master"}
_LEVEL_SAID = re.compile("|".join(sorted(map(re.escape, _LEVEL_WORDS), key=len, reverse=True)))
# A degree taken after the first one named ("先读的大专 后来专升本", "本科，之后又读了在职研究生").
_LATER = re.compile(r"后来|后面|然后|之后|以后|接着|又|再|升")


def names_a_degree(text: str) -> bool:
    """Whether ``text`` names a level of education ("研究生", "大专", "读研")."""
    return _LEVEL_SAID.search(mandarin(to_simplified(text))) is not None


# A degree denied where it is named ("本科，不是硕士", "没读研"): not one of those told.
_DEGREE_DENIED = re.compile(r"(?:不是|没有?|并非|未)\S{0,2}$")


def highest_degree(text: str) -> tuple[str, bool | None] | None:
    """The highest of two degrees or more told in separate clauses ("专升本，专科全日制，本科是成人的"), with
    whether it was full-time as the clauses naming that degree say (None when they do not); None when the
    message tells of fewer than two. What is asked is the highest degree's level and its study mode."""
    told: dict[str, bool | None] = {}
    for clause in _CLAUSES_PARTED.split(to_simplified(to_halfwidth(text))):
        named = [m for m in _LEVEL_SAID.finditer(clause) if not _DEGREE_DENIED.search(clause[:m.start()])]
        if len({_LEVEL_WORDS[m.group()] for m in named}) == 1:
            level = _LEVEL_WORDS[named[0].group()]
            mode = worded("edu_fulltime", clause)
            told[level] = mode if mode is not None else told.get(level)
    if len(told) < 2:
        return None
    level = max(told, key=_LEVELS.index)
    return level, told[level]


def level_raised_later(text: str) -> str | None:
    """The highest education level a message names when it tells of a degree taken after another
    ("大专 后来自考了本科": 本科, the highest level being what is asked); None when it names one level,
    or tells of no later degree ("本科，不是硕士")."""
    simple = to_simplified(to_halfwidth(text))
    named = {_LEVEL_WORDS[word] for word in _LEVEL_SAID.findall(simple)}
    if len(named) < 2 and not any(w in simple for w in ("专升本", "升本")) or not _LATER.search(simple):
        return None
    return max(named, key=_LEVELS.index)


def every_shaped(field: str, text: str) -> list[Any]:
    """Every different valid answer to ``field`` (an ID number, a mobile, an e-mail) ``text`` holds by its
    shape, in order: more than one is a choice the applicant has to make ("138… 或者 139…")."""
    pattern, parse = next((pattern, parse) for f, pattern, parse in _EXACT if f == field)
    said = _SPACED_DIGITS.sub(_joined_unless_whole_parts, spoken_digits(to_halfwidth(text).strip()))
    values: list[Any] = []
    for match in pattern.finditer(said):
        try:
            value = parse(match.group())
        except v.ValidationError:
            continue
        if value not in values:
            values.append(value)
    return values


def ends_with_shaped(field: str, text: str) -> bool:
    """Whether ``text`` ends with a valid answer to ``field`` found by its shape (an ID number, a mobile, an e-mail),
    only punctuation after it: "我手机是138…" does, "3201… 末尾没有X" (something said of the number) does not."""
    pattern, parse = next((pattern, parse) for f, pattern, parse in _EXACT if f == field)
    said = _SPACED_DIGITS.sub(_joined_unless_whole_parts, spoken_digits(to_halfwidth(text).strip()))
    said = said.rstrip(" ,，。.、;；~～!！")
    for match in pattern.finditer(said):
        if match.end() == len(said):
            try:
                parse(match.group())
            except v.ValidationError:
                return False
            return True
    return False


def refused_in(text: str) -> dict[str, str]:
    """Numbers and addresses in ``text`` that have an answer's exact shape but not its checks (an ID
    number whose check character is wrong), by field, with the validator's reason: said back
    beside what was saved, never dropped without a word."""
    found, refused, _ = _shaped(text)
    return {field: reason for field, reason in refused.items() if field not in found}


# A 电话 told right after the employer (its name or its word: "公司：上海某某有限公司 电话138…", "单位电话", "人事电话"),
# not said to be one's own: the organisation's number.
_ORGANISATIONS_PHONE = re.compile(r"(?:公司|单位|厂|集团|人事|HR|hr|前台|办公室|总机)(?:(?!我的|本人|手机)[^\d，,。;；!！?？]){0,30}?"
                                  r"(?:联系)?电话(?:号码?)?\s*(?:是|为|[:：])?\s*$")


def _shaped(text: str) -> tuple[dict[str, Any], dict[str, str], str]:
    """What ``text`` holds of the answers known by their shape (ID, mobile, e-mail, date): those
    that pass their checks, the reasons of those that do not, and the text left for the clauses."""
    said = spoken_digits(to_halfwidth(text).strip())
    found: dict[str, Any] = {}
    refused: dict[str, str] = {}
    for field, pattern, parse in _EXACT:
        if field != "permit_expiry":  # "138 0013 8000" is one number; a date keeps its separators
            said = _SPACED_DIGITS.sub(_joined_unless_whole_parts, said)
        for match in pattern.finditer(said):
            try:
                value = parse(match.group())
            except v.ValidationError as error:
                if field != "permit_expiry":  # a date may be anyone's (a child's birthday), not a wrong answer
                    refused.setdefault(field, error.message)
                continue
            named = _NUMBER_NAMED.search(said[:match.start()]) if field in _NAMED_NUMBERS else None
            if named and (kind := _NAMED_NUMBERS[_NUMBER_WORDS[named.group(1)]]) != _NAMED_NUMBERS[field]:
                # "身份证13800138000": a number called one kind is never saved as another; why it is not that kind
                refused.setdefault(_NUMBER_WORDS[named.group(1)], v.not_the_number_named(kind, match.group(), _NAMED_NUMBERS[field]))
                said = said.replace(match.group(), "，", 1)
                continue
            if field == "mobile" and _ORGANISATIONS_PHONE.search(said[:match.start()]):
                # "公司：上海寅卯实业有限公司 电话138…": the employer's number, not the applicant's own mobile
                refused.setdefault(field, v.organisations_phone(match.group()))
                said = said.replace(match.group(), "，", 1)
                continue
            value = value.isoformat() if hasattr(value, "isoformat") else value
            if field == "permit_expiry" and field in found:  # "2022.5.20-2027.5.20": the period's end
                value = max(value, found[field])
            found[field] = found.get(field, value) if field != "permit_expiry" else value
            said = said.replace(match.group(), "，", 1)
    return found, refused, said


_EXCEPT = re.compile("除")  # where options may be chosen by those left out; compiled once (issue 19)


def _all_but_taken(said: str, found: dict[str, Any]) -> str:
    """``said`` without the options it chooses by naming those left out ("除了应届生 别的都有 社保交了6年"), which
    go into ``found``: read clause by clause, the options named would be the ones chosen."""
    for start in (m.start() for m in _EXCEPT.finditer(said)):
        for field in ("bonus_options", "spouse_options"):
            if (told := flow.QUESTIONS[field].all_but_told(said[start:])) is not None:
                found[field] = told[0]
                return said[:start] + "，" + said[start:].strip()[told[1]:]
    return said


# A form's label before its value, as people copy one into the chat ("姓名：张三", "【手机】139…", "单位名称:上海…"):
# the label is one of a question's names (or a form's usual words for it), and what follows is that question's
# answer whatever question is asked now ("毕业院校：同济大学" is the school where the name is asked, not an employer).
# Only with the form's marks (a colon after it, brackets round it): a label word in a sentence is no label.
_FORM_WORDS = {**{name: field for field, question in flow.QUESTIONS.items() if field not in ("consent", "confirmed")
                  for name in question.names()},
               "毕业学校": "edu_school", "联系电话": "mobile", "社保": "social_years", "电子邮件": "email",
               "申请人姓名": "name", "持证人姓名": "name"}  # a formal letter's label ("…，申请人姓名：宋某，特此说明")
_FORM_NAMES = "|".join(sorted(map(re.escape, _FORM_WORDS), key=len, reverse=True))
# Bracketed labels run together ("【姓名】王芳【身份证】1101…"): each label begins a clause of its own.
_BRACKETED_APART = re.compile(r"(?<=\S)(?=【)")
_FORM_LABEL = re.compile(rf"^\s*(?:【\s*({_FORM_NAMES})\s*】|\[\s*({_FORM_NAMES})\s*\]|({_FORM_NAMES})\s*:)\s*(\S.*)$",
                         re.IGNORECASE)


def _form_answer(clause: str) -> tuple[str, Any] | None:
    """The field a form's label names in ``clause`` and its value read by that question ("【手机】139…"); None
    when the clause has no such label, or its value is no answer to it (read as the clause it is, then)."""
    labelled = _FORM_LABEL.match(to_halfwidth(clause))
    if labelled is None:
        return None
    label = next(group for group in labelled.groups()[:3] if group)
    field = _FORM_WORDS.get(label) or _FORM_WORDS[label.lower()]
    try:
        return field, flow.QUESTIONS[field].parse(labelled.group(4).strip())
    except v.ValidationError:
        return None


def form_answers(text: str) -> dict[str, Any]:
    """The answers of a message that is a form's lines and nothing else ("姓名：李四\n单位名称：上海…"), each read
    by its label; empty when any of its clauses has no label or no answer to it."""
    parts = parts_of(_BRACKETED_APART.sub(" ", text), _CLAUSES_PARTED_BY)
    read = [form for clause in parts if (form := _form_answer(clause)) is not None]
    return dict(read) if read and len(read) == len(parts) else {}


# Where a run-on message (voice input, no punctuation) begins a clause of its own: the permit's date and the social
# insurance's years, each with its subject ("…积分新办我的居住证是明年九月三十号到期的", "…中级工程师社保交了六年").
_RUN_ON_CLAUSE = re.compile(r"(?<=[\u4e00-\u9fff])(?=(?:我的|俺的)?居住证(?:的)?(?:有效期)?(?:是|到|至)|"
                            r"社保(?:已经|一共|累计|总共)?(?:交|缴)了?(?:\d|[一二两三四五六七八九十])|"
                            # the ID number or the mobile right after a name introduced, digits or numerals ("我叫李娜身份证号码是四一零…")
                            r"(?:(?<=[叫是名为][\u4e00-\u9fff]{2})|(?<=[叫是名为][\u4e00-\u9fff]{3}))(?:(?:我的)?(?:身份证|证件)(?:号码|号)?(?:是|为|[:：])?(?:\d|[零〇一二三四五六七八九幺]{6})|"
                            r"(?:我的)?手机(?:号码|号)?(?:是|为|[:：])?(?:1|幺|一)(?:\d|[零〇一二三四五六七八九幺])))")


def runs_on(text: str) -> bool:
    """Whether ``text`` runs a clause of its own into the one before (``_RUN_ON_CLAUSE``) without a separator."""
    return _RUN_ON_CLAUSE.search(text) is not None


def _read_clauses(said: str, found: dict[str, Any], asked: str | None, *, beside_a_number: bool) -> None:
    # A bare name counts only beside a number that is certainly an answer ("张伟 1101…", even with a
    # digit mistyped): alone, two to four characters could be anything.
    said = _SPACED_TRANSLITERATION.sub(_dotted, _EMAIL_THEN_NONE.sub(_FIRST_GROUP, said))
    said = _SPACED_COMPOUND.sub(_FIRST_TWO_GROUPS, _BRACKETED_APART.sub(" ", said))
    said = _all_but_taken(_WRONG_RUN_ON.sub("，", _RUN_ON_CLAUSE.sub("，", said)), found)
    parts = parts_of(said, _CLAUSES_PARTED_BY)
    if (described := name_described(parts)) is not None:  # "木子李，单名一个娜，1101…": 李娜, never 木子李
        try:
            found.setdefault("name", v.parse_person_name(described))
        except v.ValidationError:
            pass
    schooling = bool(_SCHOOLING_SAID.search(mandarin(to_simplified(said))))
    social = False  # the clause before named 社保: bare years after it are its years ("社保 7年")
    name_wrong = False  # the clause before said the name was typed wrong: a name after it is the right one
    for i, clause in enumerate(parts):
        clause = _ASIDE_LEAD.sub("", clause) or clause  # "三年 对了我大专学历": the level, whatever opens its clause
        simple_clause = mandarin(to_simplified(clause).lower())
        if name_wrong and (right := _name_put_right(clause)) is not None:
            found.setdefault("name", right)
            continue
        name_wrong = bool(_NAME_WRONG.search(simple_clause))
        if social and (years := _BARE_YEARS.match(simple_clause)):
            if (count := _social_years(years.group(1))) is not None:
                found.setdefault("social_years", count)
            continue
        social = bool(_SOCIAL_NAMED.search(simple_clause))
        if i and _CHILDREN_BEFORE.match(mandarin(to_simplified(parts[i - 1]))) and (count := _BARE_COUNT.match(simple_clause)):
            # What follows may say who they live with ("都跟前妻", "只有一个跟我", "在老家"): only those
            # coming along count, and where it does not say how many, the count is no answer.
            rest = mandarin(to_simplified(" ".join(parts[i + 1:])))
            going = children_going(rest) if _WHERE_THEY_LIVE.search(rest) and not ALL_GOING.search(rest) \
                else _small(count.group(1))
            if going is not None:
                found.setdefault("children", min(going, _small(count.group(1))))
            continue
        if (count := _CHILDREN_COUNTED.match(simple_clause)) and (
                going := children_going(mandarin(to_simplified(" ".join(parts[i + 1:]))))) is not None:
            found.setdefault("children", min(going, _small(count.group(1))))  # "两个孩子 都跟前妻": none of them
            continue
        if (count := _CHILDREN_WITH_ME.match(simple_clause)):  # "两个小娃都归我带" beside the marital status
            found.setdefault("children", _small(count.group(1)))
            continue
        if _NO_EMAIL.match(to_simplified(clause).lower()):  # "没有邮箱" beside another answer
            found.setdefault("email", "")
            continue
        if (form := _form_answer(clause)) is not None:
            found.setdefault(*form)
            continue
        label = _LABELS.search(to_simplified(clause))
        clause = clause[:label.start()] if label and len(to_simplified(clause)) == len(clause) else clause
        lead = _FIELD_LEAD.match(to_simplified(clause))
        clause = clause[lead.end():] if lead and len(to_simplified(clause)) == len(clause) else clause
        if lead and _FULL_NAME_LEAD.search(lead.group()):  # "…那个厂子 上海分公司 全称是…": the full name wins
            found.pop("employer", None)
            found.pop("edu_school", None)
        if lead and _EMPLOYER_LABEL.search(lead.group()) and clause and (named := _workplace_named(clause)) is not None:
            found.setdefault("employer", named)  # "新单位是上海江城物流": the label says what it is, without 公司
            continue
        if clause:
            _read_clause(clause, i == 0 and beside_a_number or i == 1 and (
                _a_type_alone(parts[0]) or asked == "consent" and len(parts) == 2 and _agreed_alone(parts[0])), found, asked,
                schooling=schooling)


# Words opening a clause that adds an answer in passing ("对了", "另外", "还有", "顺便说下"): no part of the answer.
_ASIDE_LEAD = re.compile(r"^(?:哦|噢)?(?:对了|另外|还有|顺便说一?下|顺便)[\s,，:：]*")


def _a_type_alone(clause: str) -> bool:
    """Whether ``clause`` is a business type's own name and nothing else ("新办"): the clause after it is read as
    the first one is ("新办 唐诗涵": the name, as a form's next box), the type being no part of a sentence."""
    return _OPTIONS.get(mandarin(to_simplified(clause).lower()), ("",))[0] == "business_type"


def _agreed_alone(clause: str) -> bool:
    """Whether ``clause`` is the consent's own agreement and nothing else ("同意"): at the consent the clause after it is
    the name box's answer ("同意 张伟"), as it is after a business type alone."""
    return mandarin(to_simplified(clause).lower()).strip() in _AGREEMENTS


_AGREEMENTS = frozenset(name for option in flow.QUESTIONS["consent"].options for name in option.names())


# The name said to have been typed wrong ("刚才名字打错了"), and the words putting it right before the name ("是…").
# (and "我叫错了", "刚才名写错了": the name said or typed wrong, by the verb that names it or 名 alone)
_NAME_WRONG = re.compile(r"(?:名字|姓名|名)\S{0,3}?(?:(?:打|写|填|输|弄)?错|不对)|^(?:我|俺)?(?:刚才|刚刚|之前|前面)?(?:名字?)?叫(?:的)?"
                         r"(?:打|写|填|输|弄)?错")
_PUT_RIGHT = re.compile(r"^(?:应该是|应该|应是|应为|其实是|正确的是|正确是|改成|改为|换成|是|(?:我|俺)?(?:应该)?叫)\s*")
# "名字错了应该是张玮", "单位不对改成…": what is wrong and the right value run on with no break between them (voice
# input, a quick typist): parted there, as a comma would part them.
_WRONG_RUN_ON = re.compile(r"(?<=错了|不对|有误|[^没不]错)(?=应该|应是|应为|正确|其实是|改成|改为|换成)")
_RIGHT_NOW = re.compile(r"\s*(?:才对|才是对的|是对的)[吧的了啊]?$")  # "张玮才对"


def _name_put_right(clause: str, explained: str = "") -> str | None:
    """The name in ``clause`` said after the name was said to be wrong ("是张玮", "应该叫张玮", "张玮才对"); None when
    the clause is no name. ``explained``: the clause after it, when it explains how a character is written
    ("那是那个的那"): a character of the name explained vouches for it, though the character is a function word
    elsewhere (李那's 那)."""
    right = _RIGHT_NOW.sub("", _PUT_RIGHT.sub("", clause))
    vouched = bool(right) and (said := _ONE_EXPLAINED.match(to_simplified(explained))) is not None \
        and said.group(1) in to_simplified(right) and _HAN_NAME.match(to_simplified(right)) is not None
    if not right or not (plausible_name(to_simplified(right)) or vouched):
        return None
    try:
        return v.parse_person_name(right)
    except v.ValidationError:
        return None


# How a character of a name is written, in a clause of its own after it ("那是那个的那", "纳是绞丝旁", "那字就是那里的那").
_ONE_EXPLAINED = re.compile(r"^([\u4e00-\u9fff])字?(?:是|就是|呢是)\S{1,8}$")
# A bare no, in a clause of its own, before the name put right ("不对，是李那"): the answer to "姓名是“李娜”吗？".
_NO_ALONE = re.compile(r"^(?:不对|不是|错了|说错了|没对|no)[的啊呀哦吧了]?$")


def name_after_a_no(text: str) -> str | None:
    """The name a message puts right after a bare no ("不对 是李那", "不是，应该叫李那"); None otherwise (never 是李那)."""
    parts = parts_of(to_halfwidth(text), _CLAUSES_PARTED_BY)
    # (a third clause after the name is how it is written: "不对 是李纳 纳是绞丝旁"; review2)
    if len(parts) >= 2 and _NO_ALONE.match(mandarin(to_simplified(parts[0]).lower())):
        return _name_put_right(parts[1], parts[2] if len(parts) > 2 else "")
    return None


def name_put_right(text: str) -> str | None:
    """The right name a message gives after saying the name saved was wrong ("我叫错了 是张玮", "名字打错了，应该是张玮",
    "前面名字输错了 正确的是张玮"); None when it gives none."""
    parts = parts_of(_WRONG_RUN_ON.sub("，", to_halfwidth(text)), _CLAUSES_PARTED_BY)
    for before, clause in zip(parts, parts[1:]):
        after = parts[parts.index(clause) + 1] if parts.index(clause) + 1 < len(parts) else ""
        if _NAME_WRONG.search(mandarin(to_simplified(before).lower())) and (right := _name_put_right(clause, after)):
            return right
    return None
_FULL_NAME_LEAD = re.compile(r"全称|全名")
_FROM_A_PLACE = re.compile(r"[\u4e00-\u9fff]{1,3}人")
_TYPED = frozenset({"name", "employer", "edu_school"})
# Where an organisation is asked, "叫X" (without 我) says what the organisation is called.
_ORGANISATION_ASKED = frozenset({"employer", "edu_school"})  # saved as typed, as the question's own parser saves them


def _as_typed(value: str, text: str) -> str:
    """``value``, read on the half-width form, as it was typed ("上海外服（集团）有限公司" keeps its
    full-width brackets). Half-width conversion maps character for character, so the place found
    in the converted text is its place in the text."""
    halfwidth = to_halfwidth(text)
    at = halfwidth.find(value)
    return text[at:at + len(value)] if at >= 0 and len(halfwidth) == len(text) else value


# Options of one many-choice question named together in one clause ("中级职称和社保", "职称跟紧缺专业"); 加 joins them too
# in speech, but is in the options' own names (学历加分), so not here.
_OPTIONS_JOINED = re.compile(r"以及|还有|和|跟|与|及")


def _options_joined(said: str) -> tuple[str, list[str]] | None:
    """The many-choice question and its options named joined in ``said`` (the clause without who says it), each
    part an option's name or a title held ("中级职称"); None when any part is something else."""
    parts = [_OPTION_LEAD.sub("", _OPTION_TAIL.sub("", part)) for part in _OPTIONS_JOINED.split(said)]
    if len(parts) < 2:
        return None
    named = [_OPTIONS.get(part) or (("bonus_options", "title") if part and _TITLE_HELD.match(part) else None) for part in parts]
    fields = {n[0] for n in named if n is not None}
    if None in named or len(fields) != 1 or not isinstance(flow.QUESTIONS[(field := fields.pop())], ChooseMany):
        return None
    return field, list(dict.fromkeys(code for _, code in named))


def _read_clause(clause: str, first: bool, found: dict[str, Any], asked: str | None, *, schooling: bool = False) -> None:
    simple = mandarin(to_simplified(clause).lower())  # "我係碩士" → 我是硕士, "交咗四年" → 交了四年
    actual = _ACTUALLY.sub("", simple)  # "我其实离异", "其实我离婚了": the option, put right
    option = simple if simple in _OPTIONS else _OPTION_LEAD.sub("", _OPTION_TAIL.sub("", actual))  # "离异了", "我是续办"
    if option in _OPTIONS:
        field, code = _OPTIONS[option]
        if isinstance(flow.QUESTIONS[field], ChooseMany):
            found[field] = [*found.get(field, []), *([code] if code not in found.get(field, []) else [])]
        else:
            found.setdefault(field, code)
        return
    if (joined := _options_joined(option)) is not None:  # "有中级职称和社保": both options, one clause (try18 U3)
        field, codes = joined
        found[field] = [*found.get(field, []), *(c for c in codes if c not in found.get(field, []))]
        return
    if (mode := _IS.sub("", simple)) in _FULLTIME:  # "全日制", "是全日制" ("系全日制")
        found.setdefault("edu_fulltime", _FULLTIME[mode])
        return
    if "permit_expiry" not in found and _SAYS_PERMIT.search(simple):  # "居住证到明年8月15号": a date said from today
        try:
            found["permit_expiry"] = flow.QUESTIONS["permit_expiry"].parse(initials_spelled(simple)).isoformat()  # "jzz…"
            return
        except v.ValidationError:
            pass
    if _NOT_ABROAD.match(simple):
        found.setdefault("edu_foreign", False)
        return
    foreign = _FOREIGN.match(simple)
    if foreign:
        found.setdefault("edu_foreign", (foreign.group(1) or foreign.group(2)) not in ("国内", "境内"))
        return
    if (studied := _STUDIED_LEVEL.match(simple)) is not None:  # "读了个大专", "全日制读的本科"
        if studied.group(1):
            found.setdefault("edu_fulltime", _FULLTIME[studied.group(1)])
        found.setdefault("edu_level", _OPTIONS[studied.group(2)][1])
        return
    if (lasted := _FOR_YEARS.match(simple)) is not None and lasted.group(1):  # "本科四年", "统招四年": the degree, the mode
        _read_clause(lasted.group(1), first, found, asked, schooling=schooling)
        return
    qualified = QUALIFIED_LEVEL.match(_IS.sub("", simple))
    if qualified and _OPTIONS.get(qualified.group(2), ("",))[0] == "edu_level":  # "全日制本科", "国内硕士", "是全日制本科"
        for word in re.findall("|".join(_QUALIFIERS), qualified.group(1)):
            found.setdefault(*_QUALIFIERS[word])
        found.setdefault("edu_level", _OPTIONS[qualified.group(2)][1])
        return
    qualified = LEVEL_QUALIFIED.match(simple)
    if qualified and _OPTIONS.get(qualified.group(1), ("",))[0] == "edu_level":  # "本科全日制"
        for word in re.findall("|".join(_QUALIFIERS), qualified.group(2)):
            found.setdefault(*_QUALIFIERS[word])
        found.setdefault("edu_level", _OPTIONS[qualified.group(1)][1])
        return
    school_degree = _SCHOOL_DEGREE.match(simple)
    if school_degree and school_degree.group(2) in _OPTIONS and len(simple) == len(clause):  # "复旦大学研究生"
        found.setdefault("edu_level", _OPTIONS[school_degree.group(2)][1])
        try:
            found.setdefault("edu_school", v.parse_school(clause[:school_degree.end(1)]))
        except v.ValidationError:
            pass
        return
    degree = _DEGREE_AFTER_SCHOOL.match(simple)
    level = degree and (degree.group(1) or degree.group(2))
    if level in _OPTIONS:  # "我是复旦硕士"
        found.setdefault("edu_level", _OPTIONS[level][1])
        return
    if _NO_BONUS.match(simple):  # "加分没有"
        found.setdefault("bonus_options", [])
        return
    if _TITLE_HELD.match(_OPTION_LEAD.sub("", simple)):  # "我是高级工程师": the title is a bonus option's
        found["bonus_options"] = [*found.get("bonus_options", []), *(["title"] if "title" not in found.get("bonus_options", [])
                                                                    else [])]
        return
    studied = _STUDIED_AT.match(simple)
    at = next((g for g in range(1, 4) if studied and studied.group(g)), 0)
    if studied and is_full_organisation(studied.group(at)):  # "喺香港大學讀嘅": the school, and where it is
        typed = clause[studied.start(at):studied.end(at)] if len(simple) == len(clause) else studied.group(at)
        try:
            found.setdefault("edu_school", v.parse_school(typed))
        except v.ValidationError:
            return
        # Where it is, by its name, only as "在…读的" tells it: "浙江大学的" beside the degree names the school alone.
        abroad = worded("edu_foreign", studied.group(at)) if at == 1 else None
        if abroad is not None:
            found.setdefault("edu_foreign", abroad)
        return
    spouse = spouse_options_said(simple, SPOUSE_NAMED)
    if spouse and asked != "spouse_options":  # "老婆是上海户口" beside the marital status
        found.setdefault("spouse_options", spouse)
        return
    if _facts_told(simple, found, asked):
        return
    # How the degree named beside it was studied, in its words ("本科，函授的", "大专 自考").
    mode = worded("edu_fulltime", simple) if "edu_level" in found else None
    if mode is not None:
        found.setdefault("edu_fulltime", mode)
        if not is_full_organisation(simple):  # "重庆大学网络教育学院": the mode, and the school it names
            return
    works_at = _WORKS_AT.match(simple)
    as_cased = mandarin(to_simplified(clause))
    # The name alone, without the words around it ("合同上是…", "是…", "跟…签的"), as typed.
    named = named_organisation(clause) if not works_at and (is_full_organisation(as_cased) or _SIGNED.search(simple)) \
        else None
    name = clause[works_at.start(1):works_at.end(1)] if works_at else named or clause
    organisation = mandarin(to_simplified(name))  # Latin words keep their case: "上海 Apple 电脑…" is a name as printed
    if is_full_organisation(organisation) and not organisation.startswith(_NOT_A_NAME_START) \
            and not _GOES_TO_SCHOOL.search(simple) and not _A_CHILDS.match(simple) \
            and not (_CHILDS_SCHOOL.search(organisation) and (asked == "children" or "children" in found)
                     and not _TEACHING.search(simple)):
        field = "edu_school" if (asked in _SCHOOL_ASKED or schooling and not works_at) and _SCHOOL.search(organisation) \
            or asked == "edu_school" else "employer"
        try:
            found.setdefault(field, (v.parse_school if field == "edu_school" else v.parse_employer)(name))
        except v.ValidationError:
            pass
        return
    if works_at and _WORK_SAID.search(simple) and asked != "edu_school" and not _A_CHILDS.match(simple) \
            and (workplace := _workplace_named(name)) is not None:
        found.setdefault("employer", workplace)  # "在汉江物流上班" beside other answers: said to be where one works
        return
    lead = _NAME_LEAD.match(simple)
    if lead and _A_RELATIVE.search(lead.group()):
        return  # "我媳妇叫刘丽" beside the applicant's own name: the relative's, not the applicant's
    if asked in _ORGANISATION_ASKED and lead and re.fullmatch(v.SOMEONE_CALLED, lead.group()):
        return  # "不知道全称 就叫星巴克", "大家都叫它…": what the organisation asked about is called, no one's name
    name = clause[lead.end():] if lead else clause
    if lead and lead.group() in ("我是", "我系") and _FROM_A_PLACE.fullmatch(to_simplified(name)):
        return  # "我是宁波人", "我是外地人": where one is from, no name
    if (lead or first) and plausible_name(to_simplified(name)):
        try:
            found.setdefault("name", v.parse_person_name(name))
        except v.ValidationError:
            pass


def _workplace_named(name: str) -> str | None:
    """The employer a workplace said in words names without an organisation's word ("在汉江物流上班", "新单位是上海江城
    物流"), as the employer question itself takes it ("上海滴滴"); None for a place ("在浦东上班", "在老家那边干活"), a
    house no name tells ("一家小公司") or what the employer's parser refuses."""
    simple = mandarin(to_simplified(name))
    if is_full_organisation(simple) or _A_PLACE_ONLY.search(simple) \
            or any(simple.startswith((district, f"上海{district}", f"上海市{district}")) for district in _DISTRICT_NAMES):
        return None
    try:
        return v.parse_employer(name)
    except v.ValidationError:
        return None


def _social_years(said: str) -> int | None:
    # A range ("五六", "十五六") or a count past the cap is no value: the question's own validator
    # says why when the applicant is asked it.
    try:
        return v.parse_count(said, label="社保累计年数", low=0, high=50)
    except v.ValidationError:
        return None


def _facts_told(simple: str, found: dict[str, Any], asked: str | None) -> bool:
    """Social-insurance years, children and marital status told in one clause, several of them run
    together without punctuation ("没孩子没结婚"); whether the clause told any. Where the spouse is asked about
    (``asked``), the spouse told of answers that question alone."""
    told = {}
    years = _SOCIAL_YEARS.match(simple)
    if years and ("社保" in simple or "交" in simple or "缴" in simple):
        if (count := _social_years(years.group(1))) is not None:
            told["social_years"] = count
    children = children_in(simple) if _SAYS_CHILDREN.search(simple) else None
    if children is not None:
        told["children"] = children
        status = worded("marital_status", simple) if _SAYS_MARRIAGE.search(simple) else None
        if status is not None:
            told["marital_status"] = status
    elif (_SPOUSE_TOLD.match(simple) and asked not in _ABOUT_THE_SPOUSE or _MARRIAGE_TOLD.match(simple)
          or _STATUS_TOLD.search(simple)) and (status := worded("marital_status", simple)) is not None:
        told["marital_status"] = status  # "老婆是越南人": married, said through the spouse; "嫁给上海人了", "早离了"
    for field, value in told.items():
        found.setdefault(field, value)
    return bool(told)


def without_denied_count(said: str) -> str:
    """``said`` without a count it denies ("孩子是三个 不是两个" → 孩子是三个)."""
    return _DENIED_COUNT.sub("", said).strip(" ，,")


# Children said to come along as 同住人 ("两个孩子 一个要随迁", "俩娃，一个跟我住", "一儿一女 儿子要随迁"): the
# count asked for is theirs (only children entered as 同住人 are counted: their papers go on the checklist).
_GOES_ALONG = r"(?:要|需要|准备|打算|想|会|是|也|跟我|和我|跟我们|带)*(?:随迁|同住|一起住|住一起|住|在上海|来上海|过来|填同住人|作为同住人|填进去|加进去|算进去)"
_COUNT_GOING = re.compile(rf"(?:只有|就|其中|只)?([\d一二两俩仨三四五])个(?:{_CHILD_WORDS}|{_CHILD_KINDS})?{_GOES_ALONG}")
_ONE_GOING = re.compile(rf"(?:^|[\s,，])(?:只有|就|其中)?(?:儿子|女儿|闺女|老大|老二|大的|小的|大宝|二宝){_GOES_ALONG}")
# … or said as the only ones added, after how many there are ("3个，但是只加老三", "两个 只加大的和小的", "两个孩子
# 只有小的跟我", "孩子只要加一个 另一个…"): the ones named after 只加 are counted, and with 只有 only those said to be with the applicant.
_KIN = r"老[大二三四五六幺小]|小的|大的|最小的|最大的|[大小二]?(?:儿子|女儿|闺女)"
_ONLY_ADDED = re.compile(rf"只(?:想|打算|准备|要|需要){{0,2}}(?:加|报|填|算|带|要|办|申请)了?(?:([\d一两俩二三四五])个|((?:{_KIN})(?:[和跟、及](?:{_KIN}))*)|一个)|"
                         rf"只有(?:{_KIN}|一个)(?:跟我|和我|在上海|在身边)")
_NONE_GOING = re.compile(r"都(?:不|没)(?:要|打算|准备)?(?:随迁|同住|一起住|跟我住|来上海|填)")
# … or all said to be in the other parent's custody after a divorce ("都跟前妻", "全归前夫"): none of them is the
# applicant's 同住人; and all said to live with the applicant ("都跟我住", "都跟我"): every one counted. Children in the
# hometown or with grandparents ("都在老家上学") are still the applicant's, counted as the development sets label them.
_ELSEWHERE = r"(?:跟|随|归|在|给)着?(?:前妻|前夫|前任)"
_ALL = r"(?:都|全|全部|全都|两个都|俩都)(?:是)?"
_ALL_ELSEWHERE = re.compile(rf"{_ALL}{_ELSEWHERE}")
ALL_GOING = re.compile(rf"{_ALL}(?:{_GOES_ALONG}|(?:跟|和|随|归)(?:我|我们)(?=$|[\s,，;；。!！]))")


# Some of the children counted said not to come along ("两个孩子 一个不随迁", "4个 老大不来上海", "两个孩子，有一个在外婆家
# 不跟我住", "三个孩子 老二读高中了不加"): those left are the 同住子女 (one by its place among them, "老大", is one).
_SOME_AWAY = re.compile(rf"(?:其中|有)?(?:([\d一两俩二三四])个(?:{_CHILD_WORDS}|{_CHILD_KINDS})?|{_KIN})"
                        r"(?:他|她)?(?:(?:在|上|读)[\u4e00-\u9fff]{1,5}?了?)?(?:就|也|暂时|还是|先)?(?:不|没)(?:要|打算|准备|会|用)?"
                        r"(?:随迁|同住|一起住|住一起|跟我住|和我住|跟我一起住|跟我|和我|来上海|在上海|加|填|算)")


_BARE_TOTAL = re.compile(r"(?:我|我有|有|一共|总共)?([\d一两俩二三四五])个?")


def children_away(said: str) -> tuple[int, int] | None:
    """(the children counted, those said not to come along) where a count is told, then some of them not
    coming, fewer than it; None otherwise."""
    away = _SOME_AWAY.search(said)
    if away is None or away.start() == 0:
        return None
    told = said[:away.start()].strip(" ,，;；。")
    bare = _BARE_TOTAL.fullmatch(told)  # "4个", "有3个" where the children are asked
    total = _small(bare.group(1)) if bare else children_in(told)
    gone = _small(away.group(1)) if away.group(1) else 1
    return (total, gone) if total is not None and 0 < gone < total else None


# Where children are, said without saying whether they are entered as 同住人 ("一个在上海读小学", "两个大的在老家"): a
# place alone; a word about coming along, custody or entering them ("跟我住", "随迁", "只加") says it.
_PLACED = re.compile(r"在(?:上海|本市|老家|外地|国外|身边)")
_ENTERED_SAID = re.compile(r"随迁|同住|一起住|住一起|跟我|和我|跟前|归我|归他|归她|只[加填算报带要]|不[加填算来用]|过来|来上海")


def children_placed(said: str) -> tuple[int, int] | None:
    """(the children counted, those said to be in Shanghai) where a count opens the message and the rest tells where
    some of them are by a place alone ("2个 一个在上海上幼儿园", "3个 两个大的在老家 一个在上海读小学"), fewer than all:
    whether the others are entered as 同住人 is not said, so the count to enter is open; None otherwise."""
    parts = [p for p in re.split(r"[\s,，;；。]+", said.strip()) if p]
    bare = _BARE_TOTAL.fullmatch(parts[0]) if len(parts) > 1 else None
    rest = " ".join(parts[1:])
    if bare is None or not _PLACED.search(rest) or _ENTERED_SAID.search(rest):
        return None
    total, here = _small(bare.group(1)), children_going(rest)
    return (total, here) if here is not None and here < total else None


# Some of the children counted said to be away by a place alone ("一个在老家", "老大在外地读书"): how many, and where.
_AWAY_PLACE = r"(老家|外地|国外|农村|乡下|县城|爷爷奶奶家|外公外婆家|姥姥家)"
_SOME_PLACED_AWAY = re.compile(rf"(?:其中|有)?(?:([\d一两俩二三四])个(?:{_CHILD_WORDS}|{_CHILD_KINDS})?|{_KIN})(?:还|现在|目前|一直)?"
                               rf"(?:在|留在|住在|待在){_AWAY_PLACE}")


def children_elsewhere(said: str) -> tuple[int, int, str] | None:
    """(the children counted, those said to be away, where) where a count opens the message and the rest says some
    of them, fewer than all, are elsewhere by a place alone ("2个 一个在老家"): whether those are entered as 同住人 is
    not said (the form counts 同住子女, and the development sets count children in the hometown when all are there),
    so the count to enter is open; None otherwise."""
    parts = [p for p in re.split(r"[\s,，;；。]+", said.strip()) if p]
    bare = _BARE_TOTAL.fullmatch(parts[0]) if len(parts) > 1 else None
    rest = " ".join(parts[1:])
    if bare is None or _ENTERED_SAID.search(rest) or children_going(rest) is not None:
        return None
    found = list(_SOME_PLACED_AWAY.finditer(rest))
    if not found or len({m.group(len(m.groups())) for m in found}) != 1:
        return None
    total, away = _small(bare.group(1)), sum(_small(m.group(1)) if m.group(1) else 1 for m in found)
    return (total, away, found[0].group(len(found[0].groups()))) if 0 < away < total else None


def children_going(said: str) -> int | None:
    """How many of the children told of come along as 同住人, when the message says so beside their
    number ("我有两个孩子 一个要随迁": 1); None when it says nothing of it."""
    if _NONE_GOING.search(said) or _ALL_ELSEWHERE.search(said) or _COUNT_NOT_GOING.search(said):
        return 0
    if only := _ONLY_ADDED.search(said):
        return _small(only.group(1)) if only.group(1) else len(re.findall(_KIN, only.group(2))) if only.group(2) else 1
    going = _COUNT_GOING.findall(said)
    if going:
        return sum(_small(n) for n in going)
    ones = _ONE_GOING.findall(said)
    return len(ones) or None


# The children counted, then said not to come along ("有一个但是不随迁", "两个娃 不跟我住"): none is a 同住人.
_COUNT_NOT_GOING = re.compile(rf"^(?:有|就|只有|一共)?(?:[\d一二两俩仨三四五])?个(?:{_CHILD_WORDS}|{_CHILD_KINDS})?"
                              r"(?:但是?|可是|不过|[\s,，])*(?:他|她|他们|她们)?都?(?:不|没)(?:要|打算|准备|会)?"
                              r"(?:随迁|同住|一起住|住一起|跟我住|和我住|来上海|填同住人|作为同住人)")
# A child not yet born ("二胎还在肚子里", "老二还没出生"): no 同住人 yet; one counted by its place among the
# children ("二胎") leaves those before it.
_UNBORN = r"(?:还)?(?:在)?(?:肚子里|没出生|未出生|没生|在怀着|怀着)"
_UNBORN_BY_PLACE = re.compile(rf"(?:([二三四])胎|老([二三四])|([二三四])宝){_UNBORN}")
_UNBORN_ALONE = re.compile(rf"^(?:{_CHILD_WORDS}|一胎|头胎|老大|大宝)?{_UNBORN}(?:呢|哦|的|啊)?$|^(?:怀孕了|刚怀上|在怀孕)")


def children_in(said: str) -> int | None:
    """The number of children said in words ("俩娃", "一儿一女", "还没有孩子"); None otherwise.
    A count of all the children ("两个娃") is the answer; counts of sons and daughters add up, and of
    them, those said to come along as 同住人 are counted when the message says which (``children_going``)."""
    said = _ONE_PICKED_OUT.sub("", without_denied_count(said))
    if _COUNT_NOT_GOING.search(said) or _UNBORN_ALONE.search(said):
        return 0
    if unborn := _UNBORN_BY_PLACE.search(said):
        return _small(next(n for n in unborn.groups() if n)) - 1
    if (away := children_away(said)) is not None:
        return away[0] - away[1]
    going = children_going(said) if len(_SAYS_CHILDREN.findall(said)) and len(re.split(r"[\s,，;；。]+", said.strip())) > 1 else None
    if going is not None:
        return going
    if _NO_CHILDREN.search(said):
        return 0
    if _TWINS.search(said):
        return 2
    then_count = _CHILDREN_THEN_COUNT.match(said)
    if then_count:
        return _small(then_count.group(1))
    counted = _COUNTED_CHILDREN.findall(said)
    if not any(noun == "女" for _, noun in counted):  # 男 is a son only beside a daughter counted ("一男一女"), never
        counted = [(n, noun) for n, noun in counted if noun != "男"]  # "一个男朋友", "一个男同事" (review3 R7)
    counted = counted or [(n, noun) for noun, n in _NOUN_THEN_COUNT.findall(said)] \
        or [("一", noun) for noun in _ONE_CHILD.findall(said)] or _named_beside_the_spouse(said)
    totals = {_small(n) for n, noun in counted if noun in _ALL_CHILDREN}
    if totals:
        return totals.pop() if len(totals) == 1 else None
    more = _ONE_MORE.findall(said) if counted else []
    return sum(_small(n) for n, _ in counted) + sum(_small(n) for n in more) if counted else None


# A child picked out by its place ("删掉第二个孩子的照片", "第1个娃的出生证明"): which one, never how many.
_ONE_PICKED_OUT = re.compile(rf"第\s*(?:\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*个?\s*(?={words.either(words.ONE_OF_SEVERAL)})")
# The spouse and then children named one by one in a list ("加老公和儿子", "老婆、儿子和闺女都加上"): one each.
_SPOUSE_THEN = re.compile(rf"{words.either(words.SPOUSE)}(?:和|跟|与|、|，|,|还有|以及|加上?|带上?|连同)")
_CHILD_PERSON = re.compile(rf"(?<![\d一二两俩仨三四五几个])({words.alternatives(words.CHILD_PEOPLE)})")
_DENIED = re.compile(r"不|没|别|除了")


def _named_beside_the_spouse(said: str) -> list[tuple[str, str]]:
    """Children named singly in a list after the spouse, each as one counted; empty when none, or when a
    denial is said with them (who is left out is the count's own reading)."""
    spouse = _SPOUSE_THEN.search(said)
    rest = said[spouse.end():] if spouse else ""
    return [] if _DENIED.search(rest) else [("一", person) for person in _CHILD_PERSON.findall(rest)]


def _small(digit: str) -> int:
    return int(digit) if digit.isdecimal() else _SMALL[digit]
