"""What the way a message travelled left in it, taken out before anything reads the text: the words an
applicant meant are the same whether typed, pasted from a web page, quoted back or dictated.

One place, applied once to every text the dialogue receives (``dialogs.engine``) and again, idempotently, at
the understanding step (``dialogs.understanding.interpret``), so the values saved are the words meant too.
Each rule is exact: it changes only what can be nothing but debris.
"""
from __future__ import annotations

import html
import re

# HTML entities of a message pasted from a web page or a mail ("&lt;宁夏大学&gt;", "wang&#64;sina.com", "&nbsp;"):
# the characters they stand for. A bare "&" ("A&B公司") is no entity and stays.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# A whole message in the angle brackets a prompt shows a placeholder in ("<宁夏大学>" once unescaped).
_BRACKETED = re.compile(r"<\s*([^<>]+?)\s*>")
# Markdown emphasis typed or pasted around a word ("**符海燕**", "__同意__"): the word. Single * and _ stay
# (an e-mail address holds "_": "dehai_wang@163.com").
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|(?<![\w@.])__(.+?)__(?![\w@])")
# The prompt quoted before the reply, as WeChat's long-press "回复" or a pasted form writes it ("回复：熊小梅", "答: 同意").
_QUOTED_PROMPT = re.compile(r"^\s*(?:回复|答复|回答|答)\s*[:：]\s*")
# Punctuation a screen reader or voice keyboard wrote as its name ("汪德海句号", "学历句号社保句号", "同意 逗号 下一步").
# A message ending in one was dictated so: every such word in it is its mark. Otherwise only one standing apart (spaces or
# marks on both sides) is: "多选用逗号隔开吗" asks about the comma.
_MARK_NAMES = {"句号": "。", "逗号": "，", "问号": "？", "感叹号": "！", "叹号": "！"}
_MARK_NAME = re.compile("感叹号|句号|逗号|(?<!请)问号(?!码)|叹号")  # "请问号码是多少句号": 请问 and 号码 are words, no mark
_ENDS_IN_MARK_NAME = re.compile(r"(?:感叹号|句号|逗号|问号|叹号)[\s。，,.？?！!]*$")
_MARK_NAME_APART = re.compile(r"(?:(?<=^)|(?<=[\s。，,.？?！!]))(?:感叹号|句号|逗号|问号|叹号)(?=$|[\s。，,.？?！!])")
# Voice input cutting a reply at every pause with a full stop ("嗯。上海。陇原餐饮。有限公司。", "幺八五。零八七一。二二四六。"):
# short pieces (six characters at most), each ended by a stop, nothing else between, and either a filler of the
# pauses among them (嗯, 那个…) or three pieces or more: two short sentences ("我叫张三。身份证在家。") are not cut so.
# The pieces are one reply: joined, the fillers left out; a message of fillers alone is left as it is (a murmur).
_VOICE_PIECES = re.compile(r"(?:[^\s。.,，!！?？、;；:：]{1,6}。)+")
_VOICE_PIECE = re.compile(r"[^。]+")
_FILLERS = frozenset({"嗯", "嗯嗯", "呃", "额", "哦", "噢", "啊", "唔", "那个", "这个", "就是", "然后", "嘛"})
# The hesitation a dictated reply opens with ("嗯那个上海…有限公司", "那个就是说邮箱是…", "就是说名字是…", "嗯 那个, 是明年…"):
# a murmur (嗯, 呃) followed by 那个/这个/就是说, or 就是说 itself, or 那个 set apart by a pause. 那个 alone before a word
# is "that" ("那个学校现在可有名了") and stays; so does a murmur alone ("嗯 好的": its 嗯 is an okay's).
_PAUSE = r"[\s,，。.…~～、]*"
_OPENING_HESITATION = re.compile(
    rf"^{_PAUSE}(?:(?:嗯+|呃+|额+){_PAUSE}(?:(?:那个|这个|就是说){_PAUSE})+|(?:那个{_PAUSE})?就是说{_PAUSE}(?:那个{_PAUSE})*"
    rf"|那个[\s,，。…~～、]+(?:(?:那个|就是说){_PAUSE})*"
    rf"|(?:嗯+|呃+|额+){_PAUSE}(?=[^\s,，。]{{0,6}}?(?:叫|是)(?:那个|就是说)))")
# (or a murmur, then 那个 before the name: "嗯我叫那个…"). After it, 那个 between the words that name something and the name ("我叫那个柏…", "名字是那个…"): the same hesitation.
_HESITATION_BEFORE_A_NAME = re.compile(r"(?<=叫|是)(?:那个|就是说)(?=[\u4e00-\u9fff])")


def marks_said(text: str) -> str:
    """``text`` with punctuation dictated by its name written as the mark."""
    if _MARK_NAME.search(text) is None:
        return text
    if _ENDS_IN_MARK_NAME.search(text):
        return _MARK_NAME.sub(lambda m: _MARK_NAMES[m.group()], text)
    return _MARK_NAME_APART.sub(lambda m: _MARK_NAMES[m.group()], text)


def pauses_joined(text: str) -> str:
    """``text`` as one reply when voice input cut it into stopped pieces (two or more), its fillers left out."""
    stripped = text.strip()
    if stripped.count("。") < 2 or not _VOICE_PIECES.fullmatch(stripped):
        return text
    pieces = _VOICE_PIECE.findall(stripped)
    kept = [piece for piece in pieces if piece not in _FILLERS]
    if not kept or (len(kept) == len(pieces) and len(pieces) < 3):
        return text
    return "".join(kept)


def hesitation_dropped(text: str) -> str:
    """``text`` without the hesitation a dictated reply opens with, when something follows it."""
    opening = _OPENING_HESITATION.match(text)
    if opening is None or opening.end() == len(text.rstrip()):
        return text
    return _HESITATION_BEFORE_A_NAME.sub("", text[opening.end():])


def without_debris(text: str) -> str:
    """``text`` without what its transport left: HTML entities, markdown emphasis, a quoted prompt, dictated
    punctuation, the stops of broken voice input, the hesitation a dictated reply opens with. The same text when there is none (most messages)."""
    if not text:
        return text
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text).replace("\xa0", " ")
        if (bracketed := _BRACKETED.fullmatch(text.strip())):
            text = bracketed.group(1)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    if "答" in text or "回复" in text:
        text = _QUOTED_PROMPT.sub("", text)
    if "。" in text:  # before the marks dictated by name: "学历句号社保句号" keeps its two parts
        text = pauses_joined(text)
    if "那个" in text or "就是说" in text or "这个" in text:
        text = hesitation_dropped(text)
    return marks_said(text)
