"""Development set 11's misreadings by their causes, each through the engine in other words: Shanxi, Inner
Mongolia and Xinjiang function words (甚 什么, 咋介 怎么, 俺 我, the rhetorical 哪来的), a Japanese returnee's
wording, facts said beside an answer that answer another question, back said with the mistake it goes back for,
and commands said with a sigh."""
from __future__ import annotations

import pytest

from dialogs.understanding import interpret
from dialogs.understanding.classifier import trained
from knowledge.normalize import normalize
from tests.support.api import RETURN_TWO
from tests.support.chat import BASIC, application_in, play

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


AT_CHILDREN = [*OPENING, *BASIC[:3]]


@pytest.mark.parametrize("said, status", [("一个 平时跟我和媳妇住", "married"), ("两个 早离了 孩子归我", "divorced"),
                                          ("0 母胎solo到现在", "unmarried")])
def test_the_marriage_said_beside_the_children_is_kept(kb, said, status):
    """"两个 跟我和老婆住", "离了 …", "母胎solo…": the marital status was left to be asked again."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["answers"]["marital_status"] == status


def test_the_applicants_own_spouse_named_beside_the_name_is_a_marriage(kb):
    outcome = play(kb, *OPENING, "王磊 我老婆叫陈静")
    assert outcome.state["answers"]["name"] == "王磊" and outcome.state["answers"]["marital_status"] == "married"


@pytest.mark.parametrize("said", ["替我老公办的 他叫孙浩", "我老公的名字叫孙浩"])
def test_a_spouse_named_for_whom_the_message_is_typed_tells_no_marriage_of_the_applicant(kb, said):
    """Typed for the spouse ("帮我老婆办的 她叫…"), the one applying is the spouse; the spouse's name is no applicant's."""
    outcome = play(kb, *OPENING, said)
    assert "marital_status" not in outcome.state["answers"]


def test_the_employer_said_where_the_social_insurance_was_paid_is_kept(kb):
    outcome = play(kb, *OPENING, *BASIC, "3", "5年 一直在上海某某贸易有限公司交的")
    assert outcome.state["answers"]["social_years"] == 5
    assert outcome.state["answers"]["employer"] == "上海某某贸易有限公司"


def test_a_run_on_type_and_permit_date_keeps_both(kb):
    outcome = play(kb, "您好我要办积分续办我的居住证是后年三月一号到期的")
    assert outcome.state["answers"]["business_type"] == "renew"
    assert outcome.state["answers"]["permit_expiry"] == "2028-03-01"


def test_run_on_bonus_numbers_and_social_years_keep_both(kb):
    outcome = play(kb, *OPENING, *BASIC, "我选一和三职称是高级工程师社保交了八年")
    assert sorted(outcome.state["answers"]["bonus_options"]) == ["social_insurance", "title"]
    assert outcome.state["answers"]["social_years"] == 8


def test_a_divorce_told_at_the_spouse_options_is_no_spouse_option(kb):
    """"早离了 哪来的配偶": a question to the model (哪来的), then an answer with nothing chosen."""
    outcome = play(kb, *OPENING, *BASIC[:4], "已婚", "13800138000", "无", "离了好几年了 哪来的配偶")
    assert outcome.state["answers"]["marital_status"] == "divorced"
    assert outcome.state["answers"]["spouse_options"] == []


@pytest.mark.parametrize("said", ["老子叫罗刚 巴适得板", "罗刚 安逸得很"])
def test_chongqing_praise_beside_the_name_is_no_name(kb, said):
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"]["name"] == "罗刚"


@pytest.mark.parametrize("said", ["哎 怎么又退了 到底哪几样不合格", "唉 退回来了 哪些没通过"])
def test_which_items_failed_asked_with_a_sigh_lists_the_return(chat, said):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    reply = chat.send(said)
    assert "缺少单位盖章本人签字页" in reply and "委托单盖章日期超过两个月" in reply


AT_CHECKLIST = [*OPENING, *BASIC, "0", "确认"]


@pytest.mark.parametrize("said", ["唉 可算拍齐了 脖子都僵了", "哎呀 总算拍好了 累"])
def test_done_said_with_a_sigh_finishes_the_photos(kb, said):
    outcome = play(kb, *AT_CHECKLIST, "2", said)
    assert "还没有收到照片" in outcome.replies[0]  # finishing with none sent: told so, not small talk


@pytest.mark.parametrize("said", ["单位公章还没盖 过两天再来", "户籍证明还没开 过两天再来"])
def test_a_pause_said_by_what_is_missing_pauses(kb, said):
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.replies[0].startswith("已为您暂存")


@pytest.mark.parametrize("point, said, command", [
    ("email", "返回 手机号写错了", "back"),
    ("children", "上一步 公司名称打错了", "back"),
])
def test_back_said_with_the_mistake_one_step_back_is_back(kb, point, said, command):
    """The engine asks the answer one step back again either way; the development sets' convention is back."""
    best = interpret(point, said, kb=kb, classifier=trained())[0]
    assert best.kind == "command" and best.command == command
