"""Words for the people an applicant speaks of, kept as data in one place: each reading that needs
them composes its pattern from the named parts below, so the copies cannot drift apart (a word
added to the spouse is added wherever the spouse is read).

Why a site leaves a part out is said at the site; the parts are split where a word names the person
only in some places (先生/太太 also address a stranger, 对象 is also "object" and a partner not
married).
"""
from __future__ import annotations

import re

# The spouse, named by a word that means nothing else.
SPOUSE_PLAIN = ("老婆", "老公", "媳妇", "爱人", "丈夫", "妻子", "配偶")
# The spouse, named by a word that also addresses a stranger ("先生您好", "先生在吗").
SPOUSE_ADDRESSED = ("先生", "太太")
# A partner who may not be married ("有对象" is no marriage), and the formal "object" ("加分对象").
PARTNER = ("对象",)
# Every word that can name the spouse.
SPOUSE = SPOUSE_PLAIN + SPOUSE_ADDRESSED + PARTNER
# The spouse said figuratively ("那口子", "另一半"): 另一半 is also the other half of a card or a number.
SPOUSE_FIGURATIVE = ("那口子", "另一半")
# He or she, as the varieties say it (伊: Shanghainese, 佢: Cantonese), where the spouse is already the
# subject (at the spouse options, at the marital status).
PRONOUNS = ("她", "他", "伊", "佢")

# Children as the varieties call them (小囡/囡囡: Shanghainese, 细伢子: Hunan and Hubei, 细路/仔女: Cantonese).
CHILD_WORDS = ("孩子", "小孩", "娃", "子女", "宝宝", "小朋友", "小囡", "囡囡", "囡", "细伢子", "伢", "细路", "仔女")
# A child named by who the child is.
CHILD_PEOPLE = ("儿子", "女儿", "闺女", "男孩", "女孩", "继子", "继女", "养子", "养女")
CHILDREN = CHILD_WORDS + CHILD_PEOPLE
PARENTS = ("父母", "父亲", "母亲", "爸", "妈")
# The family as a whole ("家属": whoever goes with the applicant).
FAMILY = ("家属",)
# Other kin, who are never companions on the points notice (only the spouse and children are) but whose
# numbers or names an applicant may have at hand ("我弟弟的身份证…", "我姐叫…").
KIN = ("哥哥", "弟弟", "姐姐", "妹妹", "兄弟", "姐妹", "爷爷", "奶奶", "外公", "外婆", "公公", "婆婆", "岳父", "岳母",
       "丈母娘", "老丈人", "小舅子", "小姨子", "大舅子", "嫂子", "弟媳", "姐夫", "妹夫")
# People outside the family.
OTHER_PEOPLE = ("同事", "朋友")
# Whose number an application form also asks for besides the applicant's: the employer's and the
# emergency contact's ("单位电话", "紧急联系人").
CONTACTS = ("单位", "公司", "紧急")

# Who an ordinal can pick out among several ("第二个孩子", "第1个儿子", "第一个老公"): the place of a person among
# them, never a count of them nor a checklist item's place.
ONE_OF_SEVERAL = CHILDREN + SPOUSE_PLAIN + KIN

# A paper lost ("弄丢了", "丢失", "遗失", "找不到了", "不见了"): the words both the checklist's reading (an item said not
# to hand is asked about, not chosen) and the materials stage (the entry on lost papers, not sending others first) use.
LOST = ("丢", "遗失", "找不到", "找不着", "不见了")


def alternatives(*parts: tuple[str, ...]) -> str:
    """The words of ``parts`` as a regular-expression alternation (no group), longest first so a
    longer word is never cut short by a word it starts with ("囡囡" before "囡")."""
    words = sorted(dict.fromkeys(word for part in parts for word in part), key=len, reverse=True)
    return "|".join(map(re.escape, words))


def either(*parts: tuple[str, ...]) -> str:
    """The words of ``parts`` as one non-capturing group, to place inside a larger pattern."""
    return f"(?:{alternatives(*parts)})"
