"""fix73: the last session's known leftovers (review6 P4, P5, P9; the approval's review time; names at the name
question; nlu30's leftovers; a retaken page)."""
from __future__ import annotations

import pytest

from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions

REVIEW_TIME = "公开资料没有写外服预审要多长时间"


@pytest.mark.parametrize("status", ["approved", "submitted"])
@pytest.mark.parametrize("said", ["我这单啥时候能好", "结果啥时候出来"])
def test_ones_own_application_asked_after_gets_the_review_time(chat, status, said):
    application_in(chat, status)
    assert REVIEW_TIME in chat.send(said)
    assert chat.application["status"] == status
