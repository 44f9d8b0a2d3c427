"""First messages put the way the blind set dev8 found answered wrong, in other words than its own: Taiwan's 登入
for logging in, the platform's actions in English among Chinese, a material's many pages (how it is uploaded, not
which pages it must show), the official notice's words for the employer's registration, whether a centre works on a
day (no district publishes its hours), Sichuan function words and a second question announced by the way, a
renamed school's full name, a number of days in digits. Each is answered through the engine by the entry that
answers it; another government's identity card is declined."""
from __future__ import annotations

import pytest

from tests.support.chat import play

ASKED = {
    # 登入 is 登录; a web address not found is where to log in, not the module missing after it
    "platform-login": ["外服平台在哪登入", "系統登入不了怎麼辦", "how to log in 外服云"],
    # the platform's actions in English put as ours ("abroad" alone no longer decides); Sichuan 啥子 says nothing
    "material-commission-form": ["can I upload 委托单 on the platform from overseas", "委托单盖啥子章"],
    # how many pages: the upload's rule (好几页 holds the 几页 of "which pages")
    "pdf-rules": ["结婚证有好几页怎么传", "毕业证书一页一页分开传还是合一起"],
    # the seed's name for the step, and its review at the window
    "unit-registration-process": ["用人单位注册登记须知在哪看", "公司第一次办积分线下审核带什么"],
    # a day the centre works, not where it is
    "centre-hours": ["徐汇人才中心星期六上班吗", "虹口人才中心几点开门"],
    # what is asked by the way waits for the first question
    "marital-status": ["结婚证要交吗，顺便问一下户口本要几页"],
    # a number cut from its unit (30 of 30天) is an amount, no unknown word
    "permit-validity-short": ["居住证只剩30天了还能交材料吗", "居住证就剩五十天了能先交积分材料吗"],
    # the form's other full name
    "employer-full-name": ["毕业院校全称要写到学院吗", "学校合并改名了毕业院校写哪个"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_first_message_in_these_words_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


def test_a_question_asked_by_the_way_is_not_the_one_answered(kb):
    """The second question alone is still answered when it is the only one."""
    assert kb.ask("居住证签注去哪办").entry.id == "residence-permit-endorsement"
    assert kb.ask("续办要交哪些材料，另外签注去哪办").entry.id == "renewal-steps"


@pytest.mark.parametrize("question", ["香港身份证过期了怎么换", "澳门身份证怎么申请"])
def test_another_governments_identity_card_is_declined(kb, question):
    assert kb.ask(question).status == "out_of_domain"


def test_what_the_seeds_say_of_a_renamed_school_is_the_full_name_and_the_rest_is_said_unknown(kb):
    answer = kb.entry("employer-full-name").answer
    assert "最高学历毕业院校同样填全称" in answer and "改过名" in answer and "人工" in answer
