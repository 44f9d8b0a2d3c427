"""What the classifier sees of a message: the matching form of its text (simplified, half-width,
lower case — for matching only, never what is saved), its character n-grams, and the point."""
from __future__ import annotations

import re

from dialogs.flows import application as flow
from dialogs.per_message import per_message
from dialogs.text import canonical, mandarin
from dialogs.understanding.points import field_at
from knowledge.dialect import initials_spelled

_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d")
_LATIN = re.compile(r"[a-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


# Replies typed in pinyin ("tong yi", "butongyi", "mei wen ti"): the few yes/no words read as their
# characters, in a message of Latin letters alone (never inside an address or a mixed message), with
# the particle typed onto them ("tongyila"); a count of one to three ("liangge"); the type 单位变更.
_PINYIN = tuple((re.compile(rf"\b{pattern}(?:\s?(?:la|le|ya|ba|a))?\b"), word) for pattern, word in (
    (r"bu\s?tong\s?yi", "不同意"), (r"tong\s?yi", "同意"), (r"que\s?ren", "确认"), (r"ke\s?yi", "可以"),
    (r"mei\s?wen\s?ti", "没问题"), (r"mei\s?you", "没有"), (r"bu\s?shi", "不是"), (r"shi\s?de", "是的"),
    (r"hao\s?de", "好的"),
    # a checklist place ("di er xiang", "disange"): 第二项, as the item's number is read (before the counts: "di san ge")
    *((rf"di\s?{spelled}\s?(?:xiang|ge|hao)", f"第{digit}项") for spelled, digit in (
        ("yi", "一"), ("er", "二"), ("san", "三"), ("si", "四"), ("wu", "五"), ("liu", "六"), ("qi", "七"),
        ("ba", "八"), ("jiu", "九"), ("shi", "十"))),
    (r"yi\s?ge", "一个"), (r"liang\s?ge", "两个"), (r"san\s?ge", "三个"),
    (r"dan\s?wei\s?bian\s?geng", "单位变更"),
    # the options' and levels' names (dev15's pinyin voice: "zhi cheng", "benke"): the choice as its characters
    (r"xue\s?li", "学历"), (r"zhi\s?cheng", "职称"), (r"she\s?bao", "社保"), (r"ying\s?jie\s?sheng", "应届生"),
    (r"gao\s?zhong", "高中"), (r"zhong\s?zhuan", "中专"), (r"da\s?zhuan", "大专"), (r"ben\s?ke", "本科"),
    (r"shuo\s?shi", "硕士"), (r"bo\s?shi", "博士"), (r"quan\s?ri\s?zhi", "全日制"),
    (r"wei\s?hun", "未婚"), (r"yi\s?hun", "已婚"), (r"li\s?yi", "离异"), (r"sang\s?ou", "丧偶"),  # the one type the options' pinyin names lack (a prefix of it, "dan", is no choice)
    # the words a question asks with ("jifen yushen tongguo hou yao queren shenme"): it asks, and its 确认 is no reply
    # (not "na li", "sha": names are typed so, "Li Na", "Liu Sha")
    (r"shen\s?me", "什么"), (r"zen\s?me", "怎么"), (r"zen\s?yang", "怎样"), (r"duo\s?shao", "多少"), (r"duo\s?jiu", "多久"),
))
_LATIN_ONLY = re.compile(r"[a-z\s]+")


def hanzi_of_pinyin(form: str) -> str:
    """``form`` with a yes/no reply typed in pinyin in its characters, when it is Latin letters alone."""
    if not _LATIN_ONLY.fullmatch(form):
        return form
    for pattern, word in _PINYIN:
        form = pattern.sub(word, form)
    return form


@per_message  # about three and a half calls a message on its one text
def match_form(text: str) -> str:
    """Simplified, half-width, lower case, single spaces, Mandarin: how two spellings of a word meet."""
    return hanzi_of_pinyin(initials_spelled(_SPACES.sub(" ", mandarin(canonical(text)).lower())))


# A murmur or puzzlement, whole: sounds, question marks, dots, an okay ("嗯", "啊？", "？？", "啊这", "emmm", "ok").
_MURMUR = re.compile(r"(?:[嗯恩哦噢喔啊呃额唔诶欸呐?？.。…~～!！\s]|哈[?？]|啊这|e?mm+|hmm+|ok+|okay)+")


# A bare acknowledgement ("好的", "收到", "知道了", "晓得啦", "ok", "嗯嗯"): it says it was read, and asks and answers nothing.
_ACKNOWLEDGEMENT = re.compile(r"(?:好的?|好滴|好哒|好嘞|好吧|好嘛|好的呢|行|行吧|收到|收到了|收到啦|知道了?|知道啦|晓得了?|晓得啦|明白了?|明白啦|"
                              r"了解了?|懂了|已阅|ok+|okay|要得|[嗯恩哦噢喔额呃]+|[\s,，。.!！~～])+")


def acknowledges(form: str) -> bool:
    """Whether ``form`` (the matching form) only acknowledges what was said (or murmurs)."""
    return bool(form.strip()) and _ACKNOWLEDGEMENT.fullmatch(form) is not None


def murmurs(form: str) -> bool:
    """Whether ``form`` (the matching form) is only a murmur: it says nothing, neither an answer nor a mistake."""
    return bool(form.strip()) and _MURMUR.fullmatch(form) is not None


def char_ngrams(text: str) -> list[str]:
    """Character 1- to 3-grams of each word padded with a space (sklearn's ``char_wb``): a word's
    edges are features of their own ("同意" alone differs from "不同意")."""
    grams = []
    for word in text.split():
        padded = f" {word} "
        grams += [padded[i:i + n] for n in (1, 2, 3) for i in range(len(padded) - n + 1)]
    return grams


def _shape(text: str) -> list[str]:
    """Coarse facts a few n-grams cannot see: how long, which scripts, digits only."""
    han, latin, digits = len(_HAN.findall(text)), len(_LATIN.findall(text)), len(_DIGITS.findall(text))
    shape = [f"#len{min(len(text), 12) // 3}"]
    if digits and digits == len(text.replace(" ", "")):
        shape.append("#digits_only")
    if latin and not han:
        shape.append("#latin_only")
    if latin and han:
        shape.append("#mixed")
    return shape


def _option_words() -> dict[str, re.Pattern[str]]:
    """Per point, the words of its question's options and name ("离异", "学历加分", "姓名"), longest first."""
    words: dict[str, re.Pattern[str]] = {}
    for point in (*flow.QUESTIONS, "start", "summary"):
        question = flow.QUESTIONS.get(field_at(point) or "")
        if question is None:
            continue
        said = {match_form(n) for o in getattr(question, "options", ()) for n in o.names()}
        said |= {match_form(n) for n in question.names()}
        said = sorted((w for w in said if len(w) >= 2 and not w.isascii()), key=len, reverse=True)
        if said:
            words[point] = re.compile("|".join(map(re.escape, said)))
    return words


_OPTION_WORDS = _option_words()
_FILLERS = re.compile(r"[\s,，、。!！~～的了吧啊呀哦嘛是我有就都那个这]+")


def beside_the_answer(point: str, form: str) -> str | None:
    """What ``form`` (the matching form) says beside the words of an answer at this point, fillers
    left out ("离婚证明材料" → "证明材料", "离婚了" → ""); None when it names no answer's words."""
    words = _OPTION_WORDS.get(point)
    if words is None or not words.search(form):
        return None
    return _FILLERS.sub(" ", words.sub(" ", form)).strip()


# What a search-style phrase asks for, as its last word: "续办时间节点", "未婚声明模板", "同意之后的流程".
# Chinese puts the head of a noun phrase last, so an answer's words followed by one of these name the
# answer as the subject of a search, not as the choice ("离婚证明材料" asks; "离婚了" answers).
_SEARCHED_FOR = re.compile(r"(?:流程|步骤|手续|材料|清单|资料|证明|条件|要求|标准|规定|政策|细则|依据|范围|模板|范本|样本|"
                           r"样板|样张|格式|节点|(?<![赶没])时间|期限|时限|地址|电话|网址|入口|方法|攻略|指南|说明|须知|目录|"
                           r"对照表|区别|费用|报告|解释)(?:说明|一下)?$")


# The step the summary offers, asked for in its own words ("确认，生成材料清单", "没问题 生成清单"): 清单 made, not searched for.
_MADE = re.compile(r"生成\S{0,4}$")


# What is agreed to, named after the okay ("我同意你们的服务须知", "接受以上承诺"): consent's object, not searched for.
_AGREED_TO = re.compile(r"(?:同意|接受|遵守|认可)了?(?:你们|您们|上面|以上|上述|这个|这些|该)?的?(?:服务)?"
                        r"(?:须知|承诺书?|说明|条款|规定|要求)[\s。.!！~～]*$")


# A formal letter's closing ("…申请人姓名：…，特此说明"): it states, it searches for no 说明.
_FORMAL_CLOSING = re.compile(r"特此(?:说明|声明|确认|告知)[\s。.!！]*$")


def _ends_searching(form: str) -> bool:
    """Whether the message's last word is one searched for (not the answer's: "…服务须知，同意"; nor what
    is asked to be made: "…生成材料清单"; nor what is agreed to: "同意服务须知"; nor a hurry: "赶时间"; nor a
    formal closing: "特此说明")."""
    said = _FILLERS.sub(" ", form).strip()
    return _SEARCHED_FOR.search(said) is not None and _MADE.search(said) is None and _AGREED_TO.search(form) is None \
        and _FORMAL_CLOSING.search(form) is None


def searches_about_answer(point: str, form: str) -> bool:
    """Whether ``form`` names an answer's words at this point and then what is searched for about
    it: a question without a question's words or mark."""
    rest = beside_the_answer(point, form)  # the word searched for is beside the answer's ("对 生成材料吧" chooses)
    return bool(rest) and _ends_searching(form) and _ends_searching(rest)


def _beside_the_answer(point: str, text: str) -> list[str]:
    """What a message says beside the words of an answer at this point, as features of their own:
    "离婚证明材料" is 离婚 and 证明材料 — asked about, not chosen — where "离婚了" is 离婚 and nothing.
    The same words beside any option at any point are one feature, so what is asked about an option
    is learned across options and points."""
    rest = beside_the_answer(point, text)
    if rest is None:
        return []
    if not rest:
        return ["#answer_words_alone"]
    searched = ["#searched_for"] if _ends_searching(text) else []
    return ["#answer_words_and_more", *searched, *(f"~{g}" for g in char_ngrams(rest) if len(g.strip()) == 2)]


def tokens(point: str, text: str) -> list[str]:
    """The features of ``text`` sent at ``point``: n-grams, shape, the point alone and with the
    characters and pairs (a word may mean one thing at one point and another elsewhere), and what
    is said beside an answer's words."""
    grams = char_ngrams(text)
    shape = _shape(text)
    return [*grams, *shape, f"@{point}", *(f"{point}|{g}" for g in (*grams, *shape) if len(g) <= 2),
            *_beside_the_answer(point, text)]


def document(point: str, text: str) -> str:
    """One string carrying both, as the vectorizer takes documents (split again by ``analyze``)."""
    return f"{point}\x1f{match_form(text)}"


def analyze(doc: str) -> list[str]:
    point, _, text = doc.partition("\x1f")
    return tokens(point, text)
