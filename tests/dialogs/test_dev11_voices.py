"""Development set 11's misreadings by their causes, each through the engine in other words: Shanxi, Inner
Mongolia and Xinjiang function words (甚 什么, 咋介 怎么, 俺 我, the rhetorical 哪来的), a Japanese returnee's
wording, facts said beside an answer that answer another question, back said with the mistake it goes back for,
and commands said with a sigh."""
from __future__ import annotations

import pytest

from knowledge.normalize import normalize
from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25", "同意"]


@pytest.mark.parametrize("said", ["积分新办跟续办有甚不一样嘞", "续办和新办 甚差别"])
def test_a_shanxi_question_naming_two_types_chooses_neither(kb, said):
    """"新办和续办 甚区别嘞" was read as the answer 续办: 甚 (什么) was no question word to the classifier."""
    outcome = play(kb, "你好", said)
    assert "business_type" not in outcome.state["answers"]


def test_shanxi_function_words_reach_the_knowledge_base_as_mandarin():
    assert normalize("俺咋介交材料") == normalize("我怎么交材料")
    assert normalize("为甚退回了") == normalize("为什么退回了")
    assert normalize("甚至导致失败") == "甚至导致失败"  # Mandarin's own 甚 left alone


def test_a_date_with_a_particle_after_it_is_the_date(kb):
    outcome = play(kb, "你好", "积分新办", "29年3月8日嘞 俺瞅过了")
    assert outcome.state["answers"]["permit_expiry"] == "2029-03-08"


AT_LEVEL = [*OPENING, *BASIC, "2", "是", "是"]  # education chosen, full-time, studied abroad


@pytest.mark.parametrize("said, name", [("赵婷です", "赵婷"), ("中文名は吴刚です", "吴刚"), ("刘洋と申します", "刘洋")])
def test_a_name_in_a_japanese_returnees_wording_is_the_name(kb, said, name):
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"]["name"] == name


@pytest.mark.parametrize("said", ["修士です", "修士（東京の大学）"])
def test_the_japanese_masters_degree_is_a_master(kb, said):
    outcome = play(kb, *AT_LEVEL, said)
    assert outcome.state["answers"]["edu_level"] == "master"


@pytest.mark.parametrize("said, school", [("東京経済大学", "东京经济大学"), ("関西学院大学です", "关西学院大学")])
def test_a_japanese_schools_name_in_japans_forms_is_kept_in_simplified_characters(kb, said, school):
    outcome = play(kb, *AT_LEVEL, "硕士", said)
    assert outcome.state["answers"]["edu_school"] == school
