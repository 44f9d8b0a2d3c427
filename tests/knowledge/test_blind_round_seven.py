"""First messages put the way the blind set dev7 found unanswered, in other words than its own: a word typed
by voice input (居住政), internet slang around a question (破防了, 求捞), an amount said in passing (提交三天了),
English words in a Chinese question, the platform's own prompt about a file, an HR asking for several
employees at once, the first step asked in a long message. Each is answered through the engine by the entry
that answers it; English about another service is still declined."""
from __future__ import annotations

import pytest

from tests.support.chat import play

ASKED = {
    # voice input writes 居住证 by sound
    "permit-validity-short": ["居住政快过期了还能申请积分吗", "居住政有效期不够怎么办"],
    # slang says nothing about the entry (蚌埠 was a word no entry knew)
    "renewal-steps": ["续办要交哪些材料 破防了"],
    "material-lost": ["求捞 结婚证丢了怎么办"],
    # an amount of time is no unknown word: the question stays ours
    "progress-query": ["提交三天了还没收到短信", "等了两周一条短信都没有"],
    # English words kept whole and put as the entries put them (not "ma" + "ster")
    "material-overseas-degree": ["overseas master degree 要学信网报告吗"],
    # the platform's prompt on a file, not the check of who may apply
    "pdf-rules": ["上传时说文件大小不符合要求", "结婚证好几页能合并成一个吗"],
    "platform-eligibility-check": ["提示暂不符合申报条件"],
    "platform-hotline": ["外服云技术支持电话多少"],
    "platform-login": ["法人登录还是个人登录"],
    "confirm-within-two-days": ["上报信息有错能改吗"],
    "business-type-employer-change": ["离职了积分要怎么处理"],
    "education-requirements": ["函授本科可以加分吗"],
    "new-application-steps": ["想办积分 不知道从哪开始", "给员工办积分第一步做什么"],
    "several-employees-together": ["公司有5个员工要办积分 可以一起交材料吗", "人事一次帮好几个员工办积分怎么交"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_first_message_in_these_words_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


@pytest.mark.parametrize("question", ["how do I reset my Netflix password", "iPhone怎么截长图", "master degree"])
def test_english_about_another_service_or_alone_is_declined(kb, question):
    """Only the English of a degree from abroad and of the browser is read as ours, and only among Chinese
    words: "password" is no 密码, the "i" of "iphone" no word of its own, and English alone gets the note
    that the service is in Chinese."""
    assert kb.ask(question).status == "out_of_domain"


def test_the_phone_in_a_message_is_not_read_as_the_points(kb):
    """机分 (积分 by voice) is not taken as a word: it would take the 机 of 手机."""
    assert "积分" not in kb.analyzer.words(kb.read("用手机分几次拍行吗"))


def test_what_the_seeds_say_of_several_employees_is_the_centres_email_and_the_rest_is_said_unknown(kb):
    answer = kb.entry("several-employees-together").answer
    assert "共几人" in answer and "一人一个" in answer and "资料没有写" in answer
