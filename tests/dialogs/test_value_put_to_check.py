"""An employer's full name offered with a bare tag asking whether it will do ("上海某某科技有限公司可以吗") is saved
and said back — the saying back is the answer; it was neither saved nor answered (try9 T52). A kind of employer
asked about ("外包公司可以吗") is still a question, nothing saved."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import at_question


@pytest.mark.parametrize("said", ["上海某某科技有限公司可以吗", "写上海某某科技有限公司对吗", "上海某某科技有限公司行不"])
def test_a_full_name_put_to_be_checked_is_saved_and_said_right(chat, said):
    at_question(chat, "employer")
    reply = chat.send(said)
    assert chat.state["answers"]["employer"] == "上海某某科技有限公司"
    assert render.PUT_RIGHT in reply and "没有找到" not in reply


@pytest.mark.parametrize("said", ["外包公司可以吗", "劳务派遣公司可以吗"])
def test_a_kind_of_employer_asked_about_is_no_answer(chat, said):
    at_question(chat, "employer")
    chat.send(said)
    assert "employer" not in chat.state["answers"]
