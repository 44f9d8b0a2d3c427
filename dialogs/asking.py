"""Whether a message asks something, by what it asks rather than its punctuation: one list of
cues for the whole dialogue. The understanding step never records a message that asks as a plain
answer, and the validators never take one for a name ("公司全称写啥").

Matched on the matching form (simplified, half-width, lower case).
"""
from __future__ import annotations

import re

from dialogs import words
from dialogs.text import groups_kept
from dialogs.per_message import per_message

# 什么/啥 (啥子) before 都/也 and a denial is "none at all", asking nothing ("啥加分都没有", "什么证书也没考过",
# Sichuan "啥子都莫得"), and after 不是 "not any" ("也不是啥紧缺专业"); asking someone else ("我得问下她") asks us nothing;
# 几分 asks how many points ("能加几分"). "天哪" is an exclamation ("天哪 这么多"), "每天哪个时间" still asks.
# "A还是B" asks which, but a choice settled on after a thought ("算了还是同意吧", "那还是续办吧",
# "邮箱还是填一下吧 …") asks nothing.
_ASKING = re.compile(
    r"[?？]|吗|呢|怎么|怎样|如何|(?<!天)哪(?!个都|都)|(?<=天)哪(?=[个里儿些位家种年月一])|(?<!没)(?<!没有)(?<!不是)什么(?!都|也|[^\s，,。]{1,4}?[都也][没不无])|甚么|谁(?!都|也)|多久|多少|(?<![十好前近这那早过])几[点天号时个家岁门种次张份页项位周年月分](?!前|钟)|"
    r"(?<![这那])么(?:样|哩|子(?!女))|嘎哈(?!都|也)|有[^\s，,。没]{1,6}没[?？]?$|"  # Hubei 么样 (how), Jiangxi 么哩 and Hunan 么子 (what), Northeast 嘎哈, "有影响没"
    r"多长时间|能否|可否|能不能|可不可以|是否|为什么|为何|请问|要不要|需不需要|咋|(?<!没)(?<!不是)啥(?!子?(?:都|也)|[^\s，,。]{1,4}?[都也][没不无莫冇])|干嘛|算不算|行不行|好不好|"
    r"想问|问一下(?!她|他|人事|领导|家里)|问下(?!她|他|人事|领导|家里)|请教|了没(?:有)?(?=$|[\s,，。.!！~～])|\S(?<![回次我也就那])(?<!算了)(?<!想了想)还是(?!老的|旧的|原来|以前|之前|一样|没|不)(?![^\s，,。?？]{1,6}吧(?:[。.!！~～\s，,]|$))\S|的话|不$|(?<![不没])(\S)[不没]\1|"  # "是不是", "有没有" (not "没有没有"), "填对了没"
    r"(?<!好)伐[?？]?$|(?<![什怎那这])(?<!饿了)么[?？]?$|"  # Shanghainese "…伐", "…么" (not the brand 饿了么)
    r"(?<![没不])有没(?!有)|"  # "有没用", Cantonese "有冇用" in the matching form (有没有 cut short)
    # a yes/no put to the assistant itself, ending in 没 ("那你结婚没呀", "你吃饭没"): it asks (its 结婚 was saved as 已婚)
    r"^(?:那|那么|小助手)?你(?!们)[^\s，,。没]{1,6}没(?:有)?(?:呀|啊|哇|哦|嘛)?[?？!！~～]*$|"
    r"(?<!尤)为甚(?!至)|[做干弄整要](?:个)?甚(?![至么])|甚(?:意思|时候|东西)|"  # Shanxi, Inner Mongolia 甚 (what): "为甚", "做甚"
    r"\bcan (?:or|a) ?not\b|\bcan anot\b|\bok or not\b"  # Singapore and Malaysia's tag: "…can or not", "ok or not"
)
# A tag asking agreement with what the message says ("…可以吧", "算本科吧" — not 总算/打算 —, "可以提交了吧",
# "这个号能收短信吧", "这个安全吧", "要写身份证上的吧"; a count settled on, "算9年吧", asks nothing): it asks, yet when the knowledge base has nothing on it,
# it wanted a yes, not an answer ("都对 可以生成吧" at the summary).
_AGREEMENT_TAG = re.compile(
    r"(?:没问题|没事|可以|能办|能用|也能|对)吧|(?<![总打])算(?![了错\d一二两三四五六七八九十])[^\s，,。;；]{1,6}吧[?？]?$|"
    r"(?:可以|能)\S{0,6}吧[?？]?$|"
    r"(?:还在|还有效|还算数?|安全|保密|不会丢|不会泄露)吧[?？]?$|要(?:写|填|用|交|带|拍|传|开|补|提供)[^\s，,。]{1,10}吧[?？]?$|"  # "之前的分数还在吧", "要写全名吧", "要交结婚证吧"
    # "肚子里的不算吧", "老大工作了也要填吧", "断过两个月 没影响吧": whether it counts, guessed, wanting a yes
    r"(?:不|也|都)算(?:吧|嘛)[?？]?$|(?:也|还)(?:要|得|需要)?(?:填|写|交|带|算|报|传)[^\s，,。]{0,3}吧[?？]?$|都(?:要|得|需要)(?:填|写|交|带|算|报|传)[^\s，,。]{0,3}吧[?？]?$|"
    r"(?:没|不)(?:影响|关系|问题|事)吧[?？]?$|不用(?:填|写|交|带|传|拍|选|提供)[^\s，,。]{0,4}吧[?？]?$|"  # "…不用填吧"
    # "…收得到吧", "一样就行吧", "这么填吧", "要回来改吧", "你们不会外传吧": the same guess, by what it guesses
    r"得到吧[?？]?$|就(?:行|好)吧[?？]?$|(?:这么|这样)(?:填|写)吧[?？]?$|要[^\s，,。]{0,6}(?:改|认证|交|带|拍|开|补)吧[?？]?$|不会[^\s，,。]{1,4}吧[?？]?$"
)


# 呢 after a state that has not come about yet states it ("还没结婚呢", "没有孩子呢"); it asks only
# with a question word of its own ("为什么还没审核呢").
_STILL_NOT = re.compile(r"^(.*(?:还没|没有|没|还在|正在|未).*)呢[~～!！。.]*$")
_STILL_NOT_SAID = groups_kept(1)  # what _STILL_NOT keeps of it
# …and after 着 it stresses a state (northern "对着呢", "好着呢", "早着呢"): a statement, no question of its own.
_STRESSED = re.compile(r"着呢(?=$|[\s,，。.!！~～])")


# A question whether the answer was put the right way ("这样写对吗", "是这么填吗", Cantonese "係唔係咁寫"): the
# answer it comes with, saved and said back, is its reply.
_HOW_IT_IS_PUT = re.compile(
    r"(?:这样|这么|咁|这个格式|格式)(?:写|填|输入?|打)?(?:的?对|可以|行|得|ok)?(?:吗|不|么|伐|嘛|[?？])|"
    r"是不是(?:这样|这么|咁)(?:写|填|输入?|打)|(?:这样|这么|咁)(?:写|填|输入?|打)(?:对不对|行不行|可不可以|得不得)"
)


# "Are you there?" opening a message ("在吗？我想办积分，第一次弄") greets: what follows it says whether it asks.
_THERE = re.compile(r"^(?:你好|您好|hi|hello|哈喽|喂)?[\s,，。!！~～]*(?:在吗|在不在|在么|有人吗|有人在吗)[?？!！。\s,，~～]*(?=\S)")


# A complaint shaped like a question asks nothing ("问来问去烦不烦", "有完没完"), nor does a resigned "what can one
# do" before the answer given ("怎么办嘛 同意就同意"), nor children's being asked back as out of the question
# ("没结婚，哪来的孩子": none, answered).
_RHETORICAL = re.compile(rf"(?:能)?(?:怎么办|咋办)(?:嘛|呢|呀|啊)?(?=[\s,，。~～]+(\S{{1,3}})就\1)|烦不烦|有完没完|(?:哪|哪里|哪儿|上哪)(?:来|有)的?(?:{words.alternatives(words.CHILD_WORDS)})"
                         rf"[?？!！。.~～啊呀呢]*$")


def _said(form: str) -> str:
    """``form`` without what only looks like asking: a greeting's "在吗", a complaint, 呢 after a state."""
    return _STRESSED.sub("着", _RHETORICAL.sub("", _STILL_NOT.sub(_STILL_NOT_SAID, _THERE.sub("", form, count=1))))


@per_message  # about three calls a message on its one form
def asks(form: str) -> bool:
    """Whether ``form`` (a text in the matching form) asks something."""
    said = _said(form)
    return _ASKING.search(said) is not None or _AGREEMENT_TAG.search(said) is not None


# "What comes next?" after an answer ("刘德华，下一步呢", "同意 然后干嘛"): the next question is its answer.
_WHATS_NEXT = re.compile(
    r"(?:请问|那)?(?:(?:下一步|接下来|然后|之后|后面|再然后)(?:呢|是什么|是啥|干嘛|干啥|要?(?:做|干|弄)(?:什么|啥|嘛)|怎么(?:办|弄|做)|该(?:干嘛|干啥|做什么|怎么办))|下一步)"
    r"[?？。.!！~～\s]*$")


def answer_before_whats_next(text: str) -> str | None:
    """What ``text`` says before asking only what comes next ("刘德华，下一步呢" → "刘德华"); None when it asks
    nothing so, says nothing before it, or asks something else too."""
    tail = _WHATS_NEXT.search(text)
    said = text[:tail.start()].rstrip(" ,，、。.;；") if tail is not None else ""
    return said if said and not asks(said) else None


# How to send something ("怎么发给你", "咋传", "发到哪里"): about an item named, its answer is choosing it
# to photograph, not its description again.
_HOW_TO_SEND = re.compile(r"(?:怎么|咋|如何|怎样)(?:样)?(?:发|传|上传|交|给)|(?:发|传|交)(?:给你)?(?:到|去)?哪")


def asks_how_to_send(form: str) -> bool:
    """Whether ``form`` asks how to send something to us."""
    return _HOW_TO_SEND.search(form) is not None


def only_seeks_agreement(form: str) -> bool:
    """Whether all ``form`` asks is agreement with what it says ("确认 可以先这样吧")."""
    said = _said(form)
    return _ASKING.search(said) is None and _AGREEMENT_TAG.search(said) is not None


# What may stand beside the check when it is all the message says ("刚才那个这样写对吗？").
_ONLY_THE_CHECK = re.compile(r"^(?:刚才|刚刚|上面|前面|那个|这个|我|的|吗|呢|啊|呀|[?？!！。.~～\s])*$")


def only_checks_how_it_is_put(form: str) -> bool:
    """Whether ``form`` does nothing but ask whether an answer was put the right way ("这么写行吗"), giving
    none: it asks about the answer given just before."""
    said = _STILL_NOT.sub(_STILL_NOT_SAID, form)
    return _HOW_IT_IS_PUT.search(said) is not None and _ONLY_THE_CHECK.match(_HOW_IT_IS_PUT.sub("", said)) is not None


# A value put to be checked by a bare tag ("上海某某科技有限公司可以吗", "写华为技术有限公司对吗"): what is left,
# group "put", is the answer offered, to be said back as saved.
_PUT_TO_CHECK = re.compile(r"^(?:写|填|就写|就填)?(?P<put>.+?)\s*(?:可以|对|行|没问题|ok)(?:吗|不|么|嘛|伐)[?？。.!！~～\s]*$")


def value_put_to_check(form: str) -> str | None:
    """The value a message offers with nothing but a tag asking whether it will do; None when it does not."""
    put = _PUT_TO_CHECK.match(form)
    return put.group("put") if put else None


def checks_how_it_is_put(form: str) -> bool:
    """Whether ``form`` asks whether the answer it gives was put the right way ("2027/6/30 係唔係咁寫")."""
    return _HOW_IT_IS_PUT.search(_STILL_NOT.sub(_STILL_NOT_SAID, form)) is not None


# A tag alone, put after what the message did ("…可以吗", "这样改行不行", "对吧"): it asks only whether that will do.
_TAG_ALONE = re.compile(r"(?:这样|这么改|这样改)?(?:可以|行|对|好|没问题|ok)(?:吗|么|嘛|吧|不|没|不行|不可以|不对)?")


def only_asks_if_it_will_do(form: str) -> bool:
    """Whether all ``form`` asks is whether what comes with it will do, no question of its own: agreement sought
    ("确认 可以先这样吧"), the way it is put checked ("这样写对吗"), or a tag alone ("可以吗", "这样改行不行")."""
    return only_seeks_agreement(form) or checks_how_it_is_put(form) \
        or _TAG_ALONE.fullmatch(form.strip(" ?？。.!！~～")) is not None


# A question whether what the message told is enough ("我30岁 本科 社保3年 够吗", "这样能申请吗", "到120分了吗"): the
# facts before it are its premises, put to be judged, not answers to the form's questions.
_WHETHER_ENOUGH = re.compile(
    r"^(?:那|这样|这些|这个条件|我这样|我这情况)?(?:分数?)?(?:够(?:不够|分)?|能(?:不能)?(?:办|申请|批|过|达标|到120分?)(?:积分)?|"
    r"可以(?:申请|办)(?:积分)?|(?:到|有|够|满)120分?(?:了)?|达标|有戏)(?:了)?(?:吗|么|嘛|没有?|不)?[?？!！。.~～\s]*$"
)


def asks_whether_enough(form: str) -> bool:
    """Whether the clause ``form`` (matching form) asks only whether what was said before it is enough."""
    return _WHETHER_ENOUGH.match(form.strip()) is not None



# A question how to fill the form in ("怎么选", "该怎么填", "选哪个"): the words before it are what the choice is about
# ("同住人 配偶 孩子 都要加 怎么选"), put to be answered, not answers (try17 T30: 婚姻状况 recorded from "配偶").
_HOW_TO_CHOOSE = re.compile(r"^(?:那|这|那我|我)?(?:该|应该|要)?(?:怎么|咋|如何|怎样)(?:选|填|勾|写)|^(?:选|填|勾)(?:哪个|哪项|哪一个|啥|什么)")


def asks_how_to_choose(form: str) -> bool:
    """Whether the clause ``form`` (matching form) asks how to fill the form in or which option to take."""
    return _HOW_TO_CHOOSE.match(form.strip()) is not None


# The options shown, referred to by their place ("第二个选项", "选项2", "第1个") or all together ("这两个选项",
# "这几个选项有啥区别", "选项的区别"), in a question about them: the options' own names are what is asked about.
_OPTION_AT = re.compile(r"第\s*([一二两三四五六七八九\d])\s*(?:个|项|条|种)\s*(?:选项)?(?!次|年|月|天)|选项\s*([一二两三四五六七八九\d])")
_OPTIONS_TOGETHER = re.compile(r"(?:[这那]?(?:两|几|些|俩)个?|各个?)选项|选项\S{0,3}(?:区别|不同|差别)")  # not "那个选项": one
_NUMERALS = "一二三四五六七八九"


def options_asked_about(form: str, names: list[str]) -> str | None:
    """``form`` (a question, in the matching form) with the options it refers to by place or together put
    as their ``names`` (the options shown, in order); None when it refers to none of them that way."""
    if (together := _OPTIONS_TOGETHER.search(form)) is not None:
        return form.replace(together[0], "和".join(names))
    at = _OPTION_AT.search(form)
    if at is None:
        return None
    said = at[1] or at[2]
    place = int(said) if said.isdigit() else _NUMERALS.index(said.replace("两", "二")) + 1
    return form.replace(at[0], names[place - 1]) if 1 <= place <= len(names) else None
