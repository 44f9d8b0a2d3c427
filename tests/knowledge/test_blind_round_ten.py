"""First messages put the way the blind set dev10 found answered wrong or unsure, in other words than its own: the
dialect's and the story's words around a question (Henan's 中不中, Hunan's 么子 and 得不得行, the Northeast's 嘎哈, a
wait and its reason), a thing said to be done (注册完了) and the whole way (从头到尾), voice input's words said alike (承诺数, 预申), and
English mixed in (register an account, pre-review, a degree from Germany). Each is answered through the
engine by the entry that answers it."""
from __future__ import annotations

import pytest

from tests.support.chat import play

ASKED = {
    # Henan's 中不中 (行不行) and "this time" (这回) say nothing of what is asked
    "business-type-renew": ["去年办的积分这回到期了 点续办中不中"],
    # a wait said with its reason, and Sichuan's and Hunan's 得不得行; 再补 is supplying what was returned
    "returned-materials": ["材料被退回了 我这几天忙得很 过段时间再补上得不得行", "退回来的材料过一阵再补中不中"],
    # the Northeast's 嘎哈; done (办完) as 办好, the whole way (从头到尾) as 一共
    "how-long": ["积分从头到尾要多久能办完", "嘎哈 办积分一共要多长时间"],
    # Hunan's 么子 and 咯, and a step said to be done (注册完了); English mixed in: the account registered
    "platform-login": ["外服平台注册完了 还要做么子认证咯", "外服的account怎么register"],
    # voice input's 承诺数 is 承诺书, 预申 the pre-review
    "material-commitment-letter": ["承诺数签名能代签吗"],
    "pre-review-how-long": ["积份预申要多久出结果", "pre-review要多久"],
    # English mixed in: a degree's country, and the story around the question (I got)
    "material-overseas-degree": ["I got a master in Germany 学历材料要什么"],
    # where the employer is registered (注册在青浦) says which centre, not how an employer registers
    "which-centre": ["单位注册在青浦 我住在闵行 积分材料交哪个区"],
    # a district the seeds give no rules of, where a new application goes: phone its centre first, whatever the type
    "other-districts-phone-first": ["奉贤那边新办积分 材料去哪交", "我们单位在崇明 新办积分到哪里办"],
    # "within" said of a time (之内, 以内)
    "confirm-within-two-days": ["申办信息要在几天以内确认", "短信让我确认申办信息 多少天之内要确认"],
    # going there in person (跑一趟) against posting: how the district takes the materials
    "pudong-submission": ["浦东的材料寄过去就行还是要跑一趟"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_first_message_in_these_words_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies
