"""First messages put the way the blind set dev16 found answered wrong, unsure or not at all, in other words than its
own, by cause. Each is answered by the entry that answers it, by the knowledge base and through the engine."""
from __future__ import annotations

import pytest

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
