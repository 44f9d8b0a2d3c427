"""First messages put the way the blind set dev16 found answered wrong, unsure or not at all, in other words than its
own, by cause. Each is answered by the entry that answers it, by the knowledge base and through the engine."""
from __future__ import annotations

import pytest

from knowledge.normalize import normalize
from tests.support.chat import play

# What the seeds answer and no entry did (blind28's three): where in the form the permit's expiry is entered (seed 000:
# right after the business type), the points system's 承诺与授权 step and the employer's responsibility (seed 001), and
# the eight fields of 基本信息 (seed 000).
SEEDS_ANSWER = {
    "permit-expiry-entered": ["居住证到期的日子是在第几步输入的"],
    "points-system-authorisation": ["积分系统那个接受授权 是不是出事了公司要负责"],
    "basic-info-fields": ["基本信息这页一共要我写几样东西"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in SEEDS_ANSWER.items() for q in qs])
def test_what_the_seeds_answer_has_its_entry(kb, entry, question):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)
    assert kb.entry(entry).answer in play(kb, question).replies


# Speech-to-text's homophones of the business types and of 学历, read as meant where they stand for them and left alone
# where the characters are words of their own
@pytest.mark.parametrize(("said", "read"), [("心办要交什么", "新办要交什么"), ("积分心办", "积分新办"), ("续半积分", "续办积分"),
                                            ("学力加分", "学历加分"), ("耐心办理", "耐心办理"), ("持续半年", "持续半年"),
                                            ("继续半个月", "继续半个月"), ("同等学力", "同等学力")])
def test_speech_to_text_homophones_are_read_as_meant(said, read):
    assert normalize(said) == read


HEARD = {
    "education-requirements": ["学力加分需要满足什么条件"],
    "business-type-choose": ["心办和续半有什么区别"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in HEARD.items() for q in qs])
def test_a_first_message_heard_so_gets_the_entry_that_answers_it(kb, entry, question):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)
    assert kb.entry(entry).answer in play(kb, question).replies


# dev16's voices: Taiwan's 快取 and Minnan's 汝, an app called 手机软件, a country named in Chinese for a degree from
# abroad, a form without room (框子不够填), a thing over said 完事; the story's words around a question (细看, 往后, the pasted
# prompt's 请先检查), none a word of ours, had put the question out of the domain or left it unsure
VOICES = {
    "platform-clear-cache": ["汝好 浏览器快取要怎么清"],
    "waifu-app-account": ["外服有手机软件吗"],
    "material-overseas-degree": ["在美国读的本科 回国要做啥学历认证"],
    "resume-more-than-eight": ["简历框子不够填 怎么办"],
    "online-form-finish": ["表填到最后一页就算完事了吧"],
    "commitment-and-notice": ["真实性承诺我没细看 能往后点吗"],
    "generate-checklist-errors": ["错误提示 必填项没有输入请先检查 这是哪错了"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in VOICES.items() for q in qs])
def test_a_first_message_in_these_voices_gets_the_entry_that_answers_it(kb, entry, question):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)
    assert kb.entry(entry).answer in play(kb, question).replies


# Words the entries lacked: a form left half filled (一半, 白填: whether it is lost), every material uploaded said 传齐,
# the points asked "from which respects" (是从, cut from 都是从, an unknown word that declined the question), the points
# not renewed
ENTRY_WORDS = {
    "save-and-continue-later": ["表填了一半有事要走 会不会白填"],
    "submit-for-review": ["材料全传齐了 接下来点啥"],
    "points-threshold": ["120分是从哪些方面算的"],
    # the points not renewed (不去续, 没续办): 不 is a stopword, and the 续办 left met the renewal's steps, not that they lapse
    "points-validity": ["居住证签好了 积分不去续会怎么样", "积分没续办 会有啥后果"],
    # what the business type is, asked as a definition: the renewal's steps had drawn it by 续办 alone
    "business-type-renew": ["积分续办具体指的是啥"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ENTRY_WORDS.items() for q in qs])
def test_a_first_message_in_words_the_entries_lacked_gets_its_entry(kb, entry, question):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)
    assert kb.entry(entry).answer in play(kb, question).replies


def test_a_form_half_filled_said_to_go_on_is_no_question_of_the_save_entry(kb):
    # 一半 as the save entry's keyword made "go on where I left off" a question it answered, never the resume command
    assert kb.ask("我上次填了一半 接着填").status != "answered"
