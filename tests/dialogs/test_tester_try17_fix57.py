"""The tester's round try17 (fix57): the middle findings left open — a name beside the consent, an edit beside the
spouse question, the checklist's questions about submitting part, skipping an item, naming a photo, how long review
takes after a return. Each through the engine, in our own wordings of the findings."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

AT_CONSENT = ["你好", "积分新办", "2027-08-25"]
AGREED = [*AT_CONSENT, "同意"]


# -- T2: a name sent with the agreement is kept, as an ID number or a mobile sent there is ------------------------
@pytest.mark.parametrize("said, name", [("同意 李晓红", "李晓红"), ("我同意，王建军", "王建军"), ("好的 欧阳娜娜", "欧阳娜娜")])
def test_a_name_after_the_agreement_is_kept(kb, said, name):
    """"同意 张伟" agreed and asked for the name again."""
    outcome = play(kb, *AT_CONSENT, said)
    assert outcome.state["answers"]["name"] == name
    assert outcome.state["state"] == "id_number"


@pytest.mark.parametrize("said", ["同意 开始", "同意 下一步", "同意 马上填", "好的 谢谢", "同意 继续"])
def test_words_after_the_agreement_are_no_name(kb, said):
    outcome = play(kb, *AT_CONSENT, said)
    assert "name" not in outcome.state["answers"]
