"""Regional Chinese as Mandarin says it, word for word, on simplified text: the classifier reads answers in it
(dialogs/understanding/features.py) and the knowledge base questions (knowledge/normalize.py), so both
meet an applicant who writes as they speak."""
from __future__ import annotations

import re

from knowledge.stickers import WECHAT_STICKERS


# Cantonese function words as Mandarin says them, character for character (a value cut from the
# matching form keeps its place in the text): 冇 没, 唔 不, 係/系 是 where it is the verb ("我系",
# "系咪", "系，…"), 喺 在, 嘅 的, 咗 了, 佢 他, 喇 啦, 咩 啥, 仔女 子女, 乜嘢 什么, 点解 为何, 点样 怎样, 边度 哪里,
# 唔使 不用 ("唔使喇 冇邮箱"), 做嘢 做事 ("喺…公司做嘢"), 仔 for a child counted or denied (冇仔, 两个仔),
# 啩 吧 (a guess wanting a yes: "应该系应届生加分啩"), 睇 看 and 点 before a verb 怎么 ("点睇", "点交"), 嘢 东西 left alone,
# 嚟 来 ("由湖南嚟上海") and 俾 给 ("俾公司交材料"; Mandarin writes 俾 only in 俾使, 俾便).
# The words go first: 唔使 is not 不使.
# And dev15's (nlu25): 哋 们 ("你哋"), 啱 对, 揀 (拣 simplified) 选, 乜 啥 ("系乜"), 啲 些 ("多啲"), 几耐 多久, 几多 多少, 呢个/呢度 这个/这里,
# 使唔使 用不用, 等阵 等会, 细路 and 细佬哥 小孩 (细佬 alone is a younger brother: left), 出世纸 出生证明, 成日 整天, 返学校 回学校,
# 嗰 (𠮶 simplified) 那, 最尾 最后, 定系 还是 between two ways (not 一定系, 肯定系: surely is), 仲 还 (not 仲裁, 仲介, 伯仲), and 影 拍 where it photographs: before 得/相/证/极/定/住/唔/咗/张 or ending a clause, or after
# 住/度/去/点/再/重 ("手机影得清唔清", "边度影", "横住影"; not 影响, 电影, 合影), its 相 then 照 ("证件相" 证件照).
_CANTONESE = str.maketrans("冇唔喺嘅咗佢喇啩咩睇嚟俾哋啱拣乜啲嗰𠮶", "没不在的了他啦吧啥看来给们对选啥些那那")
_CANTONESE_WORDS = (("仔女", "子女"), ("乜嘢", "什么"), ("点解", "为何"), ("点样", "怎样"), ("边度", "哪里"),
                    ("系咪", "是否"), ("使唔使", "用不用"), ("唔使", "不用"), ("做嘢", "做事"), ("冇仔", "没娃"), ("个仔", "个娃"),
                    ("细人仔", "小孩子"),  # Hakka: "冇细人仔"
                    ("几耐", "多久"), ("几多", "多少"), ("呢个", "这个"), ("呢度", "这里"), ("等阵", "等会"),
                    ("细佬哥", "小孩子"), ("细路", "小孩"), ("出世纸", "出生证明"), ("成日", "整天"), ("返学校", "回学校"),
                    ("证件相", "证件照"), ("最尾", "最后"),
                    ("嘢", "东西"))
# 点 asking how, before a verb ("点睇", "点交"): not the "a little" of 一点/有点/快点 ("一点办法都没有").
_CANTONESE_HOW = re.compile(r"(?<![一有差快早晚慢])点(?=[睇交办填做拣选影拍改算写])")
# 系 is 是 after a pronoun, a denial or an adverb, and opening a message (not 系统, 系列, 系数), and before what it asks
# ("系乜", "系咩", "系边个", "系唔系": read after 乜 and 唔 are 啥 and 不); a 系 after a noun stays (关系, 中文系, 联系).
_CANTONESE_IS = re.compile(r"(?<=[我你他她不佢也都就仲历])系|^系(?![统列数里])|系(?=不系|啥|边|哪|几)")
# 边 asking which before a measure word ("系边个", "有边啲", "揀边样"): 哪; not a side's 边 (这边个人, 旁边, 左边, 身边).
_CANTONESE_WHICH = re.compile(r"(?<![这那旁左右两里外身上下东西南北前后一半周海河江岸路街])边(?=个|啲|间|位|样|种|张|份|项|次)")
_CANTONESE_STILL = re.compile(r"(?<!伯)仲(?![裁介夏秋春冬])")
_CANTONESE_OR = re.compile(r"(?<![一肯确决])定系")
_CANTONESE_SHOOT = re.compile(r"(?<![电合摄录阴倒背身人投缩剪踪光留])影(?=[得相证极定住唔咗张]|$|[\s,，。?？])"
                              r"|(?<=[住度去点再重])影(?![响视院子片像印星迷])")
_CANTONESE_CHARACTER = re.compile("[冇唔喺嘅咗佢喇啩咩仔乜点边系嘢睇哋啱拣啲嗰𠮶最定几呢使等细出成返证仲影嚟俾]")  # one of the above: one C scan


def _word_for_word(simple: str, words: tuple[tuple[str, str], ...]) -> str:
    """``simple`` with each regional word of ``words`` replaced by its Mandarin one, in the table's order (a longer word
    before a word it holds: "多少辰光" before "辰光")."""
    for word, meant in words:
        simple = simple.replace(word, meant)
    return simple


# Minnan and Hakka the same way: Hakka 𠊎 我; Minnan 毋 不 ("毋同意"), 号做 叫做, and 阮 我 and 无 没 where they are
# the pronoun and the verb's denial ("阮无结婚", "阮号做…"), not the surname 阮 or the written 无 ("无" for no e-mail).
_MINNAN_HAKKA = str.maketrans("𠊎毋", "我不")
_MINNAN_I = re.compile(r"阮(?=有|无|欲|不|毋|号做|系|头家)")
_MINNAN_NOT = re.compile(r"(?<=[我阮𠊎])无")
_MINNAN_HAKKA_CHARACTER = re.compile("[𠊎毋阮号]")


def minnan_hakka(simple: str) -> str:
    """``simple`` (already simplified) with Minnan and Hakka function words in Mandarin's, word for word."""
    if _MINNAN_HAKKA_CHARACTER.search(simple) is None:
        return simple
    return _MINNAN_I.sub("我", _MINNAN_NOT.sub("没", simple)).replace("号做", "叫做").translate(_MINNAN_HAKKA)


# Shanghainese (Wu) denials for the answers' reading: 伐, 勿 and 弗 before a verb deny it ("伐要", "勿需要", "弗是"), and
# 晓得 is 知道 ("伐晓得" 不知道); 伐 at the end asks ("好伐", "对伐") and 请勿/切勿 are Mandarin: both left as they are.
_WU_NOT = re.compile(r"(?<![请切])[伐勿弗](?=要|需|用|晓得|知道|是|对|填|写|留|加|有|会|想|能|可以|清楚|来事|搭界|结婚)")


def shanghainese(simple: str) -> str:
    """``simple`` (already simplified) with Shanghainese denials and 晓得 in Mandarin's."""
    return _WU_NOT.sub("不", simple).replace("晓得", "知道")


# Southwest Mandarin (Yunnan, Guizhou) and the Northwest's (Qinghai, Gansu), word for word (nlu16, dev10's voices):
# 晓不得 is 不晓得 (不知道: "晓不得选哪样"), 阿么 is 怎么 ("阿么办", "阿么弄").
_SOUTHWEST_NORTHWEST_WORDS = (("晓不得", "不晓得"), ("阿么", "怎么"))


def southwest_northwest(simple: str) -> str:
    """``simple`` (already simplified) with Yunnan, Guizhou, Qinghai and Gansu function words in Mandarin's."""
    if "晓不得" not in simple and "阿么" not in simple:
        return simple
    return _word_for_word(simple, _SOUTHWEST_NORTHWEST_WORDS)


# Northeast, Shandong and Hebei, Tianjin, Hunan and Minnan words (dev14's voices), for the classifier and the knowledge base
# alike: Northeast 咋整 怎么办, 嘎哈 干啥, 唠唠/唠嗑 聊聊/聊天, 整明白 弄明白, 整岔了/整错了 弄错了, 埋汰 脏, 齐活 好了, 贼
# before a feeling or a measure 很 ("贼清楚"; not 盗贼, 贼船); Shandong and Hebei 中不中 行不行; Tianjin 嘛呢 什么
# ("原因嘛呢"), 介个 这个, 介叫 这叫; Hunan 么子 什么, 晓得啵 知道吧; Minnan and Taiwan 酱子/酱紫 这样, 有影无 真的吗, 汝 你
# before what one is or does ("汝真厉害"; not the surname in a name typed alone).
_NORTHEAST_COAST_WORDS = (("咋整", "怎么办"), ("嘎哈", "干啥"), ("唠唠", "聊聊"), ("唠嗑", "聊天"), ("整明白", "弄明白"),
                          ("整岔了", "弄错了"), ("整错了", "弄错了"), ("埋汰", "脏"), ("齐活", "好了"),
                          ("嘛呢", "什么"), ("介个", "这个"), ("介叫", "这叫"), ("么子", "什么"), ("晓得啵", "知道吧"),
                          ("酱子", "这样"), ("酱紫", "这样"), ("有影无", "真的吗"))
_SHANDONG_WHETHER = re.compile(r"(?<!不)中不中")  # not the refusal 不中不中 ("no, no")
_NORTHEAST_VERY = re.compile(r"(?<![盗窃蟊奸山])贼(?=[好清快慢多难麻累棒厉准靠烦])")
_MINNAN_YOU = re.compile(r"汝(?=[真是有要欲好的敢会讲说也])")
_NORTHEAST_COAST_CHARACTER = re.compile("[咋嘎唠整埋齐中嘛介么晓酱有贼汝]")


def northeast_coast(simple: str) -> str:
    """``simple`` (already simplified) with Northeast, Shandong, Hebei, Tianjin, Hunan and Minnan words in Mandarin's."""
    if _NORTHEAST_COAST_CHARACTER.search(simple) is None:
        return simple
    simple = _word_for_word(simple, _NORTHEAST_COAST_WORDS)
    return _MINNAN_YOU.sub("你", _NORTHEAST_VERY.sub("很", _SHANDONG_WHETHER.sub("行不行", simple)))


# Development set 10's voices (nlu17): Anhui and Jianghuai 可照 "all right" (可以; not 可照常, 可照片), and the
# Taiwanese 身分证 (身分證 simplified) for the ID card the checklist calls 身份证.
_JIANGHUAI_ALL_RIGHT = re.compile(r"可照(?![常片相顾着样办])")


def jianghuai_taiwanese(simple: str) -> str:
    """``simple`` (already simplified) with Anhui's 可照 and Taiwan's 身分证 in Mandarin's words."""
    if "照" not in simple and "身分" not in simple:
        return simple
    return _JIANGHUAI_ALL_RIGHT.sub("可以", simple).replace("身分证", "身份证")


# Shanxi, Inner Mongolia, Xinjiang Han and Chongqing function words (dev11's and dev13's voices), for the classifier and
# the knowledge base alike: 甚 什么 ("甚区别", "为甚", "凭甚", "甚时候"; not the Mandarin 甚至, 甚为, 甚少, 太甚, 更甚),
# 咋介 怎么 ("咋介弄"), 俺 我; Shanxi 兀个 那个, 兀搭 and 兀里 那里, 哪搭 哪里, 这搭 这里, 寻不见 找不到 (寻见 找到), 咋闹 怎么办,
# 日怪 奇怪, 夜来 昨天, 额们 我们; Inner Mongolia 尔格 现在; Xinjiang 撒 啥 ending a verb's clause or before a noun
# (要撒, 撒时候; not 撒谎, nor the surname: "我是撒贝宁"), 麻达 问题 ("没麻达" 没问题); Chongqing 勒个 这个, 扯拐 出问题,
# and 切 去 before a place or an errand (切社区, 切窗口; not 切换); and the rhetorical 哪来的 before what is denied, 没有
# ("母胎solo哪来的娃", "早离了 哪来的配偶": none; "这通知哪来的", "哪来的我的电话" still ask where from). A question put so
# meets its entry's words and cues (寻不见 the module not found, 撒时候 when).
_NORTHERN_WHAT = re.compile(r"(?<![太更尤日过欺])甚(?:么)?(?![至为少多微好大远嚣佳广])|(?<=[做为要是有干])撒(?=$|[\s?？呢嘞啊呀吗哩])"
                            r"|撒(?=时候|格式|材料|意思|东西|情况|子)")
_NORTHERN_WORDS = (("咋介", "怎么"), ("俺", "我"), ("兀个", "那个"), ("兀搭", "那里"), ("兀里", "那里"), ("哪搭", "哪里"),
                   ("这搭", "这里"), ("寻不见", "找不到"), ("寻见", "找到"), ("咋闹", "怎么办"), ("日怪", "奇怪"),
                   ("夜来", "昨天"), ("额们", "我们"), ("尔格", "现在"), ("麻达", "问题"), ("勒个", "这个"), ("扯拐", "出问题"))
_NONE_ASKED_WHERE_FROM = re.compile(r"哪来的(?=[\u4e00-\u9fff])(?![我你您他她它这那])")  # "哪来的我的信息" asks
_GO = re.compile(r"(?<![一亲迫密])切(?=社区|街道|窗口|人才|派出所|现场|办|交|问|签)")
_NORTHERN_CHARACTER = re.compile("[甚俺咋哪兀搭寻日夜额尔麻勒扯撒切]")  # 额: 额们 (额 alone 我: shaanxi_sichuan)


def northern(simple: str) -> str:
    """``simple`` (already simplified) with Shanxi, Inner Mongolia, Xinjiang and Chongqing function words, and the
    rhetorical 哪来的, in Mandarin's."""
    if _NORTHERN_CHARACTER.search(simple) is None:
        return simple
    simple = _NONE_ASKED_WHERE_FROM.sub("没有", _word_for_word(simple, _NORTHERN_WORDS))
    return _GO.sub("去", _NORTHERN_WHAT.sub("什么", simple))


# A Japanese returnee's wording around a Chinese answer (dev11): the polite ending is no part of it ("陈美樱です",
# "…と申します"), は after a name's label says 是 ("中文名は周蕾"), and の between words says 的 ("修士（日本の）"). Kana
# alone, never a Chinese character: a message without kana is left as it is.
_JAPANESE_ENDING = re.compile(r"(?:と申します|でございます|です|でした|ます)(?=[\s。．.!！~～]*$)")
_JAPANESE_IS = re.compile(r"(?<=[名前])は")
_JAPANESE_OF = re.compile(r"(?<=[\u4e00-\u9fff])の(?=[\u4e00-\u9fff）)])")
_KANA = re.compile(r"[\u3040-\u30ff]+")
# Japanese words in a question of ours (dev13): its words for ours (初めて 第一次, 流れ 流程, 書類 材料, 提出 提交, 判子 盖章,
# 会社 公司, 帰国 回国, 全体 整个), already simplified (书类; 帰国 is kept by OpenCC), and the kana left between them (the
# particles and endings: を, ください) a space: each kana counted as a word of its own. Its courtesies (お疲れ様です,
# 恐縮ですが) are kana and a word or two, gone with them.
_JAPANESE_WORDS = (("初めて", "第一次"), ("流れ", "流程"), ("书类", "材料"), ("書類", "材料"), ("提出", "提交"),
                   ("判子", "盖章"), ("会社", "公司"), ("帰国", "回国"), ("全体", "整个"), ("担当者", "工作人员"), ("教え", ""),
                   ("恐缩", ""), ("疲れ様", ""))


def japanese(text: str) -> str:
    """``text`` with a Japanese polite ending left out, は and の between Chinese words in Mandarin's, Japanese words
    for ours in ours and the kana left a space."""
    if _KANA.search(text) is None:
        return text
    text = _JAPANESE_OF.sub("的", _JAPANESE_IS.sub("是", _JAPANESE_ENDING.sub("", text)))
    return _KANA.sub(" ", _word_for_word(text, _JAPANESE_WORDS))


# Words misheard by voice input or mistyped by a pinyin IME's wrong candidate (dev12's voices), each with what it means: read
# as the word meant wherever they stand, as the dialects' words are. Each is no word of its own in what applicants write,
# or is guarded where it is one: 同一 (the same) only as a reply ("同一了", "同一"), 通译 (an interpreter) only as one.
MISHEARD = (("居住症", "居住证"), ("据住证", "居住证"), ("局住证", "居住证"),  # 居住证 by voice
            ("神份证", "身份证"),  # 身份证 by voice
            ("设保", "社保"), ("社包", "社保"), ("社宝", "社保"),  # 社保 by voice
            ("血历", "学历"),  # 学历 by voice (before Qingdao's 血 for 很 below)
            ("xin版", "新办"), ("续版", "续办"),  # 新办, 续办 by IME
            ("却认", "确认"),  # queren, 确认 by IME
            ("晚城", "完成"), ("晚成", "完成"),  # wancheng, 完成 by IME
            # Look-alike characters, as handwriting input reads a stroke or two wrong (dev13): none of these is a word
            # of its own, and each has one word it can be. 末婚 is 未婚 (never 已婚: the stroke that differs is 末's).
            ("末婚", "未婚"), ("己婚", "已婚"), ("居往证", "居住证"), ("身价证", "身份证"), ("积份", "积分"),
            ("社报", "社保"), ("学厉", "学历"), ("硕土", "硕士"), ("确队", "确认"), ("完戌", "完成"),
            # A T9 keypad's other word on the same keys (x and y share 9): 积分印版 is 积分新办 (印版 alone is a printing plate)
            ("积分印版", "积分新办"),
            # and dev15's (kb16), each in the domain's word only: 讬 for 托, 若 for 诺, 问 for 同, 薄 for 簿, 洧 for 有
            ("委讬", "委托"), ("承若书", "承诺书"), ("劳动合问", "劳动合同"), ("户口薄", "户口簿"), ("洧效", "有效"),
            # and dev14's: voice input's 新半 (xinban), 居住正, 结昏 (jiehun), 社宝 above; an IME's 确忍 (queren)
            ("新半", "新办"), ("居住正", "居住证"), ("结昏", "结婚"), ("确忍", "确认"),
            # and dev18's pinyin IME's wrong candidates: 密马 for 密码 (mima), 忘计 for 忘记 (wangji), neither a word of its own
            ("密马", "密码"), ("忘计", "忘记"),
            # and dev19's: 进渡 for 进度 (jindu), no word of its own
            ("进渡", "进度"),
            # and the materials point's (nlu33): 住 of 居住证 typed as another zhu by a pinyin IME or voice (居著证, 居驻证,
            # 居注证, 居柱证), none a word of its own
            ("居著证", "居住证"), ("居驻证", "居住证"), ("居注证", "居住证"), ("居柱证", "居住证"))
# Speech-to-text's homophones of a business type and of 学历 (dev16's voices), each guarded where the characters are words
# of their own: 心办 for 新办 (xinban) opening a clause or beside 积分 (not 耐心办, 用心办), 续半 for 续办 (xuban) but not
# 持续半年, 继续半个月, and 学力 for 学历 (xueli) but not the 同等学力 that is a way to a degree; an IME's 本可 for 本科
# (benke, dev14) but not 本可以/本可能 ("I could have").
_HOMOPHONES = ((re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=积分))心办|心办(?=积分)"), "新办"),
               (re.compile(r"(?<![持继陆连])续半(?![年个天月日小])"), "续办"),
               (re.compile(r"(?<!同等)学力"), "学历"),
               (re.compile(r"本可(?![以能])"), "本科"))
_AGREED_BY_IME = re.compile(r"^(?:我)?(?:同一|通译|铜衣)(?=了|啦|的|$|[\s,，。.!！~～])")  # tongyi as a reply: 同意
# wancheng as a reply ("万成", "万成了"): 完成; 万成 inside a name ("万成集团") is left as it is.
_DONE_BY_IME = re.compile(r"^(?:拍|传|都|全)?万成(?=了|啦|$|[\s,，。.!！~～])")
# A T9 keypad's other word on the same keys that is a word of its own too (j and l share 5, x and y share 9): 记忆 for
# 离异 (jiyi, liyi), 阅历 for 学历 (yueli, xueli); read so only where they stand alone, a whole reply or a part of one
# between spaces, marks or a joining 和/跟/与/及 ("记忆", "阅历 社保", "阅历和社保"), never inside a sentence ("记忆力不好", "工作阅历丰富").
_T9_SLIPS = {"记忆": "离异", "阅历": "学历"}
_T9_SLIP = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[和跟与及]))(?:记忆|阅历)(?:(?![\u4e00-\u9fff])|(?=[和跟与及]))")
_MISHEARD_CHARACTER = re.compile("[症据局神设社血版却晚同通末己往价份报厉土队戌印忆历讬若劳薄洧心半正昏忍力可铜万马计渡著驻注柱]")


# The words of ``MISHEARD`` in one scan (the longest first where two start alike; "XIN版" too): one C pass, not a
# search and an upper-cased copy for each of forty words (issue 19: about 17 calls a message).
_MISHEARD_MEANT = {word.lower(): meant for word, meant in MISHEARD}
_MISHEARD_WORD = re.compile("|".join(re.escape(word) for word in sorted(_MISHEARD_MEANT, key=len, reverse=True)),
                            re.IGNORECASE)


def misheard(simple: str) -> str:
    """``simple`` (already simplified) with the words of ``MISHEARD``, a T9 slip standing alone, speech-to-text's
    ``_HOMOPHONES`` and an IME's 同一/通译 reply in the words meant."""
    if _MISHEARD_CHARACTER.search(simple) is None:
        return simple
    simple = _MISHEARD_WORD.sub(lambda m: _MISHEARD_MEANT[m.group().lower()], simple)
    simple = _T9_SLIP.sub(lambda m: _T9_SLIPS[m.group()], simple)
    for heard, meant in _HOMOPHONES:
        simple = heard.sub(meant, simple)
    return _DONE_BY_IME.sub(lambda m: m.group().replace("万成", "完成"), _AGREED_BY_IME.sub("同意", simple))


# Wuhan, Nanjing, Suzhou, Tangshan, Qingdao and Dalian function words (dev12's voices), word for word: Wuhan 么斯 什么
# (搞么斯 干什么), 么样 怎么 (not the 么样 of 怎么样, 什么样: central()'s guard), 哒 ending a clause 了 ("记不清哒"; not 好哒, 对哒, 么么哒: a cheerful yes) — its 冇得 is
# the Cantonese 冇's 没得, which the corpus knows ("冇得问题"); Nanjing 阿 before a verb asks
# whether (阿是 是不是, 阿算, 阿要, 阿能, 阿行, 阿对, 阿有: "不同意阿是就不能办" asks; not 阿拉 or 阿姨); Suzhou 伲 我, 勿有 没有, 勿 不
# before a verb, 哉 ending a clause 了 ("伲拍好哉"), 额 ending one 的 ("对额"; not 金额, 名额); Tangshan 奏 就 (not 节奏,
# 演奏); Qingdao 血 很 before a feeling or a measure (血好用, 血长; not 血型, 献血); Dalian 干哈 干啥; and the softeners
# 哈 and 咯 ending a clause, a space ("1哈", "稍等哈", "完成咯"; not 哈哈, a laugh; 咯 is no 了: "重新拍咯" asks to).
_CENTRAL_EAST_WORDS = (("搞么斯", "干什么"), ("么斯", "什么"), ("干哈", "干啥"),
                       ("阿是", "是不是"), ("阿算", "算不算"), ("阿要", "要不要"), ("阿能", "能不能"), ("阿行", "行不行"),
                       ("阿对", "对不对"), ("阿有", "有没有"), ("阿可以", "可不可以"), ("勿有", "没有"))
_CLAUSE_END = r"(?=$|[\s,，。.!！?？~～])"
_SUZHOU_I = re.compile(r"伲(?=[\u4e00-\u9fff])")
_SUZHOU_NOT = re.compile(r"(?<![请切])勿(?=[\u4e00-\u9fff])")
_DONE_ENDING = re.compile(r"(?<=[\u4e00-\u9fff])(?:(?<![好对是么以行])哒|哉)" + _CLAUSE_END)
_OF_ENDING = re.compile(r"(?<=[\u4e00-\u9fff])(?<![金余限总数名份差])额" + _CLAUSE_END)
_TANGSHAN_JUST = re.compile(r"(?<![节演伴合独弹吹前])奏(?![乐鸣效章])")
_QINGDAO_VERY = re.compile(r"(?<![献验抽贫高出流吐输止鲜热冷心])血(?=[好长快慢多少难贵冷热惨烦累麻简方舒慌])")
_SOFTENER = re.compile(r"(?<=[\w])(?<!哈)[哈咯]" + _CLAUSE_END)
_CENTRAL_EAST_CHARACTER = re.compile("[么哈阿伲勿哒哉额奏血咯]")


def central_east(simple: str) -> str:
    """``simple`` (already simplified) with Wuhan, Nanjing, Suzhou, Tangshan, Qingdao and Dalian function words and the
    softeners 哈 and 咯 in Mandarin's."""
    if _CENTRAL_EAST_CHARACTER.search(simple) is None:
        return simple
    simple = _CENTRAL_HOW.sub("怎么", _word_for_word(simple, _CENTRAL_EAST_WORDS))
    simple = _SUZHOU_NOT.sub("不", _SUZHOU_I.sub("我", simple))
    simple = _OF_ENDING.sub("的", _DONE_ENDING.sub("了", simple))
    simple = _QINGDAO_VERY.sub("很", _TANGSHAN_JUST.sub("就", simple))
    return _SOFTENER.sub(" ", simple)


# Shaanxi and Henan, Sichuan and Chongqing, and Wu's question (dev15's voices, nlu25), for the classifier: Shaanxi and
# Henan 额 我 before what one has, is, does or owns ("额有个职称", "额叫…", "额滴" 我的, "额公司", "额娃"; not 金额, 名额, 额度,
# 额外; kb19 and nlu25 found it in one session, one reading kept), and 中
# alone, once or thrice, as a reply 行 ("中中中 就这样"; not 中专, 中国); Sichuan and Chongqing 莫得 没有, 啥子 什么,
# 娃儿 孩子, 屋头 家里, 要得 as a reply 好的 ("要得 同意"; not 要得到); and Wu's 伐 ending a clause, asking (吗: "还来得及伐";
# not 讨伐, 砍伐, nor the tag 晓得伐 "you know": 知道伐 after shanghainese()).
# Sichuan and Chongqing 啥子 and 莫得, read by this step (the classifier's) and by wu_sichuan() (the knowledge base's,
# which runs first there): one Mandarin word each, from this one table.
_SICHUAN_WORDS = (("啥子", "什么"), ("莫得", "没有"))
_SHAANXI_SICHUAN_WORDS = (("额滴", "我的"), *_SICHUAN_WORDS, ("娃儿", "孩子"), ("屋头", "家里"))
_SHAANXI_I = re.compile(r"(?<![金名限份超余定差配数总税面前全巨欠缺余])额(?=[有的叫是想要没不在家也都今去已还就老这娃屋媳]|公司|单位)")
_HENAN_ALL_RIGHT = re.compile(r"^中{1,3}(?=$|[\s,，。.!！~～啊呀嘞咧哩])")
_SICHUAN_ALL_RIGHT = re.compile(r"^要得(?!到|了)")
_WU_ASKS = re.compile(r"(?<![讨砍征采步杀攻北])(?<!知道)伐(?=$|[\s?？呀啦哦啊])")
_SHAANXI_SICHUAN_CHARACTER = re.compile("[额莫啥娃屋中要伐]")


def shaanxi_sichuan(simple: str) -> str:
    """``simple`` (already simplified) with Shaanxi, Henan, Sichuan and Chongqing words and Wu's 伐 asking in Mandarin's."""
    if _SHAANXI_SICHUAN_CHARACTER.search(simple) is None:
        return simple
    simple = _SHAANXI_I.sub("我", _word_for_word(simple, _SHAANXI_SICHUAN_WORDS))
    simple = _SICHUAN_ALL_RIGHT.sub("好的", _HENAN_ALL_RIGHT.sub("行", simple))
    return _WU_ASKS.sub("吗", simple)


# A character any step of ``mandarin`` needs before it changes anything, from each step's own guard (a step whose guard
# fails returns its text as it is): kana, the northern, Minnan and Hakka and Cantonese characters, the first of
# Southwest and Northwest 晓不得 and 阿么, Shanghainese 伐勿弗 and 晓得, Anhui 照 and Taiwan's 身分. Most messages hold none,
# and one C scan of one character class then stands for the seven steps (about 8 calls a message: issue 19). A step
# added to ``mandarin`` adds its characters here.
_ANY_STEP = re.compile("[" + "".join(guard.pattern.strip("[]+") for guard in (
    _KANA, _NORTHERN_CHARACTER, _MINNAN_HAKKA_CHARACTER, _CANTONESE_CHARACTER, _NORTHEAST_COAST_CHARACTER,
    _SHAANXI_SICHUAN_CHARACTER))
    + "晓阿" + "伐勿弗" + "照身" + "]")


def mandarin(simple: str) -> str:
    """``simple`` (already simplified) with Cantonese, Shanghainese denials, Minnan and Hakka, Southwest, Northwest,
    northern (Shanxi, Inner Mongolia, Xinjiang, Chongqing) and Northeast-to-Minnan coastal function words, and a Japanese
    returnee's particles, in Mandarin's."""
    simple = central_east(misheard(simple))  # before the Cantonese 冇 and the Shanghainese 勿: 冇得, 勿同意 are read here
    return simple if _ANY_STEP.search(simple) is None else _every_step(simple)


def _every_step(simple: str) -> str:
    """``mandarin``'s steps after the misheard words and the central-east words (which have their own guards),
    without its one scan first: each step with its own guard."""
    simple = jianghuai_taiwanese(shanghainese(minnan_hakka(southwest_northwest(northern(northeast_coast(japanese(simple)))))))
    simple = shaanxi_sichuan(simple)
    if _CANTONESE_CHARACTER.search(simple) is None:
        return simple
    said = _CANTONESE_OR.sub("还是", _word_for_word(simple, _CANTONESE_WORDS))
    said = _CANTONESE_SHOOT.sub("拍", _CANTONESE_STILL.sub("还", _CANTONESE_WHICH.sub("哪", said)))
    return _CANTONESE_IS.sub("是", _CANTONESE_HOW.sub("怎么", said).translate(_CANTONESE))


# Shanghainese (Wu) and Sichuanese function words, for questions to the knowledge base: 侬 你, 阿拉 我们 (not in
# 阿拉伯), 哪能 怎么, 伐 吗 ending a clause, 啥辰光/辰光 什么时候, 迭个/搿个 这个, 里向 里面, 晓得 知道, 做啥 做什么; Sichuan
# 啥子 什么, 莫得 没有, 咋个/啷个 怎么, 晓不得 不知道, and the vulgar 球 after a verb ("忘球了" 忘了); Shanghainese 小囡 小孩
# 小囡 小孩 ("阿拉小囡要读书"), and 屋里厢 (at home: "阿拉屋里厢") nothing asked. A question put
# so meets its entry's words and cues ("材料哪能交" asks 怎么交, the way of handing in). The classifier has
# these in its own corpus; its answers ("阿拉伊 已婚") are read by their own parsers.
_WU_SICHUAN_WORDS = (("啥辰光", "什么时候"), ("辰光", "时候"), ("晓不得", "不知道"), *_SICHUAN_WORDS, ("咋个", "怎么"),
                     ("啷个", "怎么"), ("哪能", "怎么"), ("迭个", "这个"), ("搿个", "这个"), ("里向", "里面"), ("晓得", "知道"),
                     ("做啥", "做什么"), ("侬", "你"), ("屋里厢", ""), ("小囡", "小孩"))
_WU_WE = re.compile(r"阿拉(?![伯善木斯])")
_SICHUAN_VULGAR = re.compile(r"(?<=[忘搞懂])球(?=了|不)")
_WU_SICHUAN_CHARACTER = re.compile("[啥辰晓莫咋啷哪迭搿里侬阿伐球屋囡]")


def wu_sichuan(simple: str) -> str:
    """``simple`` (already simplified) with Shanghainese and Sichuanese function words in Mandarin's."""
    if _WU_SICHUAN_CHARACTER.search(simple) is None:
        return simple
    simple = _word_for_word(simple, _WU_SICHUAN_WORDS)
    return _SICHUAN_VULGAR.sub("", _WU_ASKS.sub("吗", _WU_WE.sub("我们", simple)))  # 伐 asking: shaanxi_sichuan()'s reading


# Wu of Wenzhou and Ningbo, Jianghuai (northern Jiangsu, Anhui), Tianjin, Yunnan and Hainan function words, for questions
# to the knowledge base as the Wu and Sichuan ones above: Wenzhou and Ningbo 啥西 什么, 寻勿着/寻不着 找不到, 多少辰光 多久,
# 该个 这个 (not in 应该个…, nor the formal 该个人), 下底 下面, 问一记 问一下, 一眼 (a little) 一点; Jianghuai 啊能 能不能, 啊要 要不要, 啊曾 是否, 照不照 行不行,
# 问哈子 问一下, 自家 and 自个儿 自己, 么事 什么; Tianjin 嘛 before a noun 什么 (嘛时候, 嘛格式; a 嘛 ending a clause is
# Mandarin's), 介 this (介居住证 这居住证; not 介绍, 中介, 简介), 您了 您; Yunnan, Guizhou and Wenzhou 哪样 哪个 and 哪点 哪里;
# Yunnan and Hainan 得不得 能不能 (Sichuan's 得不得行 is left whole: a stopword), Hainan 做那样 为什么 and 有无 有没有.
# A question put so meets its entry's words (积分有效期多少辰光 asks 多久, 哪点点进去 where to click).
_REGIONAL_WORDS = (("多少辰光", "多久"), ("啥西", "什么"), ("寻勿着", "找不到"), ("寻不着", "找不到"),
                   ("下底", "下面"), ("问一记", "问一下"), ("问哈子", "问一下"), ("啊能", "能不能"), ("啊要", "要不要"),
                   ("啊曾", "是否"), ("照不照", "行不行"), ("自个儿", "自己"), ("自家", "自己"), ("搞么事", "干什么"),
                   ("么事", "什么"), ("您了", "您"), ("哪样", "哪个"), ("哪点", "哪里"), ("做那样", "为什么"), ("有无", "有没有"))
_TIANJIN_WHAT = re.compile(r"嘛(?=时候|格式|意思|地方|东西|材料|手续|事)")
_TIANJIN_THIS = re.compile(r"(?<![中简媒评推引咋])介(?=[\u4e00-\u9fff])(?![绍入意质])")  # Shanxi 咋介 is 怎么: northern()
_ABLE = re.compile(r"得不得(?!行)")
_WENZHOU_THIS = re.compile(r"(?<!应)该个(?!人)")  # not 应该 nor the formal 该个人 (this person's)
_A_LITTLE = re.compile(r"(?<=[好快早多])一眼")
_REGIONAL_CHARACTER = re.compile("[辰啥寻该底记哈啊照自么您哪做有嘛介得眼]")


def regional(simple: str) -> str:
    """``simple`` (already simplified) with Wenzhou, Ningbo, Jianghuai, Tianjin, Yunnan and Hainan function words in
    Mandarin's."""
    if _REGIONAL_CHARACTER.search(simple) is None:
        return simple
    simple = _word_for_word(simple, _REGIONAL_WORDS)
    simple = _TIANJIN_THIS.sub("这", _TIANJIN_WHAT.sub("什么", _WENZHOU_THIS.sub("这个", simple)))
    return _A_LITTLE.sub("一点", _ABLE.sub("能不能", simple))


# Guizhou, Yunnan, Jiangxi, Gansu and Ningxia words (dev15's voices), for questions to the knowledge base as central()
# below, and before it (its 哪样 and 么 read them otherwise): Jiangxi 么里 什么 ("差在么里地方", "么里叫核档函"; not the 么里
# of 怎么里, 什么里, 这么里, 那么里), 分不清白 分不清楚, and 同 between two business types 和 ("新办同续办"); Guizhou 搞哪样 干什么
# ("搞哪样要调档": why), 娃儿 孩子 and 别个 别的; Gansu and Ningxia 阿门 怎么 ("阿门弄") and 嫑 不要; Hainan's 几多 多少; and the
# Southwest's 克 for 去 before a place or an errand, or after a way into or out of it ("克人才中心", "克窗口", "点进克"; not
# 克服, 克隆, 千克, 巧克力, 马克思: nothing of ours follows those). A question put so meets its entry's words.
_SOUTHWEST_GAN_WORDS = (("分不清白", "分不清楚"), ("搞哪样", "干什么"), ("娃儿", "孩子"), ("别个", "别的"),
                        ("阿门", "怎么"), ("嫑", "不要"), ("几多", "多少"))
_GAN_WHAT = re.compile(r"(?<![怎什这那多要])么里")
_GAN_AND = re.compile(r"(?<=新办|续办|变更)同(?=新办|续办|单位|积分确认|增加)")
_SOUTHWEST_GO = re.compile(r"(?<![千公毫巧马坦])克(?=人才|社区|街道|窗口|派出所|现场|中心|办|交|问|签|拿|领|排队|那边|那里)"
                           r"|(?<=[进出回上过])克(?=$|[\s了嘛啊呀嘞哦])")
_SOUTHWEST_GAN_CHARACTER = re.compile("[么分搞娃别阿嫑几克同]")


def southwest_gan(simple: str) -> str:
    """``simple`` (already simplified) with Guizhou, Yunnan, Jiangxi, Gansu, Ningxia and Hainan words in Mandarin's."""
    if _SOUTHWEST_GAN_CHARACTER.search(simple) is None:
        return simple
    simple = _GAN_AND.sub("和", _GAN_WHAT.sub("什么", simple))
    simple = _word_for_word(simple, _SOUTHWEST_GAN_WORDS)
    return _SOUTHWEST_GO.sub("去", simple)


# Hunan, Hubei and Henan function words, the h/f swap of Fujian, Cantonese's 有冇 and the voice keyboard's 机分, for
# questions to the knowledge base as regional() above (dev14's voices): Hunan 么子 什么 ("要么子材料": cut as 要么|子 it
# asked nothing), 何解 为什么, 搞不清白 搞不清楚; Hubei and Hunan 么样 怎么 ("么样搞", "查出来会么样"; not the 么样 of 怎么样,
# 什么样, 这么样, 那么样, 多么样), 么斯 什么, 么时候 什么时候, 伢 孩子 ("伢他爸"), the particle 啵 吧; Henan 木有 没有 and 恁
# 你 ("恁好", "恁知道"; not 恁大, 恁多, Henan's "so"); Cantonese 有冇 有没有 (冇 alone is 没 in mandarin(): "有没地方"
# left a 没 the stopwords dropped and no question); Fujian's h for f (胡建 福建, 客胡 客服, 外胡 外服, 胡务 服务): the
# platform's own names said as they are heard; and voice input's 机分 积分 where no 手 before it makes it 手机 ("用手机分
# 几次拍": the reason the vocabulary could not take it as a word). 好久 and 好多 asked: see _HOW_LONG.
_CENTRAL_WORDS = (("么子", "什么"), ("何解", "为什么"), ("搞不清白", "搞不清楚"), ("么斯", "什么"), ("木有", "没有"),
                  ("有冇", "有没有"), ("胡建", "福建"), ("客胡", "客服"), ("外胡", "外服"), ("胡务", "服务"), ("伢", "孩子"),
                  ("啵", "吧"))
_CENTRAL_HOW = re.compile(r"(?<![怎什这那多要])么样")
_CENTRAL_WHEN = re.compile(r"(?<![怎什这那多要])么时候")
_HENAN_YOU = re.compile(r"恁(?![大多么般地])")
# Hunan, Hubei and Sichuan 好久 and 好多 asked (多久, 多少): "审核要好久" (how long), "电话是好多" (what number); not the
# Mandarin statements "等了好久", "好多人" (a long while, many), which have no 要 or 是 before them or go on after
_HOW_LONG = re.compile(r"(?<=要)好久")
_HOW_MUCH = re.compile(r"(?<=是)好多(?=$|[\s?？吗呢啊呀嘞])")
_VOICE_POINTS = re.compile(r"(?<!手)机分")
_CENTRAL_CHARACTER = re.compile("[么何搞木有胡客外伢啵恁机好]")


def central(simple: str) -> str:
    """``simple`` (already simplified) with Hunan, Hubei and Henan function words, Fujian's h for f in the platform's
    names, Cantonese's 有冇 and voice input's 机分 in Mandarin's."""
    if _CENTRAL_CHARACTER.search(simple) is None:
        return simple
    simple = _word_for_word(simple, _CENTRAL_WORDS)
    simple = _CENTRAL_WHEN.sub("什么时候", _CENTRAL_HOW.sub("怎么", simple))
    simple = _HOW_MUCH.sub("多少", _HOW_LONG.sub("多久", simple))
    return _VOICE_POINTS.sub("积分", _HENAN_YOU.sub("你", simple))



# Chat abbreviations by pinyin initials, a closed and well-known set ("sfz要正反面吗", "传ldht", "ty", "zc xl"): read
# as their words wherever the letters stand alone (never inside a word, an e-mail or an address). One letter is one
# character, so a value cut from the matching form keeps its place in the text. "xb" is left out: 新办 and 续办 both
# begin so, and a type taken from it would be a guess. Degrees too ("bk", "zk", "yjs"), but not "bs"/"ss" (博士 and
# 硕士 share them with everyday slang).
PINYIN_INITIALS = {"sfz": "身份证", "sb": "社保", "jzz": "居住证", "ldht": "劳动合同", "hkb": "户口本", "jhz": "结婚证",
                   "ty": "同意", "qr": "确认", "wh": "未婚", "yh": "已婚", "zc": "职称", "xl": "学历",
                   "bk": "本科", "zk": "专科", "yjs": "研究生"}
_INITIALS = re.compile(r"(?<![a-z0-9@._\-])(" + "|".join(sorted(PINYIN_INITIALS, key=len, reverse=True))
                       + r")(?![a-z0-9@._\-])")


def initials_spelled(lowered: str) -> str:
    """``lowered`` (lower case) with the pinyin initials of ``PINYIN_INITIALS`` in their characters."""
    return _INITIALS.sub(lambda m: PINYIN_INITIALS[m.group(1)], lowered) if _LATIN_LETTER.search(lowered) else lowered


_LATIN_LETTER = re.compile(r"[a-z]")


# WeChat's built-in stickers typed as their names in brackets: one table with understanding's OK (knowledge/stickers.yaml).
_STICKER = re.compile(r"\[([^\[\]]{1,4})\]")


def without_stickers(lowered: str) -> str:
    """``lowered`` (simplified, lower case) without WeChat's sticker codes: a space for each."""
    return _STICKER.sub(lambda m: " " if m.group(1) in WECHAT_STICKERS else m.group(0), lowered) if "[" in lowered else lowered
