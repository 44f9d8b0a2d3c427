"""Development set 16's misreadings by their causes (nlu26), each in other words (none of the set's texts), through the
engine: a question about an option or a level recorded as the choice, …"""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_BONUS = [*AGREED, *BASIC]
AT_FULLTIME = [*AT_BONUS, "2"]
AT_MARITAL = [*AGREED, *BASIC[:4]]
AT_TYPE = ["你好"]


# -- 1. which option applies, or what one means, asked: never recorded ------------------------------------------------
@pytest.mark.parametrize("before, field, said", [
    (AT_BONUS, "bonus_options", "职称是个啥玩意 我没考过"),  # what an option is, asked with 啥玩意
    (AT_BONUS, "bonus_options", "学历加分有边啲 有冇讲"),  # Cantonese 边个 (which)
    (AT_TYPE, "business_type", "3同1我唔识分 公司换咗 系边个"),  # which type, in Cantonese
    (AT_FULLTIME, "edu_fulltime", "函授的本科 算不算全日制呀"),  # whether the option itself applies
    (AT_MARITAL, "marital_status", "分居好几年还没离 这种勾哪个"),  # which box to tick for one's case
])
def test_a_question_which_option_applies_records_nothing(kb, before, field, said):
    """"…是啥玩意", Cantonese "系边个"/"有边啲", "…算不算全日制啊", "这种勾哪个" after a story were recorded as the
    option the story or the word named: each asks which option applies, or what it is."""
    outcome = play(kb, *before, said)
    assert field not in outcome.state["answers"] and outcome.state["state"] == field
