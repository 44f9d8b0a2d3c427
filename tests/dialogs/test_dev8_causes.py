"""Development set 8's misreadings, by their causes, each through the engine in other words (none of
the set's texts): a name said after its surname alone or with a character explained by a famous name,
and the other causes below."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, VALID_ID, play

OPENING = ["你好", "积分新办", "2027-08-25", "同意"]


@pytest.mark.parametrize("said, name", [("我叫刘 刘海波", "刘海波"), ("名字是唐 唐欣然", "唐欣然"),
                                        ("郑佳敏，郑是郑成功的郑", "郑佳敏"), ("蒋立群立是立正的立", "蒋立群")])
def test_a_surname_said_before_the_name_or_a_character_explained_leaves_the_name_alone(kb, said, name):
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"]["name"] == name and outcome.state["state"] == "id_number"


@pytest.mark.parametrize("said, chosen", [("这些是嘎哈的 头回弄 选1", "new"), ("都是些啥呀 我头一回 选2", "renew")])
def test_an_option_chosen_by_its_number_after_a_dialect_question_is_chosen(kb, said, chosen):
    outcome = play(kb, said)
    assert outcome.state["answers"]["business_type"] == chosen and outcome.state["state"] == "permit_expiry"


@pytest.mark.parametrize("said", ["同意 麻利点 我赶时间", "接受以上承诺", "我同意上面的服务须知"])
def test_consent_with_a_hurry_or_naming_what_is_agreed_to_is_consent(kb, said):
    outcome = play(kb, "你好", "积分新办", "2027-08-25", said)
    assert outcome.state["answers"].get("consent") == "agree" and outcome.state["state"] == "name"


def test_asking_for_the_steps_after_consent_is_still_a_question(kb):
    outcome = play(kb, "你好", "积分新办", "2027-08-25", "同意之后的流程")
    assert "consent" not in outcome.state["answers"] and outcome.state["state"] == "consent"


def test_a_name_with_a_tag_asking_which_name_is_saved_and_the_question_answered(kb):
    outcome = play(kb, *OPENING, "蓝晓燕 要写户口本上的名字吧")
    assert outcome.state["answers"]["name"] == "蓝晓燕" and outcome.state["state"] == "id_number"
    assert "身份证上的姓名" in "\n".join(outcome.replies)


def test_an_id_number_with_a_tag_asking_whether_it_is_safe_is_saved_and_the_worry_answered(kb):
    outcome = play(kb, *OPENING, BASIC[0], f"{VALID_ID} 发这个不会泄露吧")
    assert outcome.state["answers"]["id_number"] == VALID_ID and outcome.state["state"] == "employer"
    assert "个人信息" in "\n".join(outcome.replies)


def test_a_type_with_a_tag_asking_whether_the_old_points_stay_is_chosen_and_answered(kb):
    outcome = play(kb, "你好", "积分续办 以前的积分还有效吧")
    assert outcome.state["answers"]["business_type"] == "renew" and outcome.state["state"] == "permit_expiry"
    assert "积分有效期" in "\n".join(outcome.replies)


AT_CHILDREN = [*OPENING, *BASIC[:3]]
AT_MARITAL = [*AT_CHILDREN, "0"]


@pytest.mark.parametrize("said, told", [
    ("没有小孩 也还没结婚", {"children": 0, "marital_status": "unmarried"}),
    ("两个娃 老公上海户口", {"children": 2, "marital_status": "married", "spouse_options": ["spouse_hukou"]}),
])
def test_the_children_told_with_the_marriage_or_the_spouse_save_them_all(kb, said, told):
    outcome = play(kb, *AT_CHILDREN, said)
    assert {f: outcome.state["answers"].get(f) for f in told} == told


def test_a_first_message_telling_the_marriage_and_the_spouse_wanted_along_keeps_the_marriage(kb):
    outcome = play(kb, "俺结婚了 要把老公加进来")
    assert outcome.state["answers"]["business_type"] == "add_companion"
    assert outcome.state["answers"]["marital_status"] == "married"


@pytest.mark.parametrize("said", ["唉 不提也罢 说多了伤心", "这题太扎心了"])
def test_a_sigh_at_the_marital_status_saves_no_status(kb, said):
    outcome = play(kb, *AT_MARITAL, said)
    assert "marital_status" not in outcome.state["answers"] and outcome.state["state"] == "marital_status"
