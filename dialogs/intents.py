"""Commands an applicant can type at any step, and the words people use for them."""
from __future__ import annotations

import re
from collections.abc import Iterable

from dialogs.text import canonical, to_simplified

INTENTS: dict[str, tuple[str, ...]] = {
    "back": ("返回", "上一步", "后退", "返回上一步", "回到上一步", "退回上一步", "back"),
    "progress": ("进度", "查进度", "查询进度", "办理进度", "我的进度", "查看进度", "状态", "progress", "status", "update", "updates"),
    "help": ("帮助", "help", "菜单", "怎么用", "使用说明", "指令"),
    "pause": ("暂存", "保存", "先保存", "稍后继续", "下次再说", "改天再说", "以后再说", "先这样", "暂停"),
    "restart": ("重新开始", "重来", "从头开始", "重新办理", "重新填写", "重新填"),
    "withdraw": ("撤回", "撤销", "撤回申请", "撤销申请", "取消申请", "不办了", "我不办了"),
    "human": ("人工", "人工客服", "转人工", "客服", "找人工", "真人", "人工服务", "human", "agent", "human agent",
              "投诉", "我要投诉", "投诉你们"),  # a complaint is for a person to hear
    "start": ("办理", "开始", "开始办理", "我要办理", "办理积分",
              "再办一个", "再办一次", "再申请一次", "办新的", "新申请"),  # after a finished one: the next
    # coming back after a pause: never an answer to the question waiting
    "resume": ("继续", "继续办理", "我又来了", "我回来了", "又来了", "接着办", "接着来", "接着填", "继续填", "继续吧"),
    # the material stage (dialogs/materials_stage.py)
    "checklist": ("材料清单", "清单", "我的清单", "查看清单", "看清单", "我的材料", "还差什么", "还缺什么", "还差哪些",
                  "还缺哪些", "还差什么材料", "还缺什么材料", "还需要什么材料",
                  # back to the list, not a step back in the answers (which would reopen the summary)
                  "返回清单", "回到清单", "回清单", "返回材料清单", "回到材料清单", "返回列表", "回到列表", "list", "checklist"),
    "upload": ("网页上传", "上传", "上传链接", "上传页面", "上传网页", "链接", "上传pdf", "pdf", "电脑上传"),
    "finish_photos": ("完成", "好了", "发完了", "传完了", "拍完了", "就这些", "上传完成", "done", "finished"),
    "cancel": ("取消", "不传了", "换一项", "cancel"),
    "drop_photo": ("删除上一张", "删掉上一张", "删除最后一张", "撤回上一张", "去掉上一张", "不要上一张", "上一张不要",
                   "上一张发错了", "上一张拍错了", "发错了", "拍错了", "传错了", "拍糊了", "发错照片了", "拍得不清楚"),
    "retake": ("重拍", "重新拍", "全部重拍", "重新拍照", "都重拍", "重新发"),
    "submit": ("提交", "提交审核", "提交材料", "提交预审", "确认提交"),
    "confirm_application": ("确认申办信息", "确认申办", "申办信息无误", "申办信息正确"),
    "history": ("历史", "历史记录", "办理记录", "已完成", "以前的申请", "办理历史"),
    # a request to erase one's data taken back (after "删除我的个人信息")
    "keep_data": ("不删了", "不用删了", "别删了", "不要删了", "先别删", "不删除了", "撤回删除", "取消删除", "信息不删了"),
    # small talk: answered kindly, never taken for a wrong answer or a question the bot failed
    "greet": ("你好", "您好", "你好啊", "在吗", "在不在", "有人吗", "hi", "hello", "哈喽", "嗨", "喂", "早上好", "上午好",
              "中午好", "下午好", "晚上好", "早安", "老师好", "你们好"),
    "thanks": ("谢谢", "谢了", "谢谢你", "谢谢您", "感谢", "多谢", "非常感谢", "辛苦了", "thanks", "thank you", "thx"),
}
DISPUTE_PREFIXES = ("申办信息有误", "信息有误", "申办信息错误")
EDIT_PREFIXES = ("修改", "更改", "更正", "改一下", "改")
# Asking to be waited for ("等下 我去找下材料", "稍等哈", "晚点再看"): small talk, which where the answers are
# shown for confirming (or the consent asked) means a pause, not the same request again.
WAITING = re.compile(r"等|稍|一会|回头|晚点|晚些")
KEEP_WORDS = frozenset({"保持", "不变", "不改", "不用改", "保持不变", "跳过修改"})
CONFIRM_WORDS = frozenset({"确定", "确认", "是", "是的", "对", "好", "好的", "ok", "yes", "y", "1"})
# What people reply to a yes/no, consent or confirmation question, or to acknowledge. Sent where a
# name is asked, such a word is the previous answer sent twice (a double tap, a delayed message) or
# an "okay", never a name.
REPLY_WORDS = CONFIRM_WORDS | KEEP_WORDS | {"同意", "我同意", "不同意", "否", "不是", "没有", "无误", "没问题",
                                            "嗯", "嗯嗯", "哦", "哦哦", "知道了", "明白", "明白了", "收到", "了解",
                                            # a yes to "您的姓名是“李娜”吗？" is never a name either (review2)
                                            "对的", "没错", "正确", "对头", "对呀", "对啊", "是她", "是他", "是的是的"}

# Words said around an English command that change nothing in it.
# Singapore and Malaysia English end a sentence with particles that add no meaning to it ("ok done lah", "can liao").
ENGLISH_FILLERS = frozenset({"ok", "okay", "yes", "please", "pls", "all", "now", "any", "just", "i'm", "im", "i", "am",
                             "lah", "leh", "lor", "liao", "meh"})
_ENGLISH = re.compile(r"[a-z' ]+\??")
_TRAILING = re.compile(r"[\s。.!！~～]+$")
# A message of emoji alone: WeChat's own (sent as "[微笑]" or "/::)"), or Unicode ones. It answers
# nothing and asks nothing, so it is acknowledged rather than taken for a wrong answer. Not ❶–➓ among the
# dingbats: those are numbers (dialogs/text.py). The clocks and media keys of the technical block (⌚ ⏰ ⏳ ⏩) are emoji too.
_EMOJI_ONLY = re.compile(r"(?:\[[\u4e00-\u9fffA-Za-z]{1,8}\]|/:[^\s/]{1,8}|[\U0001F000-\U0001FAFF\u2600-\u2775\u2794-\u27BF\u2B00-\u2BFF"
                         r"\u231A\u231B\u2328\u23CF\u23E9-\u23F3\u23F8-\u23FA\uFE0F\u200D\u20E3\U0001F3FB-\U0001F3FF]|\s)+")
_WANT = re.compile(r"^(?:我(?:要|想)|想要?|要|请帮我|帮我|麻烦)")
_DONE = re.compile(r"^(?:好|完)?(?:了|啦|咯|喽|过)")
_CHANGE_TO = re.compile(r"(?:把)?\S{1,8}?(?:要)?(?:改成|改为|换成|更改为|修改为|更正为|变更为)")
# What was changed into newly taken photos or a clearer copy ("都换成新拍的了", "换成清楚的了"): the photos of a material
# replaced, no answer of the form changed (dev20: read as an edit at a return, the resubmission refused).
_PHOTOS_RENEWED = re.compile(r"(?:改成|换成)了?(?:新拍|重拍|重新拍|新的|清楚|清晰|新照片|高清|彩色|原件)")
_LOOKUP = {word.lower(): name for name, words in INTENTS.items() for word in words}


# Commands whose own words after a "我要" ask for them; not "start" and the like, whose words
# ("我要新申请") choose a business type where it is asked.
_ASKED_FOR = frozenset({"upload", "checklist", "history", "progress"})
_PARTS = re.compile(r"[\s,，。.!！~～]+")


def says_yes(text: str, *, command: str | None = None) -> bool:
    """Whether ``text`` is a yes to what was offered (``command``, when a command is to be
    confirmed): yes words and that command's own words only ("确定", "是的 重新开始"); anything
    else is a no."""
    parts = [part for part in _PARTS.split(canonical(text).lower()) if part]
    return bool(parts) and all(part in CONFIRM_WORDS or command is not None and _LOOKUP.get(part) == command
                               or command is not None and _LOOKUP.get(_AFTER_YES.sub("", part)) == command
                               for part in parts)


# A yes to the one option offered (not "1": a number there is an option's own, chosen by the question's parser).
_YES_TO_OFFER = (CONFIRM_WORDS - {"1"}) | {"嗯", "嗯嗯", "对的", "对对", "对对对", "是滴", "没错", "就是", "就是这个",
                                         "是这个", "可以", "行", "好滴", "嗯对", "嗯是的", "对啊", "是啊", "嗯呢"}


def yes_to_offer(text: str) -> bool:
    """Whether ``text`` says yes to the one option the last reply offered ("您说的可能是：2.…"): yes words only."""
    parts = [part for part in _PARTS.split(canonical(text).lower().rstrip("。.!！~～")) if part]
    return bool(parts) and all(part in _YES_TO_OFFER for part in parts)


# A yes said with the command it confirms, in one breath ("确定要重新开始", "对 我要重新开始").
_AFTER_YES = re.compile(r"^(?:确定|确认|是的?|对的?|好的?)(?:我?(?:要|想|就))?")


# Submitting for review is asked for in its own words, in a clause of its own; "传完了", "都弄好了", which the
# model reads as the submit command too, say the uploading is done, and are answered with how to submit (a
# submitted application waits for the reviewers, changes stop). The clause is the request whole ("那就交了吧",
# "麻烦重新交上去", "给我递上去审核"), never words inside another ("社保的我重新交了", "劳动合同要重新交一次"), and
# nothing but thanks follows it ("那就交了吧 不对 等等", "直接交吧 还有问题吗": taken back, or more to say).
_SUBMIT_LEAD = r"(?:好的?|行吧?|那|那就|就|就这么|直接|麻烦|请|帮我|你帮我|侬帮我|给我|我要|我想|现在|确认|再|重新)*"
_SUBMIT_VERB = r"(?:提交|送审|递交|上交|交上去|递上去|交|submit)"
_SUBMIT_TAIL = r"(?:一次|一下|审核|预审|材料|上去|了吧|吧|啦|呗)*"
_SUBMIT_CLAUSE = re.compile(rf"{_SUBMIT_LEAD}(?:{_SUBMIT_VERB}{_SUBMIT_TAIL})+", re.IGNORECASE)
_THANKS_AFTER = re.compile(r"谢谢|谢了|多谢|辛苦了|麻烦了|thanks|thx", re.IGNORECASE)


def submit_said(text: str) -> bool:
    """Whether ``text`` asks for the application to be submitted in a clause of its own, with only thanks
    after it."""
    parts = [part for part in _PARTS.split(canonical(text)) if part]
    said = [i for i, part in enumerate(parts) if _SUBMIT_CLAUSE.fullmatch(part)]
    return bool(said) and all(_THANKS_AFTER.fullmatch(part) for part in parts[said[-1] + 1:])


# Words that speak of submitting anywhere in a message ("可以再交了吗", "交一下要多久"): for a question about it,
# which is answered and submits nothing.
SUBMITTING = re.compile(r"提交|送审|递交|上交|交上去|递上去|(?:再|重新)交|交(?:一次|一下)|submit", re.IGNORECASE)
# Commands that cannot be taken back, and whether a message says them in their own words (then they are run).
SAID_IN_ITS_WORDS = {"submit": submit_said}


# Commands the applicant cannot take back in chat (a submission, the confirmation of 申办信息, photos dropped,
# a request to withdraw or to erase one's data): never run from a message that refuses or puts them off
# ("我确认不了 先等等", "先别提交", "不要取消 我还要拍", "等我看一下系统里的信息再确认"). Each has the verbs
# that say it; a refusal is one of these right before the verb ("别确认", "先不撤回", "不要删"), a verb that
# cannot be done ("确认不了", "确认个毛线"), or the whole message asking to wait or saying it is not ready
# ("等等", "还没核对完", "我再看看").
_IRREVERSIBLE_VERBS = {
    "submit": r"提交|送审|递交|上交|交",
    "confirm_application": r"确认|确定",
    "withdraw": r"撤回|撤销|撤",
    "cancel": r"取消",
    "erase": r"删除?|清除|清空",
    "drop_photo": r"删除?|去掉",
    "retake": r"重拍|重新拍|重新发",
    # An item struck off the checklist is never done at all; refused ("不要删 第2项拍的没问题"), it needs no
    # word on why it cannot be.
    "delete_item": r"删除?|删掉|去掉",
}
# (Not the 不 of a question's 能不能, 要不要, 可不可: "能不能帮我撤回" asks for it.)
_REFUSING = r"(?<![能要可])(?:别|不|不要|不用|不想|不能|没法|无法|甭|先不|暂不|暂时不|还不|先别|千万别)"
_PUT_OFF = re.compile(r"等等|等一下|等一等|等下|等会|等我|稍等|先等|还没|没看|没核对|没登录|没登陆|再看看|先看看|看一下再"
                      r"|晚点|晚些|回头再|以后再|改天|过会|一会儿?再|再说|先放着"
                      # a later day before 再 ("等明天再确认", "过两天再提交": try21 X58); a day alone is no wait
                      r"|(?:明天|明早|明晚|后天|过两天|过几天|下周|周末|下班)\S{0,3}?再")


# Each command's refusal: a refusing word right before its verb ("先别提交"), or its verb not to be done ("确认不了").
_HELD_BACK = {command: re.compile(rf"{_REFUSING}(?:先|再|急着|着急|帮我|给我|马上|现在|就)?(?:{verbs})"
                                  rf"|(?:{verbs})(?:不了|不来|不下去|个毛线|个屁|个鬼|个啥|什么啊)")
              for command, verbs in _IRREVERSIBLE_VERBS.items()}


def held_back(command: str, text: str) -> bool:
    """Whether ``text`` refuses or puts off ``command``, one of the commands that cannot be taken back."""
    refused = _HELD_BACK.get(command)
    if refused is None:
        return False
    said = canonical(text)
    # A deletion is refused by its words alone: it is never done, so there is nothing to wait before
    # ("第5项还没传 能删掉吗" asks to strike it off).
    return bool(refused.search(said) or command != "delete_item" and _PUT_OFF.search(said))


# Okays said beside a keep word ("对的 保持", "没错，不用改"): they keep the answer shown with it.
_OKAYS = CONFIRM_WORDS | {"对的", "没错", "没问题", "无误", "嗯", "嗯嗯", "行", "可以", "就这样", "不用了"}


# A keep word said with a change of mind around it ("算了不改了", "还是不用改了吧"): the keep word (try15 T50).
_KEPT_SAID = re.compile(r"^(?:算了|那|那就|还是)+(?=不)|(?<=改|变)(?:了|啦)?(?:吧|哈)?$")


def keeps(text: str) -> bool:
    """Whether ``text`` keeps the answer shown again: a keep word, alone or among okays."""
    parts = [_KEPT_SAID.sub("", part) or part for part in _PARTS.split(canonical(text).lower()) if part]
    return any(part in KEEP_WORDS for part in parts) and all(part in KEEP_WORDS or part in _OKAYS for part in parts)


def without_wanting(text: str) -> str:
    """``text`` without the "我要", "我想", "帮我" people put before what they ask for."""
    return _WANT.sub("", text)


# The few commands understood in English everywhere (issue 15): a short sentence naming one of them
# ("can i talk to a human", "upload link pls", "what's my status") is that command.
_ENGLISH_COMMANDS = {"human": "human", "person": "human", "agent": "human", "someone": "human", "help": "help",
                     "progress": "progress", "status": "progress", "update": "progress", "updates": "progress",
                     "back": "back", "upload": "upload"}
# Not for a negation, nor for a question of how or where ("how do I upload a pdf?"): those get the
# English note and the offer of 人工, which can explain.
_ENGLISH_NOT = frozenset({"no", "not", "don't", "dont", "never", "without", "how", "where", "which", "why", "explain"})
SHORT_ENGLISH = 8  # words: longer English is more than a command, for the English note and 人工


# The words of a request around the command word; a sentence with any other word says more than
# the command ("i need help with my id card") and gets the note and the offer of 人工.
_ENGLISH_REQUEST = frozenset({"can", "could", "may", "talk", "speak", "to", "with", "a", "an", "the", "my", "me",
                              "want", "need", "like", "would", "is", "what", "what's", "whats", "show", "check",
                              "go", "link", "get", "give", "send", "let", "page", "real", "there", "thanks"})


def _english_command(words: list[str]) -> str | None:
    named = {_ENGLISH_COMMANDS[word] for word in words if word in _ENGLISH_COMMANDS}
    if len(named) != 1 or len(words) > SHORT_ENGLISH or _ENGLISH_NOT & set(words):
        return None
    if any(word not in _ENGLISH_COMMANDS and word not in _ENGLISH_REQUEST for word in words):
        return None
    return named.pop()


def exact_intent(text: str) -> str | None:
    """The command (or small talk) a message is when it is one of its words said alone: exact."""
    value = _TRAILING.sub("", canonical(text)).lower()
    if value in _LOOKUP:
        return _LOOKUP[value]
    if _ENGLISH.fullmatch(value):  # "ok done", "any update?": a command word among English fillers
        said = " ".join(word for word in value.rstrip("?").split() if word not in ENGLISH_FILLERS)
        if said in _LOOKUP:
            return _LOOKUP[said]
        return _english_command(said.split())
    if _EMOJI_ONLY.fullmatch(text.strip() or "-"):
        return "emoji"
    return None


# Asking for one's personal data to be erased (PIPL): all of one's information deleted, or the account
# closed — not one wrong answer ("把错的信息删了重新填"), a photo or an item ("删除上一张", "删掉第5项").
_ONES = r"(?:我的|我|个人|所有|全部|全部的|所有的)+(?:的)?(?:个人)?(?:信息|资料|数据)"
# Giving up the application, then everything deleted ("不想办了 全部删掉", "不弄了 统统给我清了"): all of it is the
# applicant's data, not one photo or item (try20 W26: out of scope).
# Never a fresh start said after it ("不弄了 都删了重新来", "全删了重拍", "都删了 重新填积分新办"): starting again, retyping or
# retaking photos is no erasing of one's data (review6 P2).
_QUIT_THEN_ALL_DELETED = r"(?:不想|不打算|不准备|不|不要)(?:再)?(?:办|弄|申请|搞|整|做)了?[\s,，。!！]*(?:那就|就|麻烦|请)?(?:把|给我把)?" \
                         r"(?:它|这些|这个|申请|东西)?(?:全部|全都|统统|通通|都|全)(?:给我|帮我)?(?:删|清)(?!.*重(?:新|来|拍|填|做|办|传|弄))"
_ERASE = re.compile(rf"(?:删除|删掉|删了|清除|销毁)\S{{0,2}}?{_ONES}|{_ONES}\S{{0,2}}?(?:都|全)?(?:删除|删掉|删了|清除|销毁)|"
                    rf"(?:信息|资料|数据)(?:都|全)(?:删|清除)|^注销|{_QUIT_THEN_ALL_DELETED}")
# Changing one's mind right after asking for it, as the whole message: "算了还是办吧", "那不删了", "我还要办积分".
# Never a message that still asks for the erasing ("算了 全部删掉吧", "怎么还不删", "先撤回申请再删吧").
_LEAD = r"(?:算了|nvm|never ?mind|没事了?|那|哦|嗯|好吧)?[\s,，]*"
_NOT_ERASED = r"(?:先)?(?:不|别|不用|不要)删(?:了|除了)?(?:吧)?"
_TAKE_BACK = rf"{_LEAD}(?:(?:我)?(?:还是|继续|接着|还要|要)(?:继续)?办(?:理|积分|下去)?(?:吧|了吧|了)?|{_NOT_ERASED})"
CHANGED_MIND = re.compile(rf"{_TAKE_BACK}(?:[\s,，]+{_TAKE_BACK})*")  # "嗯 不删了 继续办"
# …and at any time: "算了不删了" takes back a request to erase (with none made, it is a never-mind).
_KEEP_DATA = re.compile(rf"{_LEAD}{_NOT_ERASED}")
# While a request to erase is open, a clause that takes it back in any words (try13 T44: "不删了 我还是要办" was read
# as a photo not to delete, and support kept a task to erase the applicant's data): not to erase ("先别删我的信息",
# "不想删了"), to go on ("我还是要办", "还要继续申请"), or the data to stay ("信息留着吧").
_NOT_ERASED_ANY = r"(?:我)?(?:先|暂时|还是)?(?:不|别|不用|不要|不想|不必)(?:删|删除|清除|清空|注销)(?:了|除了)?(?:我的|我)?(?:信息|资料|数据)?(?:了)?"
_GO_ON = (r"(?:我)?(?:还是|继续|接着|还要|还想|要|想)(?:要|想|继续|接着)?(?:办|申请|弄|填|办理)(?:理|积分|下去|完|的)?"
          r"(?:吧|了吧|了|的)?")
_DATA_KEPT = r"(?:我的)?(?:信息|资料|数据)(?:先|还是)?(?:留着|保留|别动|不动)"
_ERASING_TAKEN_BACK = re.compile(rf"{_LEAD}(?:{_NOT_ERASED_ANY}|{_GO_ON}|{_DATA_KEPT})(?:吧|啦|哈|呀|啊)*")


def asks_to_erase(text: str) -> bool:
    """Whether ``text`` (canonical) asks for one's personal data to be erased ("把我的信息都删掉")."""
    return _ERASE.search(text) is not None


def takes_back_erasing(clause: str) -> bool:
    """Whether ``clause`` (a clause of a message, canonical) takes back a request to erase one's data made before."""
    return _ERASING_TAKEN_BACK.fullmatch(clause.strip("。.!！~ ")) is not None and not _ERASE.search(clause)


# Taking back a request for a person ("之前那个人工客服我不需要了", "不用转人工了"), as the whole message: support
# is told on the same escalation, never reminded of it. Never what support said ("客服说结婚证不用了"), a
# question ("人工客服不需要了吗") or a message that asks for more ("不要人工了 把我的信息都删了").
_PERSON = r"(?:之前|刚才|刚刚)?(?:那个)?(?:人工|客服|真人)(?:客服)?(?:那个)?"
_NOT_NEEDED = r"(?:暂时|先|就)?(?:不需要|不用|不要|不找)了?"
# (try13 T45: "不用人工了 我自己重传就行" and "取消人工" were taken as one more request for a person: what the applicant will
# do instead is any "我自己…" clause, and the request is cancelled in those words too.)
_NO_HUMAN = re.compile(rf"{_LEAD}(?:{_PERSON}(?:我)?{_NOT_NEEDED}|(?:我)?(?:暂时|先)?(?:不需要|不用|不要|不找|不用转|不转)"
                       rf"{_PERSON}了?|(?:我)?(?:先)?(?:取消|撤回|撤销)(?:转)?{_PERSON}(?:服务|请求)?|{_PERSON}(?:服务|请求)?(?:先)?(?:取消|撤回|撤销)了?)"
                       r"(?:吧|啦)?(?:[\s,，]*(?:我?自己(?:来|弄|搞|办|填|弄得来|搞得定|能搞定|可以|看看|[\u4e00-\u9fff]{1,4}?(?:就行|就好|就可以|可以|好了))(?:了|的)?(?:吧|啦)?|"
                       r"我?(?:继续|接着)(?:填|办|弄|往下)?(?:了|的)?(?:吧|啦)?|谢谢|谢了))?")


# Asking how far one got ("我上回填到哪了", "前几天弄到哪一步啦", "申请审到哪一步了"), as the whole message: the
# progress — where one is and what is left — never a knowledge-base answer, an edit or a bare "welcome back".
# ("刚才说到哪了" picks the conversation up again: ``resume``.)
_HOW_FAR = re.compile(r"(?:我|俺|我们)?(?:之前|上次|上回|前面|前几天|那天|昨天|以前|上一次|刚才|刚刚|目前|现在)?(?:我|俺|我们)?(?:的)?"
                      r"(?:申请|积分|材料|这个|那个)?(?:已经|都)?(?:办|弄|填|做|搞|整|进行|审|走)到(?:了)?"
                      r"(?:哪|哪儿|哪里|哪一步|哪步|什么地方|啥地方|什么程度|哪个环节)(?:一步)?(?:了|啦|呀|呢|啊|嘞)*[?？]*")


# What follows 改 when another material is to be photographed or uploaded instead ("改拍居住证", "改传户口本"): the item
# chosen, no answer edited (nlu33).
_SENT_INSTEAD = re.compile(r"(?:拍|传|上传)(?=\S)")


def match_intent(text: str) -> tuple[str, str] | None:
    """``(intent, argument)`` for a command, e.g. ("edit", "手机号码"); None for anything else.
    An edit's argument keeps its case: it may carry the new value ("修改邮箱为 Zhang@Example.com")."""
    exact = exact_intent(text)
    if exact is not None:
        return exact, ""
    said = without_wanting(_TRAILING.sub("", canonical(text)))  # "我要改单位" is "改单位"
    value = said.lower()
    if said != text and _LOOKUP.get(value) in _ASKED_FOR:  # "我要上传页面": the command's own words, asked for
        return _LOOKUP[value], ""
    if _KEEP_DATA.fullmatch(value):
        return "keep_data", ""
    if _HOW_FAR.fullmatch(value):
        return "progress", ""
    if _ERASE.search(value):  # "不办了 你把我信息都删了": the applicant's right to have their data erased
        return "erase", ""
    if _NO_HUMAN.fullmatch(value):
        return "no_human", ""
    for prefix in DISPUTE_PREFIXES:
        if value.startswith(prefix):
            return "dispute", said[len(prefix):].strip(" :：,，")
    for prefix in EDIT_PREFIXES:
        if value.startswith(prefix):
            rest = said[len(prefix):].strip(" :：")
            # "改" alone is too short to be sure unless what follows names a field; the engine checks.
            # "改好了", "改完了", "改了信息以后清单没变" say a change was made, not which one to make.
            # "改拍居住证", "改传户口本": another material photographed instead, never an answer's edit; "要改的都重新拍过了":
            # 改的 is what was to be changed, done, no change asked for (dev20)
            if (prefix != "改" or rest) and not _DONE.match(rest) and not (prefix == "改" and _SENT_INSTEAD.match(rest)) \
                    and not rest.startswith("的"):
                return "edit", rest
    if _CHANGE_TO.match(value) and not _PHOTOS_RENEWED.search(value):  # "手机号码改成1390…": the item first, its new value after
        return "edit", said.removeprefix("把")
    return None


# Between an item's name and its new value: what joins them, after what says the old one is wrong ("名字弄错了
# 是李秀兰", "单位写错了，应该是…", "名字我填错了", "婚姻状况选错了", "手机号不是这个，是…"; Cantonese 係 is 系 in the
# matching form, 唔啱 "not right"); a count's measure word after the item's name first ("孩子数写错了 应该是1个").
_NEW_VALUE_LEAD = re.compile(r"^(?:个?数|人数|数量)?[\s:：,，]*(?:的)?(?:(?:(?:我|俺)?(?:刚才|刚刚|之前|前面|上面|一开始|那会)?(?:也|又)?(?:弄|写|填|打|搞|输|记|录|选)?(?:错|不对|唔啱|有误)(?:了|啦|咗)?"
                             r"|不是(?:这个|这|那个|那)(?:号|号码)?)"
                             r"[\s:：,，。.!！]*)?(?:应该|应)?(?:要)?"
                             r"(?:改成|改为|换成|改回|换回|更改为|修改为|更正为|变更为|为|是|系|係|叫|成)?[\s:：,，]*")
# What points at the item and asks to change it, with no new value ("那项改一下", "这栏要重新填").
_ONLY_THE_CHANGE = re.compile(r"(?:那|这)?(?:一)?(?:项|栏|个|里|块|部分)?(?:帮我|麻烦|我)?(?:要|想|得)?"
                              r"(?:改|修改|更改|换|变|重填|重新填|重选|重新选)(?:下|了)?")
# The words turning the item into its new value, after other words about the change ("要改一下，改成…", "改下 换成…"):
# the last one, so the value is what follows it.
_TURNED_INTO = re.compile(r"(?:改成|改为|换成|换为|更改为|修改为|更正为|变更为)[\s:：]*(?!.*(?:改成|改为|换成|换为|更改为|修改为|更正为|变更为))")
_NEW_VALUE_TAIL = re.compile(r"[\s,，]*(?:吧|呢|啊|呀|一下)$")


def value_after_name(arg: str, names: Iterable[str]) -> str:
    """What follows an item's name in an edit's argument, without the words joining them
    ("手机号码改成1390…" → "1390…"); "" when only the item is named. The words are found in simplified
    characters ("姓名錯了，應該是陳志明") and cut from the text as typed."""
    simple = to_simplified(arg)
    lowered = (simple if len(simple) == len(arg) else arg).lower()
    for name in sorted((n.lower() for n in names), key=len, reverse=True):
        at = lowered.find(name)
        if at >= 0:
            rest = at + len(name)
            lead = _NEW_VALUE_LEAD.match(lowered[rest:])
            value = arg[rest + (lead.end() if lead else 0):]
            if (into := _TURNED_INTO.search(value)) and value[into.end():].strip():
                value = value[into.end():]  # "名字要改一下，改成李四": the value is what it is turned into
            tail = _NEW_VALUE_TAIL.search(value)
            value = (value[:tail.start()] if tail else value).strip()
            return "" if _ONLY_THE_CHANGE.fullmatch(value) else value  # "配偶那项改一下": the item, no value
    return ""
