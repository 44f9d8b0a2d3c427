"""One message, understood: ``interpret(point, text, kb=…) -> [Interpretation, …]``, best first.

The step is pure (no transport, no storage). Exact rules decide only where they are exact: a
command word said alone, a checklist item by number ("第3项", "删掉第5项"), a value that cannot be
anything else at this point (a valid ID number where the ID number is asked). Everything else is
the classifier's, trained on the corpus; the question's parser gives the value, the entity
extractor the answers to other questions, and the knowledge base's confidence turns a
search-style phrase it matches strongly ("浦东人才中心地址") into a question wherever it arrives.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dialogs import render
from dialogs.asking import asks, value_put_to_check
from dialogs.flows import application as flow
from dialogs.intents import SAID_IN_ITS_WORDS, exact_intent, match_intent
from dialogs.questions import Choice, ChooseMany
from dialogs.understanding.classifier import CONTESTED_AT, Classifier, Ranked, trained
from dialogs.understanding.entities import (
    ends_with_shaped, every_shaped, extract, form_answers, level_raised_later, occupation_said, qualified_level,
    refused_in, runs_on, spoken_digits,
)
from dialogs.understanding.features import match_form, murmurs, searches_about_answer
from dialogs.understanding.items import NAMED, item_named, item_off_list, item_talk, places, says_lacking
from dialogs.understanding.organisations import is_full_organisation, signed_with
from dialogs.understanding.points import field_at
from dialogs.understanding.whose import Dropped, anothers_facts_dropped
from dialogs.understanding.values import (
    EXACT_VALUE, a_choice_wanted, a_wait, answer_after_question, choice_amid_story, answer_in_clause, answers_before_question, answer_then_question, clauses,
    compares_options, counts_anothers, doubts_the_answer, exactly_an_answer, in_words, none_but_anothers, options_around_question,
    introduced_name, name_in_words, options_declined, options_in, options_turned_down, parse, supposes, used_before,
    reread, two_names, value_of,
)
from dialogs.understanding.worded import _NO_EDIT, ANY_DENIAL, GUESS_ONLY_WITH, hukou_elsewhere, negated, taken_back, worded
from dialogs import validators
from dialogs.debris import without_debris
from dialogs.text import capital_numerals, framing_dropped, okay_emoji_said, to_halfwidth, to_simplified, zeros_typed_as_o
from dialogs.validators import Offered, Refused, ValidationError, parse_ordinal
from dialogs import words
from knowledge.data_file import read_yaml
from knowledge.normalize import normalize
from knowledge.segment import cut_whole

# Points of a draft's checklist, where nothing is submitted to withdraw.
_DRAFT_POINTS = frozenset({"materials", "photographing"})
# Points after the checklist is made: a number there is a checklist item, not an answer.
CHECKLIST_POINTS = frozenset({"materials", "photographing", "submitted", "returned", "approved"})
# Fields whose answer has an exact shape (a mobile, an ID number, an address, a date): found
# among other words and alone of its kind, it is the answer whatever the words around it.
EXACT_FIELDS = frozenset({"mobile", "id_number", "email", "permit_expiry"})
RECORDING = frozenset({"answer", "answers", "answer_and_question"})
# Fields with one answer known by its shape, where two different ones sent together are asked about (a
# period's two dates are its start and end: the validity's end is taken).
_ONE_BY_ITS_SHAPE = EXACT_FIELDS - {"permit_expiry"}
STRONG_MATCH = 0.6  # knowledge-base confidence at which a phrase is taken as a question wherever it arrives
SURELY_OUTSIDE = 0.5  # the classifier's score for "out_of_scope" that a knowledge-base match does not overturn
ASK_KB_FROM = 0.15  # the classifier's score for "question" above which the knowledge base is consulted
# A command the model reads with less certainty than this, while "question" scores too, is checked
# against the knowledge base: "闵行的材料寄到哪" reads a little like 进度, and the KB's strong match wins.
SURE_COMMAND = 0.4
# A first message the model reads as a business type with this certainty, asking nothing, is that choice
# ("我积分到期了要续", "居住证签注好了 现在要把积分延期"), though the knowledge base has an entry on the type.
SURE_CHOICE = 0.7
# A first message the model reads as a look-up of one's own file with this certainty is that command, though an entry
# of the knowledge base tells how to do it ("我之前交的审到哪一步了" matches the entry on progress: 进度 shows it).
SURE_LOOKUP = 0.75
_LOOKUPS = frozenset({"progress", "history", "help"})
# How close the model's "question" may come to its "non_answer" for a message that asks to be taken as a question.
TORN = 0.02
# (Voice input writes 项 as its homophone 向: "第三向".)
_VIEW = re.compile(r"^(?:查看|看看|看一下|看下|打开|选|选择|上传|传|拍|我要传|我要上传|改|重传|重新传|重新上传|补传)?((?:倒数)?第?\S{1,3}?)(项|个|号|条|份|(?<=第\S)向|(?<=第\S\S)向)?"
                   r"(?:材料)?$")
_DELETE = re.compile(r"^(?:删掉|删除|删了|去掉|不要|移除|删|去除|撤掉|撤下|拿掉)((?:倒数)?第?\S{1,3}?)(?:项|个|号|条|份)?(?:材料)?$|"
                     r"^把?(第\S{1,3}?|倒数第?\S{1,3}?|最后\S?|\d{1,2})(?:项|个|号|条|份)?(?:材料)?"
                     r"(?:删掉|删除|删了|去掉|不要了|不要|不需要|不用了|移除|拿掉)吧?$")
# The courtesies around a request typed formally ("同志您好 麻烦您打开第六项 谢谢", "劳驾 请帮我看一下第3项 谢谢您"): a
# greeting and a please before it, a thanks after, none of which changes what is asked (dev20: read as small talk).
_COURTESY_BEFORE = re.compile(r"^(?:(?:老师|同志|师傅|小姐|客服|工作人员)?(?:你好|您好)|劳驾(?:您|你)?|麻烦(?:您|你)?(?:了)?|请|帮我|给我|帮忙|"
                              r"(?:能|可以)?(?:帮|替)(?:我|忙)|把)(?:[\s,，。!！~～]*)")
_COURTESY_AFTER = re.compile(r"(?:[\s,，。!！~～]*(?:谢谢(?:您|你|了|啦)?|多谢(?:了|啦)?|感谢(?:您|你)?|辛苦(?:了|啦)?)[\s,，。!！~～🙏]*)+$")


def _courtesy_dropped(form: str) -> str:
    """``form`` without the greeting, please and thanks around what it asks (``_COURTESY_BEFORE`` / ``_AFTER``)."""
    said, before = _COURTESY_AFTER.sub("", form), None
    while before != said:
        before, said = said, _COURTESY_BEFORE.sub("", said, count=1)
    return said.strip()


# A place counted from the end of the checklist shown: "最后一项", "最后那个", "倒数第二个".
_FROM_END = re.compile(r"最后(?:一|那|的)?(?=项|个|份|条|样|$)|倒数第?\s*([一二三四五六七八九十\d]{1,3})")
_CHECKLIST_COMMANDS = frozenset({"view_item", "delete_item"})
# The names of the answers (姓名, 单位, 学历…), as the summary and the 申办信息 show them.
_ANSWER_NAMES = frozenset(name.lower() for question in flow.QUESTIONS.values() for name in question.names()
                          if name not in flow.QUESTIONS["confirmed"].names() + flow.QUESTIONS["consent"].names())
# The score the reported answers make, said wrong in a dispute ("系统里分数不对 少了10分"): a report of its own as
# much as an answer named is (the answers reported are what the score is counted from).
_SCORE_SAID = re.compile(r"分数|分值|得分|总分|(?:少|多|差)了?\s*\d+\s*分")
# The engine's names for small talk, by the words that say it.
_SMALLTALK_INTENTS = {"greet", "thanks", "emoji"}
# Answers kept as typed (a name, a company, a school): "壹号" in a company's name stays as written.
_AS_TYPED = frozenset(f for f, question in flow.QUESTIONS.items() if question.as_typed)
# Where WeChat's OK code alone ("[OK]") says yes: the summary's confirmation, which "ok" confirms. Not the
# commitment, given in words (an emoji there may mean "seen": acknowledged, asked again); elsewhere a feeling.
_OKAY_CHOSEN = frozenset({"confirmed"})
# Where a count is asked, in digits: the only points a letter o is read as a zero.
_COUNTS = frozenset({"children", "social_years"})


# Readings of words that neither answer nor ask: beside a sticker, the sticker says what the message does.
_SAYS_NOTHING = frozenset({"non_answer", "smalltalk"})


@dataclass(frozen=True)
class Interpretation:
    """What a message may mean. ``kind`` is one of the labels' kinds; ``value`` the answer to the
    question asked, ``fields`` answers to several questions, ``command`` (with ``argument`` and
    ``item``) a command, ``reason`` why a non-answer cannot be taken, ``kb`` the knowledge
    base's answer when it was consulted."""

    kind: str
    confidence: float
    value: Any = None
    fields: dict[str, Any] = field(default_factory=dict)
    command: str | None = None
    argument: str = ""
    item: int | str | None = None
    reason: str | None = None
    kb: Any = None
    asks: bool = False  # the message asks something (by what it asks): never recorded as a plain answer
    implied: bool = False  # a command read from words that do not say it ("我都传完了" for submit): not run
    refused: dict[str, str] = field(default_factory=dict)  # answers to other questions typed wrong, and why
    offered: Any = None  # the one answer ``reason`` offers, recorded on a yes next ("…可能是：2.配偶为本市户籍")
    aside: str | None = None  # what was said beside the answers and not taken, said back with them ("会计师")
    contests: bool = False  # says a return is wrong ("合同是今年续签过的"), whatever its kind: for a person to re-check


# A question whether a paper will do ("委托单是10月8号开的 还能用吗"): asked, never an objection by the contest model alone
# (review5 Q12) — unless argued in words of its own ("凭什么…呢", "明明…吗", the reviewer who "still says" otherwise:
# "我交的就是原件 怎么还说是复印件呢", review6 P4).
_ONLY_ASKED = re.compile(r"^(?!.*(?:凭什么|凭啥|怎么会|明明|根本|不认|不成立|搞错|弄错|看错|还说)).*"
                         r"(?:(?:吗|呢|么|嘛)[?？。.!！~～\s]*$|能不能|可不可以|行不行)")

# The new paper promised ("合同是今年续签的 我这就传新的", "我再拍一张"): the return taken, nothing for a person to re-check.
# So is the reason agreed with ("日期我看了 是超过两个月了", "确实过期了").
_NEW_ONE_SENT = re.compile(r"(?:这就|马上|立刻|现在就?|等下|待会儿?|重新|再)(?:去)?(?:传|上传|拍|补传|发)|"
                           r"(?<![不没])(?:确实|的确|(?<=[\s,，])是)(?:是)?(?:已经)?(?:超过|超期|过期|到期|不清|模糊|拍糊)")


def interpret(point: str, text: str, *, kb: Any = None, classifier: Classifier | None = None,
              checklist: Sequence[str] = ()) -> list[Interpretation]:
    """The interpretations of ``text`` sent at ``point``, best first (never empty). ``checklist``:
    the names of the checklist shown, when one is (a material named is its number there)."""
    typed = text = without_debris(text)
    best = _understood(point, framing_dropped(text), kb=kb, classifier=classifier, checklist=checklist)
    if best[0].kind in _SAYS_NOTHING and framing_dropped(text) != text:
        # "你猜[坏笑]", "好吧[叹气]": words that neither answer nor ask beside a sticker; the sticker is the message
        best = _understood(point, text, kb=kb, classifier=classifier, checklist=checklist)
    first = _quoting_as_typed(best[0], typed)
    if point in CONTESTED_AT and not _ONLY_ASKED.search(framing_dropped(text)) \
            and not _NEW_ONE_SENT.search(framing_dropped(text)) \
            and (classifier or trained()).contests(point, framing_dropped(text)):
        first = replace(first, contests=True)
    return [first, *best[1:]]


def _understood(point: str, text: str, *, kb: Any, classifier: Classifier | None,
                checklist: Sequence[str]) -> list[Interpretation]:
    at = field_at(point)  # the answer asked for there, looked up once (~13 uses a message: issue 19)
    if at in _OKAY_CHOSEN:  # "[OK]" at the summary confirms it, as "ok" does
        text = okay_emoji_said(text)
    if at not in _AS_TYPED:  # "贰" at a menu is 2, "第拾壹项" item 11
        text = capital_numerals(text)
    if at in _COUNTS:  # "1o" where the years are asked is 10, "孩子 o 个" none
        text = zeros_typed_as_o(text)
    if not (at == "name" and two_names(text)):  # "王 芳 李 四": two people, kept apart for the name's parser
        text = _spaced_characters_joined(text)
    text = _list_referred_back_dropped(at, text)
    text = _confirming_tail_dropped(at, text)
    if (bare := _grumble_dropped(at, text)) == "" and not _SIGH_ALONE.fullmatch(text.strip()):
        return [Interpretation("smalltalk", 1.0)]  # "又要填", "真麻烦啊": a feeling, never the name (a sigh alone murmurs)
    text = bare or text
    if (point == "start" or at == "business_type") and looks_up_a_file(text):
        # "查一下1101…的进度", "帮我老公查下进度 他叫张三 身份证…": the number and the name find the file looked up (often
        # another's), no answer of the applicant's; the progress, which says how it is followed (try20 W16, W25)
        return [Interpretation("command", 1.0, command="progress")]
    if (dropped := anothers_facts_dropped(at, text)).text != text \
            and not (point == "start" and asks(match_form(dropped.text))):  # "我老公是研究生 我自己是大专": 大专
        # (a first message's question after a relative's facts is about them: "女儿17岁在读高中，做同住人要交什么")
        return _own_facts(point, dropped, kb=kb, classifier=classifier, checklist=checklist)
    form = match_form(text)
    settled = _settled_in_the_message(at, text, form)
    if settled is not None:
        return [settled]
    if at == "business_type" and (chosen := _type_wanted_asking_how(form)) is not None:
        return [Interpretation("answer", 1.0, value=chosen)]  # "…我要办积分新办怎么弄": the type, and the way is to begin
    if at == "consent" and refused_with_a_protest(form):  # "不同意 凭甚要我担一切后果": a refusal
        return [Interpretation("answer", 1.0, value="disagree")]
    ranked = _interpret(point, text, form, kb=kb, classifier=classifier, checklist=checklist)
    best = _never_a_recorded_question(ranked[0], point, text, form)
    if best.kind == "question" and point != "start" and _GOING_TO_ASK.match(form) and not _ASKED_OF_US.search(form):
        # "我得问下我爱人 她上回是新办还是续办": gone to ask someone what they would know, the question theirs, put to
        # nobody here: a pause, as the sets label it (dev20: the knowledge base answered someone who had gone)
        best = Interpretation("command", best.confidence, command="pause", asks=True)
    if point == "start" and best.kind == "question" and (amid := choice_amid_story(at, text)) is not None:
        # "我在上海交了三年社保 今年第一次办 要啥材料": the type chosen in a clause of its own after the story, and asked
        # about (try20 W29: the story read it all as a question, and the type said was never begun)
        best = replace(best, kind="answer_and_question", value=amid[0], asks=True)
    if (best.kind == "smalltalk" or best.kind == "non_answer" and _PERSON_ADDRESSED.search(form)) and best.asks \
            and point not in CHECKLIST_POINTS and point != "start" \
            and (wanted := at) and (first := answer_then_question(wanted, text)) is not None:
        # "冯涛 你问这么多干嘛": the answer first, then why it is wanted asked — kept, and the why answered; so too
        # after the answer the person addressed with a question the knowledge base is unsure of (try19 V8)
        best = Interpretation("answer_and_question", best.confidence, value=first, asks=True, kb=best.kb)
    if best.kind == "answer" and point not in CHECKLIST_POINTS and _supposition_asked_after(text):
        # "一个 要出生证明吧", "本科 自考的也算吧": the answer, then a supposition put to be confirmed; kept, and answered
        best = replace(best, kind="answer_and_question", asks=True)
    if at == "name" and best.kind == "answers" and "name" not in best.fields \
            and (relatives := _relatives_name_beside(text)) is not None:
        # "我女儿叫孙雨桐 积分续办": the type kept, and the name too, for the engine to ask whether the applicant is that
        # relative (a_relatives_name), as it does when the name comes alone; it was dropped as a relative's word unasked
        best = replace(best, fields={**best.fields, "name": relatives})
    if (parted := _name_apart(best.fields)) is not best.fields:  # "张伟 IBM 科技有限公司": 张伟 is no word of the name
        best = replace(best, fields=parted)
    if best.kind == "question" and point not in CHECKLIST_POINTS and point != "start" and (wanted := at) \
            and not (wanted in _ONE_BY_ITS_SHAPE and _WRITERS_OWN_FOR_A_RELATIVE.search(form)):  # asked for a relative
        told = answers_before_question(wanted, text)  # "本科 应届 社保2年 软件工程算紧缺专业吗": kept, and answered
        if (own := _own_value_confirmed(wanted, text)):  # "身份证号是1101…吗？对的": asked and said yes to at once
            best = replace(best, kind="answers", value=own.get(wanted), fields=own, asks=False)
        elif told:
            best = replace(best, kind="answer_and_question", value=told.get(wanted), fields=told)
        elif chosen := options_around_question(wanted, text):  # "应该是应届生加分吧？学历也要": both kept, and answered
            best = replace(best, kind="answer_and_question", value=chosen)
        elif (put := _organisation_put_to_check(wanted, text)) is not None:  # "上海某某科技有限公司可以吗"
            best = replace(best, kind="answer_and_question", value=put)
        elif (first := _exact_answer_then_question(wanted, text)) is not None:  # "5年 断过两个月 影响不"
            best = replace(best, kind="answer_and_question", value=first)
        elif _PERSON_ADDRESSED.search(form) and (first := answer_then_question(wanted, text)) is not None:
            best = replace(best, kind="answer_and_question", value=first)  # "我单位是… 人工是想问下…" (try19 V8)
    elif best.kind == "answer_and_question" and not best.fields and point not in CHECKLIST_POINTS and point != "start" \
            and (told := answers_before_question(at, text)) and best.value in (None, told.get(at)):
        # "没孩子 未婚 手机138… 没邮箱 另外问下社保断缴…": every answer before the question kept, as without it (try19
        # V16: the count alone was, and the others asked again)
        best = replace(best, value=told.get(at), fields=told)
    if at == "confirmed" and best.kind == "answer_and_question" and best.value == "confirm" and _NO_EDIT.search(form) \
            and taken_back(at, form):  # "都对 手机号不改的话收不到短信": the 不改 inside a clause, no okay (review7 R7-11)
        best = replace(best, kind="question", value=None)
    if best.kind in _ANSWERING:  # "张伟 3201…6017": the name saved, and the ID number's mistake said
        wanted = at
        # The question's own field speaks for itself (its exact shape's reason is the non-answer's:
        # "校验位不正确", not "含有其他字符"), unless other answers were saved without it.
        refused = refused_in(text)
        if best.kind == "non_answer" and wanted in refused:
            best = replace(best, reason=refused[wanted])
        speaks = best.kind != "answers" or wanted in best.fields
        said_wrong = {f: why for f, why in refused.items() if f != wanted or not speaks}
        if said_wrong != best.refused:  # most answers refuse nothing: no copy
            best = replace(best, refused=said_wrong)
    if best.kind == "command" and best.command in SAID_IN_ITS_WORDS and not SAID_IN_ITS_WORDS[best.command](text):
        best = replace(best, implied=True)
    if best.kind in ("answer", "answer_and_question") and at == "edu_level" \
            and (raised := level_raised_later(text)) is not None:
        best = replace(best, value=raised)  # "先读的大专 后来专升本": the highest level, 本科
    if best.kind == "answer" and at == "edu_school" and best.value \
            and (mode := worded("edu_fulltime", match_form(text.replace(str(best.value), " ")))) is not None:
        # "自考的北京大学": the school, and how the degree was studied beside it (never inside its name: 邮电大学
        # holds 电大), an answer of its own (是否全日制)
        best = replace(best, kind="answers", fields={"edu_school": best.value, "edu_fulltime": mode})
    if best.kind == "answer" and (caveat := _caveat_answered(at, text, kb)) is not None:
        best = replace(best, kind="answer_and_question", kb=caveat)  # "同意 但是我还没在积分系统录入信息"
    if best.kind in ("answers", "non_answer") and (theirs := anothers_given(at, text)):
        # "我老婆手机139…" at the ID number: the wife's mobile is not kept as the applicant's, and said so
        fields = {f: v for f, v in best.fields.items() if f not in theirs}
        said = render.anothers_kept_out([flow.QUESTIONS[f].label for f in theirs])
        best = replace(best, fields=fields, reason=said) if fields else \
            replace(best, kind="non_answer", fields={}, value=None, reason=said)
    if at == "edu_foreign" and best.kind == "answer" and best.value is True and abroad_of_another(text):
        # "我老婆是美国留学回来的", "女儿在英国读书": someone else's time abroad, not the applicant's degree; asked again
        best = replace(best, kind="non_answer", value=None, reason=render.ANOTHERS_DEGREE_NOT_TAKEN)
    if at in _BEFORE_THE_NAME and best.kind in ("non_answer", "command", "smalltalk") and not best.asks \
            and (name := _introduced_alone(text)) is not None:
        # "我叫张伟" at the permit's date or the consent: the name, kept for its question as an ID number is (try18 U2);
        # the model had read it as a pause
        best = Interpretation("answers", 1.0, fields={"name": name})
    if (best.kind in ("non_answer", "question") or best.kind == "answer" and at in _FREE_TEXT
            and not _A_PLACE_NAMED.search(str(best.value))) and not best.asks and (told := _bonus_told(at, text, form)):
        # "有中级职称和社保" at the school, "我有中级职称" at the e-mail: bonus options named at another question are
        # kept, as their follow-ups are ("社保交了7年"); they were dropped, or answered as a question (try18 U3), or
        # kept as the school's name itself where the model read an answer (no school or company is named so)
        best = Interpretation("answers", best.confidence, fields=told)
    if at == "bonus_options" and best.kind == "answers" \
            and set(best.fields.get("bonus_options", ())) <= set(flow.BONUS_FOLLOW_UPS) \
            and (implied := flow.with_bonus_options({}, best.fields)) != best.fields:
        # "研究生 全日制", "本科 社保交了六年": the options their follow-ups belong to are chosen with them, as the engine
        # saves them (``flow.with_bonus_options``): said with the answers read. Beside another option named, the degree
        # is left as told ("应届生 硕士 复旦大学": the graduation's; "职称跟紧缺专业 我是交大的硕士"), as the sets label it.
        best = replace(best, fields=implied)
    return [best, *ranked[1:]]


# Where an application stands asked after: its progress (进度, 进展), how far the review went (审到哪, 到哪一步, 在哪个环节),
# whether it is through (审好了没, 通过了吗, 结果出来没), how it went (办得怎么样); and a look-up asked for by a number
# ("查一下1101…", "帮我查查138…"). Never where a paper goes ("材料寄到哪").
_WHERE_IT_STANDS = re.compile(
    r"进度|进展|(?<![寄交送递传拿去跑放])到(?:哪|啥|什么)(?:一步|步|个环节|里|儿|了|程度)|在哪(?:一步|个环节)|审(?:核|批)?(?:到|得|的)"
    r"(?:哪|啥|什么|怎么样|咋样|如何)|(?:审|批)(?:核)?(?:好|完|过|下来)了?(?:没|吗|么|伐|没有)|通过(?:了)?(?:没|吗|么|伐|没有)"
    r"|结果(?:出来)?了?(?:没|吗|么|伐)|办(?:得|的)(?:怎么样|咋样|如何)|查(?:一下|下|查|询|看|看一下)?\s*(?:号码|手机号?|身份证号?)?[\s:：]*\d")
# What identifies a file: read from a look-up, none is an answer of the applicant's.
_IDENTIFYING = frozenset({"id_number", "mobile", "name"})


def looks_up_a_file(text: str) -> bool:
    """Whether ``text`` asks where an application stands and names it by a number or a name ("查一下1101…的进度",
    "138… 这个号码的申请到哪了", "帮我老公查下进度 他叫张三"): whatever it holds identifies the file looked up."""
    form = match_form(text)
    return _WHERE_IT_STANDS.search(form) is not None and not set(extract(text)).isdisjoint(_IDENTIFYING)


# Where the spouse is asked about (or the marriage itself), a spouse told of answers that question alone.
_ABOUT_THE_SPOUSE = frozenset({"spouse_options", "marital_status"})


def _own_facts(point: str, dropped: Dropped, *, kb: Any, classifier: Classifier | None,
               checklist: Sequence[str]) -> list[Interpretation]:
    """The interpretations of the applicant's own words in a message that also told another person's facts
    (``whose``): only another's answer given, the question is asked again, said why ("我老公单位是…"); a spouse
    told of still tells the marriage ("我老婆叫李丽 她有职称": married, no bonus option)."""
    wanted = field_at(point)
    best = _understood(point, dropped.text, kb=kb, classifier=classifier, checklist=checklist) \
        if dropped.text.strip() else [Interpretation("non_answer", 1.0)]
    first = best[0]
    if dropped.answered and first.kind in ("non_answer", "smalltalk") and wanted in flow.QUESTIONS:
        first = replace(first, kind="non_answer", reason=render.anothers_fact_not_own(flow.QUESTIONS[wanted].label))
    if dropped.spouse and wanted not in _ABOUT_THE_SPOUSE and first.kind in ("answer", "answers", "non_answer") \
            and "marital_status" not in first.fields:
        fields = {**({wanted: first.value} if first.kind == "answer" else first.fields), "marital_status": "married"}
        first = replace(first, kind="answers", fields=fields, value=fields.get(wanted))
    return [first, *best[1:]]


# A protest beside a refusal at the consent ("不同意 凭甚要我担一切后果", "凭啥要我承诺 不签"): 凭什么 asks on what
# grounds, and asks it of no one; with the refusal said, the message is a refusal (the development sets label it
# so), taken as one with the protest heard. A why asked beside it ("不同意 为什么要授权？") is still a question.
_PROTEST = re.compile(r"凭(?:什么|啥|甚|嘛)[^\s,，。.!！?？;；~～]*")
_PAUSES = re.compile(r"[\s,，。.!！?？;；~～]+")


def refused_with_a_protest(form: str) -> bool:
    """Whether ``form`` (the matching form) refuses the consent and asks nothing but on what grounds."""
    if not _PROTEST.search(form):
        return False
    rest = _PAUSES.sub(" ", _PROTEST.sub(" ", form)).strip()
    return bool(rest) and not asks(rest) and worded("consent", rest) == "disagree"


# A tail asking the bot to agree ("…对吧", "…是吧", "…没错吧"): after a number of one's own, a confirmation, no question.
_CONFIRMING_TAIL = re.compile(r"[\s,，]*(?:对吧|是吧|没错吧|对不对|是不是|没错|对的吧)[?？。.!！~～\s]*$")


# A clause after the answer that supposes something and asks it be confirmed by its 吧 ("要出生证明吧", "编外的也算吧",
# "这个要跟居住证上一样吧", "最后一位是0没错吧"), wherever it stands after the answer ("1 新办没错吧 我之前没办过",
# "199… 需要实名的吧 是我本人的": a story after it asks nothing back); not a hedge on the answer itself ("应该是吧",
# "大概吧", "就这样吧", "算是吧"), nor a step asked for or a choice made with it ("生成材料吧", "直接开始吧", "就选社保吧",
# "算一个吧"), nor the count hedged ("总共九年吧"). Two characters of words at least before the 吧 ("是0吧" is a hedge).
_SUPPOSED = re.compile(r"^(?=.*[\u4e00-\u9fff].*[\u4e00-\u9fff].*吧)\S{3,}吧[?？。.!！~～\s]*$")
_HEDGE = re.compile(r"^(?:应该|大概|可能|差不多|估计|算|就|先|暂时)?(?:是|这样|这个|那样|如此)?(?:的)?吧"
                    # the count itself, hedged ("头三年在外地 …总共九年吧")
                    r"|^(?:总共|一共|合计|加起来|前后|大概|差不多|估计|应该)*(?:有|是)?[\d一二两三四五六七八九十]+个?[年个岁月]"
                    r"|^(?:那|那就|就|先|还是|我|直接|马上|赶紧|快点?)*(?:选|生成|提交|交|开始|继续|确认|填|写|算|报|办|弄|走|发|传|下一步|往下)"
                    r"(?!.*(?:没错|一样|也算|都算|都得|也行))"  # "填本科没错吧" puts its own answer to be confirmed
                    # an option settled for after a sigh ("唉 就社保吧", "这个加分我就选学历吧", "那就这样吧")
                    r"|^\S*?就(?!是)(?:选|要|报|填)?[\u4e00-\u9fff]{1,6}吧")


def _supposition_asked_after(text: str) -> bool:
    """Whether a clause after the first of ``text`` supposes something and asks it be confirmed (``_SUPPOSED``)."""
    parts = clauses(text)
    if len(parts) < 2 or asks(match_form(parts[0])):
        return False
    return any(_SUPPOSED.search(said) and not _HEDGE.match(said)
               for said in (match_form(part).strip() for part in parts[1:]))


def _confirming_tail_dropped(wanted: str | None, text: str) -> str:
    """``text`` without a confirming tail right after the ID number, mobile or e-mail asked ("我手机是1380…对吧");
    ``text`` itself otherwise. A tail after something said of the number ("3201… 末尾没有X对吧", "…最后一位是0没错吧")
    puts that to be confirmed: an answer and a question (dev14, dev18)."""
    tail = _CONFIRMING_TAIL.search(text)
    if tail is None or wanted not in flow.DISTINCTIVE_ANSWERS:
        return text
    before = text[:tail.start()]
    if not ends_with_shaped(wanted, before):
        return text
    return before if value_of(wanted, before)[1] is None or len(every_shaped(wanted, before)) == 1 else text


# Characters typed one by one with a space after each (an elder's habit, or a careful hand: "同 济 大 学", "李 强"):
# one word, where the whole message is typed so (a number beside them aside: "李 强 1101…"). Where some pieces are
# words, the single characters among them are words too ("张伟 身份证…", "我叫 杨 木 易 的杨 建国": the surname
# spelled by its parts), and numerals alone are options or counts ("一 三").
# A slow typist of fifty puts a space after every word, short ones and grammar's own among them ("请问 单位 改 过 名 字
# 填 新 的 还是 旧 的 。", "同住 和 户籍 这 两 个 都 要"): the sentence is one, and its words apart tore the pairs of
# characters the model reads (a question read as 修改, a thanks as the name 小姑娘, both options as none). Word by word
# is five pieces or more, none longer than four characters, one of them a single one; answers listed apart have
# longer words or fewer ("本科 全日制 复旦大学 社保"), and a character spelled out is still told apart ("的张", "英雄的英").
_SPACED_RUN = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff])+")
_NUMERALS = frozenset("一二三四五六七八九十零两")
_PIECES = re.compile(r"[\s,，。.!！?？、;；~～]+")
_WORD_BY_WORD = 5  # pieces
_SPELLED_OUT = re.compile(r"的\S|(\S)\S*的\1")  # "的张", "英雄的英": a character of the name told by a word holding it


def _spaced_characters_joined(text: str) -> str:
    """``text`` with its characters typed apart joined into one word, when each of its pieces in Chinese is one, or
    its words typed apart joined into one sentence, when it is typed word by word."""
    pieces = [piece for piece in _PIECES.split(text) if re.search(r"[\u4e00-\u9fff]", piece)]
    if len(pieces) < 2 or set(pieces) <= _NUMERALS:
        return text
    if any(len(piece) > 1 for piece in pieces) and not _typed_word_by_word(pieces):
        return text
    return _SPACED_RUN.sub(lambda run: "".join(run.group().split()), text)


def _typed_word_by_word(pieces: Sequence[str]) -> bool:
    return len(pieces) >= _WORD_BY_WORD and max(map(len, pieces)) <= 4 and any(len(piece) == 1 for piece in pieces) \
        and not any(_SPELLED_OUT.fullmatch(piece) for piece in pieces)


# An option chosen by its place in the list the last message showed, pointed back at ("上面说的第三个", "你上一条列的第
# 三个 就那个", "上面第2个和第3个"): the place is the answer; the pointing was read as an option's name, and found none.
_REFERRED_BACK = re.compile(r"^(?:就是?)?(?:你|您)?(?:上面|上边|前面|刚才|刚刚|上一条|上条)(?:消息)?(?:里|那条)?"
                            r"(?:说|列|写|发|给|提|讲)?(?:的|出来的|过的)?(?:那个)?[\s,，]*(?=第)")
_THAT_ONE = re.compile(r"[\s,，。]*(?:就是?|对)?(?:那个|这个|那一?个|那项)(?:吧|哈|啊)?[\s。.!！]*$")
_PLACES_ONLY = re.compile(r"(?:第[\d一二三四五六七八九十两]{1,2}[个项号条]?[\s,，、和跟与及]*)+(?:都要|都选|吧)?[\s。.!！]*")


def _list_referred_back_dropped(wanted: str | None, text: str) -> str:
    """``text`` without the words pointing back at the options listed, where an option is chosen by its place."""
    question = flow.QUESTIONS.get(wanted or "")
    if not isinstance(question, Choice) or not question.numbered or not (back := _REFERRED_BACK.match(text)):
        return text
    places = _THAT_ONE.sub("", text[back.end():])
    return places if _PLACES_ONLY.fullmatch(places) else text  # "上一条的第四个 是什么意思" asks about it


# A sigh or a grumble about the form before a free-text answer ("唉 又要填 邵春雷", "哎呀真麻烦，王建国", "烦死了又得写一遍
# 李娜"): how the applicant feels about typing it, never a word of the name, employer or school that follows.
_SIGH = r"(?:[唉哎嗐啧哼]+[呀哟啊]?)"
_GRUMBLE = re.compile(
    rf"^(?:{_SIGH}|(?:怎么|咋|又|还|再)+(?:要|得)?(?:重新)?(?:填|写|输|打)(?:一遍|一次|一回|一下)?(?:啊|呀|哦)?|"
    r"(?:真|好|太)?(?:烦|麻烦|累)(?:死)?(?:了|人|啊|呀)*(?=[\s,，。.!！~～…]|$)|(?:烦|累)死了|无语(?:了)?|服了)"
    r"[\s,，。.!！~～…]*")
_SIGH_ALONE = re.compile(rf"{_SIGH}[\s,，。.!！~～…]*")
_FREE_TEXT = frozenset({"name", "employer", "edu_school"})
_A_PLACE_NAMED = re.compile(r"大学|学院|学校|中学|党校|公司|集团|研究[所院]|医院|中心|事务所|银行|厂")


def _grumble_dropped(wanted: str | None, text: str) -> str:
    """``text`` without the sighs and grumbles about the form before the name, employer or school asked ("" when
    it is nothing else); ``text`` itself elsewhere."""
    if wanted not in _FREE_TEXT:
        return text
    rest = text.strip()
    while (grumble := _GRUMBLE.match(rest)) is not None and grumble.end():
        rest = rest[grumble.end():]
    return rest if rest != text.strip() else text


_QUOTE = re.compile(r"“([^“”]+?)(…?)”")


def _quoting_as_typed(best: Interpretation, typed: str) -> Interpretation:
    """``best`` with what its reasons quote of the message as the applicant typed it: the parsers read a
    rewritten form (capital numerals as numbers, "壹拾" → 一十; simplified, half-width, lower case), and a
    refusal quoting it would quote words the applicant never typed. A quote maps back by its place in a
    form of the same length as the text (each rewriting is character for character there)."""
    if not best.reason and not best.refused:
        return best
    forms = [form for form in {capital_numerals(typed), match_form(capital_numerals(typed)), to_halfwidth(typed)}
             if form != typed and len(form) == len(typed)]
    if not forms:
        return best

    def back(quote: re.Match[str]) -> str:
        said = quote.group(1)
        if said in typed:
            return quote.group()
        at = next(((form.find(said), form) for form in forms if said in form), None)
        return f"“{typed[at[0]:at[0] + len(said)]}{quote.group(2)}”" if at else quote.group()

    def requote(message: str | None) -> str | None:
        return _QUOTE.sub(back, message) if message else message

    refused = {field: requote(why) for field, why in best.refused.items()}
    return replace(best, reason=requote(best.reason), refused=refused if refused != best.refused else best.refused)


def _exact_answer_then_question(wanted: str, text: str) -> Any:
    """The answer of a message the model reads as a question whose first clause is the answer in its exact shape
    (a date, a count, a mobile, an e-mail, an option's name or number: "2028年3月5号 现在能办吗", "四年 有两个月断缴
    影响不") and a later clause asks about it; None otherwise. What the question asks is answered beside it. Never
    where the question asks what a word means ("2 是什么意思") or sets another option beside it ("新办 跟续办差在哪")."""
    if wanted in _ONE_BY_ITS_SHAPE and len(shaped := every_shaped(wanted, text)) == 1 and not asks(match_form(clauses(text)[0])):
        # "158 2173 6609 号码中间有空格没关系吧": the number however typed, and the question apart from it (one glued to it,
        # "1381…能收到通知吗", is put to check: a question, as the model reads it); never one said to
        # be someone else's ("138… 这是我爱人的 可以不": whether a relative's will do is asked, and answered, first)
        mine = not _anothers(text, shaped[0]) and not _anothers(text, shaped[0], asking=True)
        return shaped[0] if mine and asks(match_form(_SHAPED_PARTS.sub(" ", to_halfwidth(text)))) else None
    parts = clauses(text)
    if len(parts) < 2 or not exactly_an_answer(wanted, match_form(parts[0])) or compares_options(wanted, text) \
            or any(_ASKS_MEANING.search(match_form(p)) for p in parts[1:]):
        return None
    return answer_then_question(wanted, text)


# What a number or an address is typed with: the rest of the message is what is said beside it.
_SHAPED_PARTS = re.compile(r"[A-Za-z0-9@._%+\-\s]+")


# What a word means, asked ("是什么意思", "啥叫…"): the clause before it is the word asked about.
_ASKS_MEANING = re.compile(r"(?:啥|什么|甚么|咩|乜)意思|(?:啥|什么)叫|指(?:的是)?(?:啥|什么)|怎么理解|咋理解|区别|不同|差别|差在")


def _own_value_confirmed(wanted: str, text: str) -> dict[str, Any]:
    """Answers of an exact shape (an ID number, a mobile, an e-mail, a date) asked about and then said yes
    to in the same message ("身份证号是1101…吗？对的", "…吧？对"): the applicant's own, confirmed; empty
    otherwise (read only where the message was read as a question)."""
    parts = clauses(text)
    if len(parts) < 2 or match_form(parts[-1]).rstrip("!！。.~～") not in validators.YES:
        return {}
    asked = " ".join(parts[:-1])
    if _ANOTHERS.search(asked):  # "我老婆身份证号是1101…吗？是的": the spouse's number, never the applicant's
        return {}
    found = extract(asked, wanted)
    return {f: v for f, v in found.items() if f in flow.DISTINCTIVE_ANSWERS} if set(found) <= set(flow.DISTINCTIVE_ANSWERS) else {}


def _name_apart(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` with the applicant's name taken off the organisation's name it opens, a space between
    ("张伟 IBM 科技有限公司": the space before a Latin word of a name is held, so the name joined it): the same
    characters are never both. ``fields`` itself when there is nothing to take off."""
    name = fields.get("name")
    if not isinstance(name, str) or not name:
        return fields
    parted = {f: v[len(name):].strip() for f, v in fields.items()
              if f in ("employer", "edu_school") and isinstance(v, str) and v.startswith(name) and v[len(name):len(name) + 1].isspace()}
    return {**fields, **parted} if parted else fields


# A caveat said after an okay ("同意 但是…", "确认，不过…"): what follows the 但是 is a clause of its own.
_CAVEAT = re.compile(r"(?:^|[\s,，。;；!！~～])(?:但是|不过|可是|只是|但)[\s,，]*(?P<caveat>\S.*)$")


def _caveat_answered(wanted: str | None, text: str, kb: Any) -> Any:
    """The knowledge base's answer to a caveat said beside consent or the summary's confirmation
    ("同意 但是我还没在积分系统录入信息": the notice just said the pre-review is returned without that
    entry, and what to do is answered), when it answers the caveat alone with confidence; None otherwise.
    Only there: elsewhere a clause after 但是 is most often another answer ("已婚 但老婆户口在外地")."""
    if kb is None or wanted not in GUESS_ONLY_WITH or (caveat := _CAVEAT.search(text)) is None:
        return None
    if worded(wanted, match_form(clauses(caveat.group("caveat"))[-1])) is not None:
        return None  # "…但是我的材料都是真的 同意": the okay said after the worry, which it settles; nothing asked
    found = kb.ask(caveat.group("caveat"))
    return found if found.status == "answered" and found.confidence >= STRONG_MATCH else None


_DIGIT = re.compile(r"\d")
_ANSWERING = frozenset({"answer", "answers", "answer_and_question", "non_answer"})
# Questions answered yes or no (the parser's 是/否).
_YES_NO = frozenset(f for f, q in flow.QUESTIONS.items() if getattr(q, "parse_text", None) is validators.parse_yes_no)


# A question about one's own answer settled at once after it ("身份证号是1101…吗？不对 是1101…"): what follows.
_SELF_CORRECTED = re.compile(r"[?？]\s*(?:哦|噢|啊|呃)?[\s,，]*(?:不对|不是|错了|说错了|打错了|搞错了)[\s,，。!！]*"
                             r"(?:应该是|应该|是)?[\s:：]*([^?？]+)$")


# What a question about how or whether to answer says ("名字要写拼音吗", "邮箱必须填吗"): no value asked about.
_HOW_OR_WHETHER = re.compile(r"要|能|可以|怎么|怎样|什么|啥|哪|为什么|必须|需要|用不用|写不写|填不填")


# A business type wanted, by its name after the want, in a run-on message (voice input: "…我要办积分新办怎么弄"), and
# how to go about it asked after it, nothing else: the way to go about it is to begin.
_TYPE_WANTED = re.compile(r"(?:要|想)(?:办理|办|申请|弄|搞)(?:个|一个|那个|这个)?(?P<type>积分新办|积分续办|新办|续办|单位信息变更|"
                          r"增加同住人)")
_HOW_TO_GO_ABOUT = re.compile(r"(?:要|该|应该|需要)?(?:怎么|咋|如何|怎样)(?:弄|办|搞|做|整|操作|办理|申请)(?:呢|啊|呀|哦)?"
                              r"(?=$|[\s,，。.!！?？~～]|我)")
_ASKING_FIRST = re.compile(r"^(?:喂|你好|您好|老师|[\s,，])*(?:我)?(?:想)?(?:问一下|问下|请问)")  # a preface, asking nothing itself


def _type_wanted_asking_how(form: str) -> str | None:
    """The business type a message wants by name when all it asks besides is how to go about it (no steps, papers or
    time asked: "新办咋弄 流程发我" asks for the steps); None otherwise."""
    wanted = _TYPE_WANTED.search(form)
    if wanted is None or not _HOW_TO_GO_ABOUT.search(form, wanted.end()):
        return None
    rest = _HOW_TO_GO_ABOUT.sub(" ", _ASKING_FIRST.sub("", form))
    if asks(rest) or re.search(r"流程|步骤|材料|多久|时间", rest):
        return None
    value, error = value_of("business_type", wanted.group("type"))
    return value if error is None else None


def _settled_in_the_message(wanted: str | None, text: str, form: str) -> Interpretation | None:
    """A message that asks and answers its own question: the organisation asked for looked up aloud
    and then named ("伊拉单位叫啥 我问一下 哦 上海联华超市股份有限公司"). None otherwise. (Whether having
    none will do, "邮箱没有行不行", is a question: answered, and the applicant replies 无.)"""
    if wanted is None or len(form) != len(text):
        return None
    corrected = _SELF_CORRECTED.search(text)
    # Only where the question was about a value of the same answer: "名字要写拼音吗？不是 中国人" asks nothing
    # of a name said before the question mark, so what follows 不是 is no correction of it.
    asked_of = re.sub(r"[吗嘛么呢]$", "", text[:corrected.start()].rstrip()) if corrected else ""
    if corrected and not asks(match_form(corrected.group(1))) \
            and not _HOW_OR_WHETHER.search(asked_of) \
            and (value_of(wanted, asked_of)[1] is None or re.search(r"\d{6}|@", asked_of)):  # "是1101…0021吗？不对 是1101…002X": the one said last
        value, error = value_of(wanted, corrected.group(1), by_clause=False)
        return Interpretation("answer", 1.0, value=value) if error is None else None
    parts = clauses(text)
    if flow.QUESTIONS[wanted].as_typed and len(parts) > 1 and asks(form) and not asks(match_form(parts[-1])) \
            and is_full_organisation(match_form(parts[-1])) and not any(is_full_organisation(match_form(p))
                                                                           for p in parts[:-1]):
        value, error = value_of(wanted, parts[-1])
        return Interpretation("answer", 1.0, value=value) if error is None else None
    return None


# Other papers with a date of their own, named where the residence permit's is asked.
_OTHER_DOCUMENT = re.compile(r"身份证|护照|驾照|驾驶证|通行证|营业执照|签证|劳动合同|合同")
_PERMIT = re.compile(r"居住证|居住登记")
# A year: its four digits first in their run, never inside an ID number ("身份证4101021993…": a birth year).
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}")


def _another_documents_date(form: str) -> str | None:
    """The other paper whose date a message tells where the permit's expiry is asked ("身份证有效期到2035年",
    "身份证到2035-05-01"): named with a year, the permit not named, nothing asked. None otherwise."""
    other = _OTHER_DOCUMENT.search(form)
    if other is None or _PERMIT.search(form) or not _A_YEAR.search(form) or asks(form):
        return None
    return other.group()


def _never_a_recorded_question(best: Interpretation, point: str, text: str, form: str) -> Interpretation:
    """Whatever path read it, a message that asks leaves here marked so, and never as a plain
    answer: it answers and asks when its first clause answers the question waiting, otherwise it is
    a question. The policy refuses to record a plain answer so marked, too. A search-style phrase
    about an answer ("续办时间节点") asks as much as one with a question's words."""
    if not asks(form) and not searches_about_answer(point, form):
        return best
    if best.kind == "command" and best.command in _ONCE_DONE and _AFTER_THE_STEP[best.command].search(form):
        # "确认了还能撤回不", "提交之后还能改吗": what may be done once the step is taken, asked — a question, never the step
        return Interpretation("question", best.confidence, asks=True, kb=best.kb)
    if point == "consent" and best.kind in RECORDING and _AFTER_AGREEING.search(form) \
            and not any(_AGREED_ALONE.fullmatch(part.strip()) for part in clauses(form)):
        return Interpretation("question", best.confidence, asks=True, kb=best.kb)
    if best.kind in ("answer", "answers"):
        best = _asks_too(best, point, field_at(point), text)
    return replace(best, asks=True)


# The applicant saying they have no phone of their own ("我自己没手机", "本人没有手机号").
_NO_OWN_PHONE = re.compile(r"(?:我|本人|自己)(?:自己|本人)?(?:没有?|木有|冇|无)(?:自己的|本人的)?(?:手机|电话)")


# A photo just sent, taken back ("删掉刚才那张", "把上一张去掉", "刚发的那张不要了"): the photo by its 张, not an item.
# 要不要 and 不要紧 ask whether it matters ("第二张有点反光要不要紧"): no 不要 of a photo.
_PHOTO_DROPPED = re.compile(r"删|去掉|撤回|(?<!要)不要(?!紧)")
_PHOTO_JUST_SENT = re.compile(r"(?:刚才|刚刚|刚|上|最后|前)(?:一|发的|拍的|传的)?(?:那|这)?一?张")
# A photo named by its place among those sent ("第二张不要了", "删掉第2页"): the count of photos is exact, so the delete
# is of that photo, never of the checklist item the number would be alone.
_PHOTO_PLACED = re.compile(r"第\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:张|页)")


# The permit told of after the type, whether or not its day is given ("居住证明年三月到期": the date asked next).
_PERMIT_TOLD = re.compile(r"居住证|到期|有效期")


# The questions a bonus option brings, where other options may be told of in passing: each with its option.
_BONUS_FOLLOW_UPS = {f: option for option, asked in flow.BONUS_FOLLOW_UPS.items() for f in asked}


def _bonus_declined_only(point: str, form: str) -> list[str]:
    """The bonus options a message says are not had, where it chooses none ("职称和社保都没有" at the school); [] otherwise,
    and where the option whose question this is is turned down ("社保加分不选了" at the years: the choice taken back)."""
    question = flow.QUESTIONS["bonus_options"]
    declined = options_declined(question, form)
    return declined if declined and _BONUS_FOLLOW_UPS[point] not in declined and not options_in(question, form) else []


def _type_then_permit(point: str, text: str, form: str, **reading: Any) -> Interpretation | None:
    """The business type chosen in a clause of its own, then the permit's date ("1 2027-08-25", "办新的 居住证2027年8月
    25日到期", "俺想办个新的 居住证明年三月到期"): the type, and the date where it is whole (try15 T24, lead L1); None
    for any other message."""
    parts = clauses(text)
    if field_at(point) != "business_type" or len(parts) < 2 or asks(form):
        return None
    rest = " ".join(parts[1:])
    if not _PERMIT_TOLD.search(rest) and not any(c.isdecimal() for c in rest):
        return None
    beside = extract(rest, "business_type")
    if set(beside) - {"permit_expiry"}:
        return None
    chosen = _interpret(point, parts[0], match_form(parts[0]), **reading)[0]
    if chosen.kind != "answer" or chosen.value is None:
        return None
    if not beside:
        return Interpretation("answer", 1.0, value=chosen.value) if _PERMIT_TOLD.search(rest) else None
    return Interpretation("answers", 1.0, fields={"business_type": chosen.value, **beside})


# Steps that cannot be taken back, and the words saying what comes once they are taken ("确认了…", "提交之后…"): asked,
# the message is about after the step, not the step.
_ONCE_DONE_VERBS = {"confirm_application": r"确认|确定", "submit": r"提交|交上去|交了", "withdraw": r"撤回|撤销"}
_ONCE_DONE = frozenset(_ONCE_DONE_VERBS)
# The step said as pressed already ("点了确认 后面发现错了 还有机会改不") is a supposition too, when the message asks.
_AFTER_THE_STEP = {command: re.compile(rf"(?:{verbs})(?:了|之后|以后|完了?|过了?|后)(?:\S{{0,2}}?)(?:还|就|会|能|可以|要)|"
                                       rf"(?:点|按|选)(?:了|过)(?:{verbs})")
                   for command, verbs in _ONCE_DONE_VERBS.items()}
# The consent given in a supposition, and what may be done after it asked ("同意了以后还能反悔吗", "今天点了同意 过几天
# 不想要了 能取消吗"): a question, never the consent — unless a clause agrees by itself beside it ("已阅 同意 同意了能
# 撤回吗"): the consent given, and what comes after it asked.
_AFTER_AGREEING = re.compile(r"(?:点|按|选|签)(?:了|过)同意|同意(?:了|之后|以后|完了?|过了?|后)\S{0,3}?(?:还|就|会|能|可以|要)")
_AGREED_ALONE = re.compile(r"(?:我|本人)?同意(?:的|了)?(?:哈|啊|呀|呢)?")


def torn_towards_question(form: str, ranked: Ranked, confidence: float) -> bool:
    """Whether a message the model reads as no answer asks, and the model finds it about as likely a
    question ("…会不会通不过？": answered); a murmur with a question mark ("嗯？？") stays a non-answer."""
    return asks(form) and not murmurs(form) and ranked.score("question") >= confidence - TORN


# An ellipsis, then a murmur ("国外……呃", "嗯…全日制…呢个…", "已婚……额"): an option's word said while thinking aloud, the
# answer not yet given (dev15, dev18 label it a non-answer, as the model reads it); the word alone is still the answer.
_TRAILING_OFF = re.compile(r"(?:…|\.{3}|。{2})[…。.\s]*(?:嗯|恩|呃|额|唔|诶|欸|这个|那个|呢个|那啥)")


def _interpret(point: str, text: str, form: str, *, kb: Any, classifier: Classifier | None,
               checklist: Sequence[str]) -> list[Interpretation]:
    if not form or _KEYS_MASHED.fullmatch(form.rstrip(_TRAILING_MARKS)):  # "hhhhh", "lllll": says nothing
        return [Interpretation("non_answer", 1.0)]
    # The knowledge base reads a question typed in pinyin itself, whole ("jifen yushen tongguo hou yao queren shenme"):
    # "shi bu shi" half read as 不是 left a message of both scripts, which it reads as Chinese, and was declined.
    typed = text
    if text.isascii() and not form.isascii():  # "bu tongyi": a reply in pinyin, read as its characters
        text = form  # by every parser (its clause "tongyi" alone would be consent)
    if _TODAYS_DATE_ASKED.match(form):  # "今天几号了": the date (Shanghai), then the question waiting; no pause
        return [Interpretation("out_of_scope", 1.0, command="today")]  # not the points' business (the sets' label), yet said
    exact = _exact(point, text, form, checklist)
    if exact is not None:
        return [exact]
    wanted = field_at(point)
    if (type_first := _type_then_permit(point, text, form, kb=kb, classifier=classifier, checklist=checklist)) is not None:
        return [type_first]
    if wanted == "permit_expiry" and (document := _another_documents_date(form)):  # "身份证有效期到2035年"
        return [Interpretation("non_answer", 1.0, reason=render.another_documents_date(document))]
    given_again = _given_again(wanted, text, form)  # "1331…2222 不对 是1331…2223": one number, corrected
    if given_again is not None:
        return [given_again]
    if (typed_again := _typed_again_as_wrong(wanted, form)) is not None:  # "2月28，写错了": the answer, no edit
        return [typed_again]
    if wanted == "mobile" and _NO_OWN_PHONE.search(form):  # "…是我老婆的 我自己没手机": what to do, not the refusal again
        return [Interpretation("non_answer", 1.0, reason=render.NO_OWN_PHONE)]
    if wanted in _ONE_BY_ITS_SHAPE and len(given := every_shaped(wanted, text)) == 1 and asks(form) \
            and _anothers(text, given[0], asking=True):
        # "13912345678 我老婆的也行吗": whose number may be given is asked, about the answer waiting; nothing is saved
        return [Interpretation("question", 1.0, asks=True,
                               kb=kb.ask(f"{flow.QUESTIONS[wanted].label} {text}") if kb is not None else None)]
    if wanted in _ONE_BY_ITS_SHAPE and len(given) == 1 and asks(form) and _WRITERS_OWN_FOR_A_RELATIVE.search(form):
        # "我妈没有智能手机 填我的手机号行吗 136…": whether the writer's own number will do for a relative is asked;
        # the number is not the applicant's answer (try16 T23)
        return [Interpretation("question", 1.0, asks=True,
                               kb=kb.ask(f"{flow.QUESTIONS[wanted].label} {text}") if kb is not None else None)]
    if wanted in _ONE_BY_ITS_SHAPE and len(given) == 1 and not asks(form) and _anothers(text, given[0]):
        # "我老婆的13800138000", "13800138000 这是我老婆的": the question asks for the applicant's own
        return [Interpretation("non_answer", 1.0, reason=render.anothers_not_own(flow.QUESTIONS[wanted].label))]
    if wanted in _ONE_BY_ITS_SHAPE and len(given) > 1:  # "138… 或者 139…": which one
        own = _the_applicants(wanted, text, given)  # "我老婆的是3101… 我的是3101…": the one said to be one's own
        if own is not None:
            return [Interpretation("answer", 1.0, value=own)]
        return [Interpretation("non_answer", 1.0, reason=render.which_one(flow.QUESTIONS[wanted].label, given))]
    value, error = value_of(wanted, text) if wanted else (None, None)
    if error is not None and wanted in _BONUS_FOLLOW_UPS and not asks(form) and (declined := _bonus_declined_only(wanted, form)):
        # "职称和社保都没有" at the school: other bonus options said not to be had, never the answer (no name ends in 没有)
        return [Interpretation("non_answer", 1.0, reason=render.bonus_options_not_had(
            [o.label for o in flow.QUESTIONS["bonus_options"].options if o.code in declined]))]
    if wanted in GUESS_ONLY_WITH and value is not None and taken_back(wanted, form):
        value = None  # "好的，我再想想": its 好的 clause is an okay put off, no consent
    # Only the answer, unless another answer comes with it ("5101…5413 13700002222": the mobile too).
    if error is None and wanted and exactly_an_answer(wanted, form) and \
            (not _may_hold_several(text) or set(extract(text, wanted)) <= {wanted}):
        return [Interpretation("answer", 1.0, value=value)]
    # A service wanted by its own name ("我想辦理增加同住人"); not another choice ("我想离婚" is no 离异).
    if error is None and wanted == "business_type" and a_choice_wanted(wanted, text):
        return [Interpretation("answer", 1.0, value=value)]
    other = _answers_another(wanted, text)
    if other is not None:  # an ID number sent for the name: a valid answer, kept (and said) — never lost
        return [Interpretation("answers", 1.0, fields=other)]
    if wanted and (form_said := form_answers(text)) and (wanted not in form_said or len(form_said) > 1):
        # "单位名称：上海…" at the name, "【姓名】李四" at the ID number: a form's labels say which answers they are
        return [Interpretation("answers", 1.0, fields=form_said)]
    if wanted in EXACT_FIELDS and not asks(form) and not isinstance(error, Refused):  # "2027.6.3O": no part of it
        if error is None and _parses_whole(wanted, text):  # "大概明年三月底吧": the strict parser read it all
            return [Interpretation("answer", 1.0, value=value)]
        if set(found := extract(text, wanted)) == {wanted}:  # "手机 139… 谢谢": the number is the answer,
            alone, refused = value_of(wanted, str(found[wanted]))  # as the question's own parser reads it
            if refused is None:
                return [Interpretation("answer", 1.0, value=alone)]
        if wanted in found and set(found) <= set(flow.DISTINCTIVE_ANSWERS) and len(found) > 1 \
                and all(value_of(f, str(v))[1] is None for f, v in found.items()):
            # "邮箱 a@b.com 手机号刚才写错了 是139…": this answer and another's correction, each by its shape, both kept
            return [Interpretation("answers", 1.0, fields=found)]
    classifier = classifier or trained()
    ranked = classifier.kind(point, text)
    kind, confidence = ranked.best, ranked.labels[0][1]
    if wanted and kind in ("non_answer", "smalltalk", "english", "answers") and not asks(form) \
            and (kind != "answers" or len(extract(text, wanted)) < 2) and not _TRAILING_OFF.search(form) \
            and (worded := in_words(wanted, text)) is not None:
        if not (kind == "smalltalk" and worded is True and wanted in flow.MURMUR_ASKED):
            # (a remark on studying abroad at 国外学历 only hints the yes that brings papers of its own: the feeling
            # is acknowledged and the question asked again, nothing saved from it)
            kind, value = "answer", worded  # "有个闺女", "俺没邮箱": what the model missed, an exact reading finds
    if wanted and kind == "english" and error is None and value is not None and not text.isascii() \
            and not _ENGLISH_NO.search(form) and not asks(form):
        kind = "answer"  # "I want to apply 积分新办": the Chinese answer read by its parser, whatever the language around
    if wanted and kind in ("question", "answer", "answers", "answer_and_question"):  # "answers": this one's too
        kind, value = _answer_or_question(kind, point, wanted, text, form, value, classifier)
    if isinstance(error, Refused) and kind in RECORDING:  # "硕士在读": no other reading overrides the parser
        kind, value = ("question" if asks(form) else "non_answer"), None
    answer_kb = None
    if kb is not None and _worth_asking(point, kind, ranked):
        answer_kb = kb.ask(typed)
        # An answer without a value is no choice; answers to other questions are read all the same
        # ("我想办积分 名字叫周杰 身份证3205…": kept, the type asked next).
        found = extract(text, wanted) if kind == "answers" else {}
        unread = kind in RECORDING and value is None and len(found) < 2
        # A first message goes to the knowledge base whatever it looks like ("积分有效期内加孩子" is answered).
        chosen = (point != "start" or _names_a_type(text) or _said_as_a_choice(kind, confidence, answer_kb)) and not unread \
            and (isinstance(flow.QUESTIONS.get(wanted or ""), Choice) or wanted and in_words(wanted, text) is not None) \
            and not asks(form) and not searches_about_answer(point, form)  # "名字是邹敏 身份证上就是这个": the name
        # Answers of an exact shape among them (an ID number) are told, not searched for, however the entry matches.
        chosen = chosen or not asks(form) and any(f in EXACT_FIELDS for f in found)
        # So is an organisation's full name read as the answer, or the party a contract is said to be signed with
        # ("合同是跟上海外服签的", "…跟上海某某劳务派遣有限公司签的"), whatever entry its words (派遣, 外包) match.
        chosen = chosen or not asks(form) and isinstance(value, str) and wanted in ("employer", "edu_school") \
            and (is_full_organisation(match_form(value)) or any(signed_with(p) for p in clauses(text)))
        if not _sure_lookup(point, kind, confidence, classifier, text) \
                and _a_question_after_all(point, "non_answer" if unread else kind, answer_kb, confidence, chosen) \
                or point == "start" and kind in RECORDING and (_district_and_type(kb, form)
                                                           or _a_type_and_its_subject(kb, text, form, answer_kb)):
            kind, confidence = "question", answer_kb.confidence
        elif kind == "question" and answer_kb.status == "out_of_domain" and _names_another_service(kb, text) \
                and not _names_its_answer(wanted, form) and not (wanted and _WILL_IT_DO.search(form)):
            # "名字要跟护照一致吗" asks about the name, not a passport; "港澳通行证的号码行不行", whether it will do for it
            kind = "out_of_scope"  # "孩子中考要什么条件": a subject the knowledge base declines by name
    best = _build(kind, confidence, wanted, text, value, error)
    if best.kind == "non_answer" and kind in RECORDING and asks(form):  # answers read from nothing, and it asks
        best = Interpretation("question", confidence)
    if best.kind == "non_answer" and kind == "non_answer" and torn_towards_question(form, ranked, confidence):
        best = Interpretation("question", ranked.score("question"))
    if best.kind == "non_answer" and (hint := _option_hinted(wanted, text)):
        best = replace(best, reason=hint[0], offered=hint[1])  # "我不知道选哪个 以前没弄过": 积分新办 offered, not chosen
    if best.kind == "non_answer" and wanted == "spouse_options" and hukou_elsewhere(form):
        # "老公是上海人 但户口在外地": not 本市户籍; adding the spouse offered
        best = replace(best, reason=render.SPOUSE_HUKOU_ELSEWHERE, offered=["spouse_companion"])
    if answer_kb is not None:
        best = replace(best, kb=answer_kb)
    alternatives = [Interpretation(label, score) for label, score in ranked.labels[1:3] if label != best.kind]
    if best.kind == "command":
        best = _command(point, text, form, confidence, classifier, checklist)
        if best.command in _CHECKLIST_COMMANDS and best.item is None and checklist or \
                best.command == "edit" and confidence < SURE_COMMAND and not _EDIT_SAID.search(form):
            # "知道了 我重新弄" names no material of the checklist shown; "上海某某科技有限公司" at the permit's
            # date is no edit its words say: what else it most likely is.
            kind, confidence = next((label, score) for label, score in ranked.labels if label != "command")
            best = _build(kind, confidence, wanted, text, None, error)
        elif best.command in _NAMED_BY_ITS_WORDS and asks(form) and not _NAMED_BY_ITS_WORDS[best.command].search(form) \
                and kb is not None and (asked := answer_kb or kb.ask(typed)).status == "answered":
            # "公司注册在静安 人在杨浦上班 交哪个区": a question the knowledge base answers, read as a person or the
            # progress wanted with none of their words: answered, never escalated unasked (try16 T21)
            best = Interpretation("question", ranked.score("question"), asks=True, kb=asked)
        elif best.command == "human" and wanted and _PERSON_ADDRESSED.search(form) and kb is not None \
                and (first := answer_then_question(wanted, text)) is not None \
                and (asked := answer_kb or kb.ask(text)).status == "answered":
            # "我单位是…有限公司 人工是想问下社保断过能办吗": the person addressed to put a question the knowledge base
            # answers, after the answer — both kept and answered, no person opened unasked (try19 V8: the answer was lost)
            best = Interpretation("answer_and_question", confidence, value=first, asks=True, kb=asked)
        elif best.command == "human" and _PERSON_ADDRESSED.match(form) and kb is not None \
                and (asked := answer_kb or kb.ask(text)).status == "answered":
            # "人工 是想问下社保断过能办吗", the person addressed first only to start a question the knowledge base answers:
            # answered, no person opened unasked (as beside an answer above); "找个人工问下…" still wants one
            best = Interpretation("question", ranked.score("question"), asks=True, kb=asked)
        elif best.command == "pause" and (first := _answer_before_a_pause(wanted, text)) is not None:
            # "王芳，身份证号等下发你": the name is given, the rest put off: the name kept, the rest waited for
            best = Interpretation("answers", confidence, fields={wanted: first}, aside=render.REST_LATER)
        elif best.command == "pause" and kb is not None and _asks_us(form) \
                and (asked := answer_kb or kb.ask(text)).status == "answered":
            # "等下 先问个问题：社保要交满几年", "我想问问委托单去哪拿": the step held for a question put to us now,
            # not a pause to ask someone else ("等我问问老公再说"): answered, then the question waiting
            best = Interpretation("question", ranked.score("question"), asks=True, kb=asked)
    elif best.kind == "smalltalk":  # "你是机器人吗", "你们效率太低了吧": each its own reply; abuse ("你是猪吧"), a calm one
        best = replace(best, command="rude" if validators.ABUSE.search(form) else classifier.small_talk(point, text))
    elif best.kind == "answer_and_question" and point in CHECKLIST_POINTS:  # "3，身份证要原件吗？"
        best = replace(best, value=_item(form, checklist))
    if best.kind == "command" and best.command in _ABOUT_PHOTOS and asks(form) and checklist \
            and (number := item_named(form, checklist, least=NAMED)) is not None:
        # "配偶身份证是什么" read as a step of photographing: it asks about the item it names
        best = Interpretation("question", confidence, item=number, asks=True, kb=answer_kb)
    return [best, *alternatives]


# A relative named, and the writer's own number offered in their stead ("我爸不会用手机 填我的号码可以吗", "我奶奶没手机
# 留我的行不行"): whether it will do is asked.
_WRITERS_OWN_FOR_A_RELATIVE = re.compile(
    words.either(words.PARENTS, words.KIN, words.CHILDREN, words.SPOUSE_PLAIN, words.SPOUSE_ADDRESSED)
    + r".*(?:填|留|写|用|登记)(?:成|上)?(?:我的|我自己的|我本人的)")


# Commands a question is read as by the model alone, and the words that do name them ("转人工 …", "我的进度到哪了"): data.
_NAMED_BY_ITS_WORDS = {command: re.compile(words.alternatives(tuple(said)))
                       for command, said in read_yaml(Path(__file__).with_name("commands_named.yaml")).items()}


# The person addressed, then a question put ("人工是想问下…", "人工 我想问一下"): a way of asking, not a hand-over asked.
_PERSON_ADDRESSED = re.compile(r"人工(?:客服)?(?:你好|您好)?[,，\s]*(?:我|就|是|我是|就是)?(?:想|要)?问(?:个|一个)?(?:问题|事|一句|一下|下)")


# One letter typed over and over ("hhhhh" laughing, "lllll", "kkkk" mashed): no command's word nor any answer, whatever
# the model makes of a point where most of the corpus is commands (it read photos finished, help, a person wanted).
_KEYS_MASHED = re.compile(r"([a-z])\1{2,}")
_TRAILING_MARKS = " 。.!！~～?？"


# Today's date asked, alone ("今天几号了", "今天星期几", "今天是几月几号啊").
_TODAYS_DATE_ASKED = re.compile(r"^(?:请问|问下|问一下)?(?:今天|今儿|今日|现在)(?:是)?(?:几号|几月几号|几月几日|几月几|多少号|星期几|礼拜几|周几|"
                                r"什么日子|几号星期几)(?:了|啊|呀|呢|哈)*[?？]*$")
_PUT_OFF = re.compile(r"暂|停|等|稍|先|回头|下次|改天|一会")


def _answer_before_a_pause(wanted: str | None, text: str) -> Any:
    """The answer to the question waiting in the first clause of a message whose rest puts something off
    ("王芳，身份证号等下发你"): a name in words that can be nothing else, or an answer of its exact shape; None
    otherwise (a pause alone, or one whose first clause is no answer)."""
    parts = clauses(text)
    if not wanted or len(parts) < 2 or wanted in ("consent", "confirmed"):
        return None
    first = parts[0]
    if _PUT_OFF.search(first):  # "暂停一下 娃哭了": the pause itself comes first, no answer
        return None
    if wanted == "name" and name_in_words(first) is None or wanted != "name" and not exactly_an_answer(wanted, match_form(first)):
        return None
    value, error = value_of(wanted, first)
    return value if error is None else None


# A question put to us in words ("想问一下", "先问个问题：", "问一句"), and someone else to be asked instead.
_ASKING_US = re.compile(r"(?:想|先|再|就|我)问(?:个|一个)?(?:问题|事|事情|一句|一下|下|问)?")
_ASKING_SOMEONE = re.compile(r"问(?:问|下|一下)?(?:我|俺)?(?:的|家)?" + words.either(
    words.SPOUSE, words.PRONOUNS, words.PARENTS, words.CHILDREN, words.KIN, words.OTHER_PEOPLE, words.CONTACTS,
    ("人事", "领导", "老板", "HR", "hr", "家里", "中介")))
# Going to ask someone, said first ("我得问下我爱人 …", "我先打电话问问人事 …"), and nothing put to us (no mark, no
# particle of a question, no 你们/您): what follows is what that person is asked.
_GOING_TO_ASK = re.compile(r"^(?:那|等下|等等|稍等|好|行)?[\s,，]*(?:我|俺)(?:得|要|先|再|去|回头|还得|等下)*"
                           r"(?:打(?:个)?电话|发(?:个)?微信)?(?:去)?" + _ASKING_SOMEONE.pattern)
_ASKED_OF_US = re.compile(r"[?？]|吗|呢|么$|你们|您|请问|你")
_GOING_OFF = re.compile(r"去(?:拿|找|看|翻|查|取|问)")  # "等下 我去拿身份证看看那个字咋写": gone to look it up


def _asks_us(form: str) -> bool:
    """Whether a message read as a pause puts its question to us: it asks, in words of asking, names
    nobody else to ask and nowhere the applicant goes to find it out."""
    return asks(form) and bool(_ASKING_US.search(form) or form.startswith(("等等", "等下", "等一下", "稍等"))) \
        and not _ASKING_SOMEONE.search(form) and not _GOING_OFF.search(form)


# Words that ask for a change (an edit guessed from a message without any is no edit).
_EDIT_SAID = re.compile(r"改|更正|更新|错|不对|换|变|重新|重填|不是")
# The photographing steps a question naming an item is never taken for.
_ABOUT_PHOTOS = frozenset({"finish_photos", "cancel", "retake", "drop_photo"})


def _worth_asking(point: str, kind: str, ranked: Any) -> bool:
    """Whether the knowledge base is consulted: for what the model reads as a question or may be
    one, for every first message ("续办的流程" names a type but searches for its steps), and for
    Latin letters, which may be a question typed in pinyin ("minhang rencai zhongxin dizhi": the
    knowledge base reads it as our words, and declines English)."""
    if kind in ("question", "answer_and_question", "english"):
        return True
    if point == "start":
        return True
    unsure_command = kind == "command" and ranked.labels[0][1] < SURE_COMMAND
    return (kind != "command" or unsure_command) and ranked.score("question") >= ASK_KB_FROM


def _sure_lookup(point: str, kind: str, confidence: float, classifier: Classifier, text: str) -> bool:
    """Whether a first message is a look-up of the applicant's own file the model is sure of ("我前阵子递的审到哪一步
    了": progress; "以前办完的记录在哪看": history; "使用说明发我一份": help): the command, which does what the
    entry on it would only tell how to do."""
    if point != "start" or kind != "command" or confidence < SURE_LOOKUP:
        return False
    command = classifier.command(point, text)
    return command is not None and command.best in _LOOKUPS


def _a_question_after_all(point: str, kind: str, answer: Any, confidence: float, chosen: bool = False) -> bool:
    """A message the knowledge base answers is a question: when it matches strongly, wherever it
    arrives ("浦东人才中心地址"), unless it is a choice the knowledge base only describes ("从来没
    办过积分" finds the entry on new applications; ``chosen``: one of a question's options, read from
    a message that neither asks nor searches: "老婆要加随员" is the FAQ's words, and a choice) or a
    subject the model is sure lies outside the service ("个税怎么退" shares words with an entry)
    after the first message; and at the first message whenever it is not a choice."""
    if kind in ("question", "answer_and_question") or answer.status != "answered":
        return False
    if kind == "out_of_scope" and confidence >= SURELY_OUTSIDE and point != "start":  # first messages: the KB's
        return False
    if kind in RECORDING and (answer.entry.topic == "business_type" or chosen):
        return False
    return answer.confidence >= STRONG_MATCH or point == "start" and kind not in RECORDING


def _asks_too(best: Interpretation, point: str, wanted: str | None, text: str) -> Interpretation:
    """The last safeguard: a message that asks is never recorded as a plain answer. It answers and
    asks when its first clause answers the question waiting ("已婚，配偶要交什么？"); otherwise it
    is a question ("职称中级的够不够")."""
    value = answer_then_question(wanted, text) if wanted else None
    if value is None and wanted:
        value = _answered_after_question(point, wanted, text, None)
    if value is not None:
        return Interpretation("answer_and_question", best.confidence, value=value, kb=best.kb)
    return Interpretation("question", best.confidence, kb=best.kb)


def _option_hinted(wanted: str | None, text: str) -> tuple[str, str] | None:
    """For a choice answered with doubt and a fact ("我不知道选哪个 以前没弄过"), the option a clause that
    asks nothing words ("以前没弄过": 积分新办), offered for a reply with its number or a yes (why, and its
    code); None otherwise."""
    question = flow.QUESTIONS.get(wanted or "")
    if type(question) is not Choice or question.strict or len(parts := clauses(text)) < 2:  # consent: said, never offered
        return None
    said = {in_words(wanted, part) for part in parts if not asks(match_form(part))} - {None}
    if len(said) != 1:
        return None
    number, option = next((i, o) for i, o in enumerate(question.options, 1) if o.code in said)
    return render.option_hinted(option.label, number), option.code


def _district_and_type(kb: Any, form: str) -> bool:
    """Whether a first message is a district's name and a business type's, nothing else ("杨浦单位变更",
    "嘉定区单位变更积分"): a search box's words for how that district does it, never a choice, whatever the
    knowledge base's match."""
    districts = getattr(getattr(kb, "vocab", None), "districts", None) or ()
    said = form.replace(" ", "")
    for district in districts:
        for name in {district, district.removesuffix("新区").removesuffix("区")}:
            rest = said.removeprefix(name)
            if len(name) >= 2 and rest != said and rest and (exactly_an_answer("business_type", rest)
                                                              or exactly_an_answer("business_type", rest.removesuffix("积分"))):
                return True
    return False


def _a_type_and_its_subject(kb: Any, text: str, form: str, answer: Any) -> bool:
    """Whether a first message is a business type's name beside a subject the knowledge base answers, one of
    another topic than the types' own ("积分续办 邮寄地址", "新办的邮件标题"): a search box's words for that
    subject as the type does it, never a choice — unless the type is wanted ("我要办积分新办，材料在哪上传"), or
    a question follows it ("新办 办下来要多久": the type told, and asked about)."""
    vocabulary = getattr(kb, "vocab", None)
    if vocabulary is None or answer is None or answer.status != "answered" or answer.entry.topic == "business_type" \
            or asks(form) or any(a_choice_wanted("business_type", part) for part in clauses(text)):
        return False
    types = {topic for option in flow.QUESTIONS["business_type"].options for name in option.names()
             for topic in vocabulary.topics_cued(normalize(name))}
    return answer.entry.topic in vocabulary.topics_cued(form) - types


def _names_a_type(text: str) -> bool:
    """Whether a clause of a first message is a business type's own name ("续办积分 我有中级职称"), or
    that name wanted ("我要辦理積分續辦"): a choice, whatever entry the rest of it matches."""
    parts = clauses(text)
    return any(exactly_an_answer("business_type", _PARTICLE_AFTER.sub("", match_form(part))) or a_choice_wanted("business_type", part)
               for part in parts) or bool(_POINTS_WANTED.search(match_form(text))) and not asks(match_form(text)) \
        and any(worded("business_type", match_form(part)) == "new" for part in parts)


# Points wanted in so many words ("想办积分", "要申请积分"): beside a first time told ("我刚毕业"), 积分新办 is chosen.
_POINTS_WANTED = re.compile(r"(?:想|要|准备|打算)(?:办|办理|申请|弄)(?:个|一下)?(?:居住证)?积分")


# Whether something will do, asked where an answer is waiting: asked about that answer ("英文名可以吗").
_WILL_IT_DO = re.compile(r"行不行|行吗|可以吗|可不可以|能不能用|能用吗|算不算|成不成|中不中|可以不")


# A particle closing a clause ("新办的", Shanghainese "新办额", "续办呀"): the name before it is what the clause says.
_PARTICLE_AFTER = re.compile(r"(?<=\w)(?:的|额|个|呀|啊|哦|吧|呢|嘛|哈|啦)+$")


def _names_its_answer(wanted: str | None, form: str) -> bool:
    """Whether a message names the answer waiting by one of its names (姓名, 名字 at the name)."""
    return bool(wanted) and any(name.lower() in form for name in flow.QUESTIONS[wanted].names())


def _said_as_a_choice(kind: str, confidence: float, answer: Any) -> bool:
    """Whether a first message the model reads as a business type with certainty is that choice: not
    when the entry it matches is a district's ("宝山增加同住人" searches for how 宝山 takes it)."""
    return kind == "answer" and confidence >= SURE_CHOICE and not (answer.status == "answered" and answer.entry.district)


def _names_another_service(kb: Any, text: str) -> bool:
    """Whether ``text`` names a subject the knowledge base's vocabulary lists as outside the service,
    as a whole word: 高考 is one, not the 高考 inside 成人高考 (a way to a degree), nor 上学 inside
    "网上学历"."""
    vocabulary, analyzer = getattr(kb, "vocab", None), getattr(kb, "analyzer", None)
    if vocabulary is None or analyzer is None:
        return False
    return any(word in vocabulary.out_of_scope for word in cut_whole(normalize(text), analyzer.lexicon))


# How sure the model must be that a last clause alone is a name, after a question ("为啥要填名字 周小川"):
# a role or an owner ("写谁的 经办人", "填哪个 公司的") reads less like one.
SURE_NAME = 0.5


def _answered_after_question(point: str, wanted: str, text: str, classifier: Classifier | None) -> Any:
    """The answer given in a last clause after a question, a name only when the model reads that clause
    alone as an answer with certainty."""
    value = answer_after_question(wanted, text)
    if value is None or wanted != "name":
        return value
    ranked = (classifier or trained()).kind(point, clauses(text)[-1])
    return value if ranked.best == "answer" and ranked.labels[0][1] >= SURE_NAME else None


# Singapore and Malaysia's tag asking whether it can be done, ending a message ("我要 renew 我的积分 can or not").
_CAN_OR_NOT = re.compile(r"[\s,，]*\b(?:can (?:or|a) ?not|can anot|ok or not)\b[\s?？.!！~～]*$")


def _answer_before_tag(wanted: str, form: str) -> Any:
    """The answer said before a tag asking whether it can be done, when that is all the message asks; None otherwise."""
    tag = _CAN_OR_NOT.search(form)
    if tag is None or not tag.start() or asks(before := form[:tag.start()]):
        return None
    value, error = value_of(wanted, before)
    return value if error is None else in_words(wanted, before)


# A count asked about in its own clause, whether to fill it in ("填2吗", "还写3个对吗", "算两个吗", "报2还是1"): the
# count is doubted, not given.
_COUNT_DOUBTED = re.compile(r"(?:还|就|要|该|应该)?(?:填|写|选|算|报)(?:成|作|为|上)?\s*(?:\d+|[一二两三四五六七八九十])\s*(?:个|年)?"
                            r"\s*(?:吗|么|嘛|呢|对吗|对不对|对不|行吗|行不行|可以吗|是吧|还是)")


def _answer_or_question(kind: str, point: str, wanted: str, text: str, form: str, value: Any,
                        classifier: Classifier) -> tuple[str, Any]:
    """Where answering and asking meet, the answer is taken only from the part that does not ask:
    "已婚，配偶要交什么？" answers and asks; "离异的话要交什么证明？" only asks, whatever the model
    says; a value the parser cannot read is the value model's, and only for a plain answer or the
    answering clause of one that also asks."""
    if wanted in _COUNTS and _COUNT_DOUBTED.search(form):
        # "2个 但一个在老家读书 填2吗": the count said is the one doubted — asked, never recorded (try16 T23)
        return "question", None
    first = answer_then_question(wanted, text)
    if first is None:
        first = _answered_after_question(point, wanted, text, classifier)
    if first is None:
        first = _answer_before_tag(wanted, form)
    if first is not None:
        return "answer_and_question", first
    if kind == "answer" and asks(form):
        return "question", None
    if kind == "question":
        return kind, None
    if kind == "answer_and_question" and not asks(form) and not searches_about_answer(point, form):
        kind = "answer"  # "已婚，老婆是上海户口" asks nothing: answers only (several, when it holds them)
    if kind == "answer_and_question":
        parts = clauses(text)
        answering = parts[0] if len(parts) > 1 and not asks(match_form(parts[0])) else None
        if answering is None or supposes(answering) or compares_options(wanted, answering) or doubts_the_answer(parts) \
                or a_wait(answering) or used_before(wanted, answering):  # "新办跟续办 差在哪" chooses neither;
            # "等一会儿，…?" waits; "职称分之前加过，这回还用选吗" asks whether to choose it again
            return "question", None
        value = answer_in_clause(wanted, answering)
        if none_but_anothers(value, parts):  # "我不会用邮箱 可以填我女儿的吗": still asked, nothing answered
            return "question", None
        # A story told before its question ("我之前在A公司办过积分，去年跳槽到B公司了，现在该怎么弄"):
        # what it answers is read from all it tells, not its first clause alone.
        told = " ".join(parts[:next((i for i, p in enumerate(parts) if asks(match_form(p))), len(parts))])
        return kind, value if value is not None else _learned_value(point, told, classifier)
    if value is None:
        value = reread(wanted, text)
    return kind, value if value is not None else _learned_value(point, text, classifier)


# A reply taking back the one just typed, then typing it again ("刚才说错了，是两个不是一个", "不对不对 刚才选错了
# 是已婚"); what it denies after the new value ("…不是胡贝贝") is no part of it.
_TAKEN_BACK = re.compile(r"^(?:(?:不对|不是|错了|sorry|不好意思|抱歉|等下|等等)[\s,，。!！]*)*(?:刚才|刚刚|之前|前面|上面)"
                         r"(?:的)?(?:说|选|打|填|写|输|发)?错了?[\s,，。!！]*(?:应该|应)?(?:是|选|改成|改为|为)?\s*")
# …or typed, taken back and typed again in one message ("1个，不对，是2个", "未婚 哦不 已婚"): what
# follows the taking back is the answer (不是 alone does not take back: "已婚，不是离异" answers 已婚).
# The taking back may be said twice over ("不对打错了", "哦不对 写错了"), with why ("打快了", "手滑了"), or as a
# second thought ("写未婚 等等 我离过婚的"), or with an apology ("不好意思打错了", "抱歉 写错了"), or cut short as one types
# it ("颜志洪 打错 颜志鸿": nlu30's leftover, the first name had been saved).
_TYPED_AGAIN = re.compile(r"^\S.{0,24}?[\s,，。!！]+(?:(?:不好意思|抱歉|对不起|sorry)?[\s,，]*"
                          r"(?:不对不对|哦不对|不对|哦不|不不|错了|(?:打|说|写|输)错了?|"
                          r"打快了|打太快了|手快了|手滑了|等等)[\s,，。!！]*)+"
                          r"(?:应该|应)?(?:是|选|为)?\s*(?=\S)")
_DENIED_AFTER = re.compile(r"[\s,，]*(?:而)?不是\S*$")
# …unless what follows adds to it ("学历 社保 不对 还有职称"): nothing is taken back, the whole message answers.
_ADDED_AFTER = re.compile(r"(?:还有|还要|另外|再加上?|加上|以及|也有|还得加)")


# After a take-back, a promise to type it again ("打错了 重新发"): no answer yet.
_RETYPE_PROMISED = re.compile(r"(?:我)?(?:重新|再|重)(?:发|打|输|写|填)")


def _given_again(wanted: str | None, text: str, form: str) -> Interpretation | None:
    """The answer to the question waiting, given again after taking back the one just typed, when
    the message names no other answer ("手机号刚才打错了…" corrects the mobile: an edit); None otherwise.
    Typed and taken back in the same message, it is this question's answer that is corrected, whatever
    words it names ("社保 还有学历吧 不对学历不用了 就社保")."""
    if not wanted or asks(form):
        return None
    earlier = _TAKEN_BACK.match(form)
    back = earlier or _TYPED_AGAIN.match(form)
    if back is None or not back.group(0).strip() or _ADDED_AFTER.match(form, back.end()) or earlier and any(
            name.lower() in form for f, q in flow.QUESTIONS.items() if f != wanted for name in q.names()):
        return None
    again = _DENIED_AFTER.sub("", text[back.end():] if len(form) == len(text) else form[back.end():])
    if not again:
        return None
    if wanted == "name":
        # "…打错了 身份证是…", "…打错了 重新发", "…打错了 我老婆叫李娜": no name of theirs (review3 R12); "…打错了 是王方
        # 手机号…": the name is what comes before the other answer (review4 S4: the correction was lost)
        lowered = again.lower()
        stops = [at for f, q in flow.QUESTIONS.items() if f != wanted for name in q.names()
                 if (at := lowered.find(name.lower())) >= 0]
        stops += [found.start() for found in (_ANOTHERS.search(again), _RETYPE_PROMISED.search(again)) if found]
        again = again[:min(stops)].rstrip(" ,，、。;；") if stops else again
        if not again.strip():
            return None
    typed = "" if earlier else back.group(0)  # the answer typed and taken back, with the words taking it back
    return next((Interpretation("answer", 1.0, value=value) for value in _read_again(wanted, again, typed)
                 if value is not None), None)


# An answer, then the one sent before it said to have been typed wrong ("2月28，写错了", "13812345678 刚才打错了").
_WRONG_BEFORE = re.compile(r"^(.+?)[\s,，。]*(?:我|刚才|刚刚|之前|前面|上面|上次)*(?:的)?(?:是)?(?:写|打|填|输|说|搞|弄|记)错了?"
                           r"(?:了|啦|哈)?[\s,，。!！]*$")


def _typed_again_as_wrong(wanted: str | None, form: str) -> Interpretation | None:
    """A value of the shape the question waiting asks for (a date, a number), then the one before said to have
    been typed wrong: the answer, or why it cannot be taken yet ("2月28": the year asked), never an edit, which
    would ask which item; None otherwise, and where the message names another question's item."""
    said = _WRONG_BEFORE.match(form) if wanted in EXACT_FIELDS and not asks(form) else None
    if said is None or not re.search(r"\d", spoken_digits(said.group(1))) or any(
            name.lower() in said.group(1) for f, q in flow.QUESTIONS.items() if f != wanted for name in q.names()):
        return None
    value, error = value_of(wanted, said.group(1))
    if value is not None:
        return Interpretation("answer", 1.0, value=value)
    return Interpretation("non_answer", 1.0, reason=error.message if error else None)


def in_the_year_refused(text: str, year: int, month: int | None = None) -> str | None:
    """A permit date sent without its year right after one refused with it ("2027年2月30日", then "2月28，写错了"):
    the date in that year; with the month too where that one gave it ("2027年底" or "2028年3月", then "31号",
    "月底"). None when the message gives a year of its own, asks, or is no such date."""
    form = match_form(capital_numerals(text))
    if _YEAR_GIVEN.search(form) or asks(form):
        return None
    said = _WRONG_BEFORE.match(form)
    said = said.group(1) if said else form
    if month is not None and (day := _DAY_ALONE.fullmatch(said)):
        said = f"{month}月{day.group(1)}日"
    elif month is not None and _MONTH_END_ALONE.fullmatch(said):
        said = f"{month}月底"
    value, _ = value_of("permit_expiry", f"{year}年{said}")
    return value


# The day alone ("31号", "是15日") and the month's end alone ("月底", "那个月最后一天"), after a year and month.
_DAY_ALONE = re.compile(r"(?:就是|应该是|是|到)?\s*(\d{1,2})\s*[号日](?:到期|为止)?(?:吧|啊|呀)?")
_MONTH_END_ALONE = re.compile(r"(?:就是|应该是|是|到)?(?:那个?月|当月)?的?(?:月底|月末|底|最后一天)(?:到期|为止)?(?:吧|啊|呀)?")


# A date's year, given with the date taken back ("2027年10月1日，不对，是10月11日": the year stays).
_YEAR_GIVEN = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]")
# …and its month, right after the year ("2027年8月25", "2027.8.25").
_MONTH_GIVEN = re.compile(r"\s*(\d{1,2})\s*[月\-/.]")


def _read_again(wanted: str, again: str, typed: str) -> Iterator[Any]:
    """The readings of what follows a taking back, in turn: the question's parser, its words, a second
    reading; a date given without its year, in the year of the one taken back; and the clause it ends
    with ("这是老单位的邮箱，不填了": none)."""
    value, error = value_of(wanted, again)
    yield value if error is None else in_words(wanted, again)
    yield reread(wanted, again)
    if wanted == "permit_expiry" and (year := _YEAR_GIVEN.search(typed)):
        # "2027年8月25 不对是26号": the day alone corrected, in the month of the date taken back
        month = _MONTH_GIVEN.match(typed, year.end())
        yield in_the_year_refused(again, int(year.group(1)), int(month.group(1)) if month else None)
    if len(parts := clauses(again)) > 1:
        yield in_words(wanted, parts[-1])


# Whose number it is, said before it: the applicant's own, or someone else's (a spouse's, a child's, a parent's,
# a colleague's, and the employer's or the emergency contact's, which a form asks for beside one's own).
_OWN = re.compile(r"我的|本人|自己的|我自己|我是|^我")
_ANOTHERS = re.compile(words.alternatives(words.SPOUSE, words.CHILDREN, words.PARENTS, words.FAMILY, words.KIN,
                                          words.OTHER_PEOPLE, words.CONTACTS))


_OWNED_BY_ANOTHER = re.compile(rf"(?:{_ANOTHERS.pattern})的")
# Beside another question, the relative named with the thing numbered is enough ("我老婆手机139…" at the ID number):
# where the question itself asks, that is often someone typing for the applicant ("我老公身份证是…"), an answer.
_NAMED_AS_ANOTHERS = re.compile(rf"(?:{_ANOTHERS.pattern})(?:的|手机|电话|号码|身份证|邮箱)")
# After it, said ("…这是我老婆的号") or only named, ending the message ("…（老婆的）", "… 孩子的"): a name alone after a
# number that does not end the message may begin something else ("138… 老婆的也要填吗").
_SAID_ANOTHERS_AFTER = re.compile(rf"^\W*(?:(?:这|那)?(?:个)?(?:是|系)(?:我|俺|阿拉)?(?:{_ANOTHERS.pattern})的|"
                                  rf"(?:我|俺|阿拉)?(?:{_ANOTHERS.pattern})的(?:号码?|手机号?|身份证号?|邮箱)?\W*$)")
_SAID_OWN = re.compile(r"我的|本人|自己的|我自己")
# A family member's name introduced where the applicant's is asked ("我老婆叫李娜", "我儿子的名字是张小明"):
# the relative, then what introduces a name, right before the name read.
_RELATIVE = words.either(words.SPOUSE, words.SPOUSE_FIGURATIVE, words.CHILDREN, words.PARENTS, words.FAMILY, words.KIN,
                         words.OTHER_PEOPLE)
_RELATIVE_CALLED = re.compile(rf"{_RELATIVE}(?:的)?(?:名字|姓名|全名)?(?:叫做|叫|是|系)\s*[:：]?\s*$")
# ...unless the applicant is that relative and someone types for them ("我帮我老公办的，他叫王强",
# "申请人是我爸，叫张建国", "替我妈填的"): then the name is the applicant's.
_TYPED_FOR_THEM = re.compile(r"帮|替|代(?:办|填|理)|给.{0,4}(?:办|填|申请)|为.{0,4}(?:办|填|申请)|申请人|持证人|本人|"
                             rf"我是(?:他|她|伊|佢)(?:的)?{_RELATIVE}")  # "我儿子叫孙浩然 我是他妈妈"


def a_relatives_name(text: str) -> bool:
    """Whether the name read at the name question is introduced as a family member's, and nothing says the
    applicant is the one named. Not saved at once, but asked whether the applicant is that relative (someone
    typing for the applicant names them so: "我老公的名字是…"): ``render.relatives_name_asked``."""
    value, error = value_of("name", text)
    if error is not None or not value:
        return False
    said = to_simplified(to_halfwidth(text))
    at = said.find(str(value))
    return at > 0 and bool(_RELATIVE_CALLED.search(said[:at])) and not _TYPED_FOR_THEM.search(said)


def _relatives_name_beside(text: str) -> str | None:
    """The name a clause of ``text`` introduces as a family member's ("我女儿叫孙雨桐 积分续办": 孙雨桐), or None."""
    for part in clauses(text):
        if a_relatives_name(part) and (named := value_of("name", part))[1] is None:
            return named[0]
    return None


# A name, then a remark that the writer is applying for a family member ("林晓（帮女儿办）", "王芳 替我儿子填的"):
# the name is the writer's own, not the applicant's (a name said after it as theirs is: "帮女儿办，她叫林晓").
_FOR_A_RELATIVE_AFTER = re.compile(rf"^\W*(?:是|我是|我)?(?:帮|替|给|为)(?:我|俺)?(?:的|家)?({_RELATIVE})"
                                   r"(?:办|填|申请|弄|搞|代办|代填)(?:的|理)?\W*$")


def a_helpers_own_name(text: str, value: Any) -> str | None:
    """The relative the name read (``value``) is followed by a remark of applying for ("林晓（帮女儿办）": 女儿): the
    name is most likely the writer's own, not the applicant's; None for any other message."""
    if not value:
        return None
    said = to_simplified(to_halfwidth(text))
    at = said.find(str(value))
    if at < 0 or said[:at].strip():
        return None
    after = _FOR_A_RELATIVE_AFTER.match(said[at + len(str(value)):])
    return after.group(1) if after else None


# Someone at the employer typing for an employee ("我是人事 帮同事办", "替我们员工办的 他叫…"): the name they give
# is the applicant's, the employee's.
_FOR_AN_EMPLOYEE = re.compile(r"员工|同事|职工|人事|\bhr\b|(?:单位|公司|我们).{0,4}(?:代办|代填|帮|替)", re.IGNORECASE)


def an_employees_name(text: str) -> bool:
    """Whether the name read at the name question is given by someone at the employer for an employee: it is
    the answer (the employee is the applicant), said back with that note (``render.employees_name``)."""
    value, error = value_of("name", text)
    if error is not None or not value:
        return False
    said = to_simplified(to_halfwidth(text)).replace(str(value), " ")
    return bool(_FOR_AN_EMPLOYEE.search(said))


# The one whose number it is named beside it ("这是我女儿的 3301… 她叫…"): someone typing for the applicant, who is named.
_NAMED_FOR_THEM = re.compile(r"(?:她|他|伊|佢)(?:的名字|名字)?叫[\s:：]*[\u4e00-\u9fff]{2,4}(?:$|[\s,，。])")


def _anothers(text: str, value: Any, asking: bool = False, owner: re.Pattern[str] = _OWNED_BY_ANOTHER) -> bool:
    """Whether the one number (or address) given is said to be someone else's, before it ("我老婆的138…") or
    after it ("138… 这是我老婆的"), and nothing says it is the applicant's own. ``asking``: in a message that asks,
    whether it is put to check as someone else's ("138… 我老婆的也行吗", "我老婆的138…可以吗")."""
    said = spoken_digits(to_halfwidth(text))
    at = said.find(str(value))
    if at < 0 or _NAMED_FOR_THEM.search(said):
        return False
    before, after = said[:at], said[at + len(str(value)):]
    other = [m.end() for m in owner.finditer(before)]
    own = [m.end() for m in _SAID_OWN.finditer(before)]
    if other:  # the owner named nearest before it ("老公的身份证号是…，我的等下发": the husband's; "我老婆的不填，我的是…": own)
        return not own or own[-1] < other[-1]
    if own or _SAID_OWN.search(after[:2]):
        return False
    if asking and _SAID_ANOTHERS_AFTER.match(after) and _THEIRS_PUT_TO_CHECK.search(after):
        return True  # "136… 这是我老公的号 我的停机了 用他的可以吧": said to be his, then whether his will do asked
    return bool(_ANOTHERS_PUT_TO_CHECK.match(after) if asking else _SAID_ANOTHERS_AFTER.match(after))


# After the number, it put to check as someone else's ("…我老婆的也行吗", "…是我老公的 可以吗"): a question of whose.
_ANOTHERS_PUT_TO_CHECK = re.compile(rf"^\W*(?:这|那)?(?:个)?(?:是|系)?(?:我|俺|阿拉)?(?:{_ANOTHERS.pattern})的\S{{0,3}}?"
                                    r"(?:也|就)?\W*(?:行|可以|能用|能填|好使|ok|OK)(?:吗|么|嘛|不|伐)?")


# Later in the message, whether theirs will do asked of the one said to own it ("用他的可以吧", "填她的行不行"): a
# question of whose number may be given (dev20: a husband's number was saved as the applicant's beside it).
_THEIRS_PUT_TO_CHECK = re.compile(rf"(?:用|填|写|留|登记)(?:成|上)?(?:他|她|ta|(?:我|俺)?(?:{_ANOTHERS.pattern}))的\S{{0,3}}?"
                                  r"(?:也|就)?\W*(?:行|可以|能用|能填|好使|ok)(?:吗|么|嘛|吧|不|伐|不行|不可以)?")


# Whose degree abroad it is, at the foreign-degree question: another person named (a spouse, a child, kin, a friend)
# and nothing naming the applicant's own (我 not before another's name: "我女儿" is the daughter's; 本人, 自己).
_SOMEONE_ELSE = words.either(words.SPOUSE_PLAIN, words.SPOUSE_ADDRESSED, words.SPOUSE_FIGURATIVE, words.CHILDREN,
                             words.PARENTS, words.KIN, words.OTHER_PEOPLE, ("同学", "闺蜜", "室友", "亲戚", "表哥", "表姐"))
_ONES_OWN = re.compile(rf"本人|自己|我(?!(?:家|们家|的)?{_SOMEONE_ELSE})")


def abroad_of_another(text: str) -> bool:
    """Whether a yes read at the foreign-degree question is said of someone else ("我老婆是美国留学回来的",
    "儿子在加拿大留学"): another person named, and nothing saying the applicant's own degree."""
    return re.search(_SOMEONE_ELSE, text) is not None and not _ONES_OWN.search(text)


def anothers_given(wanted: str | None, text: str) -> dict[str, Any]:
    """Numbers and addresses given beside the question waiting (a mobile at the ID number) that the message
    says are someone else's ("我老婆手机139…"): never the applicant's own answer to their question."""
    if not wanted:
        return {}
    found = extract(text, wanted)
    return {f: v for f, v in found.items() if f != wanted and f in _ONE_BY_ITS_SHAPE and isinstance(v, str)
            and _anothers(text, v, owner=_NAMED_AS_ANOTHERS)}


# Whose a number is, said right after it ("13800138000 这是我老公的 …").
_ANOTHERS_AFTER_IT = re.compile(rf"^\W*(?:这|那)?(?:个)?(?:是|系)?(?:我|俺|阿拉)?(?:{_ANOTHERS.pattern})的(?:号码?|手机号?|身份证号?|邮箱)?")


def _the_applicants(wanted: str, text: str, given: Sequence[Any]) -> Any:
    """Of several numbers (or addresses) of one kind, the one the words before it say is the applicant's
    own while each other one is said to be someone else's ("我老婆的是A 我的是B", "本人B，爱人A"); None
    when the words do not tell them apart."""
    said = spoken_digits(to_halfwidth(text))
    owners: list[str | None] = []
    start = 0
    for value in given:
        at = said.find(str(value), start)
        if at < 0:
            return None
        before = said[start:at]
        if owners and owners[-1] is None and (after_last := _ANOTHERS_AFTER_IT.match(before)):
            owners[-1] = "another"  # "A 这是我老公的 我的是B": the words right after A are A's owner
            before = before[after_last.end():]
        owners.append("own" if _OWN.search(before.strip()) and not _ANOTHERS.search(before)
                      else "another" if _ANOTHERS.search(before) else None)
        start = at + len(str(value))
    if owners.count("own") == 1 and owners.count("another") == len(given) - 1:
        return given[owners.index("own")]
    return None


# An employer's full name offered with a tag asking whether it will do ("上海某某科技有限公司可以吗"): saved and said
# back, the saying back its answer. Only a full name of eight characters or more: "外包公司可以吗" asks whether such
# an employer will do, and a short word is more often a kind than a name.
_PUT_NAME_AT_LEAST = 8


def _organisation_put_to_check(wanted: str, text: str) -> Any:
    put = value_put_to_check(to_halfwidth(text).strip())
    if wanted != "employer" or put is None or len(put) < _PUT_NAME_AT_LEAST or not is_full_organisation(match_form(put)):
        return None
    value, error = value_of(wanted, put)
    return value if error is None else None


def _parses_whole(field: str, text: str) -> bool:
    """Whether the question's own parser reads the whole message (not one clause of it)."""
    try:
        parse(field, text)
    except ValidationError:
        return False
    return True


# Consent and the summary's confirmation are guessed only for a short reply, mistyped or in dialect
# ("确仁", "对滴", "没毛病"): a longer clause that words neither is a statement ("确实有个问题",
# "我对这个流程不太懂"), and taking it for a yes built checklists nobody had confirmed.
SHORT_REPLY = 5
_REPLY_NOISE = re.compile(r"[\s,，。.!！~～]")


def _learned_value(point: str, text: str, classifier: Classifier) -> Any:
    """The value model's reading, never for a bare number (numbers are the parser's), nor for a
    strict choice unless the words say it or resemble its words: "童意" is consent, "张伟" and
    "呃" are not."""
    said = match_form(text).strip()
    if said.lstrip("-").isdecimal():
        return None
    field = field_at(point)
    if field in _YES_NO and _DIGIT.search(said):  # "社保8y" answers another question, not this yes or no
        return worded(field, said)
    if field in GUESS_ONLY_WITH:
        exact = worded(field, said)
        if exact is not None or not GUESS_ONLY_WITH[field].search(said) or len(_REPLY_NOISE.sub("", said)) > SHORT_REPLY \
                or taken_back(field, said):
            return exact
        if field == "confirmed" and ANY_DENIAL.search(said):  # "伊勿是国外读个 是安徽读个" corrects, never confirms
            return None
        guess = classifier.value(point, text)
        return None if guess in negated(field, said) else guess  # "不确认" is no confirmation; "算了不同意" no consent
    if field in _YES_NO and is_full_organisation(said):  # a school named where yes or no is asked: its words alone
        return worded(field, said)  # ("安徽广播电视大学": from home; "复旦大学": neither, asked again)
    if _part_of_a_pinyin_name(field, said):  # "xu", "xin": the start of xuban, xinban and of many other words
        return None
    if field == "business_type" and _PERMIT_DATE_SAID.search(said):
        # "居住证2027年12月31号到期": the permit's 到期, not the points' (积分到期 is 续办): the type is guessed only
        # from what is said beside the permit's date, and nothing beside it chooses none (try16 T5)
        said = _PERMIT_DATE_SAID.sub(" ", said).strip()
        if len(re.sub(r"[^\u4e00-\u9fffA-Za-z]|[么额呢吧啊呀的了是哦]", "", said)) < 2:
            return None
        text = said
    if field in ("children", "social_years") and counts_anothers(field, text):
        return None  # "只要加一个孩子就行" at the social-insurance years: its 一个 is the children's, not 1 year
    guess = classifier.value(point, text)
    # A many-choice guess is a list: its options turned down are the parser's to drop (``value_of``).
    return None if not isinstance(guess, list) and guess in options_turned_down(field, said) else guess


# The permit's expiry told with its date ("居住证2027年12月31号到期", "居住证么明年3月到期额", "有效期到2028年5月"): the
# permit's words, the date, up to its 到期; never the points' ("积分明年到期").
_PERMIT_DATE_SAID = re.compile(r"(?<!积分)(?:居住证|有效期)[^\s,，。;；!！?？]{0,6}?(?:\d|[一二三四五六七八九十今明后]年)"
                               r"[^\s,，。;；!！?？]{0,14}?(?:到期|过期|截止|为止|[号日](?=\W|$))|"
                               r"(?<![积分\w])\d{2,4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*[号日]?\s*(?:到期|截止|为止)")


def _part_of_a_pinyin_name(field: str | None, said: str) -> bool:
    """Whether ``said`` is only a part of an option's name in pinyin ("xu" of xuban): no choice."""
    question = flow.QUESTIONS.get(field or "")
    compact = said.replace(" ", "")
    return isinstance(question, Choice) and compact.isascii() and compact.isalpha() \
        and any(compact in n and compact != n for o in question.options for n in o.names() if n.isascii())


# The questions after the employer's and before the school's (the number of children, the marital status,
# the mobile…): an organisation's full name sent at one of them is the employer, told again or late.
_IN_ORDER = tuple(flow.QUESTIONS)
_AFTER_EMPLOYER = _IN_ORDER[_IN_ORDER.index("employer") + 1:_IN_ORDER.index("bonus_options")]


# The questions asked right after the business type is chosen, before any answer hangs on it: a type's own
# name sent there (by name, never a number: "2" is no date) changes the type, as "改成积分新办" does.
_RIGHT_AFTER_THE_TYPE = frozenset({"permit_expiry", "consent"})


def _answers_another(wanted: str | None, text: str) -> dict[str, Any] | None:
    """Another question's exact answer, by its field, when that is all ``text`` is (a mobile sent
    for the employer, whose name could be anything; an organisation's full name sent for the number of
    children: the employer); None otherwise."""
    form = match_form(text)
    if wanted in _RIGHT_AFTER_THE_TYPE and not any(c.isdecimal() for c in form) \
            and exactly_an_answer("business_type", form):  # "积分新办" at the date: the type put right, not a date
        return {"business_type": value_of("business_type", text)[0]}
    if wanted in _AFTER_EMPLOYER and is_full_organisation(form) and not asks(form) \
            and set(found := extract(text, wanted)) == {"employer"} and match_form(str(found["employer"])) == form:
        return found  # the name alone, not "两个都在上海读小学"
    # Every such answer has six digits or more, or an @: the many short replies skip the search. It may be
    # labelled with its own question's name ("身份证4101…", "手机：139…"), which says the same.
    labelled = _OWN_LABEL.match(form)
    bare = form[labelled.end():] if labelled else form
    if not wanted or not EXACT_VALUE.match(bare) or ("@" not in bare and sum(c.isdecimal() for c in bare) < 6):
        return None
    found = extract(text, wanted)
    if len(found) == 1 and wanted not in found and next(iter(found)) in flow.DISTINCTIVE_ANSWERS \
            and (labelled is None or _LABELLED_FIELDS[labelled.group(1)] in found):
        return found
    return None


# The name of an answer of its own shape said before it, and the answer it names.
_LABELLED_FIELDS = {"身份证": "id_number", "手机": "mobile", "电话": "mobile", "邮箱": "email"}
_OWN_LABEL = re.compile(r"^(?:我的)?(身份证|手机|电话|邮箱)(?:号码|号|地址)?(?:是|为|[:：])?\s*")


# What joins 改 to the option it changes to ("改成续办", "改为已婚", "改选离异").
_CHANGE_WORD = re.compile(r"^(?:成|为|选|到)\s*")
# What settles a choice after the option it changes to ("改成单位变更吧", "改成单位变更得了", nlu33): no part of the option.
_SETTLED_AFTER = re.compile(r"(?:吧|呗|得了|算了|就行了?|就好了?|好了|啦|了)[。.!！~～]*$")


def _changed_to_an_option(point: str, said: tuple[str, str]) -> Any:
    """The option an edit changes to where its own question is asked again ("改成续办" at the business type
    shown for a change): the answer, not an edit of another; None otherwise."""
    wanted = field_at(point)
    if said[0] != "edit" or not wanted or not isinstance(flow.QUESTIONS[wanted], Choice):
        return None
    option, *reason = clauses(_CHANGE_WORD.sub("", said[1]).strip()) or [""]
    option = _SETTLED_AFTER.sub("", option) or option
    if not option or option.isdecimal() or not exactly_an_answer(wanted, option):
        return None
    if reason and value_of(wanted, " ".join(reason))[0] is not None:  # "改成续办 不对 新办": which one, not this
        return None
    value, error = value_of(wanted, option)  # with the reason after it ("改成续办 我记岔了"): the option
    return value if error is None else None


# A denial said alone before the word for a person ("不用 人工"): no hand-over asked for.
_BARE_DENIAL = re.compile(r"(?:不|不用|不要|别|无需|不需要|没必要)了?")


def _exact(point: str, text: str, form: str, checklist: Sequence[str] = ()) -> Interpretation | None:
    """A command word said alone, small talk said in its usual words, a checklist item by number."""
    intent = exact_intent(text)
    if intent is None and exact_intent(text.rstrip("?？ 啊呀")) == "greet":  # "有人吗？？", "在不在啊": a greeting all the same
        intent = "greet"
    if intent == "submit" and point == "summary":  # "确认提交" at the summary: what is submitted is the confirmation
        return Interpretation("answer", 1.0, value="confirm")
    if intent == "start" and field_at(point) == "business_type" and (chosen := _type_chosen(text)) is not None:
        return Interpretation("answer", 1.0, value=chosen)  # "办新的", "新申请" where the type is asked: that type
    if intent is None and len(parts := clauses(text)) > 1 and exact_intent(parts[-1]) == "human" \
            and not _BARE_DENIAL.fullmatch(parts[-2]):
        intent = "human"  # "图片死活发不出去 人工": what went wrong, then the person asked for by the word alone
    if intent is not None:
        if intent in _SMALLTALK_INTENTS:
            return Interpretation("smalltalk", 1.0, command=intent)
        return Interpretation("command", 1.0, command=intent)
    if point in CHECKLIST_POINTS and _PHOTO_DROPPED.search(form) and _PHOTO_JUST_SENT.search(form) \
            and not any(c.isdecimal() for c in form) and not asks(form):
        return Interpretation("command", 1.0, command="drop_photo")  # "删掉刚才那张": a photo, not an item (try15 T7)
    if point in CHECKLIST_POINTS and _PHOTO_DROPPED.search(form) and _PHOTO_PLACED.search(form) \
            and len(clauses(form)) == 1 and not asks(form):  # "第三张是不是不要了" asks: a photo is never deleted on a question
        return Interpretation("command", 1.0, command="drop_photo")
    if point in CHECKLIST_POINTS and (changed := _change_told(form)) is not None:
        # "我单位换了 现在是上海某某贸易有限公司": an answer changed, told with its new value — the edit, never the
        # material whose name a word of the value resembles (上海 of 上海市居住证; try16 T12)
        return Interpretation("command", 1.0, command="edit", argument=changed)
    if point in CHECKLIST_POINTS:  # an item by its place, with nothing else said ("改第十一项" is no edit of an answer)
        for pattern, command in ((_DELETE, "delete_item"), (_VIEW, "view_item")):
            match = pattern.match(form) or pattern.match(_courtesy_dropped(form))
            if match and pattern is _VIEW and _counts_things(match):
                match = None
            number = _place(next(g for g in match.groups() if g), checklist) if match else None
            if number:  # "0" names no item
                return Interpretation("command", 1.0, command=command, item=number)
    if point == "returned" and (_WHY_RETURNED.fullmatch(form) or _WHERE_REASONS.fullmatch(form)
                                # (punctuation alone has no clause: "……" asks nothing)
                                or (said_last := clauses(form)) and _WHICH_FAILED.fullmatch(said_last[-1])
                                and _item(form, checklist) is None):
        return Interpretation("command", 1.0, command="progress")  # "为啥被退了": their own reasons, item by item
    said = match_intent(text)  # "修改 手机", "申办信息有误 单位不对": exact unless it asks something
    # Erasing one's data is a right: asked for in a clause of its own, it is done whatever else the message asks
    # ("你们会把我信息卖掉吗，我要删除我的信息").
    if said is not None and said[0] == "erase" and any(match_intent(part) == said and not asks(match_form(part))
                                                        for part in clauses(text)):
        return Interpretation("command", 1.0, command="erase")
    if said is not None and not asks(form) and (chosen := _changed_to_an_option(point, said)) is not None:
        # with an answer of an exact shape beside it ("改成续办 居住证2028年3月1号到期"): both kept
        beside = {f: v for f, v in extract(text, field_at(point)).items() if f in EXACT_FIELDS}
        if beside:
            return Interpretation("answers", 1.0, fields={field_at(point): chosen, **beside})
        return Interpretation("answer", 1.0, value=chosen)
    if said is not None and said[0] == "edit" and field_at(point) == "business_type" and not asks(form) \
            and _EMPLOYER_EDITED.match(said[1]):
        # "改单位 现在在上海…有限公司", "想改下单位 新公司是…" where the type is asked (nothing answered yet to edit): the
        # change of employer is the business type 单位信息变更, and the new employer said beside it is the employer
        employer = extract(text, "business_type").get("employer")
        if employer:
            return Interpretation("answers", 1.0, fields={"business_type": "employer_change", "employer": employer})
        return Interpretation("answer", 1.0, value="employer_change")
    if said is not None and (not asks(form) or said[0] in _ASKING_COMMANDS):
        if (material := _material_edited(point, said, checklist)) is not None:
            return Interpretation("command", 1.0, command="view_item", item=material)
        return Interpretation("command", 1.0, command=said[0], argument=said[1])
    if point in CHECKLIST_POINTS:
        if _NEXT_ITEM.fullmatch(form):  # "下一个", "next": the next item on the list still to send
            return Interpretation("command", 1.0, command="next_item")
        if checklist and (place := _ENGLISH_PLACE.fullmatch(form)):
            word = place.group(1).lower()
            number = len(checklist) if word == "last" else _ENGLISH_PLACES.index(word) + 1
            if number <= len(checklist):
                return Interpretation("command", 1.0, command="view_item", item=number)
        if _NOTHING_SAID.fullmatch(form):  # "？" alone: where am I (an ellipsis says nothing)
            return Interpretation("smalltalk", 1.0, command="where")
        if _NEVER_MIND.fullmatch(form):  # "算了不撤了": nothing to do, stay where they are
            return Interpretation("smalltalk", 1.0, command="never_mind")
    return _about_items(point, form, checklist)


# An answer of one's own said to have changed, with its new value after ("我单位换了 现在是…", "换了公司，新公司叫…",
# "我手机号变了 新号139…", "邮箱换了 现在用…"): the field's word, and the value said after the change.
# ("换工作了 现在在…上班": the work changed is the employer, and where it is now done its new value.)
_CHANGED_FIELD = r"(?P<field>工作单位|单位|公司|工作|手机号码|手机号|手机|电话号码|电话|邮箱地址|邮箱)"
_CHANGE_TOLD = re.compile(
    r"^(?:(?:我|俺|本人)(?:的|们)?|(?:不好意思|对了|哦|噢|那个)[\s,，]*)*(?:现在|最近|上个?月|前段时间|刚)?(?:"
    + _CHANGED_FIELD + r"(?:也|已经|刚)?(?:换了|变了|换掉了|改了|换过了|变更了)|"
    r"(?:也|已经|刚)?(?:换了|换)(?:个|了)?(?:新)?" + _CHANGED_FIELD.replace("?P<field>", "?P<field2>") + r"了?)"
    r"[\s,，。；;]*(?:现在|新的?|目前)?(?:的)?(?:单位|公司|号码?|手机号?|邮箱)?(?:是|叫|为|用的是|用|在)[\s:：,，]*(?P<value>\S.*?)(?:上班|工作)?了?$")


def _change_told(form: str) -> str | None:
    """The edit a message asks for by telling an answer changed with its new value (``_CHANGE_TOLD``), as the words
    of an edit ("单位改成…"); None when it tells no such change, or a question is asked."""
    told = _CHANGE_TOLD.match(form.strip())
    if told is None or asks(form):
        return None
    value = told.group("value").strip(" 。.!！~～")
    field = told.group("field") or told.group("field2")
    return f"{'单位' if field == '工作' else field}改成{value}" if value else None


# An edit of the employer, as its argument opens ("下单位 新公司是…", "一下工作单位", "公司 现在在…"): at the business type,
# the type 单位信息变更 (nlu33).
# Its details ("改一下公司的电话", "想改下单位的地址") are no change of employer (review8 R8-5): 的 + a detail refused.
_EMPLOYER_EDITED = re.compile(r"(?:一下|下|个)?\s*(?:工作单位|单位|公司)(?![名称全地电])(?!\s*的\s*(?:电话|地址|名称|全称|名字|邮箱|联系))")


# Commands whose own words ask ("我上回弄到哪一步了"): still the command.
_ASKING_COMMANDS = frozenset({"progress"})


def _type_chosen(text: str) -> str | None:
    """The business type a start word names by its option's name or words ("新申请", "办新的"), or None."""
    if exactly_an_answer("business_type", match_form(text)):
        return value_of("business_type", text)[0]
    return in_words("business_type", text)


def _material_edited(point: str, said: tuple[str, str], checklist: Sequence[str]) -> int | None:
    """The checklist item an edit names once the checklist is shown, when it names no answer ("改劳动合同",
    "重新改一下社保缴费记录" at a return: that material is sent again; "改手机号" still edits the answer)."""
    command, argument = said
    if command != "edit" or point not in CHECKLIST_POINTS or not checklist or not argument \
            or any(name in argument.lower() for name in _ANSWER_NAMES):
        return None
    return item_named(argument, checklist, least=NAMED)


def _counts_things(view: re.Match[str]) -> bool:
    """A number with 个 or 份 and no 第 after a verb counts things ("补传一份", "改两个"): no item's place.
    "一个" alone, or "第一个", still chooses."""
    place, unit = view.group(1), view.group(2)
    return unit in ("个", "份") and not place.startswith(("第", "倒数")) and view.group(0) != place + unit


# Taking back what was about to be asked ("算了不撤了", "nvm 不用了", "不取消了"): nothing is done.
# (Stopping the material in hand is said with its own words: "不传了", "取消".)
_NEVER_MIND = re.compile(r"(?:算了|nvm|never ?mind|没事了?|哦|嗯|那)?[\s,，]*(?:不用了|不撤了|不撤回了|不撤销了|不取消了|"
                         r"不改了|不用撤了)[吧啦哈。.!！]*|(?:nvm|never ?mind)[吧啦哈。.!！]*")  # "不删了": keep_data
# Why it was returned, as the whole message, naming no item or rule ("为什么退回", "咋又给我退回来了"): once returned,
# the reasons are the applicant's own, listed item by item by ``progress`` (fix28: dev6–dev8's convention).
_WHY_RETURNED = re.compile(r"(?:我的?|这|这个|材料|申请)?(?:为什么|为啥|为何|为甚|因为啥|因为甚|咋|怎么|什么原因|啥原因|么子原因)"
                           r"(?:又|就|还)?(?:被|给)?(?:我)?(?:又)?退(?:回|件)?(?:来|去)?(?:了|的|呢|啊|呀|嘛|哦)*[?？!！。.]*")
# …or which of them did not pass, no item named, after a sigh or not ("唉 又退了 哪几样不合格"): the same list.
_WHICH_FAILED = re.compile(r"(?:到底|究竟)?(?:是)?(?:哪几个|哪几项|哪几样|哪几份|哪些|哪一项|哪项|哪样)(?:材料)?(?:不行|不合格|没过|没通过|不通过|有问题)"
                           r"(?:了|的|呢|啊|呀|嘛|哦)*[?？!！。.]*")
# …and where to see them ("退回的理由去哪看", "在哪能看到退回原因"): the same list.
_REASONS = r"(?:退回|退件|被退|退回来)(?:的)?(?:原因|理由)"
_WHERE_SEEN = r"(?:在|去|从|到)?(?:哪|哪里|哪儿)(?:里)?(?:能|可以)?(?:看|查|找)(?:到|得到)?"
_WHERE_REASONS = re.compile(rf"(?:{_REASONS}(?:要|得)?{_WHERE_SEEN}|{_WHERE_SEEN}{_REASONS})(?:啊|呀|呢|哦)?[?？!！。.]*")
_NOTHING_SAID = re.compile(r"[?？\s]*[?？][?？\s]*")
# The next item asked for, said alone ("下一个", "好 下一项", "next one"); "下一步" is another question's.
_NEXT_ITEM = re.compile(r"(?:好的?|ok|那|嗯)?[\s,，]*(?:换|拍|传|继续|来)?(?:下一个|下一项|下一份|下一样|下个|(?:the )?next(?: one| item)?)"
                        r"(?:吧|了|呢|啊| pls| please)?[\s。.!！~～?？]*")
# An item named by its place in English ("the first one pls"): that item, as "第一项" is.
_ENGLISH_PLACES = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                   "eleventh", "twelfth", "thirteenth")
_ENGLISH_PLACE = re.compile(rf"(?:the )?({'|'.join(_ENGLISH_PLACES)}|last)(?: one| item)?(?: pls| please)?[\s.!?？]*",
                            re.IGNORECASE)
_ITEM_TALK = {"done": "finish_photos", "not_needed": "delete_item", "send": "view_item"}


# What is wrong with an item, asked once materials were returned: the item's own reason answers it.
_WHAT_IS_WRONG = re.compile(r"哪(?:里|儿|点|个地方)?(?:不对|不行|有?问题|有?毛病|错)|(?:什么|啥|哪个)(?:问题|毛病)|为(?:什么|啥|何)|"
                            r"(?:怎么|咋个?)回事|不合格|不通过|没通过|没过|退回|退了|被退|打回|(?:怎么|咋个?|啷个)(?:弄|整|改|搞)")

# How an item is done or what it needs, asked of an item by its place ("第4项要啥", "第十一项怎么弄", "第三项 怎么 准备").
_HOW_IT_IS_DONE = re.compile(r"(?:怎么|咋个?|怎样|如何|啷个)(?:弄|整|搞|准备|拍|传|做)|"
                             r"(?:要|需要|得|准备|备)(?:些|点)?(?:啥|什么)(?:东西|材料|样的?)?|(?:具体|什么|啥)要求")
_NOT_HAD = re.compile(r"没|丢|不在|代替|替代")


def _about_items(point: str, form: str, checklist: Sequence[str]) -> Interpretation | None:
    """A sentence about checklist items (``items.item_talk``), once a checklist is shown: a question
    about one is a question carrying its number; sending one chooses it (the others said after it are
    the ``value``); saying one is photographed, or not needed, is about that item. While an answer of
    a made checklist is being changed, only asking about an item or choosing one by its place is about
    the checklist (choosing one leaves the edit)."""
    if not checklist:
        return None
    asking = asks(form)
    talk = item_talk(form, checklist, asking=asking)
    if talk is None and asking and point in CHECKLIST_POINTS and (end := _FROM_END.search(form)):
        number = _from_end(end, checklist)  # "最后一个的要求是啥": counted from the end
        talk = ("ask", [number]) if number else None
    if talk is None:
        return None
    kind, numbers = talk
    if kind == "later":  # an okay, and where they are: nothing chosen to photograph now
        # While one material is being photographed, one put off where it lies ("身份证在车里 一会拍") stops the
        # photos: a pause or a wait, the model's to tell.
        return Interpretation("smalltalk", 1.0, command="never_mind") if point in CHECKLIST_POINTS - {"photographing"} \
            else None
    if point not in CHECKLIST_POINTS and (kind not in ("send", "ask") or not places(form, bare=True)):
        return None
    if kind == "ask" and (point == "returned" and _WHAT_IS_WRONG.search(form)
                          or point in CHECKLIST_POINTS and _HOW_IT_IS_DONE.search(form) and not _NOT_HAD.search(form)
                          and not says_lacking(form)):  # (while an answer is changed, asking keeps the edit)
        # "第3项哪里不对", "第九项 咋整" after a return: that item, its own reason and what to send again shown;
        # "第4项要啥", "第十一项怎么弄" at the checklist: that item opened, its requirements shown (the development
        # sets' view_item), unless it is said not to be had ("第五项没有怎么办", "孩子还没上户口 第14项怎么办" ask what
        # to do instead)
        return Interpretation("command", 1.0, command="view_item", item=numbers[0], value=tuple(numbers[1:]), asks=True)
    if kind == "ask":
        return Interpretation("question", 1.0, item=numbers[0], value=tuple(numbers[1:]), asks=True)
    return Interpretation("command", 1.0, command=_ITEM_TALK[kind], item=numbers[0], value=tuple(numbers[1:]),
                          asks=asking)


def _build(kind: str, confidence: float, wanted: str | None, text: str, value: Any,
           error: ValidationError | None) -> Interpretation:
    """The interpretation of a kind, with what it carries; an answer without a value it can save
    becomes several answers (when the text holds them) or a non-answer with the reason."""
    if value is None and kind in ("answer", "answers", "non_answer") and wanted == "bonus_options" \
            and (job := _occupation_beside(wanted, text)) is not None:
        # "我是会计师，大专": the degree kept for its question; the occupation named no option, said so
        found = {f: v for f, v in extract(text, wanted).items() if f != wanted}
        return Interpretation("answers", confidence, fields=found, aside=render.occupation_not_a_title(job))
    if value is None and kind in ("answer", "answers", "non_answer") and _may_hold_several(text) \
            and any(f != wanted for f in extract(text, wanted)):
        value = _first_clause_answers(wanted, text)  # "2 本科 全日制" at the bonus options: the 2 is theirs
    if kind in ("answer", "answers", "non_answer") and value is not None \
            and (other := _claimed_by_another(wanted, value, text)):  # "手机 139…" at the employer: the mobile
        return Interpretation("answers", confidence, fields=other)
    if kind in ("answer", "non_answer") and _may_hold_several(text):
        found = extract(text, wanted)
        # "张伟，1101…", "未婚 没孩子", "全日制硕士": several answers, whatever the model says — when the
        # current answer is not readable alone, or another clause (or qualifier) answers another question.
        # A number or an address found by its shape stands apart from what else is said, separator or not
        # ("…321X手机138…", "186…单位上海某某有限公司").
        distinct = any(f != wanted for f in found) and (len(clauses(text)) > 1 or _qualified(text)
                                                        or any(f in _TOLD_APART for f in found))
        if wanted == "spouse_options" and value is None and found.get("marital_status") not in (None, "married"):
            value = []  # "早离了 哪来的配偶": no spouse, so none of the spouse's options
        _add_value(found, wanted, value)
        # Another question's answer known by its shape, alone among words that answer nothing ("邮箱还是填一下吧
        # zs@qq.com" at the bonus options): that answer, as when it is sent bare.
        by_its_shape = value is None and wanted is not None and any(f in _ONE_BY_ITS_SHAPE and f != wanted for f in found)
        # …and so is a date told in the permit's own words ("2027年12月31日到期" at the business type): its expiry
        by_its_shape = by_its_shape or value is None and wanted not in (None, "permit_expiry") \
            and "permit_expiry" in found and _PERMIT_TOLD.search(match_form(text)) is not None
        if (len(found) > 1 or by_its_shape) and (value is None or distinct):
            return Interpretation("answers", confidence, fields=found)
        if isinstance(value, list) and wanted:  # options named in two clauses ("我是高级工程师，社保…")
            value = found[wanted]
    if kind == "answer" and value is not None and wanted == "children" \
            and "spouse_options" in (beside := extract(text, wanted)):  # "加老公和儿子": the spouse added, and one child
        return Interpretation("answers", confidence, fields={**beside, wanted: value})
    if kind == "answer" and value is not None and wanted == "bonus_options" \
            and (told := _follow_ups_told(extract(text, wanted))):  # "有本科学历": 学历加分, and the level kept
        return Interpretation("answers", confidence, fields={**told, wanted: value})
    if kind == "answer" and value is not None and wanted:
        return Interpretation("answer", confidence, value=value)
    if kind in ("answer", "answers"):
        found = extract(text, wanted)
        _add_value(found, wanted, value)
        if kind == "answers" and len(found) > 1:
            return Interpretation("answers", confidence, fields=found)
        if value is not None and wanted:
            return Interpretation("answer", confidence, value=value)
        if len(found) > 1:
            return Interpretation("answers", confidence, fields=found)
        if kind == "answers" and found and wanted in _IN_ORDER and set(found) != {"name"} \
                and all(f in _IN_ORDER[:_IN_ORDER.index(wanted)] for f in found):
            # a late answer to an earlier question, put right, with nothing for this one ("孩子其实有两个 刚才写了0"
            # at the marital status): kept (a name alone is too often a guess to be one; a later question's waits)
            return Interpretation("answers", confidence, fields=found)
        if set(found) == {"permit_expiry"} and wanted != "permit_expiry" and _PERMIT_TOLD.search(match_form(text)):
            # "居住证2027年12月31号到期" at the business type: the permit's date, in its own words, kept; the type asked
            # again without a refusal beside the record (try16 T5)
            return Interpretation("answers", confidence, fields=found)
        if kind == "answers" and found and wanted == "bonus_options" and _follow_ups_told(found) == found:
            # "本科", "我是研究生": what a bonus option asks next, said for it; kept, and the option it belongs to
            # chosen with it (``flow.with_bonus_options``), as "社保交了7年" chooses 社保加分
            return Interpretation("answers", confidence, fields=found)
        return Interpretation("non_answer", confidence, reason=error.message if error else None, offered=_offered(error))
    if kind == "answer_and_question":
        if value is not None and wanted:
            return Interpretation("answer_and_question", confidence, value=value)
        return Interpretation("question", confidence)
    if kind == "non_answer" and error:
        return Interpretation(kind, confidence, reason=error.message, offered=_offered(error))
    return Interpretation(kind, confidence)


# The question asked before the name where a name introduced alone is kept for it ("我叫张伟"; at the consent the
# engine keeps it, ``Turn.answers_ahead``), and such a message.
_BEFORE_THE_NAME = frozenset({"permit_expiry"})
_INTRODUCTION = re.compile(r"^(?:(?:你好|您好)[,，\s]*)?(?:我叫|我是|我的名字(?:是|叫)|本人)\s*(\S{2,4}?)[。.!！~]?$")


def _introduced_alone(text: str) -> str | None:
    """The name of a message that only introduces the writer ("我叫张伟", "你好，我是王芳"); None otherwise."""
    said = _INTRODUCTION.match(to_halfwidth(text).strip())
    return said.group(1) if said is not None and introduced_name(text) == said.group(1) else None


def _bonus_told(wanted: str | None, text: str, form: str) -> dict[str, Any]:
    """The bonus options a message names, with their follow-ups, where another question of the form is asked and the
    message asks nothing and answers nothing else ("有中级职称和社保" at the school); empty otherwise."""
    if wanted in (None, "bonus_options", "business_type") or wanted not in flow.QUESTIONS or asks(form):
        return {}  # (at the business type, before the form: "紧缺专业加分" is searched for, a question)
    found = extract(text, wanted)
    return found if found.get("bonus_options") and set(found) - {"bonus_options"} <= set(_follow_ups_told(found)) else {}


def _follow_ups_told(found: dict[str, Any]) -> dict[str, Any]:
    """The answers among ``found`` to the questions a bonus option asks next (the degree level, the years)."""
    return {f: v for f, v in found.items() if any(f in asked for asked in flow.BONUS_FOLLOW_UPS.values())}


def _offered(error: ValidationError | None) -> Any:
    """The one answer a refusal offers for a yes (``validators.Offered``), or None."""
    return error.value if isinstance(error, Offered) else None


def _occupation_beside(wanted: str, text: str) -> str | None:
    """The occupation a message tells in a clause of its own beside answers to other questions, every other
    clause one of them ("我是会计师，大专"); None otherwise."""
    parts = clauses(text)
    jobs = [job for part in parts if (job := occupation_said(part))]
    if not jobs or len(parts) < 2 or not all(occupation_said(p) or set(extract(p, wanted)) - {wanted} for p in parts):
        return None
    return jobs[0]


def _claimed_by_another(wanted: str | None, value: Any, text: str) -> dict[str, Any]:
    """The other answers a message gives, when the free-text answer its question's parser read (a name, an
    employer) holds one of them, or is one: "手机 13912345678" at the employer is the mobile, not an employer named
    so, "上海某某科技有限公司" at the name is the employer, and "结婚了" the marital status, not the applicant's name.
    Empty otherwise."""
    if not wanted or not flow.QUESTIONS[wanted].as_typed or not isinstance(value, str):
        return {}
    found = {f: v for f, v in extract(text, wanted).items() if f != wanted}
    held = any(isinstance(v, (str, int)) and not isinstance(v, bool) and str(v) and str(v) in value for v in found.values())
    # "结婚了", "没结婚" at the name: the words read as the name are themselves another answer (the marital status),
    # so they are that answer alone, never also the name (no name on an ID card reads as an answer: try18 U1)
    held = held or wanted == "name" and any(f != wanted for f in extract(value, wanted))
    return found if held else {}


def _first_clause_answers(wanted: str | None, text: str) -> Any:
    """The answer to the question waiting among other answers: its clause opening the message in a
    shape that can be nothing else (an option's number or name: "2 本科 全日制"), or the options of a
    many-choice question named ("职称跟紧缺专业 我是同济的硕士"); None otherwise."""
    parts = clauses(text)
    if not wanted or len(parts) < 2:
        return None
    if exactly_an_answer(wanted, match_form(parts[0])):
        value, error = value_of(wanted, parts[0])
        if error is None:
            return value
    return in_words(wanted, text) if isinstance(flow.QUESTIONS[wanted], ChooseMany) else None


def _add_value(found: dict[str, Any], wanted: str | None, value: Any) -> None:
    """The current answer among those found; a many-choice answer adds the options found elsewhere in
    the message to those its parser read ("我是高级工程师，社保交了…": 职称 and 社保)."""
    if not wanted or value is None:
        return
    if isinstance(value, list) and isinstance(found.get(wanted), list):
        chosen = set(value) | set(found[wanted])
        found[wanted] = [o.code for o in flow.QUESTIONS[wanted].options if o.code in chosen]
    else:
        found.setdefault(wanted, value)


# Answers that stand apart from the rest of a clause: by their shape, or a count with its own word ("社保7年").
_TOLD_APART = EXACT_FIELDS | {"social_years"}
_SEVERAL = re.compile(r"[\s,，、;；]|\d[\u4e00-\u9fff]|[\u4e00-\u9fff]\d")


def _may_hold_several(text: str) -> bool:
    """Two answers need a separator, digits beside characters ("张伟1101…"), a degree with its
    qualifier ("全日制硕士", "英国硕士") or a clause run on into another ("…新办我的居住证是…"): others skip the search."""
    return bool(_SEVERAL.search(text.strip())) or _qualified(text) or runs_on(text)


def _qualified(text: str) -> bool:
    return qualified_level(match_form(text))


# English around a Chinese answer that turns it down ("I do not 同意", "no 积分新办"): no answer is read from it.
_ENGLISH_NO = re.compile(r"\b(?:not|no|don'?t|never|nope|cancel|stop)\b")


def _item(form: str, checklist: Sequence[str]) -> int | str | None:
    """The checklist item a message names: by its number, counted from the end, or by its name in
    the checklist shown; a material of the catalogue named that is not on it, by its name ("我媳妇身份证"
    from someone unmarried: 配偶身份证(正反面), never the holder's own)."""
    number = next(iter(places(form, bare=True)), None)  # items.py reads places, counts and days
    if number is None and (end := _FROM_END.search(form)):
        number = _from_end(end, checklist)
    if number is not None or not checklist:
        return number
    return item_named(form, checklist) or item_off_list(form, checklist)


def _place(said: str, checklist: Sequence[str]) -> int | None:
    """The number of an item said as its place: "3", "第三", or from the end ("最后一", "倒数第二")."""
    number = parse_ordinal(said)
    if number is None and (end := _FROM_END.fullmatch(said)):
        number = _from_end(end, checklist)
    return number


def _from_end(end: re.Match[str], checklist: Sequence[str]) -> int | None:
    """The number of the item counted from the end of the checklist shown (none shown: no item)."""
    back = parse_ordinal(end.group(1)) if end.group(1) else 1
    return len(checklist) - back + 1 if checklist and back and back <= len(checklist) else None


_NEAR_TIE = 0.02  # two commands' scores this close are the model's coin toss

# Going back, said first ("返回 手机号填错了", "上一个 单位名字打错了", "退回上一步 …", "往回退一下 …").
_BACK_FIRST = re.compile(r"^(?:返回|退回|后退|回到|回去|上一个|上一步|上一题|往回|回退|退一步)")


def _asked_right_before(point: str) -> frozenset[str]:
    """The questions the flow may ask right before ``point`` (the e-mail or the spouse's options before the bonus
    options: the spouse's are asked only of some)."""
    return frozenset(flow.ASKS.get(source, source) for source, dest, _ in flow.FLOW
                     if dest == point and flow.ASKS.get(source, source) in flow.QUESTIONS) - {point}


def _back_to_the_one_before(point: str, form: str) -> bool:
    """Whether ``form`` opens by going back and names the answer of the question just before ``point``: one step back
    is where that mistake is put right, and the development sets label it back, the mistake told being why (the
    engine asks that answer again either way). An answer further back is its edit: "返回 姓名我打错了" at the
    employer goes to the name, not to the ID number before it."""
    if _BACK_FIRST.match(form) is None or point not in _IN_ORDER or _IN_ORDER.index(point) == 0:
        return False
    return any(name.lower() in form for field in _asked_right_before(point) for name in flow.QUESTIONS[field].names())


# Points where the application is with the reviewers, and a withdrawal said in its words ("撤回", "撤销"; not 撤掉 a photo).
_SENT_FOR_REVIEW = frozenset({"submitted", "approved"})
_WITHDRAW_SAID = re.compile(r"撤回|撤销")
# The application itself said withdrawn ("撤销申请", "撤回预审"): never a file's delete, whatever item is named.
_APPLICATION_WITHDRAWN = re.compile(r"(?:撤回|撤销)\S{0,3}?(?:申请|预审|提交)")


# Going back, said last ("邮箱填错了 回上一个", "…选错了 回去", "…输错一位 能回去吗"): asked for in so many words.
_BACK_LAST = re.compile(r"(?:回上一个|回上一步|回上一题|返回上一步|返回|退回去|回去|往回退)(?:一下|吧|呗)?(?:吗|么|不|呢)?"
                        r"[?？!！。.~～\s]*$")


def _back_said_last(point: str, form: str) -> bool:
    """Whether ``form`` ends by asking to go back and names no answer asked further back than the question just before
    ``point`` (that one's edit, then: "手机号填错了 回去" at the summary goes to the mobile)."""
    if _BACK_LAST.search(form) is None or point not in _IN_ORDER:
        return False
    before = _asked_right_before(point)
    further = [field for field in _IN_ORDER[:_IN_ORDER.index(point)] if field not in before]
    return not any(name.lower() in form for field in further for name in flow.QUESTIONS[field].names())


def _command(point: str, text: str, form: str, confidence: float, classifier: Classifier,
             checklist: Sequence[str] = ()) -> Interpretation:
    """Which command: the words' rule when it names one (with the edit's argument), else the classifier's."""
    rule = match_intent(text)
    if rule is not None and rule[0] not in _SMALLTALK_INTENTS:
        return Interpretation("command", confidence, command=rule[0], argument=rule[1])
    ranked = classifier.command(point, text)
    # Before the checklist, a checklist command names nothing ("我去看看毕业证 一会回来"): the next one.
    names = [label for label, _ in ranked.labels if point in CHECKLIST_POINTS or label not in _CHECKLIST_COMMANDS] \
        if ranked is not None else []
    name = names[0] if names else "help"
    if name == "back" and len(names) > 1 and names[1] == "edit" and ranked.score("back") - ranked.score("edit") < _NEAR_TIE \
            and any(word in form for word in _ANSWER_NAMES) and not _back_to_the_one_before(point, form):
        name = "edit"  # "返回 姓名我打错了": back or edit alike to the model, the answer named says which one
    elif name == "edit" and (_back_to_the_one_before(point, form) or _back_said_last(point, form)):
        name = "back"  # "上一个 单位名字打错了" at the children: one step back is that answer (the sets' convention)
    elif name == "edit" and point in _SENT_FOR_REVIEW and _WITHDRAW_SAID.search(form) and not asks(form):
        name = "withdraw"  # "我想撤回改一下学历": the submission taken back first, which only support can do
    elif name == "withdraw" and point in _DRAFT_POINTS and checklist and isinstance(_item(form, checklist), int) \
            and not _APPLICATION_WITHDRAWN.search(form):
        name = "delete_item"  # "撤回刚才传的合同" before submitting: a file taken back, as "把合同删了" is
    item = _item(form, checklist) if name in ("view_item", "delete_item") else None
    # Several places chosen at once ("1 2 3", "1和2"): the first is photographed, the others said to come after it
    later = tuple(places(form, bare=True)[1:]) if name == "view_item" and isinstance(item, int) else None
    # An edit names what to change; a dispute that names an answer ("名字写错了") is its own report,
    # unless it asks ("单位能改吗": answered, never filed).
    said = name == "edit" or name == "dispute" and not asks(form) \
        and (any(word in form for word in _ANSWER_NAMES) or _SCORE_SAID.search(form) is not None)
    return Interpretation("command", confidence, command=name, argument=text.strip() if said else "", item=item,
                          value=later or None)
