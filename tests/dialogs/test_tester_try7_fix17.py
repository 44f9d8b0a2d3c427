"""Tester try7, through the engine: after approval (T15) a northern "all fine" confirms, and wanting to see
or check the reported details, or asking whether they can still be changed, shows the applicant's own
answers with how to confirm or report an error — never a confirmation, nor "写明哪里有误" with nothing said."""
from __future__ import annotations

import pytest

from tests.support.chat import application_in

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.fixture
def approved(chat):
    application_in(chat, "approved", confirm_by="2026-11-26T23:59:59+08:00")
    return chat


@pytest.mark.parametrize("said", ["没毛病", "都看了 没毛病"])
def test_a_northern_all_fine_confirms_as_no_problem_does(approved, said):
    approved.send(said)
    assert approved.application["status"] == "done"


@pytest.mark.parametrize("said", ["我先确认一下单位名称对不对", "先让我看下申办信息", "我要看看报上去的信息",
                                  "查看申办信息", "等下 我先看看申办信息"])
def test_wanting_to_see_the_details_shows_the_own_answers_and_confirms_nothing(approved, said):
    reply = approved.send(said)
    assert approved.application["status"] == "approved"
    assert "所在单位：上海某某科技有限公司" in reply and "申办信息有误 + 哪里有误" in reply and "确认申办信息" in reply
    assert "写明哪里有误" not in reply


@pytest.mark.parametrize("said", ["确认之前能改单位吗", "确认前学历还能改吗"])
def test_asking_whether_the_details_can_still_be_changed_says_how(approved, said):
    reply = approved.send(said)
    assert approved.application["status"] == "approved"
    assert "确认之前都可以更正" in reply and "单位信息变更" not in reply
