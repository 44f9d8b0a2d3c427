"""kb6: paraphrases of the causes a sharper blend of the learned model exposed (kept at × 2: see knowledge/retrieval.py);
each keeps an answer the dialogue holds."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions


@pytest.mark.parametrize("first", ["公司在长宁 我住在青浦 积分归哪个区"])
def test_work_and_home_in_two_unlisted_districts_get_the_registered_districts_centre(kb, first):
    """Neither district is among those the seeds describe: which centre is still the employer's registered district's
    (which-centre), not "call that district first" as for one such district asked about."""
    replies = play(kb, first).replies
    assert any("单位注册地所在区的人才服务中心" in reply for reply in replies)
