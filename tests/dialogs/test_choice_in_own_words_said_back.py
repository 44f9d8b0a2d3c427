"""A choice typed in the applicant's own word for it ("续签", "延期", "离过婚") is said back in one line; only the
option's number, its label and its short form ("积分续办", "续办", "离异") need no saying back. "续签" started
积分续办 without a word, though people say it of the residence permit's yearly endorsement too (try9 T40)."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import at_question


@pytest.mark.parametrize("said", ["续签", "延期", "换工作"])
def test_a_business_type_in_the_applicants_word_is_said_back(chat, said):
    reply = chat.send(said)
    chosen = chat.state["answers"]["business_type"]
    label = {"renew": "积分续办", "employer_change": "单位信息变更"}[chosen]
    assert render.chosen_business_type(label) in reply


@pytest.mark.parametrize("said", ["续办", "积分续办"])
def test_a_business_type_by_its_own_name_is_not(chat, said):
    reply = chat.send(said)
    assert chat.state["answers"]["business_type"] == "renew" and "为您办理" not in reply


def test_another_choice_in_the_applicants_word_is_said_back(chat):
    at_question(chat, "marital_status")
    reply = chat.send("离过婚")
    assert chat.state["answers"]["marital_status"] == "divorced" and render.understood_choice("婚姻状况", "离异") in reply
