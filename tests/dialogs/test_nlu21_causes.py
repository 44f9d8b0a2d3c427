"""The lowest development sets' misreadings grouped by their causes (nlu21), each through the engine in other words
(none of the sets' texts)."""
from __future__ import annotations

import pytest

from dialogs.events import Escalate
from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25", "同意"]
AT_BONUS = [*OPENING, *BASIC]


@pytest.mark.parametrize("said, level", [("4 [OK]", "master"), ("[好的]硕士", "master"), ("2[强]", "college")])
def test_a_sticker_beside_an_answer_leaves_the_answer(kb, said, level):
    """"3 [OK]" was small talk: the model read the OK sticker's letters as a feeling, though the number chose."""
    outcome = play(kb, *AT_BONUS, "2", "是", "否", said)
    assert outcome.state["answers"]["edu_level"] == level


@pytest.mark.parametrize("said", ["人工客服 [叹气]", "找人工[抱拳][抱拳]"])
def test_a_sticker_beside_a_command_leaves_the_command(kb, said):
    """"转人工 [流泪]" at the name was saved as the name 转人工."""
    outcome = play(kb, *OPENING, said)
    assert "name" not in outcome.state["answers"]
    assert any(isinstance(effect, Escalate) for effect in outcome.effects)


@pytest.mark.parametrize("said, name", [("回复：周晓梅", "周晓梅"), ("回复: 周晓梅", "周晓梅"), ("【姓名】周晓梅", "周晓梅")])
def test_a_reply_mark_or_a_forms_label_before_the_name_is_no_part_of_it(kb, said, name):
    """"回复：…" was no answer at all, and a form's "【毕业院校】" was saved as part of the school's name."""
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"]["name"] == name


def test_a_forms_label_before_the_employer_is_no_part_of_it(kb):
    outcome = play(kb, *OPENING, "周晓梅", BASIC[1], "【工作单位】上海青禾餐饮管理有限公司")
    assert outcome.state["answers"]["employer"] == "上海青禾餐饮管理有限公司"
