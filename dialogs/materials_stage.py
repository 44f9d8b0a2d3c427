"""After the checklist: choosing a material, sending its photos, the upload page, submission,
and what follows the review (确认申办信息 / 申办信息有误), as the applicant does it in chat.

The application record (``dialogs.lifecycle``) is the truth about statuses; this stage only keeps
what the conversation itself needs: the material being photographed, its photos so far, and photos
that arrived before the applicant said which material they belong to (never guessed).
"""
from __future__ import annotations

import re
from typing import Any

from dialogs import lifecycle, render
from dialogs.asking import asks
from dialogs.checklist import Material, catalogue
from dialogs.flows import application as flow
from dialogs.events import (
    BuildMaterial, ConfirmApplication, DisputeApplication, Escalate, Image, ListHistory, OfferUploadLink, SubmitApplication,
    WithdrawMaterial,
)
from dialogs.intents import DISPUTE_PREFIXES, SUBMITTING, exact_intent, says_yes, without_wanting
from dialogs.text import canonical
from dialogs.understanding.features import match_form
from dialogs.understanding.interpret import STRONG_MATCH, interpret
from dialogs.understanding.items import NAMED, asks_which_item, item_named, item_off_list, named_items, places, says_lacking, says_lost
from dialogs.understanding.photo_order import DROPPED, photos_by_order
from dialogs.validators import parse_ordinal

MAX_PHOTOS_PER_MATERIAL = 20  # materials.photos refuses more; say so before fetching them
# What this stage waits a reply to (``conv.pending``): which item photos sent with none chosen are ("ASKED",
# the next item named is the answer), what to do with pages in hand when another item is chosen ({SWITCH:
# code}), whether photos sent earlier are the item just chosen ({ASSIGN: code}).
ASKED, SWITCH, ASSIGN = "photos_asked", "switch_to", "assign_to"
NEWER_UPLOAD = "newer_upload"  # the item got a file on the web page while its photos were being sent
# {ADD_OR_REPLACE: code}: "完成" with pages of an item saved already: added after its pages, or replacing them? (A/B)
ADD_OR_REPLACE = "add_or_replace"
PLAN_REPLACES = "plan_replaces"  # {PLAN_REPLACES: [codes]}: photos sent, shared out by order among items with a file
# already: the whole file of each is replaced, asked before they are filed (try21 X46)
_PLAN_AGREED = frozenset({"确定", "确认", "是", "是的", "对", "对的", "好", "好的", "可以", "行", "嗯", "替换", "确定替换",
                          "就这样", "没问题", "ok", "OK"})
ASKED_AGAIN = "asked_again"  # beside ADD_OR_REPLACE: put again once after a reply that would have dropped the photos
FEWER_PAGES = "fewer_pages"  # "完成" with fewer photos than the item's requirement names: a second "完成" builds it
WITHDRAW = "withdraw"  # {WITHDRAW: code}: whether the file uploaded for the item is to be deleted, asked as the page's 删除 asks
# The replies to "确定删除…已上传的文件吗？" beside a yes: the delete said again, or a no.
_DELETE_AGAIN = frozenset({"删", "删吧", "删了吧", "删除", "删除吧", "删掉", "删掉吧", "确定删除", "确认删除", "嗯删吧", "删啊"})
_KEEP_FILE = frozenset({"否", "不", "不是", "不删", "不删了", "不用", "不用了", "不要", "不要删", "别删", "先不删", "算了", "保留",
                        "取消", "no", "n"})
# The replies to "replace the file uploaded on the web page, or keep it?": A / B, or the words offered.
_REPLACE_UPLOAD = frozenset({"A", "替换", "用照片", "用照片替换", "替换吧", "换掉"})
_KEEP_UPLOAD = frozenset({"B", "保留", "保留网页的", "保留网页上传的", "不替换", "不用替换", "保留吧"})
# The replies to "add these pages to the file saved, or replace it?" (A. 追加 / B. 替换): a leading A/B, the first or
# the second option, or the question's own words and their everyday forms, anywhere in the reply ("要追加",
# "替换掉吧", "原来的不要了"); a reply saying both, or neither, is no choice (review3 R13).
_OPTION_LETTER = re.compile(r"^\s*([AB])(?![A-Z])", re.IGNORECASE)
_NOT_REPLACING = re.compile(r"(?:不要?|不用|别|无需|不需要)(?:替换|换掉?|覆盖)")
# …and adding denied ("不追加", "不要保留原来的", "第一个不要"): asked again, never read as adding (review4 S1).
_NOT_ADDING = re.compile(r"(?:不要?|不用|别|无需|不需要)(?:追加|加|保留|留着)|(?:第一个|第一种|前者)(?:不要|不用|不行)")
_ADD_PAGES = re.compile(r"追加|(?:加|接|放|补|添)[在到]?(?:原来的?)?(?:\d+页)?后面|加上|添加|补充|补上|加一页|合在一起|合并"
                        r"|原来的?(?:也|都)?(?:要|留着|保留)|保留原来|第一个|第一种|前者")
_REPLACE_PAGES = re.compile(r"替换|换掉|换成|覆盖|原来的?(?:那?\d+页)?(?:都|全)?不要|不要原来|原来的?(?:删|作废)|重传|重新传"
                            r"|用新的|只用这次|第二个|第二种|后者")
# What an unclear reply may be read as that would lose the pages in hand: asked about instead while the question stands.
_LOSES_PAGES = frozenset({"cancel", "drop_photo", "retake"})
# A report of 申办信息有误 taken back and the approval confirmed ("算了 不改了 确认吧", "不用更正了，确认"): confirming
# is irreversible, so the whole message must be such clauses, each one whole, a take-back and a confirmation
# among them. A clause that says more ("现在确认不了", "确认要改", "不改了是不可能的") is no such message.
_WITHDRAWN = r"(?:那|好吧?|嗯)?(?:算了|不改了|不用改了?|不要改了|不更正了|不用更正了?|撤回(?:反馈|更正)|是对的|没错|(?:是我|我)?看错了)(?:吧|啦)?"
_CONFIRMED = r"(?:那|那就|就|还是|我)?(?:确认|确定)(?:申办信息)?(?:吧|了|啦)?"
_OKAY = r"好吧?|好的|嗯+|哦+|噢+|行|ok"  # said around them, changing nothing
_CLAUSE_GAP = r"[\s,，。.!！~～]*"
_DISPUTE_WITHDRAWN = re.compile(rf"(?:(?:{_WITHDRAWN}|{_CONFIRMED}|{_OKAY}){_CLAUSE_GAP})+", re.IGNORECASE)
_SEND = re.compile(r"^(?:上传|传|拍|交|发|选)")
# Photos sent earlier all said to be of the item just chosen ("都是", "这些都对"), in more words than _THEY_ARE.
_ALL_OF_THEM = re.compile(r"(?:都|全|全部|两[个张]都|几[个张]都|这些都)(?:是|是的|对)")
# The reply that files photos sent earlier under the item just chosen, as the question asks for it.
_THEY_ARE = frozenset({"是", "是的", "对", "对的", "是这项", "是这个"})
# A message that only asks whether it can be submitted now ("可以再交了吗", "现在能提交了吗"): answered with what
# is still missing. Asked beside anything else ("能不能不补了直接提交", "提交后多久出结果") it is the knowledge base's.
# Asking how, or where, something is done ("怎么交", "咋提交给你们", "交到哪里").
_ASKS_HOW = re.compile(r"怎么|怎样|如何|咋|哪里|哪儿|在哪")
# Whether the photos of several items may be sent together ("全部拍好了 一起发可以吗", "能不能一次性全传了"): a word of
# together, not of done ("全部上传完了 可以提交了吗" asks whether it is ready); of one item's pages ("多张图一起发行吗",
# no 全/都 of the items) it asks how to send that item's pages.
_TOGETHER = re.compile(r"(?:一起|一块儿?|一次性?|同时|一下子)(?:全|都)?(?:发|传|上传)|(?:发|传)(?:在)?一起")
_ALL_ITEMS = re.compile(r"全|都|所有|各项|几项|每项|每一项|几样")
_MAY_SUBMIT_NOW = re.compile(r"^(?:那|那么|所以)?我?(?:现在|这下|这样)?(?:就|是不是)?(?:可以|能|能不能|可不可以)(?:再|重新)?"
                             r"(?:提交|交)(?:审核|上去)?了?(?:吗|么|嘛|没|不|没有)?[?？。]*$")


# Pages said to be all on one photo ("正反面在一张上", "就一页", "复印在同一张纸上"): "完成" with fewer photos stands.
_ALL_ON_ONE_PAGE = re.compile(r"(?:正反面|正反两面|两面|两页|都)(?:都)?(?:拍|印|放|复印)?在(?:这|同)?一(?:张|页)(?:上|里|纸上?)?"
                              r"|^(?:就|只有)(?:这)?一(?:页|张)(?:了|啊|呀|的)?$|没有(?:反面|背面|第二页)|^就这些(?:了)?$|^都在这(?:了|张|里)?$")
# ...never a page promised ("我再拍一张上传", "还有一张上传不了", "另一张上午再拍"; review1: those made a one-page ID card).
_PAGE_PROMISED = re.compile(r"再|还有|另|补|等|稍|一张一张|马上|待会")
# A page of the item's saved file named to be taken again ("第2页拍糊了 重新拍", "第二页糊了 重拍", "第10页"): its
# number. Only ONE page named and nothing wider replaces that page (review7 R7-2, R7-8): several pages ("第2页和第3页",
# "第2、3页", "2到3页"), the whole item ("全部重新拍", "都重拍", "整份") or a run ("从第2页开始", "后面的") fall back to the
# ordinary retake, whose 完成 asks 追加/替换 (never a saved file of old and new pages mixed unsaid).
_PAGE_RETAKEN = re.compile(r"第\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:页|[、,，和跟与及到至\-~～]\s*第?\s*(?:\d|[一二两三四五六七八九十]))")
_PAGE_NUMBERS = dict(zip("一二两三四五六七八九", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9)))
_MORE_THAN_A_PAGE = re.compile(r"全部|全都|都|整份|整个|所有|每一?页|从.{0,4}开始|开始往后|往后|后面|之后的|以后的|几页|[两二三四五六七八九\d]\s*页都"
                               r"|\d\s*[、,，和跟与及到至\-~～]\s*\d|[一二两三四五六七八九十]\s*[、,，和跟与及到至]\s*[一二两三四五六七八九十]")
# A page retake taken back ("不用重拍了", "是加一页 不是替换", "不替换"): the photos next are added or asked about.
_RETAKE_TAKEN_BACK = re.compile(r"不用?重拍|不重拍|别重拍|不要重拍|加一页|加一张|追加|是加|不是替换|不替换|别替换|不要替换|不用替换")
# What a "delete" says when it is about a photo ("删除上一张", "最后那页不要"), not a checklist item.
_A_PHOTO = re.compile(r"张|照片|相片|图|页|上一张|上一页|最后")
# A photo named by its place among those sent (exact, so a rule): "第一张", "第2页", "倒数第二张"; "前面那张",
# the one before the last. Anything else ("删除上一张", "拍错了") is the last one sent.
_PHOTO_AT = re.compile(r"(倒数)?第\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:张|页|幅|个照片)")
_BEFORE_LAST = re.compile(r"前面(?:那|的|一)?(?:张|页)|前一(?:张|页)")
# The words that delete ("删", "不要", "撤回"), against a photo only said to be wrong ("发错了", "刚那张不对").
_DELETE_WORD = re.compile(r"删|去掉|扔掉|拿掉|不要|撤回|撤销")
# Photos kept before the checklist, said to be an item ("这是身份证", "这两张是身份证正反面"): labelled, no answer
# changed (身份证 also names the ID-number question). The rest must name a material (checked by name).
_PHOTOS_ARE = re.compile(r"(?=[这那照图刚前上])(?:刚才|前面|上面)?(?:发的)?(?:这|那)?(?:[一两二三四五六七八九几]?(?:张|些|个))?(?:照片|图片?)?"
                         r"(?:都|就)?(?:是|为)(?:我的?)?"
                         r"(?P<item>[^\d]{2,20}?)(?:的|照片|的照片)?[。.!！~～ ]*")
# A yes that says the item again ("是身份证正反面", "对，是身份证"): the rest after it names the item.
_YES_THEN = re.compile(r"(?:是的|是|对的|对)[，,\s]*(?:是|就是)?")
# A photo said to be another item's ("发错了，这张是居住证", "这张应该放到劳动合同"): the item is named after one
# of these, so a delete that names an item and a photo without saying where it goes ("删掉结婚证那张") is not it.
_BELONGS_TO = re.compile(r"(?<![不没非])(?:是|属于|归到?|放到|放在|改到|移到|算)")
# What the photo is said not to be, after what it is ("是我的身份证，不是老公的", "是第3项的 而不是第8项"): no part of where it goes
# (try13 T16: the item denied was read as the one named, so nothing moved and the 等一下 before it paused).
_DENIED_AFTER = re.compile(r"[\s,，;；。]*(?:而|并|也|又)?(?:不是|不属于|并非)")
# The photo in hand spoken of, or said sent wrong ("这张…", "传错了…", "拍错了…"): what it is said to be after it
# is where it goes, whatever the words are read as on their own (a cancel, an edit, a question).
# (and what was just sent said to be, opening the message: "这是户口本首页" right after a page, try17 T33)
_PHOTO_SPOKEN_OF = re.compile(r"(?:传|发|拍|放|选|上传)错|弄错|搞错|这张|这一?页|这个照片|这照片|^(?:这|这个|刚才|刚发的|刚刚那张)(?:就)?是")
# A photo said to be deleted stays deleted, whatever else is said of it ("删掉第2张，是身份证的重复").
_DELETED_SAID = re.compile(r"删|去掉|扔掉|不要了")
# The clauses of a message, for the question its last one asks beside a returned item (``question_beside``).
_CLAUSES = re.compile(r"[\s,，。;；?？!！]+")
# The words right after a photo's 是, up to the first pause: a short name of an item ("合同", "居住证").
_SAID_FIRST = re.compile(r"[^\s,，。.!！?？、]{2,8}")
# The reply to "换到…之前，这几页怎么处理？" that keeps photographing the item in hand (the question's own "继续拍").
_GO_ON_PHOTOGRAPHING = re.compile(r"(?:继续|接着|还要|再)(?:拍|发|传)?(?:原来的|这一?项)?")


# The whole done again ("重新来一遍", "从头再来"), and words of photos or files that make it a retake instead.
_ALL_OVER = re.compile(r"重新来|重来|从头(?:再)?来|从头开始|重新开始|重新办")
_OF_PHOTOS = re.compile(r"拍|照|张|页|传|发|图|扫描|pdf", re.IGNORECASE)


def asks_about_photos(pending: Any) -> bool:
    """Whether ``pending`` is one of this stage's questions about photos."""
    return pending == ASKED or isinstance(pending, dict) and bool({SWITCH, ASSIGN, NEWER_UPLOAD, ADD_OR_REPLACE, PLAN_REPLACES}
                                                                  & set(pending))


def withdraws_dispute_and_confirms(text: str) -> bool:
    """Whether ``text`` is, as a whole, a report of 申办信息有误 taken back and the approval confirmed:
    every clause one or the other, both said ("算了 不改了 确认吧"; not "算了 现在确认不了")."""
    said = canonical(text)
    return bool(_DISPUTE_WITHDRAWN.fullmatch(said)) and re.search(_WITHDRAWN, said) is not None \
        and re.search(_CONFIRMED, said) is not None


# The confirmation of 申办信息 said in clauses of its own at approval, okays around it ("没问题 确认", "好的 确认申办信息"),
# after a word that it was not yet done ("哦我还没确认呢 确认": the wish said last is now's), and nothing after them but
# a question of another matter ("另外想问下多久出积分通知书"): confirmed, and the question answered (try21 X59, X20: the
# question had kept the confirmation from being run, and the applicant who said 确认 believed it done). Anything else
# after the confirmation ("确认 但是邮箱写错了", "确认 确认之后还能改吗", "确认 等下 先别") is the understanding's to read.
_OKAY_SAID = r"(?:信息|内容|都|全|我)*(?:没问题|没错|无误|对的?|正确|没毛病)(?:的|了)?"
_CONFIRM_ALONE = re.compile(rf"(?:(?:{_OKAY}|{_OKAY_SAID}){_CLAUSE_GAP})*(?:那|那就|就|我|可以)?(?:确认|确定)"
                            r"(?:申办信息|申办|无误|一下)?(?:吧|了|啦|哈|呀|的)*", re.IGNORECASE)
_SAID_AROUND = re.compile(rf"(?:{_OKAY}|{_OKAY_SAID}|哦+|噢+|喔+|啊|对了)", re.IGNORECASE)
_NOT_YET_CONFIRMED = re.compile(r"(?:哦|噢|喔|啊)*(?:原来)?(?:我)?(?:还|都)?没(?:有)?点?(?:确认|确定)过?(?:呢|哦|啊|呀)?")
# In the question after it: the details said wrong, changed, the step itself or a wait (not the matter apart it must be).
_NOT_APART = re.compile(r"错|不对|有误|不一致|不一样|改|更正|确认|确定|先别|等等|等一下|再看|不要|撤")


def confirmed_beside(text: str) -> str | None:
    """At approval, the question said after a confirmation in clauses of its own ("" when nothing follows it); None
    where the message is not that."""
    parts = [part for part in _CLAUSES.split(canonical(text)) if part]
    taken, confirmed = 0, False  # confirmed: the last of the confirmation and "not yet done" said is the confirmation
    for part in parts:
        if _CONFIRM_ALONE.fullmatch(part):
            confirmed = True
        elif _NOT_YET_CONFIRMED.fullmatch(part):
            confirmed = False
        elif not _SAID_AROUND.fullmatch(part):
            break
        taken += 1
    if not confirmed:
        return None
    rest = " ".join(parts[taken:])
    if rest and (not asks(match_form(rest)) or _NOT_APART.search(rest)):
        return None
    return rest


def takes_back_dispute_only(text: str) -> bool:
    """Whether ``text`` is, as a whole, a report of 申办信息有误 taken back with no confirmation said ("哦看错了 是对的 不用改了"):
    confirming is the applicant's to say, so it is asked for, never taken from this (try21 X49)."""
    said = canonical(text)
    return bool(_DISPUTE_WITHDRAWN.fullmatch(said)) and re.search(_WITHDRAWN, said) is not None \
        and re.search(_CONFIRMED, said) is None


def names_an_item(text: str) -> bool:
    """Whether ``text`` names a checklist item by its place ("第十项", "3号"; not "这一项", "3号去交")."""
    return bool(places(text))


def one_page_retaken(text: str) -> int | None:
    """The one page of a saved file named to be taken again ("第2页拍糊了 重新拍", "第十页糊了"); None when no page,
    several pages or more than a page is said ("第2页和第3页", "第1页拍歪了 全部重新拍", "从第2页开始")."""
    named = _PAGE_RETAKEN.findall(text)
    if len(named) != 1 or _MORE_THAN_A_PAGE.search(text) or not _PAGE_RETAKEN.search(text).group(0).endswith("页"):
        return None
    said = named[0]
    if said.isdigit():
        return int(said)
    tens, _, units = said.rpartition("十")
    if "十" not in said:
        return _PAGE_NUMBERS.get(said) if len(said) == 1 else None
    return (_PAGE_NUMBERS.get(tens, 0) if tens else 1) * 10 + (_PAGE_NUMBERS.get(units, 0) if units else 0) \
        if len(tens) <= 1 and len(units) <= 1 else None


def photo_at(text: str, count: int) -> int | None:
    """The index of the photo a delete names among ``count`` sent ("删掉第一张" → 0), the last one when it
    names none by its place; None for a place past the end ("第5张" of 3)."""
    at = _PHOTO_AT.search(text)
    if at is not None:
        number = parse_ordinal(at.group(2)) or 0
        index = count - number if at.group(1) else number - 1
        return index if 0 <= index < count else None
    if _BEFORE_LAST.search(text):  # with one photo there is none before it: said, nothing deleted
        return count - 2 if count >= 2 else None
    return count - 1


# Several photos named at once (exact, so rules): the ones kept alone ("只要最后一张", "只有最后那张是", "只留第3张"), or the
# first or last few ("前两张删掉", "前面两张不是", "后面三张不要"). What is not said so is one photo (``photo_at``).
_ONLY_KEPT = re.compile(r"只(?:要|留|保留|有|用)(?:(?P<last>最后|倒数第一)|第\s*(?P<at>\d{1,2}|[一二两三四五六七八九十]{1,3}))"
                        r"(?:一|那|这)?(?:张|页)")
_FIRST_OR_LAST = re.compile(r"(?P<end>前|后)(?:面|边)?(?:的|那)?(?P<count>\d{1,2}|[两二三四五六七八九十]{1,3})(?:张|页)")


def photos_said(text: str, count: int) -> list[int] | None:
    """The indexes of the photos to drop among ``count`` when a message names several at once ("前两张删掉" → [0, 1];
    "只要最后一张" of 3 → [0, 1]; "前两张删掉" of 2 → both); None when it names no such run, or more photos than there are."""
    if (kept := _ONLY_KEPT.search(text)) is not None:
        index = count - 1 if kept.group("last") else (parse_ordinal(kept.group("at")) or 0) - 1
        return [i for i in range(count) if i != index] if 0 <= index < count else None
    if (run := _FIRST_OR_LAST.search(text)) is not None:
        number = parse_ordinal(run.group("count")) or 0
        if not 0 < number <= count:  # as many as there are: every one ("前两张删掉" of 2), as 重拍 would
            return None
        return list(range(number)) if run.group("end") == "前" else list(range(count - number, count))
    return None


# Photos put in another order, never deleted (try18 U29: "第三张应该放第一" deleted the last one). Exact, so rules:
# one photo moved to a place ("把第3张放到最前面", "第三张应该放第一", "第2张挪到最后"), two swapped ("第1张和第2张换一下",
# "第二第三张对调"), or the order said to be reversed ("顺序反了", "顺序倒了") — of two photos, swapped; of more, reversed.
_N = r"\d{1,2}|[一二两三四五六七八九十]{1,3}"
_MOVED = re.compile(rf"第\s*(?P<src>{_N})\s*(?:张|页)(?:照片)?\s*(?:应该|要|得|需要)?\s*(?:放|挪|移|调|排|换)(?:到|在|去|成)?\s*"
                    rf"(?:第\s*(?P<dst>{_N})(?![\d一二两三四五六七八九十]|\s*(?:项|号))\s*(?:张|页|个|位)?|(?P<first>最前面?|前面|开头|第一个?|首页)|(?P<last>最后面?|后面|末尾))")
_SWAPPED = re.compile(rf"第?\s*(?P<a>{_N})\s*(?:张|页)?\s*(?:和|跟|与|、)\s*第?\s*(?P<b>{_N})\s*(?:张|页|两张)\s*"
                      r"(?:的?(?:顺序|位置))?\s*(?:换一下|换下|换个?位置|对调|调换|互换|颠倒|反了|换过来)")
_REVERSED = re.compile(r"(?:顺序|次序|前后)(?:弄|放|排|发)?(?:反|倒|错)了|(?:顺序|次序)(?:倒过来|反过来)")


def photos_reordered(text: str, count: int) -> list[int] | None:
    """The new order (indexes of the photos sent) a message asks for among ``count`` ("把第3张放到最前面" of 3 → [2, 0, 1];
    "顺序反了" of 2 → [1, 0]); [] when it asks for an order naming a photo that is not there; None when it asks for none."""
    order = list(range(count))
    if (moved := _MOVED.search(text)) is not None:
        src = (parse_ordinal(moved.group("src")) or 0) - 1
        dst = 0 if moved.group("first") else count - 1 if moved.group("last") else (parse_ordinal(moved.group("dst")) or 0) - 1
        if not (0 <= src < count and 0 <= dst < count):
            return []
        order.insert(dst, order.pop(src))
        return order
    if (swapped := _SWAPPED.search(text)) is not None:
        a, b = ((parse_ordinal(swapped.group(g)) or 0) - 1 for g in ("a", "b"))
        if not (0 <= a < count and 0 <= b < count) or a == b:
            return []
        order[a], order[b] = order[b], order[a]
        return order
    if _REVERSED.search(text):
        return order[::-1] if count >= 2 else []
    return None


# A return said to be wrong: the reviewer mistaken ("看错了", "你们搞错了"), the material right ("没拍错"), or the
# return refused in so many words ("我不同意这个退回理由", "退回理由不对").
_REVIEW_CONTESTED = re.compile(r"(?:看|审|退|判)错|(?:你们|审核|审的人|工作人员).{0,4}(?:搞|弄)错|没(?:写|填|拍|传|打)?错"
                               r"|审核有误|冤枉|复核|重新审核|重审|不(?:同意|认可|接受|服)\S{0,6}(?:退回|退件|审核|理由|意见)"
                               r"|(?:退回|审核)(?:的)?(?:理由|意见|原因|结果)\S{0,3}(?:不对|有误|不合理|有问题|站不住)")


# The item in hand skipped for now ("先跳过", "这项跳过吧", "跳过这个"): left not sent, the next one taken up.
_SKIPPED = re.compile(r"跳过|略过")
# ...never one denied or asked about ("先别跳过", "不能跳过吧", "哪些材料可以跳过"; review1: those skipped and lost photos).
_SKIP_DENIED_OR_ASKED = re.compile(r"(?:别|不|不要|不能|没|能不能|可不可以|可以|能)\S{0,2}(?:跳过|略过)|[?？吗嘛么]|哪些|哪个|怎么")


# A material called by the first word of its name alone, pointed at ("社保那个", "社保那项"): the record (社保 alone is
# also the bonus and the rules, so only so).
_SHORT_NAMES_MEAN = {"社保": "社保缴费记录"}
_SHORT_NAMES = re.compile(r"社保(?=那|这|的那|的这)")
# What a material named alone, or to be sent, is read as when the checklist holds no such item: the view_item
# found nothing to choose there and fell to the model's next label (the classifier's weakest, english included).
_NAMING_ONLY = frozenset({"non_answer", "question", "english"})


def _added_by(code: str) -> tuple[str | None, list[str]]:
    """The question whose answer puts material ``code`` on a checklist, and the options of it that do (the first
    rule that adds it; its choice question, as 加分选项 for 社保加分); (None, []) for a material every checklist has."""
    for rule in catalogue().rules:
        if code not in rule.add:
            continue
        for field, expected in rule.when.items():
            question = flow.QUESTIONS.get("children" if field == "children_min" else field)
            if question is None:
                continue
            wanted = expected if isinstance(expected, list) else [expected]
            return question.label, [o.label for o in getattr(question, "options", ()) if o.code in wanted]
    return None, []


# What to do without an item ("第6项我没有", "第3项丢了"): the knowledge base's entries on lost papers and on sending
# the other items first; the entries of the items whose own answer says it already (打印不了的，可以先传其他材料).
_LOST_ENTRY, _OTHERS_FIRST_ENTRY = "material-lost", "upload-others-first"
# A last clause asking to hand in what is ready first ("先交这个行不行", "先把合同交上去可以吗"), while an item is still
# to come ("职称证书在单位人事那 明天才能拿到"): answered by this entry, never as a question about the item it names
# (its requirements) nor as a pause ("明天"); try19 V17.
_HAND_IN_FIRST = re.compile(r"先(?:把[^，,。\s]{0,12})?(?:交|提交|递交|报)(?:上去|上来|了)?[^，,。\s]{0,4}"
                            r"(?:行不行|行吗|可以吗|可不可以|能不能|能行吗|好不好|成不成|可以不|行不)")
_PART_FIRST_ENTRY = "submit-part-first"
# Whether what was handed in arrived ("网页上提交了 你们收到了吗", "交了 收到没"): asked once it is submitted, the answer is
# the application's own (received, when, its status), never the step's prompt or the knowledge base's (try19 V21).
_ASKS_RECEIVED = re.compile(r"(?:收到|看到|接到)(?:了)?(?:吗|么|嘛|没|没有|不|了没|没呢)|有没有(?:收到|看到)")
_SAYS_WHAT_IF_LACKING = frozenset({"material-commitment-letter"})


# Asking how something sent is deleted ("材料发错了怎么删", "传错的照片能删掉吗"): deleting, and a thing sent spoken of.
_DELETING = re.compile(r"删|去掉|撤回|撤销")
_SENT_SPOKEN_OF = re.compile(r"错|照片|相片|图|材料|文件|那张|这张|上传的|发的|传的")


# The file sent for an item said to be the wrong one ("结婚证传错了", "传成劳动合同了"), not the item itself; never
# one said right ("身份证没传错啊": a return contested).
_WRONG_FILE = re.compile(r"(?<![没不])(?<!没有)(?<!并没)(?:传|发|拍|上传|交)(?:错|成)|错(?:的)?(?:文件|照片|图)")


# What is said of a returned item, put as said of any returned material for the entries on returns.
_RETURNED_MATERIAL = "退回的材料"
# An item asked about by its bare number ("3是什么要求", "5要什么材料", "第4项的要求是啥")
_ITEM_ASKED_BY_NUMBER = re.compile(r"(?:第\s*)?(\d{1,2})\s*(?:项|号)?\s*(?:的)?\s*(?:是什么要求|是啥要求|有什么要求|有啥要求|什么要求|"
                                   r"要求是什么|要求是啥|要求|是什么材料|是什么|是啥|要什么材料|要什么|要啥)"
                                   r"[吗呢啊呀?？。!！\s]*")
# Where a message naming several items parts them ("身份证正反面加合同盖章页", "户口本和结婚证")
_JOINED_ITEMS = re.compile(r"[加和跟与、，,；;\s]+|还有|以及|另外")


def _name_words_dropped(form: str, name: str) -> str:
    """``form`` without the words it shares with an item's ``name`` (two characters or more, longest first): what is
    said of the item ("身份证下个月才换得了" → "下个月才换得了")."""
    for size in range(len(name), 1, -1):
        for start in range(len(name) - size + 1):
            form = form.replace(name[start:start + size], " ")
    return " ".join(form.split())


# What asks about the 申办信息有误 command itself, said after it: what it means, how it is used, or a bare 吗.
_ASKS_OF_THE_COMMAND = re.compile(r"^[\s,，]*(?:是)?(?:什么意思|啥意思|是啥|指什么|吗|么|呢|嘛|"
                                  r"(?:要|该|应该)?(?:怎么|咋|如何)(?:操作|弄|写|用|回复|办|填)?(?:呢|啊)?)[?？。!！\s]*$")


class _Said:
    """A command's call made of the whole message (what ``intent_*`` reads of it)."""

    def __init__(self, text: str) -> None:
        self.text, self.argument, self.item = text, "", None


class MaterialsStage:
    """Mixed into the engine's ``Turn``: ``conv``, ``ctx``, ``say``, ``effects`` and ``checklist``
    come from there."""

    conv: dict[str, Any]
    ctx: Any
    effects: list
    photos_asked_about = False  # this message answers "这是哪一项材料？"

    # -- what the record says -----------------------------------------------------------
    def record(self) -> dict[str, Any]:
        return self.ctx.application or self.draft_view()

    def in_stage(self) -> bool:
        return self.conv.state == "materials"

    def status_overview(self) -> str:
        record = self.record()
        materials = self.checklist()
        text = render.checklist_text(materials, record.get("materials"))
        if record.get("status") in ("draft", "returned"):
            lines = [render.still_to_upload(materials, record.get("materials")), self.next_upload(record), render.UPLOAD_HOW]
            return text + "\n\n" + "\n".join(line for line in lines if line)
        if record.get("status") in ("approved", "disputed"):  # what is awaited first ("过了？"), the list after
            return f"{render.status_brief(record)}\n{text}"
        return text

    def next_step_brief(self) -> str:
        """What to do next in a line, after a question was answered: the next upload of a draft, the
        status (with what is the applicant's to do) once submitted. A returned application's items to send
        again are named in a line: their reasons came with the return and with an answer about an item, and the
        whole list under every answer scrolled the answer away on a phone ("进度" shows it)."""
        record = self.record()
        status = record.get("status", "draft")
        if status == "draft":
            return self.next_upload(record) + render.SEE_CHECKLIST
        if status == "returned":
            return render.returned_brief(self.checklist(), record.get("materials"), bool(record.get("options_open")))
        return render.status_brief(record)

    def next_upload(self, record: dict[str, Any]) -> str:
        materials = self.checklist()
        open_codes = lifecycle.replaceable(record)
        following = next((m for m in materials if m.code in lifecycle.missing_materials(record)
                          and m.code in open_codes), None)
        return render.upload_next(materials.index(following) + 1, following.name) if following else render.ALL_UPLOADED

    # -- choosing a material -------------------------------------------------------------
    def material_named(self, text: str) -> Material | None:
        materials = self.checklist()
        value = _SEND.sub("", without_wanting(text.strip())).rstrip(".、")  # "我要上传身份证" names 身份证
        number = parse_ordinal(value)
        if number is not None:
            return materials[number - 1] if 1 <= number <= len(materials) else None
        hits = [m for m in materials if value and (value in m.name or m.name in value)]
        return hits[0] if len(hits) == 1 else None

    def tell_how_to_send(self, text: str) -> None:
        """How materials are sent, where the applicant is ("拍好了怎么发给你"): the photos of the item chosen (and
        完成), or how to choose one first (its number, then photos; 网页上传 for a PDF) with the item to send next;
        the commands after it. An item named with it ("委托单盖好章了 怎么发给你") is chosen: its photos are the how."""
        checklist = self.checklist()
        if self.conv.material:
            how = "\n".join((render.photographing(self.material_name(self.conv.material), len(self.conv.photos)),
                             render.HOW_TO_PHOTOGRAPH))
        elif (number := item_named(text, [m.name for m in checklist])) is not None:
            self.select_material(checklist[number - 1])
            return
        else:
            how = "\n".join((render.UPLOAD_HOW, self.next_step_brief()))
        self.say(how, render.COMMANDS)

    def unlisted_item_chosen(self, meant: Any, text: str) -> bool:
        """A material named to be sent that this checklist does not hold ("我先拍社保那个" with no 社保加分 chosen,
        "传结婚证" unmarried): said so, with the answer that would add it; never another item's papers (the social
        insurance bonus's rules) nor how to choose in general. False for a question, an item of the checklist, or a
        paper said lost ("学历证书丢了": the knowledge base's, on lost papers). Asked how to send one that is off the
        checklist ("我媳妇身份证拍好了 怎么发" unmarried: read as that item, not the holder's own), it is said so too."""
        off_list = meant.command == "view_item" and isinstance(meant.item, str)
        if not self.in_stage() or meant.asks and not off_list or places(match_form(text), bare=True) or says_lost(text) \
                or self.record().get("status") not in ("draft", "returned") \
                or not (meant.kind in _NAMING_ONLY or meant.command == "view_item"):
            return False
        said = _SHORT_NAMES.sub(lambda m: _SHORT_NAMES_MEAN[m.group(0)], match_form(text))
        # (named by something of its own: "学位证和毕业证" is two items of the list, not the foreign degree holding both)
        name = item_off_list(said, [m.name for m in self.checklist()])
        material = next((m for m in catalogue().materials.values() if m.name == name), None)
        if material is None:
            return False
        self.say(render.item_not_listed(material.name, *_added_by(material.code)), render.continue_with(self.resume_prompt()))
        return True

    def tells_how_to_delete(self, meant: Any, text: str) -> bool:
        """A question how something sent is deleted, naming no item ("材料发错了怎么删"): answered from where the
        applicant is, in this stage's commands (the photos in hand, photos sent with no item, the files made), never
        the knowledge base's page of the platform. Whether it was."""
        form = match_form(text)
        if not self.in_stage() or not meant.asks or self.record().get("status") not in ("draft", "returned") \
                or not _DELETING.search(form) or not _SENT_SPOKEN_OF.search(form) or places(form, bare=True) \
                or item_named(form, [m.name for m in self.checklist()], least=NAMED) is not None:
            return False
        code, photos = self.conv.material, self.conv.photos
        lines = [render.how_to_delete_photos(self.material_name(code), len(photos)) if code is not None and photos
                 else render.how_to_delete_unfiled(len(self.conv.unassigned)) if code is None and self.conv.unassigned
                 else render.no_photo_of_it_yet(self.material_name(code)) if code is not None else None]
        held = [(number, m.name) for number, m in enumerate(self.checklist(), 1) if self.file_of(m.code)]
        lines.append(render.how_to_replace_files(held) if held else None if lines[0] else render.NOTHING_TO_DROP)
        self.say(*lines, render.continue_with(self.resume_prompt()) if code is None else None)
        return True

    def select_material(self, material: Material) -> None:
        record = self.record()
        try:
            lifecycle.check_replaceable(record, material.code)
        except lifecycle.LifecycleError as err:
            self.say(render.material_detail(material), err.message)
            return
        in_hand, photos = self.conv.material, self.conv.photos
        if in_hand == material.code and self.conv.unassigned and self.photos_asked_about:
            self.file_waiting_photos()  # chosen already, and named again as the photos waiting ("是第 8 项的吗？" "8")
            return
        if in_hand == material.code:  # named again while photographing it ("居住证拍了正反面"): its pages stay
            self.say(render.photographing(material.name, len(photos)))
            return
        if photos:
            # Pages of another item are in hand: only the applicant knows whether they are that item's
            # (to be made into its PDF), the new one's ("不是这个 我要传身份证") or wrong; never dropped unsaid.
            self.conv.pending = {SWITCH: material.code}
            self.say(render.pages_in_hand(self.material_name(in_hand), len(photos), material.name))
            return
        self.conv.material, self.conv.photos, self.conv.photo_plan = material.code, [], []  # chosen: no order said stands
        self.conv.retaken_page = {}  # nor a page said to be retaken of an item chosen before
        self.conv.material_file = self.file_of(material.code)
        lines = [render.material_detail(material)]
        status = lifecycle.material_status(record, material.code)
        if status == "uploaded":  # "第3项传错了 要重传": a retake
            lines.append(render.RETAKE_REPLACES)
        elif status == "returned":  # "缺少X" invites sending X alone, which would drop the pages that were fine
            lines.append(render.returned_retake_replaces(((record.get("materials") or {}).get(material.code) or {})
                                                         .get("pages")))
        earlier = self.conv.unassigned
        promised = [p for p in earlier if self.conv.kept_for.get(p) == material.code]
        # the reply to "这是哪一项材料？": they are this item's, but for a photo promised to another item (review4 S3)
        mine = [p for p in earlier if self.conv.kept_for.get(p, material.code) == material.code]
        if mine and self.photos_asked_about:
            self.conv.photos = mine[:MAX_PHOTOS_PER_MATERIAL]
            self.conv.unassigned = [p for p in earlier if p not in mine]
            self.conv.kept_for = {p: code for p, code in self.conv.kept_for.items() if p in self.conv.unassigned}
            lines.append(render.earlier_photos_assigned(len(self.conv.photos)))
        elif promised:  # taken out of another item for this one, and said to go here once it is chosen: filed
            self.conv.photos = promised[:MAX_PHOTOS_PER_MATERIAL]
            self.conv.unassigned = [p for p in earlier if p not in promised]
            lines.append(render.earlier_photos_assigned(len(self.conv.photos)))
        elif earlier:  # sent a while ago, and other messages since: asked about, never filed unasked
            self.conv.pending = {ASSIGN: material.code}
            lines += [render.HOW_TO_PHOTOGRAPH, render.earlier_photos_unfiled(len(earlier), material.name)]
        else:
            lines.append(render.HOW_TO_PHOTOGRAPH)
        self.say(*lines)

    def on_pending_photos(self, pending: Any, text: str) -> bool:
        """The reply to a question this stage asked about photos: whose pages those in hand are, when
        another item was chosen (A/B/C), or whether photos sent earlier are the chosen item's (a yes).
        False for any other reply: it is read as usual, and the photos stay where they were."""
        self.photos_asked_about = pending == ASKED
        if pending == ASKED and text.rstrip("。.!！~～ ") in _THEY_ARE and (left := self.item_left()) is not None:
            self.select_material(self.checklist()[left[0] - 1])  # the one item offered ("是这一项的照片请回复 8"): yes
            return True
        if pending == ASKED and _ALL_OF_THEM.fullmatch(text.strip().rstrip("。.!！~～啊呀的 ")) and len(self.conv.unassigned) > 1:
            # "都是" to "这是哪一项材料？" with several photos and items offered (a return of two): which is which is
            # asked, with the form that files them by order, never the progress page (try21 X47); one item left: it
            open_ = self.open_to_photos()
            offered = [m for m in self.checklist() if open_ is None or m.code in open_]
            if len(offered) == 1:
                self.select_material(offered[0])
            else:
                self.conv.pending = ASKED
                self.say(render.which_photo_is_which(len(self.conv.unassigned)))
            return True
        if pending == ASKED and (described := self.offered_item_described(text)) is not None:
            self.select_material(described)  # "孩子的户口页" to "这是哪一项材料？": the item offered it describes (try19 V14)
            return True
        if not isinstance(pending, dict):
            return False
        if PLAN_REPLACES in pending:
            if text.strip().rstrip("。.!！~～吧 ") in _PLAN_AGREED and len(self.conv.unassigned) == len(pending[PLAN_REPLACES]) \
                    and not self.conv.photos and self.conv.material is None:
                self.file_by_plan(pending[PLAN_REPLACES])
                return True
            return False  # anything else: the photos stay waiting for an item, read as usual
        choice = text.strip().upper()
        if SWITCH in pending and self.conv.photos:
            chosen = next((m for m in self.checklist() if m.code == pending[SWITCH]), None)
            if chosen is None:
                return False
            if choice == "A" or exact_intent(text) == "finish_photos":
                self.build_in_hand()
            elif choice == "B":  # the pages go with the item chosen, and any photo kept for it since
                self.conv.material, self.conv.material_file = chosen.code, self.file_of(chosen.code)
                promised = [p for p in self.conv.unassigned if self.conv.kept_for.get(p) == chosen.code]
                self.conv.unassigned = [p for p in self.conv.unassigned if p not in promised]
                self.conv.photos = (self.conv.photos + promised)[:MAX_PHOTOS_PER_MATERIAL]
                self.say(render.material_detail(chosen), render.pages_moved(len(self.conv.photos), chosen.name))
                return True
            elif _GO_ON_PHOTOGRAPHING.fullmatch(text.rstrip("。.!！~～ ")):  # the pages in hand stay the item's
                self.say(render.photographing(self.material_name(self.conv.material), len(self.conv.photos)))
                return True
            elif choice == "C":
                self.say(render.pages_dropped(self.material_name(self.conv.material), len(self.conv.photos)))
                self.conv.photos = []
            else:
                return False
            self.select_material(chosen)
            return True
        if FEWER_PAGES in pending and self.conv.material == pending[FEWER_PAGES] and self.conv.photos \
                and (exact_intent(text) == "finish_photos" or _ALL_ON_ONE_PAGE.search(text) and not _PAGE_PROMISED.search(text)):
            self.build_in_hand()  # "完成" again, or "正反面在一张上": the pages sent are all there is
            return True
        if ADD_OR_REPLACE in pending and self.conv.material == pending[ADD_OR_REPLACE] and self.conv.photos:
            if (added := pages_added(text)) is not None:
                self.build_in_hand(added=added)
                return True
            if not pending.get(ASKED_AGAIN) and interpret(self.point(), text, kb=None)[0].command in _LOSES_PAGES:
                # "不要了" there most likely answers the question (B?): the photos are never dropped on it unasked;
                # said again, it is done (a cancel meant)
                self.conv.pending = {**pending, ASKED_AGAIN: True}
                code = pending[ADD_OR_REPLACE]
                self.say(render.add_or_replace_unclear(self.material_name(code), self.pages_saved(code), len(self.conv.photos)))
                return True
        if NEWER_UPLOAD in pending or ASSIGN in pending:
            return self.answers_standing_photo_question(text, asked=pending)
        return False

    def offered_item_described(self, text: str) -> Material | None:
        """The item, among those "这是哪一项材料？" offered, that a reply describing the photo names ("是孩子户籍证明
        补的那页"); none for a question, or a reply naming none of them."""
        if asks(match_form(text)) or photos_by_order(text, [m.name for m in self.checklist()]) is not None:
            return None  # (photos given out to items by their order are filed so: ``plans_photos``)
        open_ = self.open_to_photos()
        offered = [m for m in self.checklist() if open_ is None or m.code in open_]
        number = item_named(text, [m.name for m in offered], least=NAMED)
        return offered[number - 1] if number else None

    def photo_at_switch(self, pending: Any, media_id: str) -> bool:
        """A photo sent while "换到Y之前，这 N 页怎么处理？A/B/C" is open: the applicant had typed Y, so the photo is
        kept for Y (filed there once the question is settled) and the question put again; never added to the pages
        in hand unasked, which saved Y's photo as a page of the other item (try19 V5). Whether it was."""
        if not (isinstance(pending, dict) and SWITCH in pending and self.conv.photos and self.in_stage()):
            return False
        chosen = next((m for m in self.checklist() if m.code == pending[SWITCH]), None)
        if chosen is None:
            return False
        self.keep_unassigned(media_id)
        self.conv.kept_for[media_id] = chosen.code
        self.conv.pending = pending
        self.say(render.photo_kept_at_switch(chosen.name),
                 render.pages_in_hand(self.material_name(self.conv.material), len(self.conv.photos), chosen.name))
        return True

    def answers_standing_photo_question(self, text: str, asked: dict[str, str] | None = None) -> bool:
        """The answer to a question about photos that stands as long as what it asks about does, whatever was said
        between (a "完成", "提交" or a question does not lapse it; try17 T8/T25): "它们是…的吗？是的话回复“是”" while an
        item is chosen with photos waiting (a yes, or the photos said to be it: "刚才发的两张就是我老婆的身份证啊"), and
        "替换还是保留？请回复 A 或 B" while the item's pages are in hand and the page has a newer file. ``asked``: the
        question put just before ({ASSIGN: code} or {NEWER_UPLOAD: code}), whose reply is taken first: a yes right after
        "它们是…的吗" files the photos waiting even with pages in hand. False otherwise."""
        if not self.in_stage() or not self.conv.material:
            return False
        asked = asked or {}
        if asked.get(NEWER_UPLOAD) == self.conv.material and self.settles_newer_upload(text):
            return True
        if self.conv.unassigned and self.conv.photos and asked.get(ASSIGN) != self.conv.material \
                and text.rstrip("。.!！~～ ") in _THEY_ARE:
            # the item's own pages came since it was asked: a bare yes may be about them, so the question is put
            # again (never filed unasked, never read as a question about the item); right after it, the yes is its reply
            self.conv.pending = {ASSIGN: self.conv.material}
            self.say(render.earlier_photos_unfiled(len(self.conv.unassigned), self.material_name(self.conv.material)))
            return True
        if self.conv.unassigned and self.files_earlier_photos(text):
            self.file_waiting_photos()
            return True
        return self.newer_upload_in_hand() and self.settles_newer_upload(text)

    def item_uploaded_on_the_web(self) -> bool:
        """The item in hand, none of its pages in hand, got a file on the web page since it was chosen ("3", the upload
        page, then "我重新传了 你看下"): nothing more is awaited here. It is let go, and what arrived said (try20 W33:
        "还没有收到照片" was said of an item uploaded, and the way to resubmit never). Whether it was."""
        code = self.conv.material
        if not code or self.conv.photos or self.conv.material_file is None:
            return False
        uploaded = self.file_of(code)
        if not uploaded or uploaded == self.conv.material_file:
            return False
        codes = [m.code for m in self.checklist()]
        pages = ((self.record().get("materials") or {}).get(code) or {}).get("pages")
        self.conv.material, self.conv.material_file = None, None
        self.say(render.uploaded_on_the_web(codes.index(code) + 1 if code in codes else None, self.material_name(code), pages))
        return True

    def newer_upload_in_hand(self) -> bool:
        """Whether the item in hand got a file on the web page since it was chosen, and pages of it are in hand."""
        uploaded = self.file_of(self.conv.material)
        return bool(self.conv.photos and uploaded and self.conv.material_file is not None
                    and uploaded != self.conv.material_file)

    def settles_newer_upload(self, text: str) -> bool:
        """The reply to "用照片替换网页上传的文件吗？A/B": the photos built (A, 替换) or dropped (B, 保留). Whether it was one."""
        if not self.conv.photos:
            return False
        said = text.strip().rstrip("。.!！~～ ").upper()
        if said in _REPLACE_UPLOAD:
            self.build_in_hand()
            return True
        if said in _KEEP_UPLOAD:
            name, count = self.material_name(self.conv.material), len(self.conv.photos)
            self.conv.material, self.conv.photos, self.conv.material_file = None, [], None
            self.say(render.web_upload_kept(name, count), self.next_step_brief())
            return True
        return False

    def file_waiting_photos(self) -> None:
        """The photos waiting filed under the item chosen, before its pages in hand; said so."""
        earlier, in_hand, self.conv.unassigned = self.conv.unassigned, self.conv.photos, []
        self.conv.photos = (earlier + in_hand)[:MAX_PHOTOS_PER_MATERIAL]
        self.say(render.earlier_photos_assigned(len(self.conv.photos) - len(in_hand)))

    def files_earlier_photos(self, text: str) -> bool:
        """Whether ``text`` answers "它们是…的吗？" with the "是" it asks for, or the item's name: an okay
        ("好的") acknowledges the question, and files nothing."""
        said = text.rstrip("。.!！~～啊呀 ")
        if said in _THEY_ARE or said == self.material_name(self.conv.material):
            return True
        materials = self.checklist()
        if (are := re.fullmatch(_PHOTOS_ARE, said)) is not None:  # "刚才发的两张就是身份证": those photos are it
            number = item_named(are.group("item"), [m.name for m in materials], least=NAMED)
            return number is not None and materials[number - 1].code == self.conv.material
        yes = _YES_THEN.match(said)
        number = item_named(said[yes.end():], [m.name for m in materials], least=NAMED) if yes else None
        return number is not None and materials[number - 1].code == self.conv.material

    def labels_kept_photos(self, text: str) -> bool:
        """Before the checklist, photos kept and then said to be an item ("这是身份证"): they stay kept, said so,
        and the step waits (never an edit of the ID number the word also names)."""
        if not self.conv.unassigned:  # no photos kept: neither branch below can hold, so no pattern run (issue 19)
            return False
        said = re.fullmatch(_PHOTOS_ARE, text.strip())
        if self.in_stage() and self.photos_asked_about and self.conv.unassigned and said is not None \
                and not self.conv.material and (number := item_named(said.group("item"), [m.name for m in self.checklist()],
                                                                     least=NAMED)) is not None:
            # "这两张是身份证正反面" in answer to "这是哪一项材料？": the item named is the answer, its photos filed
            self.select_material(self.checklist()[number - 1])
            return True
        if self.in_stage() or not self.conv.unassigned or said is None or said.group("item").endswith(("号", "号码")) \
                or item_named(said.group("item"), [m.name for m in catalogue().materials.values()], least=NAMED) is None:
            return False
        self.say(render.kept_photos_labelled(len(self.conv.unassigned), said.group("item")), self.prompt())
        return True

    def plans_photos(self, text: str) -> bool:
        """A message sharing the photos sent with it out among items by their order ("这两张是合同的 第三张是身份证"):
        what will be done said, each photo then filed under its item as it comes (the ones just sent, when as many
        wait unfiled). One item for all of them ("这两张是合同的") is that item chosen, as its number would, where no
        photo waits to be told what it is (their own question then answers it). False for any other message, and
        while pages of an item are in hand (what they are is asked)."""
        if not self.in_stage() or self.conv.photos:
            return False
        materials = self.checklist()
        order = photos_by_order(text, [m.name for m in materials])
        if order is None:
            return False
        if DROPPED in order:  # "第二张不要了 第一张是承诺书": of the photos just sent, the unwanted go, the rest are filed
            if len(order) != len(self.conv.unassigned):
                return False
            self.say(render.kept_photos_dropped([place for place, number in enumerate(order, 1) if number == DROPPED]))
            self.conv.unassigned = [p for p, number in zip(self.conv.unassigned, order) if number != DROPPED]
            order = [number for number in order if number != DROPPED]
            if not order:
                return True
            if len(set(order)) == 1:
                self.photos_asked_about = True  # they are the photos the message spoke of: filed, not asked about again
                self.select_material(materials[order[0] - 1])
                return True
        chosen = [materials[number - 1] for number in order]
        if len(set(order)) == 1:
            if self.conv.unassigned or self.conv.pending:
                return False
            self.select_material(chosen[0])
            return True
        for material in dict.fromkeys(chosen):
            try:
                lifecycle.check_replaceable(self.record(), material.code)
            except lifecycle.LifecycleError as err:
                self.say(render.material_detail(material), err.message)
                return True
        earlier = self.conv.unassigned
        record, saved = self.record(), (self.record().get("materials") or {})
        replaced = [(m.name, len([c for c in chosen if c.code == m.code]), int((saved.get(m.code) or {}).get("pages") or 0))
                    for m in dict.fromkeys(chosen)
                    if self.file_of(m.code) or lifecycle.material_status(record, m.code) == "returned"]
        if replaced and len(earlier) == len(chosen):
            # an item with a file already (returned, or uploaded) takes these photos as its whole new file: the pages
            # kept are lost ("缺少反面" answered by the back alone loses the front), so asked first, as choosing the
            # item by its number warns (try21 X46)
            self.conv.pending = {PLAN_REPLACES: [material.code for material in chosen]}
            self.say(render.planned_photos_replace(replaced))
            return True
        self.file_by_plan([material.code for material in chosen], replaced)
        return True

    def file_by_plan(self, codes: list[str], replaced: list[tuple[str, int, int]] = ()) -> None:
        """The photos shared out among ``codes`` by their order: said, and those sent already filed now."""
        self.conv.material, self.conv.material_file = None, None
        self.conv.photo_plan = list(codes)
        earlier = self.conv.unassigned
        self.say(render.photos_planned([self.material_name(code) for code in codes], sent=len(earlier) == len(codes)),
                 render.planned_items_replaced(replaced) if replaced and len(earlier) != len(codes) else None)
        if len(earlier) == len(codes):  # said of the photos just sent: filed now, in the same order
            self.conv.unassigned = []
            for media_id in earlier:
                self.file_planned(media_id)

    def file_planned(self, media_id: str) -> None:
        """A photo filed under the item the order said it is; the pages of the item before it made into its PDF."""
        code = self.conv.photo_plan.pop(0)
        if self.conv.material != code:
            if self.conv.material is not None and self.conv.photos:
                self.build_in_hand()
            self.conv.material, self.conv.photos, self.conv.material_file = code, [], self.file_of(code)
            self.conv.retaken_page = {}  # a page said to be retaken was another item's (review7 R7-3)
        self.conv.photos.append(media_id)
        following = self.conv.photo_plan[0] if self.conv.photo_plan else None
        self.say(render.planned_page_received(self.material_name(code), len(self.conv.photos),
                                              self.material_name(following) if following and following != code else None))

    # -- the upload state and the application's moves --------------------------------------------
    def upload_round(self) -> str:
        """The stretch of the application's life now: "draft" until it is first submitted, then its status and how
        many moves it has made (each submission, return and reopen begins another)."""
        record = self.ctx.application
        if not record or record.get("status", "draft") == "draft":
            return "draft"
        return f"{record.get('status')}:{len(record.get('history') or [])}"

    def settle_upload_after_move(self) -> None:
        """The chat's upload state (the item chosen, its pages, photos waiting for an item, a question about them) made
        before the application moved (submitted on the web page, returned, a return withdrawn): none of it is the
        application's now. It is settled here, photos that had been sent said dropped, so none is filed later under an
        item they were never meant for, nor taken into an item no longer open."""
        then, now = self.conv.upload_round, self.upload_round()
        self.conv.upload_round = now
        if then is None or then == now:  # None: stored before the round was kept; what it holds is taken as current
            return
        sent = len(self.conv.photos) + len(self.conv.unassigned)
        self.conv.material, self.conv.material_file = None, None
        self.conv.photos, self.conv.unassigned, self.conv.photo_plan = [], [], []
        if asks_about_photos(self.conv.pending):
            self.conv.pending = None
        if sent:
            self.say(render.photos_left_at_move(sent, lifecycle.APPLICANT_STATUS.get(self.record().get("status"), "")))

    def offer_kept_photos(self) -> str | None:
        """The checklist just made, with photos kept from before: the next item number files them."""
        if not self.conv.unassigned:
            return None
        self.conv.pending = ASKED
        return render.kept_photos_to_file(len(self.conv.unassigned))

    # -- photos ---------------------------------------------------------------------------
    def keep_unassigned(self, media_id: str) -> None:
        # The most recent photos are the ones that will be asked about; older ones are dropped.
        self.conv.unassigned = [*self.conv.unassigned, media_id][-MAX_PHOTOS_PER_MATERIAL:]
        self.conv.kept_for = {p: code for p, code in self.conv.kept_for.items() if p in self.conv.unassigned}

    def on_photo(self, event: Image) -> None:
        code = self.conv.material
        if not self.in_stage():
            self.keep_unassigned(event.media_id)
            self.say(render.PHOTO_KEPT_FOR_LATER, self.prompt())
            return
        status = self.record().get("status")
        if code is None and status not in (None, "draft") and not lifecycle.replaceable(self.record()):
            # Under review or after approval nothing can be uploaded: said at the photo, not after asking
            # which item it is and being told then.
            self.say(render.photo_while_locked(status))
            return
        if self.conv.photo_plan:  # the items the photos are were said by their order
            self.file_planned(event.media_id)
            return
        if code is None:
            self.keep_unassigned(event.media_id)
            self.conv.pending = ASKED  # the next message naming an item answers it
            self.say(render.which_material(self.checklist(), self.record().get("materials"), self.open_to_photos()),
                     self.only_item_left())
            return
        photos = self.conv.photos
        if len(photos) >= MAX_PHOTOS_PER_MATERIAL:
            self.say(render.too_many_pages(MAX_PHOTOS_PER_MATERIAL))
            return
        photos.append(event.media_id)
        self.say(render.page_received(self.material_name(code), len(photos)))

    def only_item_left(self) -> str | None:
        """The offer of the one item still to send (a returned one, or the last of a draft), if one only is."""
        left = self.item_left()
        return render.only_item_left(*left) if left else None

    def open_to_photos(self) -> list[str] | None:
        """The items a photo can go to, when not all can: after a return, the returned ones (None while a draft)."""
        record = self.record()
        return lifecycle.replaceable(record) if record.get("status") == "returned" else None

    def item_left(self) -> tuple[int, str] | None:
        """The number and name of the one item still to send, if one only is."""
        record, materials = self.record(), self.checklist()
        still_open = set(lifecycle.missing_materials(record)) & set(lifecycle.replaceable(record))
        left = [(number, m.name) for number, m in enumerate(materials, 1) if m.code in still_open]
        return left[0] if len(left) == 1 else None

    def material_name(self, code: str) -> str:
        return next((m.name for m in self.checklist() if m.code == code), code)

    # -- commands of this stage -------------------------------------------------------------
    def intent_finish_photos(self, call: Any) -> None:
        code, photos = self.conv.material, self.conv.photos
        materials = self.checklist()
        if isinstance(call.item, int) and 1 <= call.item <= len(materials) \
                and (materials[call.item - 1].code != code or not photos):  # "7拍好了", nothing of 7 arrived
            said = materials[call.item - 1]
            if said.code != code and said.code not in lifecycle.missing_materials(self.record()):  # on the upload page
                self.say(render.item_uploaded(call.item, said.name), self.next_step_brief())
            else:
                self.say(render.no_photo_of_item(call.item, said.name, said.code == code))
            return
        if code is None and self.conv.unassigned:  # "完成" after photos sent with no item chosen: which is it?
            self.conv.pending = ASKED
            self.say(render.which_material_for(len(self.conv.unassigned), self.checklist(), self.record().get("materials"),
                                               self.open_to_photos()),
                     self.only_item_left())
            return
        if code is None:  # with nothing left to upload (the rest came on the web page), what is next, not an item
            self.say(render.NO_PHOTOS_YET if lifecycle.missing_materials(self.record()) else self.next_step_brief())
            return
        if not photos and self.conv.unassigned:  # offered for this item when it was chosen: 完成 takes them as it
            self.file_waiting_photos()
            photos = self.conv.photos
        if not photos:
            self.say(render.photographing(self.material_name(code), 0))
            return
        if self.newer_upload_in_hand():
            # A file came from the web page while the photos were sent: never replaced unasked (as the page asks)
            self.say(self.ask_newer_upload())
            return
        material = next(m for m in materials if m.code == code)
        if (page := self.conv.retaken_page.get(code, 0)) and page <= self.pages_saved(code) and len(photos) == 1:
            self.build_in_hand(replace_page=page)  # "第2页拍糊了 重新拍", then the photo: that page replaced, nothing asked
            return
        if page:  # one page to retake but several photos: which go where is the applicant's to say (review7 R7-2)
            self.conv.retaken_page = {}
            self.say(render.photos_for_one_page(page, len(photos)))
        if self.pages_saved(code):
            # pages of an item saved already (a page sent later: "合同还有一页"): added after them, or replacing them,
            # is the applicant's to say (try18 U19: the saved file was replaced by the one page sent)
            self.conv.pending = {ADD_OR_REPLACE: code}
            self.say(render.add_or_replace_pages(material.name, self.pages_saved(code), len(photos)))
            return
        if len(photos) < material.pages_at_least:  # "完成" after the front of an ID card alone: asked once
            self.conv.pending = {FEWER_PAGES: code}
            self.say(render.fewer_pages_than_named(material, len(photos)))
            return
        self.build_in_hand()

    def ask_newer_upload(self) -> str:
        """Replace the file the web page brought meanwhile with the pages in hand, or keep it? (A/B)"""
        code = self.conv.material
        self.conv.pending = {NEWER_UPLOAD: code}
        item = ((self.record().get("materials") or {}).get(code) or {})
        return render.web_upload_meanwhile(self.material_name(code), item.get("pages"), len(self.conv.photos))

    def file_of(self, code: str) -> str:
        """The sha256 of the file the application holds for ``code`` ("" for none)."""
        return (((self.record().get("materials") or {}).get(code) or {}).get("sha256")) or ""

    def build_in_hand(self, added: bool = False, replace_page: int = 0) -> None:
        """The photos of the item in hand made into its PDF (the transport does it), said so; ``added``: put after the
        pages of its saved file; ``replace_page``: put in place of that page of it (from 1)."""
        code, photos = self.conv.material, self.conv.photos
        self.effects.append(BuildMaterial(self.conv.application_id, code, tuple(photos),
                                          append_to=self.file_of(code) if added or replace_page else "",
                                          replace_page=replace_page))
        self.conv.material, self.conv.photos, self.conv.material_file, self.conv.retaken_page = None, [], None, {}
        self.say(render.building_pdf(self.material_name(code), len(photos), added_to=self.pages_saved(code) if added else 0,
                                     replacing=replace_page))

    def pages_saved(self, code: str) -> int:
        """The pages of the file saved for ``code`` that new photos may be added to: an upload not yet reviewed nor
        returned (a returned file is sent again whole: its return asks for it); 0 for none."""
        item = (self.record().get("materials") or {}).get(code) or {}
        return int(item.get("pages") or 1) if item.get("sha256") and item.get("status") == "uploaded" else 0

    def item_in(self, text: str) -> Material | None:
        """The checklist item a message to drop or cancel names, when it names no photo: "删除结婚证"
        is about the item (which cannot be struck off), "删除上一张" about a photo."""
        number = None if _A_PHOTO.search(text) else item_named(text, [m.name for m in self.checklist()])
        return self.checklist()[number - 1] if number else None

    def intent_next_item(self, call: Any) -> None:
        """"下一个", "next": the next item on the list still to send, after the one in hand (its photos
        sent first, if any; without photos it is left for later), or the first one when none is."""
        in_hand = self.conv.material
        if in_hand is not None and self.conv.photos:
            self.intent_finish_photos(call)
        self.conv.material = None
        materials, record = self.checklist(), self.record()
        still_open = set(lifecycle.missing_materials(record)) & set(lifecycle.replaceable(record))
        start = next((i + 1 for i, m in enumerate(materials) if m.code == in_hand), 0)
        following = next((m for m in materials[start:] + materials[:start] if m.code in still_open and m.code != in_hand),
                         None)
        if following is None and in_hand in still_open and not self.conv.photos:
            following = next(m for m in materials if m.code == in_hand)  # the last one still to send: still it
        if following is None:
            self.say(render.ALL_UPLOADED)
            return
        self.select_material(following)

    def withdraws_file_of(self, material: Material) -> bool:
        """A delete of an item whose file is uploaded in a draft ("删除结婚证", "撤回刚才那个结婚证 传错了"): the file is
        taken back, the item 未上传 again, as the upload page's 删除 does (a known-wrong file is never submitted for want
        of the right one at hand). False where there is no such file to take back (the item itself cannot go)."""
        if self.record().get("status") != "draft" or not self.file_of(material.code) or not self.conv.application_id:
            return False
        # Asked once first, as the page's 删除 asks ("确定删除…吗？"): a file sent is never lost to a slip of the number.
        self.conv.pending = {WITHDRAW: material.code}
        self.say(render.withdrawal_asked(material.name))
        return True

    def settles_withdrawal(self, pending: Any, text: str) -> bool:
        """The reply to "确定删除…已上传的文件吗？": a yes deletes it (the item 未上传 again), a no keeps it, said; False
        for any other reply, which is read as usual (the file stays)."""
        if not isinstance(pending, dict) or WITHDRAW not in pending:
            return False
        said = canonical(text).strip().rstrip("。.!！~～ ").lower()
        material = next((m for m in self.checklist() if m.code == pending[WITHDRAW]), None)
        if material is None:
            return False
        if said in _KEEP_FILE:
            self.say(render.withdrawal_kept(material.name), render.continue_with(self.resume_prompt()))
            return True
        if not (says_yes(text, command="delete_item") or said in _DELETE_AGAIN):
            return False
        if self.record().get("status") != "draft" or not self.file_of(material.code):
            self.say(render.continue_with(self.resume_prompt()))  # submitted or deleted on the page since: nothing to do
            return True
        if self.conv.material == material.code and not self.conv.photos:
            self.conv.material, self.conv.material_file = None, None
        self.effects.append(WithdrawMaterial(self.conv.application_id, material.code))
        return True

    def skip_in_hand(self) -> None:
        """"先跳过", "这项跳过": the item in hand left not sent (its photos so far dropped, said so) and the next item still
        to send after it chosen, as "下一个" would; the application goes on, never paused (try17 T28)."""
        code, dropped = self.conv.material, len(self.conv.photos)
        self.conv.material, self.conv.photos, self.conv.material_file = None, [], None
        materials, record = self.checklist(), self.record()
        still_open = set(lifecycle.missing_materials(record)) & set(lifecycle.replaceable(record))
        start = next((i + 1 for i, m in enumerate(materials) if m.code == code), 0)
        following = next((m for m in materials[start:] + materials[:start] if m.code in still_open and m.code != code), None)
        self.say(render.item_skipped(self.material_name(code), dropped, following is not None))
        if following is not None:
            self.select_material(following)

    def intent_cancel(self, call: Any) -> None:
        said = canonical(call.text or "")
        if self.conv.material is not None and _SKIPPED.search(said):
            if not _SKIP_DENIED_OR_ASKED.search(said):
                self.skip_in_hand()
            elif not (asks(said) and self.try_faq(call.text, quiet_miss=True)):
                # "先别跳过": nothing skipped nor cancelled, the photos kept; "哪些材料可以跳过" answered if it can be
                self.say(render.photographing(self.material_name(self.conv.material), len(self.conv.photos)))
            return
        named = self.item_in(call.text)
        if named is not None and named.code != self.conv.material:  # "删除劳动合同这一项" while photographing another
            if not self.withdraws_file_of(named):
                self.say(render.cannot_delete_item(named.name))
            return
        dropped = len(self.conv.photos) + len(self.conv.unassigned)
        if self.conv.material is None and not dropped and not self.conv.photo_plan:  # "不传了" with nothing under way
            self.say(render.NOTHING_TO_CANCEL, self.next_step_brief())
            return
        name = self.material_name(self.conv.material) if self.conv.material else None
        self.conv.material, self.conv.photos, self.conv.unassigned, self.conv.photo_plan = None, [], [], []
        self.say(render.photos_cancelled(name, dropped))

    def intent_drop_photo(self, call: Any) -> None:
        """The last photo sent was the wrong one, or blurred: take it back, keep the others. A delete
        that names a checklist item and no photo ("删除结婚证") is about the item."""
        code, photos = self.conv.material, self.conv.photos
        named = self.item_in(call.text)
        belongs = self.item_photo_is(call.text) if code is not None and photos else None
        if named is not None and belongs is None:
            if not (named.code != code or not photos) or not self.withdraws_file_of(named):
                self.say(render.cannot_delete_item(named.name))
        elif belongs is not None and belongs.code != code:
            self.move_photo(call.text, belongs)
        elif code is not None and photos and (several := photos_said(call.text, len(photos))) is not None:
            self.conv.photos = [p for i, p in enumerate(photos) if i not in several]
            self.conv.photo_dropped = True
            self.say(render.photos_dropped(self.material_name(code), [i + 1 for i in several], len(self.conv.photos)))
        elif code is not None and self.photo_just_dropped and not _DELETE_WORD.search(call.text) \
                and not _PHOTO_AT.search(call.text) and not _BEFORE_LAST.search(call.text):
            # "发错了，刚那张不是户口本" right after "删除上一张": why the photo was deleted, not another to delete
            self.say(render.photo_already_dropped(self.material_name(code), len(photos)))
        elif code is not None and photos:
            at = photo_at(call.text, len(photos))
            if at is None:
                self.say(render.no_such_photo(self.material_name(code), len(photos)))
                return
            photos.pop(at)
            self.conv.photo_dropped = True
            self.say(render.photo_dropped(self.material_name(code), at + 1, len(photos)))
        elif self.conv.unassigned:  # photos waiting for an item are photos too: never "none to drop"
            waiting = self.conv.unassigned
            at = photo_at(call.text, len(waiting))  # "第二张不要了": that one, not the last
            if at is None:
                self.say(render.no_such_kept_photo(len(waiting)))
                return
            waiting.pop(at)
            self.say(render.unassigned_photo_dropped(len(waiting), None if at == len(waiting) else at + 1))
        else:
            self.say_nothing_to_drop()

    def say_nothing_to_drop(self) -> None:
        """No photo in hand to change or take again ("换一张", "重拍"): the item chosen has none yet, or none is chosen
        (how an item is sent, or a file made replaced)."""
        status = self.record().get("status")
        if self.conv.material is not None:
            self.say(render.no_photo_of_it_yet(self.material_name(self.conv.material)))
        elif status not in (None, "draft") and not lifecycle.replaceable(self.record()):
            # "补一张委托单的照片" under review: nothing can be sent again now (try21 X54), never how to replace a file
            self.say(render.photo_while_locked(status).removeprefix("收到照片，但"))
        else:
            self.say(render.NOTHING_TO_DROP)

    def page_retake_taken_back(self, text: str) -> bool:
        """A page said to be retaken, then taken back ("不用重拍了", "算了 第2页不重拍了 再加一页", "是加一页 不是替换"):
        forgotten, so 完成 asks 追加/替换 as for any page sent later. Whether the message was that."""
        code = self.conv.material
        if not self.in_stage() or code is None or not (page := self.conv.retaken_page.get(code)) \
                or not _RETAKE_TAKEN_BACK.search(canonical(text)):
            return False
        self.conv.retaken_page = {}
        self.say(render.page_retake_taken_back(page, len(self.conv.photos)))
        return True

    def reorders_photos_said(self, text: str) -> bool:
        """While an item is photographed, its photos put in the order said ("顺序反了 第三张应该放第一"): reordered,
        nothing deleted; a place past the photos there is said and changes nothing. Whether the message was that."""
        if not self.in_stage() or self.conv.material is None or not self.conv.photos:
            return False
        order = photos_reordered(canonical(text), len(self.conv.photos))
        if order is None:
            return False
        name = self.material_name(self.conv.material)
        if not order:
            self.say(render.photos_not_reordered(name, len(self.conv.photos)))
            return True
        self.conv.photos = [self.conv.photos[i] for i in order]
        self.say(render.photos_reordered(name, [i + 1 for i in order]))
        return True

    def moves_photo_said_elsewhere(self, text: str) -> bool:
        """While an item is photographed, the photo in hand said to be another item's ("传错了 这是第4项的",
        "拍错了 应该是第3项的"): moved there, as "这张是第4项的" is (``intent_drop_photo``). Whether it was."""
        if not self.in_stage() or self.conv.material is None or not self.conv.photos \
                or not _PHOTO_SPOKEN_OF.search(text) or asks(match_form(text)):
            return False
        to = self.item_photo_is(text)
        if to is None or to.code == self.conv.material:
            return False
        self.move_photo(text, to)
        return True

    def item_photo_is(self, text: str) -> Material | None:
        """The checklist item a photo sent is said to be ("哎呀发错了，这张是居住证"), named after a 是/属于; none
        when it is said not to be one ("这张不是居住证") or to be deleted."""
        after = _BELONGS_TO.search(text)
        if after is None or _DELETED_SAID.search(text):
            return None
        said, materials = text[after.end():], self.checklist()
        said = _DENIED_AFTER.split(said, maxsplit=1)[0]  # "这张是我的身份证 不是老公的": what it is, not what it is not
        names = [m.name for m in materials]
        number = next(iter(places(said)), None) or item_named(said, names, least=NAMED)
        if number is None and (word := _SAID_FIRST.match(said.strip())) is not None:
            # "这张是合同 发错项了": a short name said first after 是 (合同, 居住证) names the item it is part of
            number = item_named(word.group(0), names)
        return materials[number - 1] if number and 1 <= number <= len(materials) else None

    def move_photo(self, text: str, to: Material) -> None:
        """A photo said to be another item's goes there, never deleted (it would have to be taken again): the
        only page in hand makes that item the one in hand; one of several is kept aside, and filed under that
        item once it is chosen (the question "它们是…的吗？" asks it)."""
        code, photos = self.conv.material, self.conv.photos
        try:
            lifecycle.check_replaceable(self.record(), to.code)
        except lifecycle.LifecycleError as err:  # not an item to upload now: the photo stays where it was
            self.say(err.message)
            return
        at = photo_at(text, len(photos))
        if at is None:
            self.say(render.no_such_photo(self.material_name(code), len(photos)))
            return
        number = next(i for i, m in enumerate(self.checklist(), 1) if m.code == to.code)
        if len(photos) == 1:
            self.conv.material, self.conv.material_file, self.conv.retaken_page = to.code, self.file_of(to.code), {}
            self.say(render.material_detail(to), render.pages_moved(1, to.name))
            return
        kept = photos.pop(at)
        self.keep_unassigned(kept)
        self.conv.kept_for[kept] = to.code
        self.say(render.photo_kept_for(self.material_name(code), at + 1, len(photos), number, to.name))

    def intent_retake(self, call: Any) -> None:
        """Start the material being photographed over, keeping it chosen; with none in hand after a return
        ("那我重新拍"), the item returned is chosen, or the items returned are listed to choose from. A page of the item's
        saved file named ("第2页拍糊了 重新拍"), with no photo in hand: the photos sent next take that page's place.
        Everything said to be sent again at a return ("我全部重新传一遍吧"): the approved ones are kept, said first (try21 X42)."""
        code, photos = self.conv.material, self.conv.photos
        if code is not None and not photos and (number := one_page_retaken(canonical(call.text))) \
                and 1 <= number <= self.pages_saved(code) and self.conv.retaken_page.get(code, number) == number:
            self.conv.retaken_page = {code: number}
            self.say(render.page_to_retake(self.material_name(code), number))
            return
        said = canonical(call.text)
        if code is not None and (page := self.conv.retaken_page.get(code)) and one_page_retaken(said) != page \
                and (_PAGE_RETAKEN.search(said) or _MORE_THAN_A_PAGE.search(said)):  # a second page, or more than a page: none
            self.conv.retaken_page = {}  # replaced alone ("第2页…重新拍" then "第3页也要重拍"): 完成 asks 追加/替换
            if not photos:
                self.say(render.PAGES_RETAKEN_ASKED_AT_DONE)
                return
        if code is not None and not photos and _PAGE_RETAKEN.search(canonical(call.text)) and self.pages_saved(code):
            self.say(render.PAGES_RETAKEN_ASKED_AT_DONE)  # "第2页和第3页都糊了", "全部重新拍": asked at 完成
            return
        if (code is None or not photos) and self.record().get("status") == "returned" \
                and _ALL_ITEMS.search(getattr(call, "text", "") or ""):
            self.approved_kept_said()
        if (code is None or not photos) and self.retake_returned():
            return
        if code is None and not photos and _ALL_OVER.search(canonical(call.text)) and not _OF_PHOTOS.search(canonical(call.text)):
            # "我想重新来一遍" with nothing chosen or in hand: no photo spoken of, the whole application begun again is
            # meant — asked first, as 重新开始 is (try21 X15: told there was no photo to retake)
            self.intent_restart(call)
            return
        if code is None or not photos:
            self.say_nothing_to_drop()
            return
        self.conv.photos = []
        self.say(render.photos_cleared(self.material_name(code), len(photos)))

    def approved_kept_said(self) -> bool:
        """At a return with items approved: that they are kept and need not be sent again. Whether any was."""
        record = self.record()
        approved = [m for m in self.checklist() if lifecycle.material_status(record, m.code) == "approved"]
        if approved:
            self.say(render.APPROVED_KEPT_AT_RETURN)
        return bool(approved)

    def retake_returned(self) -> bool:
        """After a return, no photo in hand: the one item returned chosen, or the several listed. Whether any was."""
        record = self.record()
        if record.get("status") != "returned":
            return False
        returned = [(n, m) for n, m in enumerate(self.checklist(), 1) if lifecycle.material_status(record, m.code) == "returned"]
        if len(returned) == 1:
            self.select_material(returned[0][1])
        elif returned:
            self.say(render.returned_to_retake([(n, m.name) for n, m in returned]))
        return bool(returned)

    def intent_upload(self, _: Any) -> None:
        if not lifecycle.replaceable(self.record()):
            self.say(render.NOTHING_TO_UPLOAD)
            return
        self.effects.append(OfferUploadLink(self.conv.application_id))

    def why_not_ready(self) -> str | None:
        """What stands before submitting (pages not yet made into a PDF, items not uploaded), or None."""
        if self.conv.photos and self.newer_upload_in_hand():  # "完成" would only ask this: asked now
            return self.ask_newer_upload()
        if self.conv.photos:
            return render.photos_not_built(self.material_name(self.conv.material))
        if self.conv.unassigned:  # sent with no item said: asked which, never submitted past nor carried beyond it
            self.conv.pending = ASKED
            return render.photos_waiting_before_submit(len(self.conv.unassigned), *(self.item_left() or ()))
        missing = lifecycle.missing_materials(self.record())
        if missing and self.record().get("status") == "returned":  # "我已经重新传了": nothing new has come
            codes = [m.code for m in self.checklist()]
            return render.returned_not_received([(codes.index(c) + 1, self.material_name(c)) for c in missing])
        if missing and self.record().get("status") == "draft":
            return render.missing_before_submit([self.material_name(c) for c in missing])
        return None

    def intent_submit(self, call: Any) -> None:
        if (not_yet := self.why_not_ready()) is not None:
            self.say(not_yet)
            return
        if call.implied:  # "我都传完了": done, not yet "send it in"
            self.say(render.READY_TO_SUBMIT)
            return
        self.effects.append(SubmitApplication(self.conv.application_id))

    def asks_about_submitting(self, meant: Any, text: str) -> bool:
        """A question about submitting ("都传好了吧？", "可以再交了吗"): read as the submit command, or
        speaking of submitting while everything is uploaded, when the answer is simply "yes"; asking only
        whether it can be submitted now is answered with what is missing (never an entry on something else
        that mentions 交, such as 续办's). A message that names a material is about that material
        ("劳动合同要重新交一次": sent again), not about submitting."""
        if not self.in_stage() or self.record().get("status") not in ("draft", "returned"):
            return False
        if item_named(text, [m.name for m in catalogue().materials.values()], least=NAMED) is not None:
            return False  # a material named, on this checklist or not ("社保证明"): about it
        if meant.command == "submit" or _MAY_SUBMIT_NOW.match(text.strip()):
            return True
        said = SUBMITTING.search(text)
        return bool(said) and not self.conv.photos and not lifecycle.missing_materials(self.record())

    def asks_to_send_together(self, text: str) -> bool:
        """Whether ``text``, at the checklist, asks if the photos of several items may be sent at once."""
        if not self.in_stage() or self.conv.material:  # on every message: the stage first, the text only there
            return False
        form = match_form(text)
        return _TOGETHER.search(form) is not None and _ALL_ITEMS.search(form) is not None and asks(form)

    def answers_handing_in_part(self, text: str) -> bool:
        """A message whose last clause asks to hand in first what is ready ("…明天才能拿到 先交这个行不行") while items
        are still to send: the entry saying a submission is of every item (after a return, of the items returned),
        then where the applicant is. Whether it was."""
        clauses = [c for c in _CLAUSES.split(match_form(text)) if c]
        if not clauses or not _HAND_IN_FIRST.search(clauses[-1]) or not self.in_stage() or self.ctx.kb is None \
                or self.record().get("status") not in ("draft", "returned") or not lifecycle.missing_materials(self.record()) \
                or (entry := self.ctx.kb.entry(_PART_FIRST_ENTRY)) is None:
            return False
        self.say(entry.answer, render.continue_with(self.resume_prompt()))
        return True

    def answers_whether_received(self, text: str) -> bool:
        """"网页上提交了 你们收到了吗" once the application is submitted: received, when, and its status. Whether it was."""
        if not self.in_stage() or self.record().get("status") in (None, "draft", "returned") \
                or not _ASKS_RECEIVED.search(match_form(text)):
            return False
        self.say(render.submission_received(self.record()))
        return True

    def answer_whether_ready(self, text: str = "") -> None:
        """Whether the application can be submitted now, never submitting it (that is said, not asked); asked
        how to hand the materials in ("都准备好了，怎么交") with some not yet uploaded, how to upload them first."""
        not_yet = self.why_not_ready()
        self.say(render.UPLOAD_HOW if not_yet and _ASKS_HOW.search(text) else None, not_yet or render.CAN_SUBMIT)

    def confirms_beside_a_question(self, text: str) -> bool:
        """At approval, the confirmation said in clauses of its own, a question of another matter after it ("没问题 确认
        另外想问下多久出积分通知书"): confirmed as said, and the question answered (its "继续办理" line, which would ask
        for the confirmation just given, left out). Whether it was that."""
        if self.point() != "approved" or self.record().get("status") != "approved" \
                or (question := confirmed_beside(text)) is None:
            return False
        start = len(self.effects)
        self.intent_confirm_application(_Said(text))
        confirming = any(isinstance(e, ConfirmApplication) for e in self.effects[start:])
        if question:
            self.answer_question(interpret(self.point(), question, kb=self.ctx.kb)[0], question)
            if confirming and self.replies and self.replies[-1] == render.continue_with(self.resume_prompt()):
                self.replies.pop()
        return True

    def intent_confirm_application(self, call: Any) -> None:
        status = self.record().get("status")
        if status == "disputed" and withdraws_dispute_and_confirms(call.text):
            # "算了 不改了 确认吧": the report withdrawn (staff told on the same case, so nothing is
            # corrected that the applicant no longer wants changed), and the approval confirmed as said
            self.effects.append(Escalate("dispute_withdrawn", note=call.text[:200]))
            self.effects.append(ConfirmApplication(self.conv.application_id, dispute_withdrawn=True))
            return
        if status == "done":  # "确认" sent again: where things stand, and no new application begun
            self.say(render.CONFIRMED_ALREADY, self.next_step_brief())
            return
        if status != "approved":
            self.say(*((render.DISPUTE_BEING_CHECKED, render.DISPUTE_HOW_TO_WITHDRAW) if status == "disputed"
                       else (render.CONFIRM_NOT_NOW,)))
            return
        if waiting := self.record().get("pending_contact"):  # confirming now would report the old number (try18 U12)
            self.say(render.confirm_after_contact([flow.QUESTIONS[f].label for f in waiting if f in flow.QUESTIONS]))
            return
        self.effects.append(ConfirmApplication(self.conv.application_id))

    def intent_dispute(self, call: Any) -> None:
        text = call.argument
        status = self.record().get("status")
        if status == "disputed" and withdraws_dispute_and_confirms(call.text or ""):
            self.intent_confirm_application(call)  # "算了 不改了 确认吧" read as a report: every clause takes it back and confirms
            return
        if status == "disputed" and takes_back_dispute_only(call.text or text):
            self.say(render.DISPUTE_TAKE_BACK_ASKED)  # "哦看错了 是对的 不用改了": how to take it back and confirm (X49)
            return
        if status == "disputed":  # reported already: being checked, nothing to report again
            self.say(render.DISPUTE_BEING_CHECKED)
            return
        if status in lifecycle.CORRECTABLE_BY_REVIEW and text and not _ASKS_OF_THE_COMMAND.match(canonical(text)):
            # "申办信息有误 身份证号错了一位" under review or at a return: the reviewers' to correct, passed on as an answer
            # said wrong in other words is (try21 X44: refused here while "婚姻状况要改成已婚" was forwarded)
            self.correction_reported(text)
            return
        if status != "approved":
            self.say(render.DISPUTE_NOT_NOW)
            return
        if not text or _ASKS_OF_THE_COMMAND.match(canonical(text)):
            # "申办信息有误是什么意思", "信息有误吗", "申办信息有误 要怎么操作": the command asked about, nothing reported
            # (review6 P1: each had filed a dispute and stopped the automatic confirmation)
            self.say(render.DISPUTE_HOW)
            return
        # "我怕身份证号填错了": a worry, no report (review3 R5) — unless typed as the command the approval notice asks
        # for ("申办信息有误 是不是手机号填错了"): the applicant's report, in the words given for it (review5 Q8)
        if not canonical(call.text or text).lstrip().startswith(DISPUTE_PREFIXES) \
                and self.no_correction_said(call.text or text):
            return
        self.effects.append(DisputeApplication(self.conv.application_id, text))

    def intent_checklist(self, _: Any) -> None:
        self.say(self.status_overview())

    def said_of_a_return(self, text: str) -> bool:
        """A returned item named in a sentence that contests its return ("委托单是11月28号盖的章，审核说超过两个月，麻烦
        复核一下"), or in more than its name while a person has the applicant's request: meant for a person. Its
        reason and the person said (``about_item``), never the applicant switched into photographing it; False
        for anything else."""
        if self.point() != "returned" or not text or (returned := self.returned_item_in(text)) is None:
            return False
        if not (_REVIEW_CONTESTED.search(canonical(text)) or self.ctx.escalation_open and len(_CLAUSES.split(text.strip())) > 1):
            return False
        self.answer_about_items([returned], text)
        return True

    def intent_view_item(self, call: Any) -> None:
        """"3", "查看第2项": that material's requirements, and its photos are awaited. Items named after
        it ("拍3和4") are said to come next, one at a time."""
        if self.said_of_a_return(call.text):
            return
        named, material = self.item_called(call)
        if material is not None and _DELETE_WORD.search(call.text) and _WRONG_FILE.search(canonical(call.text)) \
                and self.withdraws_file_of(material):  # "撤回刚才那个结婚证 传错了": its file taken back, not retaken
            return
        if material is not None:
            self.select_material(material)
            materials = self.checklist()
            later = [(n, materials[n - 1].name) for n in call.later if 1 <= n <= len(materials) and n != call.item] \
                or self.items_named_beside(call.text, material)
            if later and self.conv.material == material.code:
                self.say(render.item_next(later))
        elif named:
            self.say(render.CHOOSE_MATERIAL, render.UPLOAD_HOW)

    def asks_of_an_item_by_number(self, text: str) -> bool:
        """"3是什么要求", "5要什么": an item asked about by its bare number at the checklist (try21 X3: out of scope,
        though "3" alone shows it): its requirement, nothing chosen. Whether it was."""
        if not self.in_stage() or (asked := _ITEM_ASKED_BY_NUMBER.fullmatch(canonical(text).strip())) is None:
            return False
        self.answer_about_items([int(asked.group(1))], text)
        return True

    def items_named_beside(self, text: str, chosen: Material) -> list[tuple[int, str]]:
        """Other items a message choosing ``chosen`` names by their names in clauses of their own ("两个我都重新拍了
        身份证正反面加合同盖章页", try21 X11): said to come next, one at a time, so that the photos sent now are known to be
        the first item's only. After a return, among the returned items (a word of the name is enough: "合同盖章页")."""
        materials = self.checklist()
        record = self.record()
        returned = [n for n, m in enumerate(materials, 1) if lifecycle.material_status(record, m.code) == "returned"] \
            if record.get("status") == "returned" else []
        named: list[int] = []
        for part in _JOINED_ITEMS.split(match_form(text)):
            if len(part) < 2:
                continue
            if returned:
                among = item_named(part, [materials[n - 1].name for n in returned])
                number = returned[among - 1] if among is not None else None
            else:
                number = item_named(part, [m.name for m in materials], least=NAMED)
            if number is not None and materials[number - 1].code != chosen.code and number not in named:
                named.append(number)
        return [(n, materials[n - 1].name) for n in named]

    def answer_about_items(self, numbers: list[int], text: str, contested: bool = False) -> None:
        """A question about the items at ``numbers`` ("第一项要重新盖章吗", "第12项和第13项分别要什么"):
        each one's answer, then where the applicant was; no item is chosen for upload (its number
        alone, or "拍第N项", does that). ``contested``: the message says the item's return is wrong."""
        if len(numbers) == 1 and self.wrong_file_in_item(numbers[0], text):
            return  # "第5项我刚才传成劳动合同了 怎么换": that item chosen to send again, or said to hold no file
        materials = self.checklist()
        wrong = next((n for n in numbers if not 1 <= n <= len(materials)), None)
        if wrong is not None:
            self.say(render.no_such_item(wrong, len(materials)), render.checklist_text(materials, self.record().get("materials")),
                     render.continue_with(self.resume_prompt()))
            return
        if len(numbers) == 1 and asks_which_item(text):  # "我老婆的户口本传哪项": the item's place first
            self.say(render.goes_in_item(numbers[0], materials[numbers[0] - 1].name))
        self.say(*(self.about_item(materials[n - 1], text, contested) for n in numbers),
                 render.continue_with(self.resume_prompt()))

    def item_asked_about(self, text: str, found: Any) -> int | None:
        """After the checklist, the item a question names by its name when the knowledge base has no
        answer to it (none, or a choice of three), or answers about another item of the checklist than
        the one it names most closely ("配偶身份证要正反面吗": the entry is the 持证人身份证's): that item
        is what it asks about."""
        if not self.in_stage() or found is None:
            return None
        checklist = self.checklist()
        named = item_named(text, [m.name for m in checklist], least=NAMED)
        if found.status != "answered":
            return named
        codes = [m.code for m in checklist]
        material = getattr(found.entry, "material", None)
        return named if named is not None and material in codes and codes[named - 1] != material else None

    def returned_item_in(self, text: str) -> int | None:
        """The number of a returned item ``text`` names, once the application came back."""
        if self.record().get("status") != "returned":
            return None
        checklist = self.checklist()
        returned = [n for n, m in enumerate(checklist, 1) if lifecycle.material_status(self.record(), m.code) == "returned"]
        number = item_named(text, [m.name for m in checklist], least=NAMED)
        if number is None:  # "为什么退回？我合同是无固定期限的啊": one word of a returned item's name (合同) names it
            # among the returned items alone, where no item of the whole checklist is named more fully
            among = item_named(text, [checklist[n - 1].name for n in returned])
            number = returned[among - 1] if among is not None else None
        return number if number in returned else None

    def about_item(self, material: Material, text: str, contested: bool = False) -> str:
        """The knowledge base's answer to ``text`` with the item called by its name, when an entry about
        this material gives it; otherwise the item's requirements. An entry on a subject the name
        shares (结婚证 → 婚姻状况) answers another question."""
        kb = self.ctx.kb
        found = kb.ask(named_items(text, material.name)) if kb is not None else None
        about_it = found is not None and found.status == "answered" and getattr(found.entry, "material", None) == material.code
        detail = f"{material.name}：\n{found.entry.answer}" if about_it else render.material_detail(material)
        if says_lacking(text, [material.name]) and not (about_it and found.entry.id in _SAYS_WHAT_IF_LACKING):
            # "第6项我没有", "第3项丢了": what to do without it (the entry on lost papers, or on sending the others
            # first), after what the item is; an entry of the item's own that says it already is enough
            without = kb.entry(_LOST_ENTRY if says_lost(text) else _OTHERS_FIRST_ENTRY) if kb is not None else None
            # (the "可以。" of the entry on sending the others first answers its own question, not asked here)
            detail = f"{detail}\n{without.answer.removeprefix('可以。')}" if without is not None else detail
        reviewed = (self.record().get("materials") or {}).get(material.code, {})
        if reviewed.get("status") == "returned":  # what the reviewer said of it comes first, and how to contest it;
            # then the question answered ("委托单啥意思 去哪弄": where one is got), the requirements otherwise
            contested = contested or bool(_REVIEW_CONTESTED.search(canonical(text)))
            if contested or self.ctx.escalation_open:  # contested, or a person has it already: no "回复人工"
                return render.returned_item(material.name, reviewed.get("reason"), detail,
                                            self.return_contested(f"{material.name}：{text}") if contested
                                            else render.RETURN_WITH_PERSON)
            beside = None if about_it else self.question_beside(text)
            if beside is None and (found is None or found.confidence < STRONG_MATCH):
                beside = self.returns_entry_for(text, material.name)
            return render.returned_item(material.name, reviewed.get("reason"), beside.answer if beside else detail)
        return detail

    def question_beside(self, text: str) -> Any:
        """The entry answering what the last clause of a message about an item asks, when it is about no material:
        "身份证过期了 新的还在办 要等一个月 那我这个申请会不会作废" tells of the item and asks whether the application lapses
        (a late resubmission); the item's name had pulled the whole to its requirements. None otherwise."""
        kb = self.ctx.kb
        clauses = [c for c in _CLAUSES.split(match_form(text)) if c]
        if kb is None or len(clauses) < 2 or not asks(clauses[-1]):
            return None
        found = kb.ask(clauses[-1])
        return found.entry if found.status == "answered" and getattr(found.entry, "material", None) is None else None

    def returns_entry_for(self, text: str, name: str) -> Any:
        """The entry on returns that answers what a question tells of a returned item, put as said of a returned
        material, when the knowledge base is sure of it: "身份证下个月才换得了 能等等吗" asks whether the re-upload may wait
        (the notice's warning on long waits), which the item's own entry, only leaned to, never said (try20 W34).
        None otherwise."""
        form = match_form(text)
        if self.ctx.kb is None or not asks(form):
            return None
        found = self.ctx.kb.ask(f"{_RETURNED_MATERIAL} {_name_words_dropped(form, name)}")
        sure = found.status == "answered" and found.confidence >= STRONG_MATCH
        return found.entry if sure and found.entry.about_own_status == "returned" else None

    def return_contested(self, text: str) -> str:
        """A return the applicant says is wrong goes to a person with what they said (support reads it on the
        escalation and can ask a reviewer to reopen the item), once a turn; what the applicant is told."""
        if not any(isinstance(e, Escalate) and e.reason == "return_contested" for e in self.effects):
            self.effects.append(Escalate("return_contested", note=text[:200]))
        return render.RETURN_CONTEST_TO_PERSON if self.ctx.escalation_open else render.RETURN_CONTEST_TAKEN

    def wrong_file_in_item(self, number: int, text: str) -> bool:
        """"第5项我刚才传成劳动合同了 怎么换": the file of the item named is wrong. With a file, the item is chosen
        (its photos will replace that file, said so); without one, said that nothing is there to replace.
        False when the message says no wrong file or names no item of the list."""
        materials = self.checklist()
        if not self.in_stage() or not _WRONG_FILE.search(canonical(text)) or not 1 <= number <= len(materials):
            return False
        material = materials[number - 1]
        if _DELETE_WORD.search(text) and self.withdraws_file_of(material):  # "撤回刚才那个结婚证 传错了": taken back
            return True
        if self.file_of(material.code):
            self.select_material(material)
        else:
            self.say(render.nothing_uploaded_for(number, material.name), render.continue_with(self.resume_prompt()))
        return True

    def intent_delete_item(self, call: Any) -> None:
        """"删掉第5项": the checklist follows from the answers, so an item cannot be struck off;
        say what can be done instead."""
        named, material = self.item_called(call)
        if named and material is not None and self.withdraws_file_of(material):
            return
        if named and material is not None and _WRONG_FILE.search(canonical(call.text or "")) \
                and (self.record().get("materials") or {}).get(material.code, {}).get("sha256") \
                and material.code in lifecycle.replaceable(self.record()):
            # "结婚证传错了 要删掉": the file sent is wrong, not the item: how to replace or delete that file
            number = next(i for i, m in enumerate(self.checklist(), 1) if m.code == material.code)
            self.say(render.wrong_file_of_item(number, material.name), render.continue_with(self.resume_prompt()))
            return
        if named:
            asked_by = catalogue().asked_by(material.code, self.answers) if material else []
            if len(asked_by) > 1:  # 子女人数 decides the child's papers, not the business type that allows them
                asked_by.remove("business_type") if "business_type" in asked_by else None
            self.say(render.cannot_delete_item(material.name if material else None,
                                               [flow.QUESTIONS[f].label for f in asked_by if f in flow.QUESTIONS]))

    def item_called(self, call: Any) -> tuple[bool, Material | None]:
        """The material a command names by number or name. A number past the end of the list is
        answered here with how many there are (and the list): (False, None)."""
        materials = self.checklist()
        if not isinstance(call.item, int):
            return True, self.material_named(call.text)
        if not 1 <= call.item <= len(materials):
            self.say(render.no_such_item(call.item, len(materials)),
                     render.checklist_text(materials, self.record().get("materials")))
            return False, None
        return True, materials[call.item - 1]

    def intent_history(self, _: Any) -> None:
        self.effects.append(ListHistory())


def pages_added(text: str) -> bool | None:
    """The reply to "A. 追加 / B. 替换" (``ADD_OR_REPLACE``): True to add the pages, False to replace the file, None
    when it says neither or both, or asks."""
    said = canonical(text).strip()
    if (letter := _OPTION_LETTER.match(said)) is not None:
        return letter[1].upper() == "A"
    if asks(match_form(said)):
        return None
    if _NOT_ADDING.search(said) is not None:
        return None
    kept = _NOT_REPLACING.search(said) is not None
    added = kept or _ADD_PAGES.search(said) is not None
    replaced = _REPLACE_PAGES.search(_NOT_REPLACING.sub("", said)) is not None
    return added if added != replaced else None
